"""``harmwatch demo``: the example reports go into a fresh database, with their claims; it never
deletes what it did not make."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from harmwatch.cli import app
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
