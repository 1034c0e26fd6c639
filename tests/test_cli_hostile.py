"""Hostile names, unexpected errors, symlinks and interruptions, as ``harmwatch ingest`` meets
them: one bad document costs one line, never the batch, the terminal or the user's data."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harmwatch.cli import app
from harmwatch.model import Document, Extraction
from harmwatch.pipeline import Analyzer
from harmwatch.store import Store

runner = CliRunner()
REPORT = "At least 23 civilians were killed in airstrikes on Maarat al-Numan on Sunday.\n"
OTHER = "Eight people were killed when a market in Saraqib was struck twice on Monday.\n"
HARMWATCH = [sys.executable, "-c", "from harmwatch.cli import main; main()"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """The real command in a process of its own, its output as raw bytes."""
    return subprocess.run(
        [*HARMWATCH, *args], capture_output=True, env={**os.environ, **(env or {})}, timeout=300
    )


def test_names_with_newlines_escapes_and_stray_bytes_print_as_one_safe_line_each(
    tmp_path: Path, sqlite_url: str
) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    forged = "a\nstored: forged.txt\x1b[31m[bold]x[not bold].txt"
    (folder / forged).write_text(REPORT, encoding="utf-8")
    (folder / os.fsdecode(b"b-\xff\xfe.txt")).write_text(OTHER, encoding="utf-8")
    (folder / os.fsdecode(b"c-\xff-empty.txt")).write_bytes(b"")

    result = run(
        "--db", sqlite_url, "ingest", str(folder), env={"PYTHONIOENCODING": "utf-8:strict"}
    )

    assert result.returncode == 1, result.stderr
    out = result.stdout.decode("utf-8").splitlines()
    assert out[:2] == [
        f"stored: {folder}/a\\nstored: forged.txt\\x1b[31m[bold]x[not bold].txt (en)",
        f"stored: {folder}/b-\\xff\\xfe.txt (en)",
    ]
    assert result.stderr.decode("utf-8").splitlines() == [
        f"Error: {folder}/c-\\xff-empty.txt: empty file"
    ]
    with Store.open(sqlite_url) as store:
        sources = sorted(d.source for d in store.iter_documents())
    assert sources[1].endswith("/b-%FF%FE.txt")


def test_an_unexpected_error_is_one_line_naming_the_log_and_the_batch_goes_on(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "a-bug.txt").write_text("BUG HERE. " + REPORT, encoding="utf-8")
    (folder / "b-fine.txt").write_text(OTHER, encoding="utf-8")
    real = Analyzer.__call__

    def buggy(self: Analyzer, document: Document) -> Extraction:
        if "BUG HERE" in document.text:
            raise OverflowError("int too large to convert to float")
        return real(self, document)

    monkeypatch.setattr(Analyzer, "__call__", buggy)
    log = tmp_path / "state" / "errors.log"

    result = runner.invoke(
        app, ["--db", sqlite_url, "--error-log", str(log), "ingest", str(folder)]
    )

    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {folder}/a-bug.txt: unexpected error in analysis (OverflowError: int too large "
        "to convert to float); its bytes are stored without claims, and a later ingest analyses "
        f"it again; details in {log} (please attach it to a bug report)"
    ]
    assert result.stdout.splitlines()[0] == f"stored: {folder}/b-fine.txt (en)"
    logged = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert 'raise OverflowError("int too large to convert to float")' in logged


def test_harmwatch_debug_raises_the_error_itself(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")

    def buggy(self: Analyzer, document: Document) -> Extraction:
        raise OverflowError("int too large to convert to float")

    monkeypatch.setattr(Analyzer, "__call__", buggy)
    monkeypatch.setenv("HARMWATCH_DEBUG", "1")

    result = runner.invoke(app, ["--db", sqlite_url, "ingest", str(tmp_path / "a.txt")])

    assert isinstance(result.exception, OverflowError)


def test_links_out_of_the_folder_are_skipped_with_a_note_unless_followed(
    tmp_path: Path, sqlite_url: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(OTHER, encoding="utf-8")
    (outside / "more").mkdir()
    (outside / "more" / "deep.txt").write_text("Four people were killed in Ariha.\n")
    folder = tmp_path / "partner"
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    (folder / "secret.txt").symlink_to(outside / "secret.txt")
    (folder / "same.txt").symlink_to(folder / "report.txt")
    (folder / "more").symlink_to(outside / "more")

    result = runner.invoke(app, ["--db", sqlite_url, "ingest", str(folder)])

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        f"skipped: {folder}/more: a link to the folder {outside}/more, outside {folder}; "
        "not read (--follow-symlinks reads it)",
        f"stored: {folder}/report.txt (en)",
        f"already stored: {folder}/same.txt",
        f"skipped: {folder}/secret.txt: a link to the file {outside}/secret.txt, outside "
        f"{folder}; not read (--follow-symlinks reads it)",
    ]
    assert lines[4] == "linked: 1 new incident, 0 changed; 0 period totals kept apart"
    assert lines[5].startswith("1 stored, 1 already stored, 0 failed, 2 skipped: ")

    followed = runner.invoke(app, ["--db", sqlite_url, "ingest", "--follow-symlinks", str(folder)])

    assert followed.exit_code == 0, followed.output
    assert followed.stdout.splitlines()[:4] == [
        f"stored: {folder}/more/deep.txt (en)",
        f"already stored: {folder}/report.txt",
        f"already stored: {folder}/same.txt",
        f"stored: {folder}/secret.txt (en)",
    ]


def test_quiet_prints_nothing_but_errors(tmp_path: Path, sqlite_url: str) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")

    result = runner.invoke(app, ["--db", sqlite_url, "-q", "ingest", str(tmp_path)])

    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: {tmp_path}/b.txt: empty file\n"


def test_the_summary_gives_claims_time_and_database(tmp_path: Path, sqlite_url: str) -> None:
    (tmp_path / "a.txt").write_text(REPORT + OTHER, encoding="utf-8")

    result = runner.invoke(app, ["--db", sqlite_url, "ingest", str(tmp_path)])

    with Store.open(sqlite_url) as store:
        claims = store.counts()["claims"]
    assert claims >= 2
    assert re.fullmatch(
        rf"1 stored, 0 already stored, 0 failed: {claims} claims in \d+\.\d s into "
        + re.escape(sqlite_url),
        result.stdout.splitlines()[-1],
    )


@pytest.mark.slow
def test_ctrl_c_stops_with_a_summary_and_a_rerun_finishes(tmp_path: Path, sqlite_url: str) -> None:
    folder = tmp_path / "r"
    folder.mkdir()
    for n in range(400):
        (folder / f"{n:04d}.txt").write_text(f"Report {n}: {n + 2} people were killed in Idlib.\n")
    process = subprocess.Popen(
        [*HARMWATCH, "--db", sqlite_url, "ingest", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    for _ in range(20):  # a few documents in
        assert process.stdout.readline().startswith("stored: ")
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)

    assert process.returncode == 130
    assert re.fullmatch(
        r"interrupted: (\d+) stored, 0 already stored, 0 failed: \d+ claims in [\d.]+ s into "
        r"\S+; run the same command again to finish\n",
        err,
    ), err
    with Store.open(sqlite_url) as store:
        kept = store.count_documents()
        assert store.verify_audit() == kept
    rerun = runner.invoke(app, ["--db", sqlite_url, "-q", "ingest", str(folder)])
    assert rerun.exit_code == 0
    with Store.open(sqlite_url) as store:
        assert store.count_documents() == 400


def test_the_progress_bar_shows_rate_and_time_left_on_a_terminal(
    tmp_path: Path, sqlite_url: str
) -> None:
    import pty

    for n in range(30):
        (tmp_path / f"{n:02d}.txt").write_text(f"{n + 2} people were killed in Ariha.\n")
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [*HARMWATCH, "--db", sqlite_url, "ingest", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=terminal,
        env={**os.environ, "COLUMNS": "120", "TERM": "xterm"},
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the command has ended
            break
        if not chunk:
            break
        shown += chunk
    assert process.wait(timeout=120) == 0
    os.close(controller)
    text = shown.decode("utf-8", "replace")
    assert "docs/s" in text
    assert "ETA" in text
    assert "/30" in text


def test_no_help_shows_type_labels(tmp_path: Path) -> None:
    import typer

    root = typer.main.get_command(app)
    paths = [[]]
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        paths.append([name])
        paths += [[name, sub] for sub in getattr(command, "commands", {})]
    for path in paths:
        result = runner.invoke(app, [*path, "-h"], env={"COLUMNS": "200"})
        assert result.exit_code == 0, path
        found = re.findall(r"<(?:bool|int|float|str|text|list|path)[^>]*>|\[x[<>]=", result.stdout)
        assert not found, (path, found)
