"""``harmwatch import`` as a user meets it, on SQLite and PostgreSQL: the file kept byte for
byte, one report per good row, bad rows listed, a second import changing nothing."""

from __future__ import annotations

from pathlib import Path

from builders import a_csv
from typer.testing import CliRunner

from harmwatch.cli import app
from harmwatch.store import Store

runner = CliRunner()

HEADER = ["Incident ID", "Date", "Governorate", "Village", "Latitude", "Longitude", "Killed",
          "Children killed"]  # fmt: skip
ROWS = [
    ["A-1", "2019-05-19", "Idlib", "Example", "35.6", "36.6", "7", "2"],
    ["A-2", "2019-05-20", "Idlib", "Example", "35.6", "36.6", "many", ""],
    ["A-3", "", "Idlib", "Example", "35.6", "36.6", "1", ""],
    ["A-4", "2019-05-21", "Hama", "Other", "35.1", "36.7", "3", "0"],
]
MAP = """
id = "Incident ID"
date = "Date"
admin1 = "Governorate"
location = "Village"
latitude = "Latitude"
longitude = "Longitude"
killed.people = "Killed"
killed.children = "Children killed"
"""


def _files(tmp_path: Path) -> tuple[Path, Path]:
    table = tmp_path / "partner.csv"
    table.write_bytes(a_csv(HEADER, *ROWS))
    column_map = tmp_path / "partner.toml"
    column_map.write_text(MAP)
    return table, column_map


def test_a_table_is_stored_byte_for_byte_and_bad_rows_listed(tmp_path: Path, db_url: str) -> None:
    table, column_map = _files(tmp_path)

    result = runner.invoke(
        app, ["--db", db_url, "import", str(table), "--map", str(column_map), "--source", "Partner"]
    )

    assert result.exit_code == 1
    assert result.stdout == (
        f"imported: {table}: 2 reports from 4 rows, 2 skipped, 0 warnings\n"
        "linked: 2 new incidents, 0 changed; 0 period totals kept apart\n"
    )
    assert result.stderr == (
        f"Error: {table}: row 3, column 'Killed' = 'many': not a whole number\n"
        f"Error: {table}: row 4, column 'Date' = '': missing date\n"
        "skipped rows: 1 not a whole number, 1 missing date\n"
    )
    with Store.open(db_url) as store:
        (document,) = store.iter_documents()
        assert document.raw == table.read_bytes()
        reports = store.reports_for(document.sha256)
    assert [(r.row, r.external_id, r.source) for r in reports] == [
        (2, "A-1", "Partner"),
        (5, "A-4", "Partner"),
    ]
    assert {(f.subject, f.value) for f in reports[0].figures} == {("people", 7), ("children", 2)}


def test_importing_the_same_file_twice_changes_nothing(tmp_path: Path, db_url: str) -> None:
    table, column_map = _files(tmp_path)
    args = ["--db", db_url, "import", str(table), "--map", str(column_map)]
    runner.invoke(app, args)
    with Store.open(db_url) as store:
        before = store.counts()

    again = runner.invoke(app, args)

    assert again.stdout.startswith(f"already imported: {table}: nothing changed (2 reports")
    with Store.open(db_url) as store:
        assert store.counts() == before
        assert store.verify_audit() == before["audit_log"]


def test_a_table_without_bad_rows_imports_with_exit_status_0(
    tmp_path: Path, sqlite_url: str
) -> None:
    table = tmp_path / "clean.csv"
    table.write_bytes(a_csv(HEADER, ROWS[0], ROWS[3]))
    column_map = tmp_path / "map.toml"
    column_map.write_text(MAP)

    result = runner.invoke(
        app, ["--db", sqlite_url, "import", str(table), "--map", str(column_map)]
    )

    assert result.exit_code == 0
    assert result.stdout == (
        f"imported: {table}: 2 reports from 2 rows, 0 skipped, 0 warnings\n"
        "linked: 2 new incidents, 0 changed; 0 period totals kept apart\n"
    )


def test_suggest_map_prints_a_map_to_start_from(tmp_path: Path) -> None:
    table, _ = _files(tmp_path)

    result = runner.invoke(app, ["import", "--suggest-map", str(table)])

    assert result.exit_code == 0
    assert 'date = "Date"' in result.stdout
    assert 'killed.children = "Children killed"' in result.stdout
    assert 'latitude = "Latitude"' in result.stdout


def test_a_table_of_unknown_kind_asks_for_a_format_or_a_map(
    tmp_path: Path, sqlite_url: str
) -> None:
    table, _ = _files(tmp_path)

    result = runner.invoke(app, ["--db", sqlite_url, "import", str(table)])

    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {table}: cannot tell what kind of table this is")


def test_a_file_that_is_not_a_table_and_a_bad_option_are_refused(
    tmp_path: Path, sqlite_url: str
) -> None:
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF-1.4")
    table, _ = _files(tmp_path)

    not_table = runner.invoke(app, ["--db", sqlite_url, "import", str(report)])
    bad_policy = runner.invoke(app, ["--db", sqlite_url, "import", str(table), "--unknown", "x"])

    assert not_table.stderr == (
        f"Error: {report}: cannot import .pdf; harmwatch imports .csv, .tsv, .xlsx tables "
        "(reports go through harmwatch ingest)\n"
    )
    assert bad_policy.stderr == "Error: --unknown must be keep or reject; got 'x'\n"
