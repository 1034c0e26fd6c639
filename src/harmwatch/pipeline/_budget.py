"""Analysis under a time budget, in a worker process, so that one document never stalls a batch.

    with BudgetedAnalyzer(Analyzer.load(), budget=60) as analyze:
        try:
            extraction = analyze(document)
        except AnalysisFailed as failure:
            print(failure.reason)           # ran past its budget, raised, or its worker died

The worker is forked once from the running process, so it shares the gazetteer already loaded
and keeps the extractor's warmed-up tables from one document to the next. A document is sent to
it as text in chunks (no second copy of a large text in either process) and its extraction comes
back pickled. When a document runs past its deadline, the worker is killed and a new one forked
for the next document. Where ``fork`` is not available, or with ``budget=None``, analysis runs
in this process without a deadline.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import signal
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

from harmwatch.model import Document, Extraction
from harmwatch.pipeline._analyze import Analyze

__all__ = [
    "DEFAULT_TIME_BUDGET",
    "SECONDS_PER_MB",
    "AnalysisFailed",
    "BudgetedAnalyzer",
    "budget_for",
]

DEFAULT_TIME_BUDGET = 60.0
"""Seconds a document may take to analyse (``--time-budget``), plus ``SECONDS_PER_MB``."""

SECONDS_PER_MB = 10.0
"""Seconds added to the budget for each million characters of text beyond the first."""

_CHUNK = 1 << 20  # characters of text per message to the worker


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

    def __call__(self, document: Document) -> Extraction:
        if self._context is None or self.budget is None:
            return self._here(document)
        seconds = budget_for(document.text, self.budget)
        if self._worker is None:
            self._worker = _Worker(self.analyze, self._context)
        worker = self._worker
        try:
            return worker.analyze(document, seconds)
        except AnalysisFailed:
            self._stop()
            raise
        except BaseException:  # Ctrl-C while waiting: the worker must not outlive us
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

    def analyze(self, document: Document, seconds: float) -> Extraction:
        text = document.text
        light = dataclasses.replace(document, raw=b"", text="", warc=None)
        try:
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
        if status == "ok":
            assert isinstance(payload, Extraction)
            return payload
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
            light, length = connection.recv()
            parts: list[str] = []
            received = 0
            while received < length:
                part = connection.recv_bytes().decode("utf-8", "surrogatepass")
                received += len(part)
                parts.append(part)
        except (EOFError, OSError):
            return
        text = "".join(parts)
        del parts
        try:
            extraction = analyze(dataclasses.replace(light, text=text))
            reply: tuple[str, Any] = ("ok", extraction)
        except Exception as error:
            reply = ("error", (type(error).__name__, str(error), traceback.format_exc()))
        del text
        try:
            connection.send(reply)
        except (EOFError, OSError):
            return
