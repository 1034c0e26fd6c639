"""The Typer app, its global options, and the one place errors become a line for the user.

Command modules import only Typer at their top and what they need inside their bodies, so that
``harmwatch extract`` does not pay for SQLAlchemy, httpx or Rich tables it never uses.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from harmwatch import __version__
from harmwatch.cli._output import append_traceback, fail, say
from harmwatch.errors import HarmwatchError, InputError

__all__ = [
    "DEFAULT_DB",
    "Settings",
    "app",
    "debugging",
    "default_error_log",
    "group",
    "parse_date",
    "parse_published",
    "report_failure",
    "settings",
]

DEFAULT_DB = "sqlite:///harmwatch.db"
CONTEXT = {"help_option_names": ["-h", "--help"]}


def _plain_help(command: Any) -> None:
    """Help without type labels: Typer shows ``<bool>``, ``<int range> [x>=1]`` beside each
    option; harmwatch's help says what a value is in words and names it by its metavar."""

    def plain(param: Any) -> None:
        if param.param_type_name == "option":
            if param.is_flag:
                param.metavar = ""
            elif param.metavar is None:
                param.metavar = param.name.upper()
        else:
            param.display_type_rich = lambda ctx: None
        param._get_number_range_help_str = lambda: None

    for param in command.params:
        plain(param)
    find_help = command.get_help_option

    def get_help_option(ctx: Any) -> Any:
        option = find_help(ctx)
        if option is not None:
            plain(option)
        return option

    command.get_help_option = get_help_option


class _Group(TyperGroup):
    """Turns harmwatch's own errors into one line and exit status 1, whichever command raised."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        _plain_help(self)
        for command in self.commands.values():
            if not isinstance(command, _Group):
                _plain_help(command)

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except HarmwatchError as error:
            fail(str(error))
            raise typer.Exit(1) from None


def group(**options: Any) -> typer.Typer:
    """A sub-command group (``db``, ``zones``) that behaves as the main app does."""
    return typer.Typer(
        cls=_Group,
        no_args_is_help=True,
        pretty_exceptions_show_locals=False,
        rich_markup_mode="rich",
        add_completion=False,
        context_settings=CONTEXT,
        **options,
    )


def default_error_log() -> Path:
    """Where tracebacks of unexpected errors go: ``$XDG_STATE_HOME/harmwatch/errors.log``."""
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "state"
    )
    return Path(state) / "harmwatch" / "errors.log"


@dataclass(slots=True)
class Settings:
    """What the global options say: the database, progress, data folder, error log, and who
    is acting (``--as``).

    ``db`` is as the user typed it; ``Store.open`` makes a URL of it.
    """

    db: str = DEFAULT_DB
    quiet: bool = False
    data_dir: str = "harmwatch-data"
    error_log: Path | None = None
    user: str | None = None

    @property
    def show_progress(self) -> bool:
        return not self.quiet and sys.stderr.isatty()

    @property
    def error_log_path(self) -> Path:
        return self.error_log if self.error_log is not None else default_error_log()


app = group(
    help="Document attacks on civilians: ingest reports, extract counts with their evidence, "
    "put places on the map."
)


def _print_version(value: bool) -> None:
    if value:
        say(f"harmwatch {__version__}")
        raise typer.Exit()


@app.callback()
def _global_options(
    ctx: typer.Context,
    db: Annotated[
        str,
        typer.Option(
            "--db",
            metavar="URL",
            envvar="HARMWATCH_DB",
            help="Database: sqlite:///path.db or a file path (default harmwatch.db here), or "
            "postgresql://user@host/dbname.",
        ),
    ] = DEFAULT_DB,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Print only errors: no progress, no line per document."),
    ] = False,
    data_dir: Annotated[
        str,
        typer.Option(
            "--data-dir",
            metavar="FOLDER",
            envvar="HARMWATCH_DATA_DIR",
            help="Folder for places and zones you add (gazetteer import, zones add).",
        ),
    ] = "harmwatch-data",
    error_log: Annotated[
        Path | None,
        typer.Option(
            "--error-log",
            metavar="FILE",
            envvar="HARMWATCH_ERROR_LOG",
            help="File that unexpected errors' tracebacks are appended to (default "
            "~/.local/state/harmwatch/errors.log); HARMWATCH_DEBUG=1 raises them instead.",
        ),
    ] = None,
    user: Annotated[
        str | None,
        typer.Option(
            "--as",
            metavar="NAME",
            envvar="HARMWATCH_USER",
            help="The registered user this command acts as; every review and user change "
            "needs one.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the harmwatch version and exit.",
        ),
    ] = False,
) -> None:
    ctx.obj = Settings(
        db=db, quiet=quiet, data_dir=data_dir, error_log=error_log, user=user or None
    )


def settings(ctx: typer.Context) -> Settings:
    """The global settings of this run (defaults when a command is invoked on its own)."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings()


def debugging() -> bool:
    """Whether ``HARMWATCH_DEBUG`` asks for unexpected errors to be raised, not logged."""
    return os.environ.get("HARMWATCH_DEBUG", "") not in ("", "0")


def report_failure(ctx: typer.Context, reason: str, traceback: str | None = None) -> None:
    """One error line for a failed document; an unexpected error's traceback goes to the error
    log, which the line names."""
    if traceback is None:
        fail(reason)
        return
    where = append_traceback(settings(ctx).error_log_path, reason, traceback)
    fail(f"{reason}; {where} (please attach it to a bug report)")


def parse_date(option: str, value: str | None) -> date | None:
    """A date option's value; a value that is not YYYY-MM-DD is one clear line."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} must be a date as YYYY-MM-DD; got {value!r}") from None


def parse_published(value: str | None) -> date | None:
    """The ``--published`` option as a date; a value that is not YYYY-MM-DD is one clear line."""
    return parse_date("--published", value)
