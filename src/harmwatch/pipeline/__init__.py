"""The main job as a library: analyse a document, ingest sources, link reports into incidents.

Every door (the CLI, the API, the benches, batch jobs) calls these functions; what a run needs
(the gazetteer, the settings) is built once per run, not once per document.

    analyze = Analyzer.load(data_dir=Path("harmwatch-data"))   # the gazetteer, loaded once
    extraction = analyze(document)                              # or analyze_document(...)
    with Store.open("sqlite:///harmwatch.db") as store:
        for outcome in ingest_sources(store, ["reports/"], analyze=analyze):
            print(outcome.status, outcome.input)
        link_store(store)                                       # reports -> incidents
"""

from __future__ import annotations

from harmwatch.pipeline._analyze import Analyze, Analyzer, analyze_document
from harmwatch.pipeline._budget import (
    DEFAULT_TIME_BUDGET,
    SECONDS_PER_MB,
    AnalysisFailed,
    BudgetedAnalyzer,
    budget_for,
)
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
from harmwatch.pipeline._summary import summarize_store

__all__ = [
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
    "Status",
    "analyze_document",
    "assemble_store",
    "budget_for",
    "count_inputs",
    "gazetteer_lookup",
    "import_table",
    "ingest_sources",
    "is_url",
    "link_store",
    "list_claims",
    "list_incidents",
    "summarize_store",
    "table_type",
]
