"""The main job as a library: analyse a document, ingest sources, link reports into incidents.

Every door (the CLI, the API, the benches, batch jobs) calls these functions; what a run needs
(the gazetteer, the settings) is built once per run, not once per document.

    analyze = Analyzer.load(data_dir=Path("harmwatch-data"))   # the gazetteer, loaded once
    extraction = analyze(document)                              # or analyze_document(...)
    with Store.open("sqlite:///harmwatch.db") as store:
        for outcome in ingest_sources(store, ["reports/"], analyze=analyze):
            print(outcome.status, outcome.input)
"""

from __future__ import annotations

from harmwatch.pipeline._analyze import Analyze, Analyzer, analyze_document
from harmwatch.pipeline._ingest import (
    STATUSES,
    AfterIngest,
    Outcome,
    Status,
    count_inputs,
    ingest_sources,
    is_url,
)
from harmwatch.pipeline._reextract import (
    Reextracted,
    count_outdated,
    outdated_documents,
    reextract_documents,
)

__all__ = [
    "STATUSES",
    "AfterIngest",
    "Analyze",
    "Analyzer",
    "Outcome",
    "Reextracted",
    "Status",
    "analyze_document",
    "count_inputs",
    "count_outdated",
    "ingest_sources",
    "is_url",
    "outdated_documents",
    "reextract_documents",
]
