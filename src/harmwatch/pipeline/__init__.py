"""The main job as a library: analyse a document, ingest sources, link reports into incidents.

Every door (the CLI, the API, the benches, batch jobs) calls these functions; what a run needs
(the gazetteer, the settings) is built once per run, not once per document.
"""

from __future__ import annotations

from harmwatch.pipeline._link import (
    NEIGHBOURHOOD_DAYS,
    Evidence,
    LinkRun,
    SourceEvidence,
    assemble_store,
    incident_evidence,
    link_store,
)

__all__ = [
    "NEIGHBOURHOOD_DAYS",
    "Evidence",
    "LinkRun",
    "SourceEvidence",
    "assemble_store",
    "incident_evidence",
    "link_store",
]
