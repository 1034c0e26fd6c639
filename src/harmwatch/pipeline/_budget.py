"""Analysis under a time budget, in a worker process, so that one document never stalls a batch.

    with BudgetedAnalyzer(Analyzer.load(), budget=60) as analyze:
        try:
            extraction = analyze(document)
        except AnalysisFailed as failure:
            print(failure.reason)           # ran past its budget, raised, or its worker died

The worker is forked once from the running process, so it shares the gazetteer already loaded
and keeps the extractor's warmed-up tables from one document to the next. A document goes to it
as one message (a large text in chunks, so that neither process holds a second copy), and its
extraction comes back as one message, or for a large one its claims and places in batches,
which ``stream`` hands on to the database as they arrive. The cost, measured by
``bench/ingest.py``: about 0.35 ms of CPU per document (5%). When a document runs past its
deadline, the worker is killed and a new one forked for the next document. Where ``fork`` is not
available, or with ``budget=None``, analysis runs in this process without a deadline.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import signal
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

from harmwatch.model import Claim, Document, Extraction, PlaceMention
from harmwatch.pipeline._analyze import Analyze

__all__ = [
    "DEFAULT_TIME_BUDGET",
    "SECONDS_PER_MB",
    "AnalysisFailed",
    "BudgetedAnalyzer",
    "Streamed",
    "budget_for",
]

DEFAULT_TIME_BUDGET = 60.0
"""Seconds a document may take to analyse (``--time-budget``), plus ``SECONDS_PER_MB``."""

SECONDS_PER_MB = 10.0
"""Seconds added to the budget for each million characters of text beyond the first."""

_CHUNK = 1 << 20  # characters of text per message to the worker
_BATCH = 2000  # claims or places per message back: pickling a million at once needs a big memo


def budget_for(text: str, budget: float) -> float:
    """The deadline, in seconds, of one document's analysis: ``budget`` grows with its size."""
    return budget + SECONDS_PER_MB * max(0.0, len(text) / 1e6 - 1.0)


class AnalysisFailed(Exception):
    """One document's analysis failed: it ran past its budget, raised, or its worker died.

    ``reason`` is one line for the user; ``traceback`` the worker's traceback when the analysis
    raised an unexpected error (a bug to report), else None.
    """

    def __init__(self, reason: str, *, traceback: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.traceback = traceback


def _fork_context() -> Any:
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


class BudgetedAnalyzer:
    """Runs ``analyze`` on each document under a deadline; raises ``AnalysisFailed`` instead of
    stalling or crashing.

    Args:
        analyze: the analysis to run (an ``Analyzer``, built before the worker is forked).
        budget: seconds per document (see ``budget_for``); None runs in this process, no limit.
        reraise: let an unexpected error in the analysis propagate with its own traceback (for
            developers, ``HARMWATCH_DEBUG=1``): the analysis then runs in this process.
    """

    def __init__(
        self,
        analyze: Analyze,
        *,
        budget: float | None = DEFAULT_TIME_BUDGET,
        reraise: bool = False,
    ) -> None:
        self.analyze = analyze
        self.budget = budget
        self.reraise = reraise
        self._context = None if budget is None or reraise else _fork_context()
        self._worker: _Worker | None = None

    def __repr__(self) -> str:
        return f"BudgetedAnalyzer({self.analyze!r}, budget={self.budget!r})"

    @property
    def in_process(self) -> bool:
        """Whether documents are analysed in this process (no deadline)."""
        return self._context is None

    @property
    def worker_pid(self) -> int | None:
        """The process id of the worker, while one runs."""
        return None if self._worker is None else self._worker.process.pid

    def start(self) -> None:
        """Fork the worker now (else on the first document): before documents are read, so
        that it shares none of their pages."""
        if self._context is not None and self._worker is None:
            self._worker = _Worker(self.analyze, self._context)

    def __call__(self, document: Document) -> Extraction:
        streamed = self.stream(document)
        claims, places = tuple(streamed.claims), tuple(streamed.places)
        return dataclasses.replace(streamed.shell, claims=claims, places=places)

    def stream(self, document: Document) -> Streamed:
        """The document's extraction, its claims and places read from the worker as they are
        consumed (claims first), so that a million claims need not be in memory at once.

        Consume both before the next document (a stream left unread costs a new worker).
        Raises AnalysisFailed, also from the iterators if the worker dies while sending.
        """
        if self._context is None or self.budget is None:
            extraction = self._here(document)
            shell = dataclasses.replace(extraction, claims=(), places=())
            return Streamed(shell, iter(extraction.claims), iter(extraction.places))
        seconds = budget_for(document.text, self.budget)
        if self._worker is not None and self._worker.owed:
            self._stop()  # the last stream was left unread: that worker is mid-reply
        self.start()
        worker = self._worker
        assert worker is not None
        try:
            shell, n_claims, n_places = worker.begin(document, seconds)
        except BaseException:  # failed, or Ctrl-C while waiting: the worker must not outlive us
            self._stop()
            raise
        return Streamed(
            shell,
            self._items(worker, n_claims, "claims"),
            self._items(worker, n_places, "places"),
        )

    def _items(self, worker: _Worker, count: int, which: str) -> Iterator[Any]:
        try:
            yield from worker.items(count, which)
        except AnalysisFailed:
            self._stop()
            raise

    def _here(self, document: Document) -> Extraction:
        if self.reraise:
            return self.analyze(document)
        try:
            return self.analyze(document)
        except Exception as error:
            raise AnalysisFailed(
                _unexpected(type(error).__name__, str(error)), traceback=traceback.format_exc()
            ) from None

    def _stop(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    def close(self) -> None:
        """Stop the worker process, if one runs."""
        self._stop()

    def __enter__(self) -> BudgetedAnalyzer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _unexpected(name: str, message: str) -> str:
    first = message.strip().splitlines()[0] if message.strip() else ""
    return (
        f"unexpected error in analysis ({name}: {first[:200]})"
        if first
        else (f"unexpected error in analysis ({name})")
    )


@dataclass(frozen=True, slots=True)
class Streamed:
    """An extraction whose claims and places arrive as they are read (see ``stream``)."""

    shell: Extraction
    """The extraction's other fields (language, dates, actors); its claims and places empty."""
    claims: Iterator[Claim]
    places: Iterator[PlaceMention]


class _Worker:
    """One forked process that analyses the documents sent to it, one at a time."""

    def __init__(self, analyze: Analyze, context: Any) -> None:
        ours, theirs = context.Pipe(duplex=True)
        self.process = context.Process(
            target=_serve, args=(analyze, theirs, ours), name="harmwatch-analysis", daemon=True
        )
        self.process.start()
        theirs.close()
        self.connection: Connection = ours
        self.owed = 0
        """Claims and places of the last extraction not read yet."""
        self.pending: Extraction | None = None
        """The last extraction, when it came whole."""

    def items(self, count: int, which: str) -> Iterator[Any]:
        """The next ``count`` claims (or places) of the extraction being sent, batch by batch
        (``count`` -1: those of the small extraction that came whole)."""
        if count < 0:
            assert self.pending is not None
            yield from getattr(self.pending, which)
            return
        received = 0
        while received < count:
            try:
                batch = self.connection.recv()
            except (EOFError, OSError):
                raise AnalysisFailed(self._death()) from None
            received += len(batch)
            self.owed -= len(batch)
            yield from batch

    def begin(self, document: Document, seconds: float) -> tuple[Extraction, int, int]:
        """Send a document; its extraction's other fields and how many claims and places
        follow, once it is analysed within ``seconds``."""
        text = document.text
        light = dataclasses.replace(document, raw=b"", text="", warc=None)
        try:
            if len(text) <= _CHUNK:  # most documents: one message each way
                self.connection.send((light, text))
            else:
                self.connection.send((light, len(text)))
                for start in range(0, len(text), _CHUNK):
                    chunk = text[start : start + _CHUNK]
                    self.connection.send_bytes(chunk.encode("utf-8", "surrogatepass"))
            ready = self.connection.poll(seconds)
            if not ready:
                raise AnalysisFailed(
                    f"analysis stopped after {seconds:g} s (its time budget); raise it with "
                    "--time-budget"
                )
            status, payload = self.connection.recv()
        except (EOFError, OSError):
            raise AnalysisFailed(self._death()) from None
        if status == "whole":  # a small extraction, sent in one message
            self.pending = payload
            return dataclasses.replace(payload, claims=(), places=()), -1, -1
        if status == "ok":
            shell, n_claims, n_places = payload
            self.owed = n_claims + n_places
            return shell, n_claims, n_places
        name, message, trace = payload
        raise AnalysisFailed(_unexpected(name, message), traceback=trace)

    def _death(self) -> str:
        self.process.join(timeout=5)
        code = self.process.exitcode
        if code is not None and code < 0:
            how = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
            hint = "; perhaps it ran out of memory" if how == "SIGKILL" else ""
            return f"the analysis process died ({how}{hint})"
        return f"the analysis process died (exit status {code})"

    def stop(self) -> None:
        self.connection.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=10)
        self.process.close()


def _serve(analyze: Callable[[Document], Extraction], connection: Connection, ours: Any) -> None:
    """The worker's loop: receive a document, send back its extraction or what went wrong."""
    ours.close()  # so that the parent's end closing (or its death) ends this loop
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            light, sent = connection.recv()
            parts: list[str] = [sent] if isinstance(sent, str) else []
            received = 0
            while isinstance(sent, int) and received < sent:
                part = connection.recv_bytes().decode("utf-8", "surrogatepass")
                received += len(part)
                parts.append(part)
        except (EOFError, OSError):
            return
        text = "".join(parts)
        del parts
        try:
            extraction = analyze(dataclasses.replace(light, text=text))
        except Exception as error:
            extraction = None
            failure = (type(error).__name__, str(error), traceback.format_exc())
        del text
        try:
            if extraction is None:
                connection.send(("error", failure))
            else:
                _send_extraction(connection, extraction)
        except (EOFError, OSError):
            return
        del extraction


def _send_extraction(connection: Connection, extraction: Extraction) -> None:
    """The extraction without its claims and places, then those in batches (each pickled on
    its own, so that a document with a million claims never needs one huge pickle)."""
    claims, places = extraction.claims, extraction.places
    if len(claims) + len(places) <= _BATCH:
        connection.send(("whole", extraction))
        return
    shell = dataclasses.replace(extraction, claims=(), places=())
    connection.send(("ok", (shell, len(claims), len(places))))
    for items in (claims, places):
        for first in range(0, len(items), _BATCH):
            connection.send(items[first : first + _BATCH])
