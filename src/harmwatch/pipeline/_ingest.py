"""Ingesting sources: read every input, analyse each new document, store it with its extraction.

One outcome per document, in input order; each document is committed on its own, so an
interrupted run keeps what it stored and a re-run finishes the rest.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from harmwatch import ingest as ingest_stage
from harmwatch.errors import InputError
from harmwatch.model import Document
from harmwatch.pipeline._analyze import Analyze, Analyzer
from harmwatch.store import Store

if TYPE_CHECKING:
    import httpx

__all__ = [
    "STATUSES",
    "AfterIngest",
    "Outcome",
    "Status",
    "count_inputs",
    "ingest_sources",
    "is_url",
]

Status = Literal["stored", "already stored", "failed"]
STATUSES: tuple[Status, ...] = ("stored", "already stored", "failed")

AfterIngest = Callable[[Store, Sequence[str]], None]
"""A step run once after the last input, given the sha256 of every document this run stored or
analysed again (in input order): the seam where linking reports into incidents plugs in."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: stored, already stored, or failed with a reason.

    ``claims`` is the number of claims this run stored for it.
    """

    input: str
    status: Status
    document: Document | None = None
    reason: str | None = None
    notes: tuple[str, ...] = ()
    claims: int = 0


def is_url(value: str) -> bool:
    """Whether an input names an http(s) URL rather than a path."""
    return value.lower().startswith(("http://", "https://"))


def ingest_sources(
    store: Store,
    inputs: Sequence[str],
    *,
    analyze: Analyze | None = None,
    published: date | None = None,
    max_bytes: int = ingest_stage.DEFAULT_MAX_BYTES,
    timeout: float = ingest_stage.DEFAULT_TIMEOUT,
    actor: str = "harmwatch ingest",
    on_more: Callable[[int], None] | None = None,
    after: Sequence[AfterIngest] = (),
) -> Iterator[Outcome]:
    """Read, analyse and store every input (files, folders, http(s) URLs, RSS/Atom feeds).

    Args:
        store: the open database.
        inputs: paths and URLs; folders expand to their files (sorted), feeds to their items.
        analyze: turns a document into its extraction; default ``Analyzer.load()``, built
            once for the run.
        published: the publication date of documents that carry none.
        max_bytes: files and downloads over this size are refused.
        timeout: seconds to wait for a server.
        actor: who is recorded in the audit log.
        on_more: told ``n`` when a feed adds ``n`` inputs beyond the one that named it.
        after: steps run once after the last input, with the documents this run stored (see
            ``AfterIngest``); not run when the caller stops early.
    """
    run = _Run(
        store=store,
        analyze=analyze if analyze is not None else Analyzer.load(),
        published=published,
        max_bytes=max_bytes,
        timeout=timeout,
        actor=actor,
        on_more=on_more,
    )
    touched: list[str] = []
    try:
        for value in inputs:
            for outcome in run.outcomes(value):
                if outcome.document is not None and (outcome.status == "stored" or outcome.claims):
                    touched.append(outcome.document.sha256)
                yield outcome
    finally:
        run.close()
    for step in after:
        step(store, touched)


def count_inputs(inputs: Sequence[str]) -> int:
    """How many documents the inputs name before any feed is fetched."""
    return sum(
        1 if is_url(value) else sum(1 for _ in ingest_stage.iter_paths(Path(value)))
        for value in inputs
    )


@dataclass(slots=True)
class _Run:
    """One ingest run: what it was given, and the HTTP client it opens on the first URL."""

    store: Store
    analyze: Analyze
    published: date | None
    max_bytes: int
    timeout: float
    actor: str
    on_more: Callable[[int], None] | None
    client: httpx.Client | None = None

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None

    def outcomes(self, value: str) -> Iterator[Outcome]:
        """The outcome of each document an input names."""
        if is_url(value):
            yield from self._url(value)
            return
        found_any = False
        for path in ingest_stage.iter_paths(Path(value)):
            found_any = True
            label = str(path)
            try:
                document = ingest_stage.read_file(path, max_bytes=self.max_bytes)
            except InputError as error:
                yield Outcome(label, "failed", reason=str(error))
                continue
            document = dataclasses.replace(document, source=path.absolute().as_uri())
            yield self._store(label, document)
        if not found_any:
            readable = ", ".join(sorted(ingest_stage.SUFFIXES))
            yield Outcome(value, "failed", reason=f"{value}: no {readable} files in this folder")

    def _url(self, value: str) -> Iterator[Outcome]:
        if self.client is None:
            self.client = ingest_stage.make_client(timeout=self.timeout)
        client, max_bytes, timeout = self.client, self.max_bytes, self.timeout
        try:
            found = ingest_stage.open_url(
                value, max_bytes=max_bytes, client=client, timeout=timeout
            )
        except InputError as error:
            yield Outcome(value, "failed", reason=str(error))
            return
        if not isinstance(found, ingest_stage.Feed):
            yield self._store(value, found)
            return
        if self.on_more is not None:
            self.on_more(len(found.links) - 1)
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
            yield self._store(link, document)

    def _store(self, label: str, document: Document) -> Outcome:
        """Analyse and store one document (document, extraction and audit entry together)."""
        try:
            return self._store_one(label, document)
        except InputError as error:
            return Outcome(label, "failed", document, reason=f"{label}: {error}")

    def _store_one(self, label: str, document: Document) -> Outcome:
        if document.published is None and self.published is not None:
            document = dataclasses.replace(document, published=self.published)
        notes = tuple(note for note in [ingest_stage.encoding_note(document.encoding)] if note)
        notes = (*notes, *document.notes)
        store = self.store
        if store.has_document(document.sha256):
            if store.has_extraction(document.sha256):
                return Outcome(label, "already stored", document, notes=notes)
            stored = store.get_document(document.sha256)
            extraction = self.analyze(stored)
            store.save_extraction(document.sha256, extraction, actor=self.actor)
            notes = (*notes, "its missing extraction was added")
            return Outcome(
                label, "already stored", document, notes=notes, claims=len(extraction.claims)
            )
        extraction = self.analyze(document)
        added = store.add_document(document, extraction, actor=self.actor)
        if not added:
            return Outcome(label, "already stored", document, notes=notes)
        return Outcome(label, "stored", document, notes=notes, claims=len(extraction.claims))
