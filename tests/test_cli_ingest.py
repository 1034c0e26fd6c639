"""``harmwatch ingest`` and ``harmwatch db`` as a user meets them: real files, real databases."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harmwatch.cli import app
from harmwatch.pipeline import Analyzer
from harmwatch.store import Store
from harmwatch.store._engine import head_revision

runner = CliRunner()

REPORT = "At least 23 civilians were killed in airstrikes on Maarat al-Numan on Sunday.\n"
PAGE = """<html><head><title>Market struck</title><meta name="date" content="2019-05-20">
</head><body><nav>Home | World</nav><article><p>Eight people were killed when a market in
Saraqib was struck twice on Monday, rescuers said.</p></article></body></html>"""


def summary(line: str) -> str:
    """The summary line without its claim count, time and database (which vary)."""
    return re.sub(r": \d+ claims? in [\d.]+ s into \S+$", "", line)


def make_reports(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a-report.txt").write_text(REPORT)
    (folder / "b-page.html").write_text(PAGE)
    (folder / "nested").mkdir()
    (folder / "nested" / "c-notes.md").write_text("# Notes\n\n12 killed in Ariha.\n")
    return folder


def test_a_folder_is_stored_with_extractions_one_line_per_document(
    tmp_path: Path, db_url: str
) -> None:
    reports = make_reports(tmp_path / "reports")

    result = runner.invoke(app, ["--db", db_url, "ingest", str(reports)])

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:-2] == [
        f"stored: {reports}/a-report.txt (en)",
        f"stored: {reports}/b-page.html (en, 2019-05-20)",
        f"stored: {reports}/nested/c-notes.md (en)",
    ]
    assert re.fullmatch(r"linked: \d+ new incidents?, 0 changed; .*", lines[-2])
    assert re.fullmatch(
        r"3 stored, 0 already stored, 0 failed: \d+ claims in [\d.]+ s into \S+harmwatch\S*",
        lines[-1],
    ), lines[-1]
    assert result.stderr == ""
    with Store.open(db_url) as store:
        assert store.count_documents() == 3
        analyze = Analyzer.load()
        for document in store.iter_documents():
            expected = analyze(document)
            assert store.get_extraction(document.sha256) == expected
            assert document.source.startswith(f"file://{reports}/")
        actions = [entry.action for entry in store.iter_audit()]
        assert actions == ["document.add"] * 3 + ["reports.add", "link.run"]
        assert store.verify_audit() == 5


def test_ingesting_the_same_files_twice_changes_nothing(tmp_path: Path, db_url: str) -> None:
    reports = make_reports(tmp_path / "reports")
    runner.invoke(app, ["--db", db_url, "ingest", str(reports)])
    with Store.open(db_url) as store:
        before = store.counts()

    result = runner.invoke(app, ["--db", db_url, "ingest", str(reports)])

    assert result.exit_code == 0
    assert summary(result.stdout.splitlines()[-1]) == "0 stored, 3 already stored, 0 failed"
    assert f"already stored: {reports}/a-report.txt" in result.stdout.splitlines()
    with Store.open(db_url) as store:
        assert store.counts() == before


def test_bad_files_are_reported_and_the_others_still_stored(tmp_path: Path, db_url: str) -> None:
    reports = make_reports(tmp_path / "reports")
    runner.invoke(app, ["--db", db_url, "ingest", str(reports / "a-report.txt")])
    (reports / "empty.txt").write_bytes(b"")
    (reports / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (reports / "script.html").write_text("<html><body><script>go()</script></body></html>")
    (reports / "big.txt").write_text(REPORT * 100)
    (reports / "legacy.txt").write_bytes(
        ("قتل 23 مدنيا في غارات جوية على معرة النعمان " * 3).encode("cp1256")
    )
    (reports / "gone.txt").symlink_to(reports / "deleted.txt")
    os.mkfifo(reports / "pipe.txt")

    result = runner.invoke(
        app, ["--db", db_url, "ingest", "--max-bytes", "2000", str(reports), str(reports / "x.txt")]
    )

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {reports}/big.txt: 7.8 kB is over the 2 kB limit; raise it with --max-bytes",
        f"Error: {reports}/empty.txt: empty file",
        f"Error: {reports}/gone.txt: broken link to {reports}/deleted.txt, which does not exist",
        f"Error: {reports}/photo.txt: binary content (a PNG image), not text",
        f"Error: {reports}/pipe.txt: not a regular file (a named pipe); cannot read it",
        f"Error: {reports}/script.html: no main text found (the page holds only scripts, "
        "menus or an error banner)",
        f"Error: {reports}/x.txt: no such file",
    ]
    lines = result.stdout.splitlines()
    assert f"already stored: {reports}/a-report.txt" in lines
    assert any(line.startswith(f"stored: {reports}/legacy.txt (ar; decoded as ") for line in lines)
    assert summary(lines[-1]) == "3 stored, 1 already stored, 7 failed"
    with Store.open(db_url) as store:
        assert store.count_documents() == 4
        actions = [entry.action for entry in store.iter_audit()]
        assert actions.count("document.add") == 4
        assert store.verify_audit() == len(actions)


def test_published_fills_in_documents_that_carry_no_date(tmp_path: Path, sqlite_url: str) -> None:
    reports = make_reports(tmp_path / "reports")

    result = runner.invoke(
        app, ["--db", sqlite_url, "ingest", "--published", "2019-06-01", str(reports)]
    )

    assert result.exit_code == 0
    with Store.open(sqlite_url) as store:
        published = {Path(d.source).name: d.published for d in store.iter_documents()}
    assert published == {
        "a-report.txt": date(2019, 6, 1),
        "b-page.html": date(2019, 5, 20),
        "c-notes.md": date(2019, 6, 1),
    }


def test_a_published_date_that_is_not_a_date_is_one_line(tmp_path: Path, sqlite_url: str) -> None:
    result = runner.invoke(app, ["--db", sqlite_url, "ingest", "--published", "20 May", "x.txt"])
    assert result.exit_code == 1
    assert result.stderr == "Error: --published must be a date as YYYY-MM-DD; got '20 May'\n"


def test_urls_and_feeds_are_fetched_and_failures_named(http_server: str, db_url: str) -> None:
    result = runner.invoke(
        app,
        [
            "--db",
            db_url,
            "ingest",
            "--timeout",
            "0.5",
            f"{http_server}/feed.xml",
            f"{http_server}/report.txt",
            f"{http_server}/broken",
            f"{http_server}/slow",
        ],
    )

    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[:-2] == [
        f"stored: {http_server}/article.html (en, 2019-05-20)",
        f"stored: {http_server}/second.html (en)",
        f"stored: {http_server}/report.txt (en)",
    ]
    assert summary(lines[-1]) == "3 stored, 0 already stored, 3 failed"
    assert result.stderr.splitlines() == [
        f"Error: {http_server}/missing: the server answered 404 Not Found",
        f"Error: {http_server}/broken: the server answered 500 Internal Server Error",
        f"Error: {http_server}/slow: timed out (no answer within 0.5 s)",
    ]
    with Store.open(db_url) as store:
        for document in store.iter_documents():
            assert document.warc is not None
            assert document.source.startswith(http_server)


def test_no_progress_bar_when_output_is_piped(tmp_path: Path, sqlite_url: str) -> None:
    reports = make_reports(tmp_path / "reports")
    result = runner.invoke(app, ["--db", sqlite_url, "ingest", str(reports)])
    assert result.stderr == ""


def test_a_database_url_that_cannot_work_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--db", "mysql://x@y/z", "ingest", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: cannot use database URL 'mysql://x@y/z': harmwatch stores in SQLite "
        "(sqlite:///path.db) or PostgreSQL (postgresql://...)\n"
    )


def test_an_unreachable_server_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["--db", "postgresql://u:pw@127.0.0.1:1/db", "ingest", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("Error: database postgresql+psycopg://u:***@127.0.0.1:1/db: ")


def test_db_upgrade_creates_the_schema_and_db_info_counts(tmp_path: Path, db_url: str) -> None:
    upgraded = runner.invoke(app, ["--db", db_url, "db", "upgrade"])
    again = runner.invoke(app, ["--db", db_url, "db", "upgrade"])
    runner.invoke(app, ["--db", db_url, "ingest", str(make_reports(tmp_path / "r"))])
    info = runner.invoke(app, ["--db", db_url, "db", "info"])

    head = head_revision()
    assert upgraded.stdout == f"database upgraded from schema revision none to {head}\n"
    assert again.stdout == f"database is up to date (schema revision {head})\n"
    assert info.exit_code == 0
    lines = info.stdout.splitlines()
    assert lines[1:4] == [f"schema revision: {head}", "documents: 3", "extractions: 3"]
    assert "audit_log: 5" in lines  # 3 documents, their reports, one link run


def test_every_command_has_a_description_and_an_example() -> None:
    for command in (["ingest"], ["db", "upgrade"], ["db", "info"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0
        assert "Example: harmwatch" in result.stdout


@pytest.mark.parametrize("name", ["harmwatch.db"])
def test_the_default_database_is_a_file_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HARMWATCH_DB", raising=False)
    make_reports(tmp_path / "reports")
    result = runner.invoke(app, ["ingest", "reports"])
    assert result.exit_code == 0
    assert (tmp_path / name).exists()
    assert result.stdout.splitlines()[0] == "stored: reports/a-report.txt (en)"


def test_a_folder_without_readable_files_is_reported(tmp_path: Path, sqlite_url: str) -> None:
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "page.tiff").write_bytes(b"II*\x00")
    result = runner.invoke(app, ["--db", sqlite_url, "ingest", str(tmp_path / "scans")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {tmp_path}/scans: no .docx, .htm, .html, .markdown, .md, .pdf, .text, .txt, "
        ".xhtml files in this folder\n"
    )
