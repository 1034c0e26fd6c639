"""``harmwatch review`` as analysts and viewers meet it: real databases, exact output."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from builders import World, a_review_world
from typer.testing import CliRunner

from harmwatch.cli import app
from harmwatch.store import Store

runner = CliRunner()


@pytest.fixture
def world(db_url: str) -> Iterator[World]:
    with Store.open(db_url) as store:
        yield a_review_world(store)


def test_the_queue_shows_what_needs_a_person_most_urgent_first(world: World, db_url: str) -> None:
    result = runner.invoke(app, ["--db", db_url, "review", "queue"])

    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{world.b.id:>6} v1   2017-10-01  Maarat al-Numan  1 low-confidence claim; "
        "new: not graded yet",
        f"{world.a.id:>6} v1   2017-10-01  Maarat al-Numan  new: not graded yet",
    ]
    as_json = runner.invoke(app, ["--db", db_url, "review", "queue", "--format", "jsonl"])
    first = json.loads(as_json.stdout.splitlines()[0])
    assert first == {
        "incident_id": world.b.id,
        "version": 1,
        "grade": None,
        "first_date": "2017-10-01",
        "place": "Maarat al-Numan",
        "reasons": ["1 low-confidence claim", "new: not graded yet"],
    }


def test_an_analyst_grades_and_show_says_who_with_each_claim_quoted(
    world: World, db_url: str
) -> None:
    a = world.a
    graded = runner.invoke(
        app,
        ["--db", db_url, "--as", "omar", "review", "grade", str(a.id), "fair",
         "--version", str(a.version), "--reason", "two local sources"],
    )  # fmt: skip
    assert graded.exit_code == 0, graded.output
    assert graded.stdout == f"graded incident {a.id} fair; incident {a.id} is now version 2\n"

    shown = runner.invoke(app, ["--db", db_url, "--as", "omar", "review", "show", str(a.id)])

    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert lines[0].startswith(f"incident {a.id} (version 2): fair by omar on ")
    assert "date: 2017-10-01" in lines
    assert "place: Maarat al-Numan, Maarrat al-Nu'man, Idlib (geonames:167611)" in lines
    claim = f"{world.documents[0].sha256}:0"
    assert (
        f'    killed civilians 23 (exact): "23 civilians" (claim {claim}, confidence 0.95)'
    ) in lines
    assert any(line.startswith("      in: At least 23 civilians were killed") for line in lines)


def test_a_viewer_or_nobody_cannot_write(world: World, db_url: str) -> None:
    a = world.a
    args = ["review", "grade", str(a.id), "fair", "--version", str(a.version)]

    viewer = runner.invoke(app, ["--db", db_url, "--as", "sam", *args])
    nobody = runner.invoke(app, ["--db", db_url, *args])

    assert (viewer.exit_code, nobody.exit_code) == (1, 1)
    assert viewer.stderr == (
        "Error: sam has the role viewer; reviewing incidents needs the role analyst or admin\n"
    )
    assert nobody.stderr == (
        "Error: reviewing incidents needs a named user: give --as NAME or set HARMWATCH_USER\n"
    )
    with Store.open(db_url) as store:
        assert store.get_incident(a.id or 0).grade is None


def test_a_stale_write_is_refused_with_the_reload_message(world: World, db_url: str) -> None:
    a = world.a
    opened = str(a.version)
    first = runner.invoke(
        app,
        [
            "--db",
            db_url,
            "--as",
            "omar",
            "review",
            "note",
            str(a.id),
            "checked",
            "--version",
            opened,
        ],
    )
    second = runner.invoke(
        app,
        ["--db", db_url, "--as", "lina", "review", "grade", str(a.id), "weak", "--version", opened],
    )

    assert first.exit_code == 0
    assert second.exit_code == 1
    assert second.stderr == (
        f"Error: incident {a.id} changed since you opened it; reload and review again\n"
    )


def test_corrections_by_place_name_and_confidential_notes(world: World, db_url: str) -> None:
    a = world.a
    corrected = runner.invoke(
        app,
        ["--db", db_url, "--as", "omar", "review", "correct", str(a.id), "place", "Kafranbel",
         "--version", "1", "--reason", "the market is in Kafranbel"],
    )  # fmt: skip
    noted = runner.invoke(
        app,
        ["--db", db_url, "--as", "omar", "review", "note", str(a.id), "witness: Ahmad",
         "--confidential", "--version", "2"],
    )  # fmt: skip
    assert (corrected.exit_code, noted.exit_code) == (0, 0), corrected.output + noted.output

    analyst = runner.invoke(app, ["--db", db_url, "--as", "lina", "review", "show", str(a.id)])
    viewer = runner.invoke(app, ["--db", db_url, "--as", "sam", "review", "show", str(a.id)])
    public = runner.invoke(app, ["--db", db_url, "review", "show", str(a.id), "--format", "json"])

    assert (
        "place: Kafranbel, Maarrat al-Nu'man, Idlib (geonames:168661)  [corrected by omar: the "
        "market is in Kafranbel; linked: Maarat al-Numan, Maarrat al-Nu'man, Idlib "
        "(geonames:167611)]"
    ) in analyst.stdout.splitlines()
    assert "witness: Ahmad [" not in analyst.stdout
    assert "[confidential]: witness: Ahmad" in analyst.stdout
    for seen in (viewer.stdout, public.stdout):
        assert "Ahmad" not in seen
    assert "withheld from you: 1 confidential notes" in viewer.stdout
    data = json.loads(public.stdout)
    assert data["review"]["withheld"] == ["1 confidential notes"]
    assert data["place"]["name"] == "Kafranbel"
    assert data["original"]["place"]["name"] == "Maarat al-Numan"
    assert data["evidence"][0]["evidence"][0]["quote"] == "23 civilians"


def test_a_bad_field_or_claim_is_one_clear_line(world: World, db_url: str) -> None:
    a = world.a
    bad_field = runner.invoke(
        app,
        ["--db", db_url, "--as", "omar", "review", "correct", str(a.id), "weather", "sunny",
         "--version", "1", "--reason", "x"],
    )  # fmt: skip
    bad_claim = runner.invoke(
        app,
        ["--db", db_url, "--as", "omar", "review", "reject-claim", str(a.id), "abc:1",
         "--version", "1", "--reason", "x"],
    )  # fmt: skip
    assert bad_field.exit_code == bad_claim.exit_code == 1
    assert bad_field.stderr.startswith("Error: can correct date, place, perpetrator or best:")
    assert bad_claim.stderr.startswith("Error: a claim is named <document sha256>:<ordinal>")


def test_merge_and_split_from_the_command_line(world: World, db_url: str) -> None:
    from harmwatch import link

    if not hasattr(link, "build_incident"):
        pytest.skip("the linking stage (harmwatch.link.build_incident) is not in this build")
    a, b = world.a, world.b
    merged = runner.invoke(
        app,
        ["--db", db_url, "--as", "omar", "review", "merge", str(a.id), str(b.id),
         "--version", "1", "--other-version", "1", "--reason", "same strike"],
    )  # fmt: skip
    assert merged.exit_code == 0, merged.output
    assert merged.stdout.startswith(f"merged incident {b.id} into {a.id}; incident {a.id} is now")
    split = runner.invoke(
        app,
        ["--db", db_url, "--as", "omar", "review", "split", str(a.id), world.reports[2].key,
         "--version", merged.stdout.split()[-1], "--reason", "a day later"],
    )  # fmt: skip
    assert split.exit_code == 0, split.output
    with Store.open(db_url) as store:
        assert len(store.incidents()) == 2
        assert store.verify_audit() > 0
