"""One document never stalls or crashes a batch: its analysis runs in a worker with a deadline.

The stalls and crashes here are made by analyses written for the test (a sleep, a raise, a
worker that kills itself), wrapped around the real analyzer, so that the tests hold whatever
the extractor's own bugs are at the time.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from harmwatch.model import Document, Extraction
from harmwatch.pipeline import (
    AnalysisFailed,
    Analyzer,
    BudgetedAnalyzer,
    budget_for,
    ingest_sources,
)
from harmwatch.store import Store

STALL, CRASH, DIE = "STALL-HERE", "CRASH-HERE", "DIE-HERE"
REPORTS = {
    "a-fine.txt": "At least 23 civilians were killed in airstrikes on Saraqib on Sunday.\n",
    "b-stalls.txt": f"Eight people were killed in Ariha. {STALL}\n",
    "c-crashes.txt": f"Four children were injured in Idlib. {CRASH}\n",
    "d-fine.txt": "Twelve people were killed when a market in Kafranbel was struck.\n",
}


class Hostile:
    """The real analysis, except on documents that carry a marker: those stall, raise or die."""

    def __init__(self) -> None:
        self.analyze = Analyzer.load()

    def __call__(self, document: Document) -> Extraction:
        if STALL in document.text:
            time.sleep(600)
        if CRASH in document.text:
            raise OverflowError("int too large to convert to float")
        if DIE in document.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return self.analyze(document)


def write_reports(folder: Path, reports: dict[str, str] = REPORTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in reports.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_stalled_document_is_stopped_stored_and_recorded_and_the_batch_goes_on(
    tmp_path: Path, store: Store
) -> None:
    folder = write_reports(tmp_path / "r")

    started = time.monotonic()
    outcomes = list(ingest_sources(store, [str(folder)], analyze=Hostile(), time_budget=1.0))
    elapsed = time.monotonic() - started

    assert elapsed < 30
    assert [(Path(o.input).name, o.status) for o in outcomes] == [
        ("a-fine.txt", "stored"),
        ("b-stalls.txt", "failed"),
        ("c-crashes.txt", "failed"),
        ("d-fine.txt", "stored"),
    ]
    stalled, crashed = outcomes[1], outcomes[2]
    assert stalled.reason == (
        f"{folder}/b-stalls.txt: analysis stopped after 1 s (its time budget); raise it with "
        "--time-budget; its bytes are stored without claims, and a later ingest analyses it again"
    )
    assert stalled.traceback is None
    assert crashed.reason is not None and crashed.reason.startswith(
        f"{folder}/c-crashes.txt: unexpected error in analysis (OverflowError: int too large"
    )
    assert crashed.traceback is not None and "OverflowError" in crashed.traceback
    for outcome in (stalled, crashed):  # evidence kept byte for byte, without an extraction
        assert outcome.document is not None
        sha = outcome.document.sha256
        assert store.get_document(sha).raw == (folder / Path(outcome.input).name).read_bytes()
        assert not store.has_extraction(sha)
        entries = list(store.iter_audit(entity=f"document:{sha}"))
        assert [e.action for e in entries] == ["document.add", "extraction.fail"]
        assert entries[1].after is not None and entries[1].after["reason"].startswith(
            "analysis stopped" if outcome is stalled else "unexpected error in analysis"
        )
    assert store.verify_audit() == 6


def test_a_later_run_analyses_a_document_that_failed_before(tmp_path: Path, store: Store) -> None:
    folder = write_reports(tmp_path / "r", {"b-stalls.txt": REPORTS["b-stalls.txt"]})
    first = list(ingest_sources(store, [str(folder)], analyze=Hostile(), time_budget=0.5))
    assert [o.status for o in first] == ["failed"]

    again = list(ingest_sources(store, [str(folder)], analyze=Analyzer.load()))

    assert [(o.status, o.notes, o.claims) for o in again] == [
        ("already stored", ("its missing extraction was added",), 1)
    ]
    sha = again[0].document.sha256  # type: ignore[union-attr]
    assert store.claims_for(sha)[0].value == 8
    actions = [e.action for e in store.iter_audit(entity=f"document:{sha}")]
    assert actions == ["document.add", "extraction.fail", "extraction.add"]


def test_a_worker_that_dies_is_reported_and_replaced(tmp_path: Path, sqlite_url: str) -> None:
    folder = write_reports(
        tmp_path / "r", {"a-dies.txt": f"Two killed. {DIE}\n", "b-fine.txt": REPORTS["a-fine.txt"]}
    )
    with Store.open(sqlite_url) as store:
        outcomes = list(ingest_sources(store, [str(folder)], analyze=Hostile()))
    assert [o.status for o in outcomes] == ["failed", "stored"]
    assert outcomes[0].reason is not None
    assert "the analysis process died (SIGKILL; perhaps it ran out of memory)" in outcomes[0].reason


def test_a_long_run_of_digits_does_not_stop_the_batch(tmp_path: Path, sqlite_url: str) -> None:
    folder = write_reports(
        tmp_path / "r",
        {"a-digits.txt": f"At least {'9' * 400} people were killed.\n", **REPORTS},
    )
    with Store.open(sqlite_url) as store:
        outcomes = list(
            ingest_sources(store, [str(folder / "a-digits.txt"), str(folder / "a-fine.txt")])
        )
    assert outcomes[0].status in ("stored", "failed")
    assert outcomes[1].status == "stored"


def test_without_a_budget_errors_are_still_one_outcome(tmp_path: Path, sqlite_url: str) -> None:
    folder = write_reports(tmp_path / "r", {"c-crashes.txt": REPORTS["c-crashes.txt"]})
    with Store.open(sqlite_url) as store:
        outcomes = list(ingest_sources(store, [str(folder)], analyze=Hostile(), time_budget=None))
    assert outcomes[0].status == "failed"
    assert outcomes[0].traceback is not None and "OverflowError" in outcomes[0].traceback


def test_reraise_lets_a_developer_see_the_error_itself(tmp_path: Path, sqlite_url: str) -> None:
    folder = write_reports(tmp_path / "r", {"c-crashes.txt": REPORTS["c-crashes.txt"]})
    with Store.open(sqlite_url) as store, pytest.raises(OverflowError):
        list(ingest_sources(store, [str(folder)], analyze=Hostile(), reraise=True))


def test_the_budget_grows_with_the_size_of_the_text() -> None:
    assert budget_for("x" * 1000, 60) == 60
    assert budget_for("x" * 3_000_000, 60) == pytest.approx(80)


def test_a_budgeted_analyzer_gives_the_same_extraction_as_in_process(tmp_path: Path) -> None:
    document = Document(
        sha256="0" * 64, source="x", raw=b"x", text=REPORTS["a-fine.txt"] * 3000, lang="en"
    )
    analyze = Analyzer.load()
    with BudgetedAnalyzer(analyze, budget=60) as budgeted:
        assert not budgeted.in_process
        assert budgeted(document) == analyze(document)
        crashing = Document(sha256="1" * 64, source="y", raw=b"y", text=CRASH)
        with BudgetedAnalyzer(Hostile(), budget=60) as other, pytest.raises(AnalysisFailed):
            other(crashing)
        assert budgeted(document) == analyze(document)  # still serving
