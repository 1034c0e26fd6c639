"""The main job as a library: analyse a document, ingest sources, link reports into incidents.

Every door (the CLI, the API, the benches, batch jobs) calls these functions; what a run needs
(the gazetteer, the settings) is built once per run, not once per document.

    analyze = Analyzer.load(data_dir=Path("harmwatch-data"))   # the gazetteer, loaded once
    extraction = analyze(document)                              # or analyze_document(...)
    with Store.open("sqlite:///harmwatch.db") as store:
        for outcome in ingest_sources(store, ["reports/"], analyze=analyze):
            print(outcome.status, outcome.input)

The names that need the database (``ingest_sources``, ``list_claims``...) are imported on first
use, so that analysing a document (``harmwatch extract``) does not load SQLAlchemy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from harmwatch.pipeline._analyze import Analyze, Analyzer, analyze_document
from harmwatch.pipeline._budget import (
    DEFAULT_TIME_BUDGET,
    SECONDS_PER_MB,
    AnalysisFailed,
    BudgetedAnalyzer,
    Streamed,
    budget_for,
)

if TYPE_CHECKING:
    from harmwatch.pipeline._claims import list_claims
    from harmwatch.pipeline._ingest import (
        STATUSES,
        AfterIngest,
        Outcome,
        Status,
        count_inputs,
        ingest_sources,
        is_url,
    )

__all__ = [
    "DEFAULT_TIME_BUDGET",
    "SECONDS_PER_MB",
    "STATUSES",
    "AfterIngest",
    "AnalysisFailed",
    "Analyze",
    "Analyzer",
    "BudgetedAnalyzer",
    "Outcome",
    "Status",
    "Streamed",
    "analyze_document",
    "budget_for",
    "count_inputs",
    "ingest_sources",
    "is_url",
    "list_claims",
]

_LAZY = {
    "STATUSES": "_ingest",
    "AfterIngest": "_ingest",
    "Outcome": "_ingest",
    "Status": "_ingest",
    "count_inputs": "_ingest",
    "ingest_sources": "_ingest",
    "is_url": "_ingest",
    "list_claims": "_claims",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'harmwatch.pipeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"harmwatch.pipeline.{module}"), name)
    globals()[name] = value
    return value
