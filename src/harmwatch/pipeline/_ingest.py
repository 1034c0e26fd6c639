"""Ingesting sources: read every input, analyse each new document, store it with its extraction.

One outcome per document, in input order; each document is committed on its own, so an
interrupted run keeps what it stored and a re-run finishes the rest. One bad document costs one
outcome, never the batch: a file that cannot be read, a document whose analysis runs past its
time budget or raises, are each a ``failed`` outcome with a reason (and, for an unexpected
error, its traceback), and the run goes on.
"""

from __future__ import annotations

import dataclasses
import re
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from harmwatch import ingest as ingest_stage
from harmwatch.errors import Conflict, InputError
from harmwatch.model import Claim, Document
from harmwatch.pipeline._analyze import Analyze, Analyzer
from harmwatch.pipeline._budget import DEFAULT_TIME_BUDGET, AnalysisFailed, BudgetedAnalyzer
from harmwatch.store import Store

if TYPE_CHECKING:
    import httpx

__all__ = [
    "STATUSES",
    "AfterIngest",
    "Outcome",
    "Status",
    "count_inputs",
    "date_in_name",
    "ingest_sources",
    "is_url",
]

Status = Literal["stored", "already stored", "failed", "skipped"]
STATUSES: tuple[Status, ...] = ("stored", "already stored", "failed", "skipped")

AfterIngest = Callable[[Store, Sequence[str]], None]
"""A step run once after the last input, given the sha256 of every document this run stored or
analysed again (in input order): the seam where linking reports into incidents plugs in."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: stored, already stored, failed or skipped, and why.

    ``claims`` is the number of claims this run stored for it. A ``failed`` outcome whose
    ``document`` is set had its bytes stored all the same (its analysis failed; a later run
    analyses it again). ``traceback`` is set for an unexpected error: a bug to report.
    """

    input: str
    status: Status
    document: Document | None = None
    reason: str | None = None
    notes: tuple[str, ...] = ()
    claims: int = 0
    traceback: str | None = None


# a date in a file's name: kramatorsk-2022-04-08-wire.txt, 20171001_bulletin.pdf
_NAME_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)"
)


def date_in_name(path: Path) -> date | None:
    """The publication date a file's name gives (its first valid YYYY-MM-DD, YYYYMMDD or
    YYYY_MM_DD), for a document that carries none of its own."""
    for found in _NAME_DATE.finditer(path.name):
        try:
            return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        except ValueError:
            continue
    return None


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
    deadline: float = ingest_stage.DEFAULT_DEADLINE,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    follow_symlinks: bool = False,
    actor: str = "harmwatch ingest",
    on_more: Callable[[int], None] | None = None,
    after: Sequence[AfterIngest] = (),
    reraise: bool = False,
) -> Iterator[Outcome]:
    """Read, analyse and store every input (files, folders, http(s) URLs, RSS/Atom feeds).

    Args:
        store: the open database.
        inputs: paths and URLs; folders expand to their files (sorted), feeds to their items.
        analyze: turns a document into its extraction; default ``Analyzer.load()``. Built
            once for the run; a ``BudgetedAnalyzer`` is used as it is.
        published: the publication date of documents that carry none.
        max_bytes: files and downloads over this size are refused.
        timeout: seconds to wait for a server; ``deadline``: for a whole download.
        time_budget: seconds one document's analysis may take (see ``budget_for``) before it
            is stopped and recorded as failed; None for no limit (analysis in this process).
        follow_symlinks: read links under a folder that lead outside it (default: skip them).
        actor: who is recorded in the audit log.
        on_more: told ``n`` when a feed adds ``n`` inputs beyond the one that named it.
        after: steps run once after the last input, with the documents this run stored (see
            ``AfterIngest``); not run when the caller stops early.
        reraise: let unexpected errors propagate (``HARMWATCH_DEBUG=1``) instead of making
            them failed outcomes.
    """
    if isinstance(analyze, BudgetedAnalyzer):
        guarded, own = analyze, False
    else:
        base = analyze if analyze is not None else Analyzer.load()
        guarded, own = BudgetedAnalyzer(base, budget=time_budget, reraise=reraise), True
        guarded.start()
    run = _Run(
        store=store,
        analyze=guarded,
        published=published,
        max_bytes=max_bytes,
        timeout=timeout,
        deadline=deadline,
        follow_symlinks=follow_symlinks,
        actor=actor,
        on_more=on_more,
        reraise=reraise,
    )
    touched: list[str] = []
    try:
        for value in inputs:
            for outcome in run.outcomes(value):
                if (outcome.document is not None and outcome.claims) or outcome.status == "stored":
                    assert outcome.document is not None
                    touched.append(outcome.document.sha256)
                yield outcome
    finally:
        run.close()
        if own:
            guarded.close()
    for step in after:
        step(store, touched)


def count_inputs(inputs: Sequence[str], *, follow_symlinks: bool = False) -> int:
    """How many documents the inputs name before any feed is fetched."""
    return sum(
        1
        if is_url(value)
        else sum(1 for _ in ingest_stage.walk_paths(Path(value), follow_symlinks=follow_symlinks))
        for value in inputs
    )


def _unexpected(label: str, error: BaseException) -> Outcome:
    message = str(error).strip().splitlines()[0][:200] if str(error).strip() else ""
    detail = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return Outcome(
        label,
        "failed",
        reason=f"{label}: unexpected error ({detail})",
        traceback=traceback.format_exc(),
    )


class _Counted:
    """An iterator that counts what passes through it."""

    def __init__(self, items: Iterator[Claim]) -> None:
        self._items = items
        self.count = 0

    def __iter__(self) -> Iterator[Claim]:
        for item in self._items:
            self.count += 1
            yield item


@dataclass(slots=True)
class _Run:
    """One ingest run: what it was given, and the HTTP client it opens on the first URL."""

    store: Store
    analyze: BudgetedAnalyzer
    published: date | None
    max_bytes: int
    timeout: float
    deadline: float
    follow_symlinks: bool
    actor: str
    on_more: Callable[[int], None] | None
    reraise: bool
    client: httpx.Client | None = None

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None

    def outcomes(self, value: str) -> Iterator[Outcome]:
        """The outcome of each document an input names."""
        if value == "-":
            yield Outcome(
                value,
                "failed",
                reason="-: ingest reads files, folders and URLs, not standard input; save it "
                "to a file (its name is kept as the source) and ingest that",
            )
            return
        if is_url(value):
            yield from self._guarded(value, self._url)
            return
        found_any = False
        for found in ingest_stage.walk_paths(Path(value), follow_symlinks=self.follow_symlinks):
            found_any = True
            if isinstance(found, ingest_stage.Skipped):
                status: Status = "failed" if found.failed else "skipped"
                yield Outcome(str(found.path), status, reason=found.reason)
                continue
            yield from self._guarded(str(found), self._file)
        if not found_any:
            readable = ", ".join(sorted(ingest_stage.SUFFIXES))
            yield Outcome(value, "failed", reason=f"{value}: no {readable} files in this folder")

    def _guarded(
        self, label: str, outcomes: Callable[[str], Iterator[Outcome]]
    ) -> Iterator[Outcome]:
        """The outcomes, with an unexpected error in reading one input made its failed outcome."""
        try:
            yield from outcomes(label)
        except (InputError, Conflict) as error:
            yield Outcome(label, "failed", reason=str(error))
        except Exception as error:
            if self.reraise:
                raise
            yield _unexpected(label, error)

    def _file(self, label: str) -> Iterator[Outcome]:
        path = Path(label)
        document = ingest_stage.read_file(path, max_bytes=self.max_bytes)
        document = dataclasses.replace(document, source=path.absolute().as_uri())
        named = date_in_name(path) if document.published is None else None
        if named is not None:
            # a wire story's dateline ("BEIRUT, Oct 1") has no year: the name the user gave
            # the file is the best date the document carries
            note = f"publication date {named.isoformat()} from the file name"
            document = dataclasses.replace(document, published=named, notes=(*document.notes, note))
        yield self._store(label, document)

    def _url(self, value: str) -> Iterator[Outcome]:
        if self.client is None:
            self.client = ingest_stage.make_client(timeout=self.timeout)
        client, max_bytes, timeout, deadline = (
            self.client, self.max_bytes, self.timeout, self.deadline,
        )  # fmt: skip
        found = ingest_stage.open_url(
            value, max_bytes=max_bytes, client=client, timeout=timeout, deadline=deadline
        )
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
                    link, max_bytes=max_bytes, client=client, timeout=timeout, deadline=deadline
                )
            except InputError as error:
                yield Outcome(link, "failed", reason=str(error))
                continue
            except Exception as error:
                if self.reraise:
                    raise
                yield _unexpected(link, error)
                continue
            yield self._store(link, document)

    def _store(self, label: str, document: Document) -> Outcome:
        """Analyse and store one document; any failure is this document's outcome."""
        try:
            return self._store_one(label, document)
        except (InputError, Conflict) as error:
            return Outcome(label, "failed", document, reason=f"{label}: {error}")
        except Exception as error:
            if self.reraise:
                raise
            return dataclasses.replace(_unexpected(label, error), document=document)

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
            try:
                streamed = self.analyze.stream(stored)
                store.save_extraction(
                    stored.sha256,
                    streamed.shell,
                    claims=(counted := _Counted(streamed.claims)),
                    places=streamed.places,
                    actor=self.actor,
                )
            except AnalysisFailed as failure:
                return self._failed(label, document, failure, again=True)
            notes = (*notes, "its missing extraction was added")
            return Outcome(label, "already stored", document, notes=notes, claims=counted.count)
        try:
            # the claims go from the analysis to the database in batches, never all at once
            streamed = self.analyze.stream(document)
            added = store.add_document(
                document,
                streamed.shell,
                claims=(counted := _Counted(streamed.claims)),
                places=streamed.places,
                actor=self.actor,
            )
        except AnalysisFailed as failure:
            store.add_document(document, actor=self.actor)
            return self._failed(label, document, failure, again=False)
        if not added:
            return Outcome(label, "already stored", document, notes=notes)
        return Outcome(label, "stored", document, notes=notes, claims=counted.count)

    def _failed(
        self, label: str, document: Document, failure: AnalysisFailed, *, again: bool
    ) -> Outcome:
        """A document whose analysis failed: its bytes are kept, the failure is recorded."""
        self.store.record_analysis_failure(document.sha256, failure.reason, actor=self.actor)
        kept = "it was stored before" if again else "its bytes are stored"
        return Outcome(
            label,
            "failed",
            document,
            reason=f"{label}: {failure.reason}; {kept} without claims, and a later ingest "
            "analyses it again",
            traceback=failure.traceback,
        )
