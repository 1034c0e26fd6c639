"""Linking a whole store: assemble the reports documents still lack, link, store the incidents.

``link_store(store)`` relinks everything; ``link_store(store, documents=[...])`` (what ingest
calls) assembles those documents' reports and relinks only their neighbourhood: the reports of
the same provinces within ``NEIGHBOURHOOD_DAYS`` of them, with every incident they touch whole,
so that the result is the one a full relink would give there.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from harmwatch import __version__
from harmwatch.link import (
    ASSEMBLER_VERSION,
    DEFAULT_SETTINGS,
    LINKER_VERSION,
    LinkSettings,
    assemble_reports,
    link_reports,
    register_facilities,
)
from harmwatch.model import Incident, Report, User
from harmwatch.store import DEFAULT_ACTOR, IncidentQuery, Store

__all__ = [
    "NEIGHBOURHOOD_DAYS",
    "LinkRun",
    "assemble_store",
    "link_store",
    "list_incidents",
]

NEIGHBOURHOOD_DAYS = 45
"""How far around new reports a partial relink looks (more than any report's date window)."""


@dataclass(frozen=True, slots=True)
class LinkRun:
    """What one link run did."""

    documents: int
    """Documents whose reports were assembled in this run."""
    reports_added: int
    reports: int
    """Reports linked (period totals included)."""
    period_totals: int
    incidents: int
    created: int
    changed: int
    unchanged: int
    retired: int
    pairs: int
    conflicts: tuple[str, ...]
    seconds: float

    def __repr__(self) -> str:
        return f"LinkRun({self.reports} reports -> {self.incidents} incidents)"


def assemble_store(store: Store, *, actor: str = DEFAULT_ACTOR) -> tuple[list[str], int]:
    """Assemble and store the reports of every document that has claims but no reports yet
    (one audit entry for them all); returns (those documents, reports added)."""
    missing = store.documents_without_reports()
    reports: list[Report] = []
    for sha256 in missing:
        extraction = store.get_extraction(sha256)
        if extraction is None:
            continue
        document = store.get_document(sha256)
        reports += assemble_reports(
            extraction, document_sha256=sha256, source=document.source, text=document.text
        )
    # one audit entry for the run's reports
    added = store.add_reports(reports, assembler=ASSEMBLER_VERSION, actor=actor) if reports else 0
    return missing, added


def _scope(store: Store, documents: Sequence[str]) -> list[Report] | None:
    """The reports a partial relink takes in, or None when the whole store is needed."""
    new = [r for sha in sorted(set(documents)) for r in store.reports_for(sha)]
    placed = [r for r in new if r.place is not None and r.place.admin1]
    days = [d for r in placed for d in (r.date_start, r.date_end) if d is not None]
    found: dict[str, Report] = {r.key: r for r in new}
    if placed and days:
        margin = timedelta(days=NEIGHBOURHOOD_DAYS)
        near = store.reports_near(
            admin1=[r.place.admin1 for r in placed if r.place is not None and r.place.admin1],
            date_from=min(days) - margin,
            date_to=max(days) + margin,
        )
        found.update((r.key, r) for r in near)
    return sorted(found.values(), key=lambda r: r.key)


def link_store(
    store: Store,
    *,
    documents: Sequence[str] | None = None,
    settings: LinkSettings = DEFAULT_SETTINGS,
    actor: str = DEFAULT_ACTOR,
) -> LinkRun:
    """Assemble missing reports, link, and store incidents, membership and the facility
    registry, with one ``link.run`` audit entry. Deterministic: a second run with nothing new
    changes nothing, and an incident keeps its id while its reports stay together.

    Args:
        store: the open store.
        documents: only these documents are new (ingest): their reports (and those of any
            document that still had none) are linked with their neighbourhood instead of the
            whole store.
        settings: blocking limits, weights and thresholds.
        actor: who runs it, for the audit log.
    """
    started = time.perf_counter()
    assembled, added = assemble_store(store, actor=actor)
    if documents is None:
        reports = list(store.iter_reports())
        previous = store.membership()
    else:
        # documents an interrupted run stored but never linked come along
        scoped = _scope(store, [*documents, *assembled])
        reports = scoped or []
        previous = store.membership_of([r.key for r in reports])
    registry, reports = register_facilities(reports, known=store.facilities())
    keys = {r.key for r in reports}
    decisions = [d for d in store.link_decisions() if keys.intersection(d.reports)]
    result = link_reports(reports, decisions=decisions, previous=previous, settings=settings)
    written = store.save_link(
        result.incidents,
        retire=result.retired,
        registry=registry,
        summary={
            "linker": LINKER_VERSION,
            "assembler": ASSEMBLER_VERSION,
            "harmwatch": __version__,
            "scope": "all" if documents is None else f"{len(set(documents))} documents",
            "reports": len(reports),
            "period_totals": len(result.period_totals),
            "pairs": result.pairs,
            "links": result.links,
            "decisions": len(decisions),
            "conflicts": list(result.conflicts),
        },
        actor=actor,
    )
    return LinkRun(
        documents=len(assembled),
        reports_added=added,
        reports=len(reports),
        period_totals=len(result.period_totals),
        incidents=len(result.incidents),
        created=written.created,
        changed=written.changed,
        unchanged=written.unchanged,
        retired=written.retired,
        pairs=result.pairs,
        conflicts=result.conflicts,
        seconds=time.perf_counter() - started,
    )


# --- what a reader may see ----------------------------------------------------------------------


def list_incidents(
    store: Store, query: IncidentQuery | None = None, *, user: User | None = None
) -> list[Incident]:
    """Stored incidents matching ``query`` as ``user`` may see them: analysts' corrections and
    grades applied (``harmwatch.review``), and for a user who may not read confidential fields
    (a viewer, or nobody named) every confidential field and document left out.

    Filters apply to the linked values (a corrected place is found under its linked one).
    """
    from harmwatch.link import build_incident
    from harmwatch.review import can, reviewed_incident

    found = store.incidents(query)
    ids = [i.id for i in found if i.id is not None]
    reviewed = {k for k, entries in store.reviews_of(ids).items() if entries} if ids else set()
    hidden: set[str] = set()
    if not can(user, "read_confidential"):
        hidden = store.confidential_documents({s.document_sha256 for i in found for s in i.sources})
    out: list[Incident] = []
    for incident in found:
        assert incident.id is not None
        touched = any(s.document_sha256 in hidden for s in incident.sources)
        if incident.id in reviewed or touched:
            view = reviewed_incident(store, incident.id, user=user, rebuild=build_incident)
            incident = view.incident
        out.append(incident)
    return out
