"""The Typer app, its global options, and the one place errors become a line for the user."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from harmwatch.errors import HarmwatchError, InputError

__all__ = [
    "Settings",
    "app",
    "err_console",
    "fail",
    "out_console",
    "parse_published",
    "settings",
]

DEFAULT_DB = "sqlite:///harmwatch.db"

out_console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str) -> None:
    """Print one error line on standard error (the caller decides the exit status)."""
    err_console.print(f"[red]Error:[/red] {escape(message)}")


class _Group(TyperGroup):
    """Turns harmwatch's own errors into one line and exit status 1, whichever command raised."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except HarmwatchError as error:
            fail(str(error))
            raise typer.Exit(1) from None


@dataclass(slots=True)
class Settings:
    """What the global options say: where the database is, and whether to show progress.

    ``db`` is as the user typed it; ``Store.open`` makes a URL of it.
    """

    db: str = DEFAULT_DB
    quiet: bool = False
    data_dir: str = "harmwatch-data"

    @property
    def show_progress(self) -> bool:
        return not self.quiet and sys.stderr.isatty()


app = typer.Typer(
    cls=_Group,
    help="Document attacks on civilians: ingest reports, extract counts with their evidence, "
    "put places on the map.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
    add_completion=False,
)


@app.callback()
def _global_options(
    ctx: typer.Context,
    db: str = typer.Option(
        DEFAULT_DB,
        "--db",
        envvar="HARMWATCH_DB",
        help="Database URL: sqlite:///path.db (default harmwatch.db here) or postgresql://...",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars."),
    data_dir: str = typer.Option(
        "harmwatch-data",
        "--data-dir",
        envvar="HARMWATCH_DATA_DIR",
        help="Folder for places and zones you add (gazetteer import, zones add).",
    ),
) -> None:
    ctx.obj = Settings(db=db, quiet=quiet, data_dir=data_dir)


def settings(ctx: typer.Context) -> Settings:
    """The global settings of this run (defaults when a command is invoked on its own)."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings()


def parse_published(value: str | None) -> date | None:
    """The ``--published`` option as a date; a value that is not YYYY-MM-DD is one clear line."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--published must be a date as YYYY-MM-DD; got {value!r}") from None
