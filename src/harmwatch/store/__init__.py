"""store stage: the only code that speaks SQL (SQLite by default, PostgreSQL through the same code).

with Store.open("sqlite:///harmwatch.db") as store:
    store.add_document(document, extraction)   # False if its sha256 is stored already
    store.claims_for(document.sha256)
    store.check_audit()                        # the hash chain and every row against it
"""

from __future__ import annotations

from harmwatch.store._audit import AuditEntry
from harmwatch.store._engine import normalise_url
from harmwatch.store._incidents import IncidentQuery, LinkWrite
from harmwatch.store._review import NEW_INCIDENT, STALE_REVIEW, ReviewWrite
from harmwatch.store._store import DEFAULT_ACTOR, EXTRACTOR_VERSION, Store
from harmwatch.store._summary import SummaryRows
from harmwatch.store._verify import AuditProblem, AuditReport

__all__ = [
    "DEFAULT_ACTOR",
    "EXTRACTOR_VERSION",
    "NEW_INCIDENT",
    "STALE_REVIEW",
    "AuditEntry",
    "AuditProblem",
    "AuditReport",
    "IncidentQuery",
    "LinkWrite",
    "ReviewWrite",
    "Store",
    "SummaryRows",
    "normalise_url",
]
