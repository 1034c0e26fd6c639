"""link stage: claims -> reports -> incidents, and the facility registry.

    reports = assemble_reports(extraction, document_sha256=sha, source=uri, text=doc.text)
    registry, reports = register_facilities(reports, known=stored_facilities)
    result = link_reports(reports, decisions=analysts, previous=membership)
    result.incidents      # each with dates, place, perpetrators, tallies and every source

Pure functions over domain types: nothing here opens the database (``harmwatch.pipeline``
runs a whole store through them).
"""

from __future__ import annotations

from harmwatch.link._cluster import Constraints, cluster_pairs, components
from harmwatch.link._facilities import (
    DISTINGUISHING_WORDS,
    REGISTRY_TYPES,
    facility_descriptor,
    facility_id,
    find_facility_hits,
    register_facilities,
)
from harmwatch.link._incidents import BEST_RULES, build_incident
from harmwatch.link._link import LINKER_VERSION, LinkResult, link_reports, score_reports
from harmwatch.link._reports import (
    ASSEMBLER_VERSION,
    GEO_PRECISION_BY_FEATURE,
    UNDATED_WINDOW_DAYS,
    UPDATE_CUES,
    UPDATE_WINDOW_DAYS,
    assemble_reports,
    geo_precision_of,
)
from harmwatch.link._settings import DEFAULT_SETTINGS, LinkSettings

__all__ = [
    "ASSEMBLER_VERSION",
    "BEST_RULES",
    "DEFAULT_SETTINGS",
    "DISTINGUISHING_WORDS",
    "GEO_PRECISION_BY_FEATURE",
    "LINKER_VERSION",
    "REGISTRY_TYPES",
    "UNDATED_WINDOW_DAYS",
    "UPDATE_CUES",
    "UPDATE_WINDOW_DAYS",
    "Constraints",
    "LinkResult",
    "LinkSettings",
    "assemble_reports",
    "build_incident",
    "cluster_pairs",
    "components",
    "facility_descriptor",
    "facility_id",
    "find_facility_hits",
    "geo_precision_of",
    "link_reports",
    "register_facilities",
    "score_reports",
]
