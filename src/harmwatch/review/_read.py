"""Reading incidents as reviewed: the current view, each claim's quoted evidence, the queue.

What a user may see is decided here, once, for every door: a user without the
``read_confidential`` permission (a viewer, or nobody named) gets the redacted copy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from harmwatch.model import Incident, ReviewEntry, User
from harmwatch.review._roles import can
from harmwatch.review._view import (
    Rebuild,
    ReviewedIncident,
    apply_review,
    claim_key,
    redact,
)
from harmwatch.store import IncidentQuery, Store

__all__ = [
    "CONFIDENCE_FLOOR",
    "DEFAULT_CHECKS",
    "Evidence",
    "QueueItem",
    "SourceEvidence",
    "arithmetic",
    "incident_evidence",
    "review_queue",
    "reviewed_incident",
]

CONFIDENCE_FLOOR = 0.6
"""A claim extracted with less confidence than this is put before an analyst."""

Check = Callable[[Incident], Sequence[str]]
"""An arithmetic or consistency check: what does not add up in an incident (empty if fine)."""


def arithmetic(incident: Incident) -> list[str]:
    """What does not add up in an incident by the analysis stage's checks (errors only: a
    breakdown larger than its total, a source's best outside its own range)."""
    from harmwatch.analyze import check_incident

    return [f.message for f in check_incident(incident) if f.severity == "error"]


DEFAULT_CHECKS: tuple[Check, ...] = (arithmetic,)
"""The checks the review queue runs unless told otherwise."""

_MERGE_DEPTH = 20


# What of a merged incident's review carries over to the incident it joined: its notes and its
# decisions on claims (a claim is wrong wherever it ends up). Its grade and corrections were
# about the old incident and stay in its own history.
_CARRIED = ("note", "reject_claim", "add_claim")


def _entries_with_merged(store: Store, incident_id: int) -> list[ReviewEntry]:
    """The incident's review entries and what carries over from incidents merged into it."""
    seen: set[int] = set()
    todo = [incident_id]
    found: list[ReviewEntry] = []
    while todo and len(seen) < _MERGE_DEPTH:
        batch = [i for i in todo if i not in seen]
        seen.update(batch)
        todo = []
        for owner, entries in store.reviews_of(batch).items():
            for entry in entries:
                if owner == incident_id or entry.action in _CARRIED:
                    found.append(entry)
                elif entry.action == "confidential" and (entry.field or "").startswith("note:"):
                    found.append(entry)
                if entry.action == "merge" and entry.target:
                    todo += [int(i) for i in entry.target.split(",") if i]
    return sorted(found, key=lambda e: e.id or 0)


def reviewed_incident(
    store: Store, incident_id: int, *, user: User | None, rebuild: Rebuild | None = None
) -> ReviewedIncident:
    """The incident as analysts left it; a redacted copy unless ``user`` may read confidential
    fields (analysts and admins). Rejected and added claims re-count its tallies with
    ``rebuild`` (default: linking's own rules, where the linking stage is installed)."""
    incident = store.get_incident(incident_id)
    entries = _entries_with_merged(store, incident_id)
    needs_reports = any(e.action in ("reject_claim", "add_claim") for e in entries)
    if needs_reports and rebuild is None:
        from harmwatch.review._actions import linked_rebuild

        rebuild = linked_rebuild(store, required=False)
    reports = store.get_reports(incident.reports) if needs_reports and rebuild else None
    sources = {s.document_sha256: s.source for s in incident.sources}
    reviewed = apply_review(incident, entries, reports=reports, rebuild=rebuild, sources=sources)
    if can(user, "read_confidential"):
        return reviewed
    shas = {s.document_sha256 for s in incident.sources}
    shas |= {e.value["document_sha256"] for e in reviewed.added_claims}
    return redact(reviewed, hidden_documents=store.confidential_documents(shas))


# --- evidence ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """One count a source gave: the claim (``<sha256>:<ordinal>``), the quoted words, the
    sentence they stand in, the extractor's confidence, and whether an analyst rejected it."""

    kind: str
    subject: str
    value: int
    bound: str
    claim: str | None
    quote: str
    sentence: str
    confidence: float | None = None
    rejected: bool = False
    added_by: str | None = None


@dataclass(frozen=True, slots=True)
class SourceEvidence:
    """One source of an incident: its report, document, origin and every count it gave."""

    report_key: str
    document_sha256: str
    source: str
    title: str | None
    evidence: tuple[Evidence, ...]


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, whitespace folded."""
    dot = text.rfind(". ", 0, start)
    left = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    return " ".join(text[left:right].split())


def incident_evidence(store: Store, reviewed: ReviewedIncident) -> list[SourceEvidence]:
    """Each source of a reviewed incident (as its reader may see it) with every count it gave,
    quoted from the stored text by the claim's span; hand-added claims last."""
    rejected = set(reviewed.rejected_claims)
    out: list[SourceEvidence] = []
    for report in store.get_reports(reviewed.incident.reports):
        document = store.get_document(report.document_sha256)
        claims = store.claims_for(report.document_sha256)
        found = []
        for figure in report.figures:
            key = None if figure.claim is None else claim_key(document.sha256, figure.claim)
            claim = None
            if figure.claim is not None and figure.claim < len(claims):
                claim = claims[figure.claim]
            if claim is not None:
                quote = document.text[claim.start : claim.end]
                sentence = _sentence(document.text, claim.start, claim.end)
            else:
                quote = sentence = figure.evidence
            found.append(
                Evidence(
                    kind=figure.kind,
                    subject=figure.subject,
                    value=figure.value,
                    bound=figure.bound,
                    claim=key,
                    quote=quote,
                    sentence=sentence,
                    confidence=None if claim is None else claim.confidence,
                    rejected=key in rejected,
                )
            )
        out.append(
            SourceEvidence(
                report_key=report.key,
                document_sha256=document.sha256,
                source=document.source,
                title=document.title,
                evidence=tuple(found),
            )
        )
    for entry in reviewed.added_claims:
        value = entry.value
        document = store.get_document(value["document_sha256"])
        out.append(
            SourceEvidence(
                report_key=f"{document.sha256}:review{entry.id}",
                document_sha256=document.sha256,
                source=document.source,
                title=document.title,
                evidence=(
                    Evidence(
                        kind=value["kind"],
                        subject=value["subject"],
                        value=int(value["value"]),
                        bound=value["bound"],
                        claim=None,
                        quote=value["text"],
                        sentence=_sentence(document.text, value["start"], value["end"]),
                        added_by=entry.actor,
                    ),
                ),
            )
        )
    return out


# --- the queue ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QueueItem:
    """An incident that needs a person, and why (most urgent reasons first)."""

    incident_id: int
    version: int
    grade: str | None
    first_date: date | None
    place: str | None
    reasons: tuple[str, ...]
    priority: int


# Most urgent first: a confirmed incident a relink changed, then one whose sources changed,
# arithmetic that does not add up, doubtful claims, and last the ones nobody graded yet.
_PRIORITY: tuple[tuple[str, int], ...] = (
    ("a relink changed it", 0),
    ("its sources changed", 1),
    ("does not add up", 2),
    ("low-confidence claim", 3),
    ("new:", 4),
)


def _priority(reason: str) -> int:
    return next((rank for words, rank in _PRIORITY if words in reason), 2)


def review_queue(
    store: Store,
    *,
    limit: int | None = 50,
    floor: float = CONFIDENCE_FLOOR,
    checks: Sequence[Check] = DEFAULT_CHECKS,
    batch: int = 1000,
) -> list[QueueItem]:
    """Incidents that need a person: never graded, sources changed since graded (a confirmed
    one first), arithmetic that does not add up (``checks``: by default the analysis stage's),
    or a claim extracted with low confidence in an incident nobody graded yet; most urgent
    first, then oldest first."""
    doubtful = store.low_confidence_claims(floor)
    items: list[QueueItem] = []
    offset = 0
    while True:
        page = store.incidents(IncidentQuery(limit=batch, offset=offset))
        if not page:
            break
        offset += len(page)
        reviews = store.reviews_of([i.id for i in page if i.id is not None])
        reports = (
            {r.key: r for r in store.get_reports([k for i in page for k in i.reports])}
            if doubtful
            else {}
        )
        for incident in page:
            assert incident.id is not None
            entries = reviews.get(incident.id, [])
            reviewed = apply_review(incident, entries)
            reasons = list(reviewed.needs_review)
            rejected = set(reviewed.rejected_claims)
            low = sorted(
                key
                for report_key in incident.reports
                if report_key in reports
                for f in reports[report_key].figures
                if f.claim is not None
                and (key := claim_key(reports[report_key].document_sha256, f.claim)) in doubtful
                and key not in rejected
            )
            if low and reviewed.grading is None:  # grading is where an analyst weighs them
                reasons.append(f"{len(low)} low-confidence claim{'s' if len(low) > 1 else ''}")
            for check in checks:
                reasons += [f"does not add up: {problem}" for problem in check(reviewed.incident)]
            if reasons:
                reasons.sort(key=_priority)
                items.append(
                    QueueItem(
                        incident_id=incident.id,
                        version=incident.version,
                        grade=incident.grade,
                        first_date=reviewed.incident.first_date,
                        place=None if incident.place is None else incident.place.name,
                        reasons=tuple(reasons),
                        priority=_priority(reasons[0]),
                    )
                )
    items.sort(key=lambda item: (item.priority, item.first_date or date.max, item.incident_id))
    return items if limit is None else items[:limit]
