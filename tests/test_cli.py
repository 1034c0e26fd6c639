"""The ``harmwatch`` command as a user meets it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from harmwatch import __version__
from harmwatch.cli import app

runner = CliRunner()


def test_help_lists_every_command_with_a_description() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "version" in result.output


def test_h_is_help_for_the_app_and_every_command() -> None:
    for args in (["-h"], ["ingest", "-h"], ["db", "info", "-h"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, args
        assert "Usage: " in result.stdout


def test_version_prints_the_package_version() -> None:
    for args in (["version"], ["--version"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0
        assert result.output == f"harmwatch {__version__}\n"


def test_ingest_of_standard_input_says_what_to_do_instead(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--db", str(tmp_path / "h.db"), "ingest", "-"])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: -: ingest reads files, folders and URLs, not standard input; save it to a file "
        "(its name is kept as the source) and ingest that\n"
    )


def test_a_point_off_the_globe_is_an_error() -> None:
    for args, message in (
        (["95", "36.6"], "latitude 95 is out of range: it must be between -90 and 90"),
        (["--", "-91", "36.6"], "latitude -91 is out of range: it must be between -90 and 90"),
        (["35.9", "200"], "longitude 200 is out of range: it must be between -180 and 180"),
        (["nan", "36.6"], "latitude nan is out of range: it must be between -90 and 90"),
    ):
        result = runner.invoke(app, ["zones", "check", *args])
        assert result.exit_code == 1, args
        assert result.stderr == f"Error: {message}\n"


def test_the_commands_defaults_are_the_librarys() -> None:
    from harmwatch import ingest, pipeline
    from harmwatch.cli import _ingest  # the command's own defaults, kept light to import

    assert _ingest.DEFAULT_MAX_BYTES == ingest.DEFAULT_MAX_BYTES
    assert _ingest.DEFAULT_TIMEOUT == ingest.DEFAULT_TIMEOUT
    assert _ingest.DEFAULT_DEADLINE == ingest.DEFAULT_DEADLINE
    assert _ingest.DEFAULT_TIME_BUDGET == pipeline.DEFAULT_TIME_BUDGET


def test_a_command_imports_only_what_it_needs() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from harmwatch.cli import app; "
        "print(sorted(m for m in ('sqlalchemy', 'httpx', 'rich.table', 'harmwatch.store', "
        "'harmwatch.extract._pipeline', 'dateparser', 'trafilatura') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "[]"


def test_extract_does_not_load_the_database_layer(tmp_path: Path) -> None:
    import subprocess
    import sys

    report = tmp_path / "report.txt"
    report.write_text("At least 14 civilians were killed in Saraqib on Thursday.\n")
    code = (
        "import sys\nfrom harmwatch.cli import app\ntry:\n"
        f"    app(['extract', '--format', 'jsonl', {str(report)!r}])\n"
        "except SystemExit:\n    pass\n"
        "heavy = ('sqlalchemy', 'httpx', 'harmwatch.store._store')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert '"value": 14' in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_extract_of_a_text_file_loads_no_document_or_table_reader(tmp_path: Path) -> None:
    """PDFium, python-docx and the table readers load only for a file of their kind."""
    import subprocess
    import sys

    report = tmp_path / "report.txt"
    report.write_text("At least 14 civilians were killed in Saraqib on Thursday.\n")
    code = (
        "import sys\nfrom harmwatch.cli import app\ntry:\n"
        f"    app(['extract', '--format', 'jsonl', '--time-budget', '0', {str(report)!r}])\n"
        "except SystemExit:\n    pass\n"
        "heavy = ('pypdfium2', 'docx', 'openpyxl', 'hxl', 'harmwatch.ingest._tables', "
        "'harmwatch.ingest._web')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert '"value": 14' in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "[]"
