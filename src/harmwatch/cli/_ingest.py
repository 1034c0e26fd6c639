"""``harmwatch ingest``: files, folders, URLs and feeds into the store, each with its extraction."""

from __future__ import annotations

import dataclasses
import functools
import getpass
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Literal, Protocol

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from harmwatch import ingest as ingest_stage
from harmwatch.cli._app import app, err_console, fail, out_console, parse_published, settings
from harmwatch.cli._compose import analyze_text
from harmwatch.errors import InputError
from harmwatch.model import Document, Extraction
from harmwatch.store import Store

__all__ = ["Outcome", "ingest", "ingest_sources"]

Status = Literal["stored", "already stored", "failed"]


class Analyzer(Protocol):
    """Turns a document's text into an Extraction (``analyze_text`` unless a bench swaps it)."""

    def __call__(
        self, text: str, *, published: date | None = ..., lang: str | None = ...
    ) -> Extraction: ...


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: stored, already stored, or failed with a reason."""

    input: str
    status: Status
    document: Document | None = None
    reason: str | None = None
    notes: tuple[str, ...] = ()


def _is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _store_one(
    store: Store,
    label: str,
    document: Document,
    *,
    published: date | None,
    actor: str,
    analyze: Analyzer,
) -> Outcome:
    """Analyse and store one new document (document, extraction and audit entry together)."""
    if document.published is None and published is not None:
        document = dataclasses.replace(document, published=published)
    notes = tuple(note for note in [ingest_stage.encoding_note(document.encoding)] if note)
    notes = (*notes, *document.notes)
    if store.has_document(document.sha256):
        if not store.has_extraction(document.sha256):
            stored = store.get_document(document.sha256)
            extraction = analyze(stored.text, published=stored.published, lang=stored.lang)
            store.save_extraction(document.sha256, extraction, actor=actor)
            notes = (*notes, "its missing extraction was added")
        return Outcome(label, "already stored", document, notes=notes)
    extraction = analyze(document.text, published=document.published, lang=document.lang)
    added = store.add_document(document, extraction, actor=actor)
    return Outcome(label, "stored" if added else "already stored", document, notes=notes)


def ingest_sources(
    store: Store,
    inputs: list[str],
    *,
    published: date | None = None,
    max_bytes: int = ingest_stage.DEFAULT_MAX_BYTES,
    timeout: float = ingest_stage.DEFAULT_TIMEOUT,
    actor: str = "harmwatch ingest",
    on_more: Callable[[int], None] | None = None,
    analyze: Analyzer = analyze_text,
) -> Iterator[Outcome]:
    """Read, analyse and store every input, one outcome per document, in order.

    Folders expand to their files (sorted), feeds to their items' pages; ``on_more(n)`` is told
    when a feed adds ``n`` inputs. Each document is committed on its own, so an interrupted
    run keeps what it stored and a re-run finishes the rest. ``analyze`` is
    ``harmwatch.cli._compose.analyze_text``; the bench swaps it to time the rest alone.
    """
    client = None
    try:
        for value in inputs:
            if _is_url(value):
                if client is None:
                    client = ingest_stage.make_client(timeout=timeout)
                try:
                    found = ingest_stage.open_url(
                        value, max_bytes=max_bytes, client=client, timeout=timeout
                    )
                except InputError as error:
                    yield Outcome(value, "failed", reason=str(error))
                    continue
                if isinstance(found, ingest_stage.Feed):
                    if on_more is not None:
                        on_more(len(found.links) - 1)
                    if not found.links:
                        yield Outcome(value, "failed", reason=f"{value}: the feed has no items")
                    for link in found.links:
                        try:
                            document = ingest_stage.read_url(
                                link, max_bytes=max_bytes, client=client, timeout=timeout
                            )
                        except InputError as error:
                            yield Outcome(link, "failed", reason=str(error))
                            continue
                        yield _store_guarded(store, link, document, published, actor, analyze)
                else:
                    yield _store_guarded(store, value, found, published, actor, analyze)
                continue
            found_any = False
            for path in ingest_stage.iter_paths(Path(value)):
                found_any = True
                label = str(path)
                try:
                    document = ingest_stage.read_file(path, max_bytes=max_bytes)
                except InputError as error:
                    yield Outcome(label, "failed", reason=str(error))
                    continue
                document = dataclasses.replace(document, source=path.absolute().as_uri())
                yield _store_guarded(store, label, document, published, actor, analyze)
            if not found_any:
                readable = ", ".join(sorted(ingest_stage.SUFFIXES))
                yield Outcome(
                    value, "failed", reason=f"{value}: no {readable} files in this folder"
                )
    finally:
        if client is not None:
            client.close()


def _store_guarded(
    store: Store,
    label: str,
    document: Document,
    published: date | None,
    actor: str,
    analyze: Analyzer,
) -> Outcome:
    try:
        return _store_one(store, label, document, published=published, actor=actor, analyze=analyze)
    except InputError as error:
        return Outcome(label, "failed", document, reason=f"{label}: {error}")


def count_inputs(inputs: list[str]) -> int:
    """How many documents the inputs name before any feed is fetched."""
    return sum(
        1 if _is_url(value) else sum(1 for _ in ingest_stage.iter_paths(Path(value)))
        for value in inputs
    )


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
                analyze=functools.partial(analyze_text, data_dir=Path(run.data_dir)),
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
