"""store stage: the only code that speaks SQL (SQLite by default, PostgreSQL through the same code).

with Store.open("sqlite:///harmwatch.db") as store:
    store.add_document(document, extraction)   # False if its sha256 is stored already
    store.claims_for(document.sha256)
    store.check_audit()                        # the hash chain and every row against it

URLs are read in one place, ``normalise_url`` / ``sqlite_file`` / ``database_exists``, which
need no SQLAlchemy; the rest is imported on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from harmwatch.store._url import database_exists, normalise_url, sqlite_file

if TYPE_CHECKING:
    from harmwatch.store._audit import AuditEntry
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
    "database_exists",
    "normalise_url",
    "sqlite_file",
]

# SQLAlchemy is loaded on first use of the rest, so that reading a URL costs nothing
_LAZY = {
    "AuditEntry": "_audit",
    "IncidentQuery": "_incidents",
    "LinkWrite": "_incidents",
    "NEW_INCIDENT": "_review",
    "STALE_REVIEW": "_review",
    "ReviewWrite": "_review",
    "DEFAULT_ACTOR": "_store",
    "EXTRACTOR_VERSION": "_store",
    "Store": "_store",
    "SummaryRows": "_summary",
    "AuditProblem": "_verify",
    "AuditReport": "_verify",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'harmwatch.store' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"harmwatch.store.{module}"), name)
    globals()[name] = value
    return value
