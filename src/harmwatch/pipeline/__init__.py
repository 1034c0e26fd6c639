"""The main job as a library: analyse a document, ingest sources, link reports into incidents.

Every door (the CLI, the API, the benches, batch jobs) calls these functions; what a run needs
(the gazetteer, the settings) is built once per run, not once per document.

    with Store.open("sqlite:///harmwatch.db") as store:
        analyze = Analyzer.load(store=store)     # the gazetteer with the team's places, once
        extraction = analyze(document)           # or analyze_document(...)
        for outcome in ingest_sources(store, ["reports/"], analyze=analyze):
            print(outcome.status, outcome.input)
        link_store(store)                        # reports -> incidents

The names that need the database (``ingest_sources``, ``list_claims``, ``import_table``...) are
imported on first use, so that analysing a document (``harmwatch extract``) does not load
SQLAlchemy.
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
    from harmwatch.pipeline._import import (
        TABLE_SUFFIXES,
        ImportResult,
        gazetteer_lookup,
        import_table,
        table_type,
    )
    from harmwatch.pipeline._ingest import (
        STATUSES,
        AfterIngest,
        Outcome,
        Status,
        count_inputs,
        date_in_name,
        ingest_sources,
        is_url,
    )
    from harmwatch.pipeline._link import (
        NEIGHBOURHOOD_DAYS,
        LinkRun,
        assemble_store,
        link_store,
        list_incidents,
    )
    from harmwatch.pipeline._places import (
        DATA_DIR_ACTOR,
        import_data_folder,
        load_gazetteer,
        load_zones,
    )
    from harmwatch.pipeline._reextract import (
        Reextracted,
        count_outdated,
        outdated_documents,
        reextract_documents,
    )
    from harmwatch.pipeline._summary import summarize_store

__all__ = [
    "DATA_DIR_ACTOR",
    "DEFAULT_TIME_BUDGET",
    "NEIGHBOURHOOD_DAYS",
    "SECONDS_PER_MB",
    "STATUSES",
    "TABLE_SUFFIXES",
    "AfterIngest",
    "AnalysisFailed",
    "Analyze",
    "Analyzer",
    "BudgetedAnalyzer",
    "ImportResult",
    "LinkRun",
    "Outcome",
    "Reextracted",
    "Status",
    "Streamed",
    "analyze_document",
    "assemble_store",
    "budget_for",
    "count_inputs",
    "count_outdated",
    "date_in_name",
    "gazetteer_lookup",
    "import_data_folder",
    "import_table",
    "ingest_sources",
    "is_url",
    "link_store",
    "list_claims",
    "list_incidents",
    "load_gazetteer",
    "load_zones",
    "outdated_documents",
    "reextract_documents",
    "summarize_store",
    "table_type",
]

_LAZY = {
    **dict.fromkeys(["list_claims"], "_claims"),
    **dict.fromkeys(
        ["TABLE_SUFFIXES", "ImportResult", "gazetteer_lookup", "import_table", "table_type"],
        "_import",
    ),
    **dict.fromkeys(
        [
            "STATUSES",
            "AfterIngest",
            "Outcome",
            "Status",
            "count_inputs",
            "date_in_name",
            "ingest_sources",
            "is_url",
        ],
        "_ingest",
    ),
    **dict.fromkeys(
        ["DATA_DIR_ACTOR", "import_data_folder", "load_gazetteer", "load_zones"], "_places"
    ),
    **dict.fromkeys(
        ["Reextracted", "count_outdated", "outdated_documents", "reextract_documents"],
        "_reextract",
    ),
    **dict.fromkeys(
        ["NEIGHBOURHOOD_DAYS", "LinkRun", "assemble_store", "link_store", "list_incidents"],
        "_link",
    ),
    **dict.fromkeys(["summarize_store"], "_summary"),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'harmwatch.pipeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"harmwatch.pipeline.{module}"), name)
    globals()[name] = value
    return value
