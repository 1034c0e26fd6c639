"""The ``harmwatch`` command as a user meets it."""

from __future__ import annotations

from typer.testing import CliRunner

from harmwatch.cli import app

runner = CliRunner()


def test_help_lists_every_command_with_a_description() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "version" in result.output


def test_version_prints_the_package_version() -> None:
    from harmwatch import __version__

    result = runner.invoke(app, ["version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"harmwatch {__version__}"
