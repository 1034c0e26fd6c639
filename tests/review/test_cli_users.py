"""``harmwatch users`` and ``--as`` as a user meets them: real databases, exact output."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from harmwatch.cli import app
from harmwatch.store import Store

runner = CliRunner()
TOKEN = re.compile(r"hw_[0-9a-f]{12}_[A-Za-z0-9_-]{43}")


def test_the_first_admin_is_added_without_as_and_gets_a_token_once(db_url: str) -> None:
    result = runner.invoke(app, ["--db", db_url, "users", "add", "rima", "--role", "admin"])

    assert result.exit_code == 0, result.output
    assert TOKEN.fullmatch(result.stdout.strip())
    assert result.stderr == (
        "added rima (admin); the API token below is shown this once: keep it secret\n"
    )
    with Store.open(db_url) as store:
        assert store.authenticate(result.stdout.strip()).name == "rima"


def test_an_admin_adds_lists_disables_and_rotates(db_url: str) -> None:
    runner.invoke(app, ["--db", db_url, "users", "add", "rima", "--role", "admin"])
    added = runner.invoke(
        app, ["--db", db_url, "--as", "rima", "users", "add", "omar", "--role", "analyst"]
    )
    assert added.exit_code == 0, added.output

    listed = runner.invoke(app, ["--db", db_url, "users", "list"])
    lines = [line.split() for line in listed.stdout.splitlines()]
    assert [line[:3] for line in lines] == [
        ["omar", "analyst", "active"],
        ["rima", "admin", "active"],
    ]

    rotated = runner.invoke(app, ["--db", db_url, "--as", "omar", "users", "rotate", "omar"])
    assert rotated.exit_code == 0
    assert TOKEN.fullmatch(rotated.stdout.strip())

    disabled = runner.invoke(app, ["--db", db_url, "--as", "rima", "users", "disable", "omar"])
    assert (disabled.exit_code, disabled.stdout) == (0, "disabled omar\n")
    with Store.open(db_url) as store:
        assert [e.action for e in store.iter_audit(entity="user:omar")] == [
            "user.add",
            "user.rotate",
            "user.disable",
        ]


def test_a_second_user_without_as_is_refused(db_url: str) -> None:
    runner.invoke(app, ["--db", db_url, "users", "add", "rima", "--role", "admin"])

    result = runner.invoke(app, ["--db", db_url, "users", "add", "omar", "--role", "analyst"])

    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: managing users needs a named user: give --as NAME or set HARMWATCH_USER\n"
    )


def test_an_unknown_as_name_is_one_clear_line(db_url: str) -> None:
    runner.invoke(app, ["--db", db_url, "users", "add", "rima", "--role", "admin"])

    result = runner.invoke(
        app, ["--db", db_url, "users", "disable", "rima"], env={"HARMWATCH_USER": "nobody"}
    )

    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no user named 'nobody': `harmwatch users list`")


def test_ingest_without_as_records_the_os_account_and_with_as_the_user(
    tmp_path: Path, db_url: str
) -> None:
    report = tmp_path / "a.txt"
    report.write_text("At least 23 civilians were killed in Ariha.\n")
    other = tmp_path / "b.txt"
    other.write_text("Eight people were killed in Saraqib.\n")
    runner.invoke(app, ["--db", db_url, "users", "add", "rima", "--role", "admin"])
    runner.invoke(app, ["--db", db_url, "--as", "rima", "users", "add", "sam", "--role", "viewer"])

    anonymous = runner.invoke(app, ["--db", db_url, "ingest", str(report)])
    named = runner.invoke(app, ["--db", db_url, "--as", "rima", "ingest", str(other)])
    viewer = runner.invoke(app, ["--db", db_url, "--as", "sam", "ingest", str(other)])

    assert (anonymous.exit_code, named.exit_code) == (0, 0)
    assert viewer.exit_code == 1
    assert viewer.stderr == (
        "Error: sam has the role viewer; storing documents as a named user needs the role "
        "analyst or admin\n"
    )
    with Store.open(db_url) as store:
        actors = [e.actor for e in store.iter_audit(entity="document:")]
    assert actors[0].endswith(" (harmwatch ingest)")
    assert actors[1] == "rima"
    assert len(actors) == 2
