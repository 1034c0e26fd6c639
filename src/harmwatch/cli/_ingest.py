"""``harmwatch ingest``: files, folders, URLs and feeds into the store, each with its extraction."""

from __future__ import annotations

import time
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from harmwatch.cli._app import (
    app,
    debugging,
    parse_published,
    report_failure,
    settings,
)
from harmwatch.cli._output import err_console, say

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.progress import Progress

    from harmwatch.cli._app import Settings
    from harmwatch.pipeline import LinkRun, Outcome, Status
    from harmwatch.store import Store

__all__ = ["format_linked", "format_outcome", "format_summary", "ingest"]

# the defaults are the library's (harmwatch.ingest, harmwatch.pipeline); a test checks they agree
DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_TIMEOUT = 20.0
DEFAULT_DEADLINE = 300.0
DEFAULT_TIME_BUDGET = 60.0


def format_outcome(outcome: Outcome) -> str:
    """One line for people: ``stored: reports/a.html (en, 2017-04-27, 12 claims)``."""
    if outcome.status == "skipped":
        return f"skipped: {outcome.reason}"
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


def format_summary(counts: dict[Status, int], *, claims: int, seconds: float, database: str) -> str:
    """The last line: ``3 stored, 1 already stored, 0 failed: 41 claims in 2.1 s into <db>``."""
    shown = ["stored", "already stored", "failed"] + (["skipped"] if counts["skipped"] else [])
    tally = ", ".join(f"{counts[status]} {status}" for status in shown)  # type: ignore[index]
    noun = "claim" if claims == 1 else "claims"
    return f"{tally}: {claims} {noun} in {seconds:.1f} s into {database}"


def format_linked(run: LinkRun) -> str:
    """The line on linking what a run added: ``linked: 2 new incidents, 1 changed; 0 period
    totals kept apart``."""
    noun = "incident" if run.created == 1 else "incidents"
    return (
        f"linked: {run.created} new {noun}, {run.changed} changed; "
        f"{run.period_totals} period totals kept apart"
    )


def _actor(store: Store, run: Settings) -> str:
    """Who the audit log records: the ``--as`` user (who must be allowed to ingest), else the
    operating-system account that runs the command."""
    from harmwatch.cli._users import current_user, os_actor
    from harmwatch.review import require

    user = current_user(store, run)
    return os_actor("harmwatch ingest") if user is None else require(user, "ingest").name


def _progress() -> Progress:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err_console(),
        transient=True,
    )


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
            help="Publication date for documents that carry none (in their metadata or as a "
            "YYYY-MM-DD in the file name).",
        ),
    ] = None,
    max_bytes: Annotated[
        int,
        typer.Option(
            "--max-bytes",
            metavar="BYTES",
            min=1,
            help="Refuse files and downloads larger than this.",
        ),
    ] = DEFAULT_MAX_BYTES,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout", metavar="SECONDS", min=0.1, help="Seconds to wait for a server to answer."
        ),
    ] = DEFAULT_TIMEOUT,
    deadline: Annotated[
        float,
        typer.Option(
            "--deadline", metavar="SECONDS", min=0.1, help="Seconds a whole download may take."
        ),
    ] = DEFAULT_DEADLINE,
    time_budget: Annotated[
        float,
        typer.Option(
            "--time-budget",
            metavar="SECONDS",
            min=0,
            help="Seconds one document's analysis may take (plus 10 s per MB of text over the "
            "first) before it is stopped: the document is stored without claims, recorded as "
            "failed, and analysed again by a later ingest. 0: no limit.",
        ),
    ] = DEFAULT_TIME_BUDGET,
    follow_symlinks: Annotated[
        bool,
        typer.Option(
            "--follow-symlinks",
            help="Read links in folders that lead outside them (skipped by default).",
        ),
    ] = False,
    no_link: Annotated[
        bool,
        typer.Option(
            "--no-link",
            help="Do not link the new reports into incidents (run `harmwatch link` later).",
        ),
    ] = False,
) -> None:
    """Store documents from files, folders, URLs and RSS/Atom feeds, with their claims, and
    link the reports they hold into incidents.

    Each document is keyed by the SHA-256 of its bytes: ingesting it again changes nothing.
    One bad document costs one error line, never the batch; Ctrl-C stops with a summary, and
    running the same command again finishes the rest.

    Example: harmwatch ingest reports/ https://example.org/feed.xml --published 2017-10-01
    """
    from harmwatch.pipeline import Analyzer, count_inputs, ingest_sources, link_store
    from harmwatch.store import Store

    run = settings(ctx)
    linked: list[LinkRun] = []
    actor = ""

    def link_added(store: Store, documents: Sequence[str]) -> None:
        if documents:
            linked.append(link_store(store, documents=documents, actor=actor))

    published_date = parse_published(published)
    counts: dict[Status, int] = {"stored": 0, "already stored": 0, "failed": 0, "skipped": 0}
    claims = 0
    started = time.perf_counter()
    with Store.open(run.db) as store:
        database = store.url
        actor = _actor(store, run)
        store.check_audit_tail()  # a broken chain refuses the whole run, before any work
        progress = _progress() if run.show_progress else None
        try:
            with progress if progress is not None else nullcontext():
                task: Any = None
                if progress is not None:
                    total = count_inputs(inputs, follow_symlinks=follow_symlinks)
                    task = progress.add_task("ingest", total=total, rate="")

                def more(extra: int) -> None:
                    if progress is not None:
                        progress.update(task, total=(progress.tasks[0].total or 0) + extra)

                for outcome in ingest_sources(
                    store,
                    inputs,
                    analyze=Analyzer.load(store=store, data_dir=Path(run.data_dir)),
                    published=published_date,
                    max_bytes=max_bytes,
                    timeout=timeout,
                    deadline=deadline,
                    time_budget=time_budget or None,
                    follow_symlinks=follow_symlinks,
                    actor=actor,
                    on_more=more,
                    after=() if no_link else (link_added,),
                    reraise=debugging(),
                ):
                    counts[outcome.status] += 1
                    claims += outcome.claims
                    if outcome.status == "failed":
                        report_failure(ctx, outcome.reason or outcome.input, outcome.traceback)
                    elif not run.quiet:
                        say(format_outcome(outcome))
                    if progress is not None:
                        done = sum(counts.values())
                        rate = done / max(time.perf_counter() - started, 1e-9)
                        progress.update(task, advance=1, rate=f"{rate:.1f} docs/s")
        except KeyboardInterrupt:
            summary = format_summary(
                counts, claims=claims, seconds=time.perf_counter() - started, database=database
            )
            err_console().print(
                f"interrupted: {summary}; run the same command again to finish", markup=False
            )
            raise typer.Exit(130) from None
    if not run.quiet:
        for link_run in linked:
            say(format_linked(link_run))
        say(
            format_summary(
                counts, claims=claims, seconds=time.perf_counter() - started, database=database
            )
        )
    if counts["failed"]:
        raise typer.Exit(1)
