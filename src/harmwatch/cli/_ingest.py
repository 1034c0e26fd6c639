"""``harmwatch ingest``: files, folders, URLs and feeds into the store, each with its extraction."""

from __future__ import annotations

import getpass
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from harmwatch import ingest as ingest_stage
from harmwatch.cli._app import app, err_console, fail, out_console, parse_published, settings
from harmwatch.pipeline import Analyzer, Outcome, Status, count_inputs, ingest_sources
from harmwatch.store import Store

__all__ = ["format_outcome", "format_summary", "ingest"]


def format_outcome(outcome: Outcome) -> str:
    """One line for people: ``stored: reports/a.html (en, 2017-04-27; decoded as cp1256)``."""
    details: list[str] = []
    document = outcome.document
    if outcome.status == "stored" and document is not None:
        details.append(document.lang or "language unknown")
        if document.published is not None:
            details.append(document.published.isoformat())
    text = ", ".join(details)
    if outcome.notes:
        text = "; ".join([text, *outcome.notes]) if text else "; ".join(outcome.notes)
    return f"{outcome.status}: {outcome.input}" + (f" ({text})" if text else "")


def format_summary(outcomes: dict[Status, int]) -> str:
    """The last line: ``3 stored, 1 already stored, 2 failed``."""
    return ", ".join(
        f"{outcomes[status]} {status}" for status in ("stored", "already stored", "failed")
    )


def _actor() -> str:
    try:
        return f"{getpass.getuser()} (harmwatch ingest)"
    except (KeyError, OSError):
        return "harmwatch ingest"


@app.command()
def ingest(
    ctx: typer.Context,
    inputs: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH|DIR|URL...",
            help="Files (.txt .md .html .htm .pdf .docx), folders, http(s) URLs, RSS/Atom feeds.",
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            metavar="YYYY-MM-DD",
            help="Publication date for documents that carry none.",
        ),
    ] = None,
    max_bytes: Annotated[
        int,
        typer.Option("--max-bytes", min=1, help="Refuse files and downloads larger than this."),
    ] = ingest_stage.DEFAULT_MAX_BYTES,
    timeout: Annotated[
        float,
        typer.Option("--timeout", min=0.1, help="Seconds to wait for a server."),
    ] = ingest_stage.DEFAULT_TIMEOUT,
) -> None:
    """Store documents from files, folders, URLs and RSS/Atom feeds, with their claims.

    Each document is keyed by the SHA-256 of its bytes: ingesting it again changes nothing.

    Example: harmwatch ingest reports/ https://example.org/feed.xml --published 2017-10-01
    """
    run = settings(ctx)
    published_date = parse_published(published)
    counts: dict[Status, int] = {"stored": 0, "already stored": 0, "failed": 0}
    with Store.open(run.db) as store:
        progress = (
            Progress(
                TextColumn("ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err_console,
                transient=True,
            )
            if run.show_progress
            else None
        )
        with progress if progress is not None else nullcontext():
            task = progress.add_task("ingest", total=count_inputs(inputs)) if progress else None

            def more(extra: int) -> None:
                if progress is not None and task is not None:
                    total = progress.tasks[0].total or 0
                    progress.update(task, total=total + extra)

            for outcome in ingest_sources(
                store,
                inputs,
                published=published_date,
                max_bytes=max_bytes,
                timeout=timeout,
                actor=_actor(),
                on_more=more,
                analyze=Analyzer.load(data_dir=Path(run.data_dir)),
            ):
                counts[outcome.status] += 1
                if outcome.status == "failed":
                    fail(outcome.reason or outcome.input)
                else:
                    out_console.print(escape(format_outcome(outcome)))
                if progress is not None and task is not None:
                    progress.advance(task)
    out_console.print(format_summary(counts))
    if counts["failed"]:
        raise typer.Exit(1)
