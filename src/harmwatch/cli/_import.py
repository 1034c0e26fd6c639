"""``harmwatch import``: ACLED, UCDP GED, HXL and field-form tables into the store as reports."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from harmwatch.cli._app import app, settings
from harmwatch.cli._output import err_console, fail, printable, say
from harmwatch.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from harmwatch.pipeline import ImportResult

__all__ = ["format_import", "import_"]

_SHOWN_PER_REASON = 3


def format_import(result: ImportResult, label: str) -> list[str]:
    """The lines a user reads after an import: what came in, then warnings grouped by reason.

    ``imported: acled.csv (ACLED export (columns before March 2023)): 5070 reports from 5071
    rows, 1 skipped, 0 warnings``
    """
    table = result.table
    notes = "; ".join(table.notes)
    what = f"{label} ({notes})" if notes else label
    counts = (
        f"{len(table.reports)} reports from {table.rows} rows, {table.skipped} skipped, "
        f"{table.warnings} warnings"
    )
    if result.status == "already imported":
        lines = [f"already imported: {what}: nothing changed ({counts})"]
    else:
        lines = [f"imported: {what}: {counts}"]
    lines += [f"note: {note}" for note in table.column_notes]
    by_reason: dict[str, list[str]] = {}
    for problem in table.problems:
        if not problem.error:
            by_reason.setdefault(problem.reason.split(";")[0], []).append(problem.format(label))
    for reason, found in by_reason.items():
        shown = found[:_SHOWN_PER_REASON]
        more = len(found) - len(shown)
        lines.append(f"warning ({len(found)} rows): {reason}")
        lines += [f"  {line}" for line in shown]
        if more:
            lines.append(f"  ... and {more} more")
    return lines


def _actor() -> str:
    try:
        return f"{getpass.getuser()} (harmwatch import)"
    except (KeyError, OSError):
        return "harmwatch import"


@app.command("import")
def import_(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(metavar="FILE", help="A .csv, .tsv or .xlsx table.")],
    table_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="acled, ucdp, hxl, or csv (with --map); default: told from the header.",
        ),
    ] = None,
    map_path: Annotated[
        Path | None,
        typer.Option("--map", metavar="MAP.toml", help="Column map (see docs/import.md)."),
    ] = None,
    source_name: Annotated[
        str | None,
        typer.Option(
            "--source", metavar="NAME", help="Source the reports name (default: the format's)."
        ),
    ] = None,
    unknown: Annotated[
        str,
        typer.Option(
            "--unknown", help="keep (with a warning) or reject rows whose value the map lacks."
        ),
    ] = "keep",
    suggest: Annotated[
        bool,
        typer.Option("--suggest-map", help="Print a starting column map for FILE and stop."),
    ] = False,
    no_link: Annotated[
        bool,
        typer.Option(
            "--no-link",
            help="Do not link the imported reports into incidents (run `harmwatch link` later).",
        ),
    ] = False,
) -> None:
    """Import a table of incidents: each good row becomes a report, the file is kept as it is.

    Reads ACLED exports (both column sets), UCDP GED, HXL-tagged tables and any spreadsheet with
    a column map. Rows that cannot be read are listed (file, row, column, value) and the others
    imported; importing the same file again changes nothing.

    Example: harmwatch import acled-syria.csv --source ACLED
    """
    from harmwatch import ingest as ingest_stage
    from harmwatch.cli._ingest import format_linked
    from harmwatch.pipeline import LinkRun, import_table, link_store, load_gazetteer, table_type
    from harmwatch.store import Store

    if table_format is not None and table_format not in ingest_stage.FORMATS:
        raise InputError(
            f"--format must be one of {', '.join(ingest_stage.FORMATS)}; got {table_format!r}"
        )
    if unknown not in ingest_stage.UNKNOWN_POLICIES:
        raise InputError(f"--unknown must be keep or reject; got {unknown!r}")
    media_type = table_type(path)
    if suggest:
        raw = ingest_stage.read_raw(path)
        for line in ingest_stage.suggest_map(raw, source=str(path), media_type=media_type).split(
            "\n"
        )[:-1]:
            say(line)
        return
    column_map = ingest_stage.load_column_map(map_path) if map_path is not None else None
    run = settings(ctx)
    data_dir = Path(run.data_dir)
    linked: list[LinkRun] = []

    def link_added(store: Store, documents: Sequence[str]) -> None:
        linked.append(link_store(store, documents=documents, actor=_actor()))

    with Store.open(run.db) as store:
        gazetteer = load_gazetteer(store=store, data_dir=data_dir)  # with the team's places
        result = import_table(
            store,
            path,
            format=table_format,
            column_map=column_map,
            source_name=source_name,
            unknown=unknown,  # type: ignore[arg-type]
            gazetteer=gazetteer,
            actor=_actor(),
            after=() if no_link else (link_added,),
        )
    label = str(path)
    for problem in result.table.problems:
        if problem.error:
            fail(problem.format(label))
    for line in format_import(result, label):
        say(line)
    for link_run in linked:
        say(format_linked(link_run))
    reasons = result.table.reasons()
    if reasons:
        summary = ", ".join(f"{n} {reason}" for reason, n in reasons.most_common())
        err_console().print(printable(f"skipped rows: {summary}"), markup=False)
        raise typer.Exit(1)
