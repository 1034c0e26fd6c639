"""``harmwatch demo``: the example reports go into a fresh database, with their claims, linked
into incidents, and the example week is summarised; it never deletes what it did not make."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harmwatch.cli import app
from harmwatch.cli._demo import by_date_in_name, date_in_name
from harmwatch.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "reports"
runner = CliRunner()


def test_demo_stores_every_example_with_claims_and_places(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = runner.invoke(app, ["demo", "--examples", str(EXAMPLES), "--out", str(out)])
    assert result.exit_code == 0, result.output
    n_reports = sum(1 for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html", ".md"})
    with Store.open("sqlite:///" + str(out / "harmwatch.db")) as store:
        counts = store.counts()
    assert counts["documents"] == n_reports
    assert counts["claims"] > 3 * counts["documents"]
    assert counts["place_mentions"] > counts["documents"]
    assert f"Stored {counts['documents']} documents" in result.output
    assert (out / ".harmwatch-demo").is_file()


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    out = tmp_path_factory.mktemp("demo-week") / "demo"
    result = runner.invoke(app, ["demo", "--examples", str(EXAMPLES), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return result.output, out / "harmwatch.db"


def test_demo_links_the_examples_into_incidents(demo_run: tuple[str, Path]) -> None:
    output, database = demo_run
    with Store.open(f"sqlite:///{database}") as store:
        incidents = store.incidents()
    assert len(incidents) >= 5
    assert "linked: " in output and " new incidents" in output
    # the two reports of the Khan Sheikhoun strike of 27 September are one incident
    khan_sheikhoun = [
        i for i in incidents if i.place is not None and i.place.id == "geonames:168325"
    ]
    assert len(khan_sheikhoun) == 1 and len(khan_sheikhoun[0].sources) >= 2


def test_demo_prints_the_example_weeks_summary(demo_run: tuple[str, Path]) -> None:
    output, database = demo_run
    title = "Summary of Idlib (governorate, ocha:SY07), 2017-09-20 to 2017-10-01"
    week = output[output.index(title) :]
    assert "\n0 incident(s) counted" not in week
    for number in ("714", "47", "137", "15 of unreported", "38 not broken down"):
        assert number in week
    assert "Strikes inside a zone while in force: none" not in week
    # the command the demo suggests gives the same week, with the group's numbers
    again = runner.invoke(
        app,
        ["--db", str(database), "summary", "--place", "Idlib", "--from", "2017-09-20",
         "--to", "2017-10-01", "--format", "json"],
    )  # fmt: skip
    assert again.exit_code == 0, again.output
    summary = json.loads(again.output)
    assert summary["incidents"]["value"] >= 3
    totals = {
        (row["type"], row["perpetrator"]): [f["value"] for f in row["period_totals"]]
        for row in summary["facilities"]
    }
    assert 47 in totals[("any", None)]
    assert 12 in totals[("civil_defence", "Russia")]
    killed = {r["group"]: r for r in summary["casualties"] if r["kind"] == "killed"}
    assert 137 in [f["value"] for f in killed["people"]["period_totals"]]
    assert killed["people"]["incidents"]["best"] > 0
    # Khan Sheikhoun, 27 September: "the same street was struck again" (rescuers killed)
    assert any(tap["responders_hit"] for tap in summary["double_taps"]["found"])


def test_undated_reports_take_the_date_their_file_name_carries() -> None:
    assert date_in_name(Path("maarat-al-numan-2017-10-01-wire.txt")) == date(2017, 10, 1)
    assert date_in_name(Path("notes.txt")) is None
    assert date_in_name(Path("report-2017-13-40.txt")) is None
    groups = by_date_in_name([Path("b-2017-10-01.txt"), Path("a.txt"), Path("a-2017-10-01.txt")])
    assert groups == {date(2017, 10, 1): ["a-2017-10-01.txt", "b-2017-10-01.txt"], None: ["a.txt"]}


def test_demo_twice_starts_afresh_and_stores_the_same(tmp_path: Path) -> None:
    args = ["demo", "--examples", str(EXAMPLES), "--out", str(tmp_path / "demo")]
    first = runner.invoke(app, args)
    second = runner.invoke(app, args)
    assert first.exit_code == second.exit_code == 0
    assert first.output.splitlines()[-2] == second.output.splitlines()[-2]


def test_demo_refuses_a_folder_it_did_not_make_and_deletes_nothing(tmp_path: Path) -> None:
    runner.invoke(app, ["--db", str(tmp_path / "harmwatch.db"), "db", "upgrade"])
    before = (tmp_path / "harmwatch.db").read_bytes()

    result = runner.invoke(app, ["demo", "--examples", str(EXAMPLES), "--out", str(tmp_path)])

    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {tmp_path}: not a folder made by `harmwatch demo` (it has no .harmwatch-demo "
        "file) and not empty; the demo writes only into a folder of its own: give --out a new "
        "one\n"
    )
    assert (tmp_path / "harmwatch.db").read_bytes() == before
    assert not (tmp_path / ".harmwatch-demo").exists()


def test_demo_refuses_a_file_and_accepts_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    refused = runner.invoke(
        app, ["demo", "--examples", str(EXAMPLES), "--out", str(tmp_path / "notes.txt")]
    )
    (tmp_path / "empty").mkdir()
    accepted = runner.invoke(
        app, ["demo", "--examples", str(EXAMPLES), "--out", str(tmp_path / "empty")]
    )

    assert refused.exit_code == 1
    assert "is a file; give --out a folder for the demo" in refused.stderr
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert accepted.exit_code == 0, accepted.output


def test_demo_without_examples_says_where_to_run_it(tmp_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--examples", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "no such folder of example reports" in result.output
