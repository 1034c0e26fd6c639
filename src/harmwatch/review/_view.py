"""The current view of an incident: what linking made of it, with the analysts' decisions applied.

Nothing a review decides is written over what linking found. The view is derived every time
from the linked incident and the review entries, so that an original value, claim or link is
always still there to show beside its correction. Pure functions: no database, no printing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from harmwatch.model import Attribution, Figure, Incident, Report, ReviewEntry, Tally
from harmwatch.serialize import incident_to_dict, place_from_dict

__all__ = [
    "Rebuild",
    "ReviewedIncident",
    "apply_review",
    "claim_key",
    "content_digest",
    "redact",
]

Rebuild = Callable[..., Incident]
"""Builds an incident from reports (``harmwatch.link.build_incident``): called with the
reports and ``incident_id=``, ``version=``."""


@dataclass(frozen=True, slots=True)
class ReviewedIncident:
    """An incident as analysts left it, with everything needed to show how it got so.

    ``incident`` is the current view (corrections applied); ``original`` is the incident as
    linking made it. ``corrections`` are the entries in force (one per field), ``notes`` the
    notes, ``confidential`` the fields and notes (``note:<id>``) marked confidential,
    ``needs_review`` why a person should look at it again (empty when nothing is pending).
    ``withheld`` is what a viewer's copy leaves out (empty in an analyst's copy).
    """

    incident: Incident
    original: Incident
    entries: tuple[ReviewEntry, ...] = ()
    grading: ReviewEntry | None = None
    corrections: tuple[ReviewEntry, ...] = ()
    notes: tuple[ReviewEntry, ...] = ()
    rejected_claims: tuple[str, ...] = ()
    added_claims: tuple[ReviewEntry, ...] = ()
    merged_from: tuple[int, ...] = ()
    confidential: tuple[str, ...] = ()
    needs_review: tuple[str, ...] = ()
    withheld: tuple[str, ...] = field(default=())

    def __repr__(self) -> str:
        return (
            f"ReviewedIncident({self.incident.id}, grade={self.incident.grade}, "
            f"{len(self.corrections)} corrections, {len(self.notes)} notes)"
        )


def claim_key(document_sha256: str, ordinal: int) -> str:
    """How a review entry names a claim: its document and its ordinal in the extraction."""
    return f"{document_sha256}:{ordinal}"


def content_digest(incident: Incident) -> str:
    """Digest of what linking decides about an incident (not its id, version, grade, flags):
    recorded with a grade, so that a later change of sources is seen."""
    body = {
        k: v
        for k, v in incident_to_dict(incident).items()
        if k not in ("id", "version", "grade", "flags")
    }
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- corrections, one rule per field ------------------------------------------------------------


def _precision_of(first: date, last: date) -> int:
    span = (last - first).days
    return 1 if span == 0 else 2 if span <= 6 else 3


def _correct_date(incident: Incident, entry: ReviewEntry) -> Incident:
    first = date.fromisoformat(entry.value["first"])
    last = date.fromisoformat(entry.value.get("last") or entry.value["first"])
    return replace(
        incident, first_date=first, last_date=last, time_precision=_precision_of(first, last)
    )


def _correct_place(incident: Incident, entry: ReviewEntry) -> Incident:
    place = place_from_dict(entry.value["place"])
    return replace(incident, place=place, geo_precision=int(entry.value.get("geo_precision", 1)))


def _correct_perpetrator(incident: Incident, entry: ReviewEntry) -> Incident:
    sources = {a.perpetrator: a.sources for a in incident.attributions}
    certainty = entry.value.get("certainty", "known")
    attributions = tuple(
        Attribution(name, sources.get(name, 0), certainty) for name in entry.value["perpetrators"]
    )
    return replace(incident, attributions=attributions)


def _correct_best(incident: Incident, entry: ReviewEntry) -> Incident:
    assert entry.field is not None
    _best, kind, subject = entry.field.split(":")
    value = int(entry.value["best"] if isinstance(entry.value, dict) else entry.value)
    rule = f"corrected by {entry.actor}: {entry.reason}"
    tallies = list(incident.tallies)
    for n, tally in enumerate(tallies):
        if (tally.kind, tally.subject) == (kind, subject):
            tallies[n] = replace(
                tally, best=value, low=min(tally.low, value), high=max(tally.high, value), rule=rule
            )
            break
    else:
        tallies.append(Tally(kind, subject, best=value, low=value, high=value, rule=rule))
    return replace(incident, tallies=tuple(tallies))


_CORRECTIONS: dict[str, Callable[[Incident, ReviewEntry], Incident]] = {
    "date": _correct_date,
    "place": _correct_place,
    "perpetrator": _correct_perpetrator,
    "best": _correct_best,
}
"""How a correction of each field (``vocab.CORRECTABLE_FIELDS``) supersedes the linked value."""


def field_kind(name: str) -> str:
    """``best:killed:children`` -> ``best``; ``note:12`` -> ``note``; ``date`` -> ``date``."""
    return name.split(":", 1)[0]


# --- claims ------------------------------------------------------------------------------------


def _without_rejected(reports: Sequence[Report], rejected: Collection[str]) -> list[Report]:
    out = []
    for report in reports:
        kept = tuple(
            f
            for f in report.figures
            if f.claim is None or claim_key(report.document_sha256, f.claim) not in rejected
        )
        out.append(report if len(kept) == len(report.figures) else replace(report, figures=kept))
    return out


def added_claim_report(entry: ReviewEntry, source: str) -> Report:
    """A report holding the one figure an analyst added by hand, quoting its evidence."""
    value: dict[str, Any] = entry.value
    figure = Figure(
        kind=value["kind"],
        subject=value["subject"],
        value=int(value["value"]),
        bound=value.get("bound", "exact"),
        evidence=value["text"],
    )
    return Report(
        key=f"{value['document_sha256']}:review{entry.id}",
        document_sha256=value["document_sha256"],
        source=source,
        figures=(figure,),
    )


def _retally(incident: Incident, rejected: Collection[str]) -> Incident:
    """Without a rebuild function: drop rejected claims' figures from the tallies, keep the
    rest (best stays unless its range no longer holds it)."""
    tallies = []
    for tally in incident.tallies:
        figures = tuple(
            (key, f)
            for key, f in tally.figures
            if f.claim is None or claim_key(key.split(":", 1)[0], f.claim) not in rejected
        )
        if len(figures) == len(tally.figures):
            tallies.append(tally)
            continue
        if not figures:
            continue
        values = [f.value for _, f in figures]
        low, high = min(values), max(max(f.high or f.value, f.value) for _, f in figures)
        best = min(max(tally.best, low), high)
        tallies.append(replace(tally, figures=figures, low=low, high=high, best=best))
    return replace(incident, tallies=tuple(tallies))


# --- the view ----------------------------------------------------------------------------------


def apply_review(
    incident: Incident,
    entries: Sequence[ReviewEntry],
    *,
    reports: Sequence[Report] | None = None,
    rebuild: Rebuild | None = None,
    sources: dict[str, str] | None = None,
) -> ReviewedIncident:
    """The incident with the review entries applied, the latest decision on a field winning.

    Args:
        incident: as linking stored it.
        entries: its review entries, oldest first (with those of incidents merged into it).
        reports: its reports; with ``rebuild``, rejected and hand-added claims re-count the
            tallies by linking's own rules.
        rebuild: ``harmwatch.link.build_incident`` (or any function of that shape).
        sources: document sha256 -> source, for hand-added claims' reports.
    """
    ordered = sorted(entries, key=lambda e: e.id or 0)
    marks: dict[str, bool] = {}
    corrections: dict[str, ReviewEntry] = {}
    notes: list[ReviewEntry] = []
    rejected: list[str] = []
    added: list[ReviewEntry] = []
    merged: list[int] = []
    grading: ReviewEntry | None = None
    for entry in ordered:
        if entry.action == "grade":
            grading = entry
        elif entry.action == "correct" and entry.field:
            corrections[entry.field] = entry
            if entry.confidential:
                marks[entry.field] = True
        elif entry.action == "note":
            notes.append(entry)
            if entry.confidential:
                marks[f"note:{entry.id}"] = True
        elif entry.action == "confidential" and entry.field:
            marks[entry.field] = bool(entry.value if entry.value is not None else True)
        elif entry.action == "reject_claim" and entry.target:
            rejected.append(entry.target)
        elif entry.action == "add_claim":
            added.append(entry)
        elif entry.action == "merge" and entry.target:
            merged += [int(i) for i in entry.target.split(",") if i]

    current = incident
    if rejected or added:
        if rebuild is not None and reports is not None:
            members = _without_rejected(reports, set(rejected))
            members += [added_claim_report(e, (sources or {}).get(e.value["document_sha256"], ""))
                        for e in added]  # fmt: skip
            rebuilt = rebuild(members, incident_id=incident.id, version=incident.version)
            current = replace(
                rebuilt,
                reports=incident.reports,
                sources=incident.sources,
                grade=incident.grade,
                flags=incident.flags,
            )
        else:
            current = _retally(incident, set(rejected))
    for name, entry in corrections.items():
        current = _CORRECTIONS[field_kind(name)](current, entry)

    return ReviewedIncident(
        incident=current,
        original=incident,
        entries=tuple(ordered),
        grading=grading,
        corrections=tuple(corrections.values()),
        notes=tuple(notes),
        rejected_claims=tuple(rejected),
        added_claims=tuple(added),
        merged_from=tuple(merged),
        confidential=tuple(sorted(name for name, on in marks.items() if on)),
        needs_review=_needs_review(incident, grading),
    )


def _needs_review(incident: Incident, grading: ReviewEntry | None) -> tuple[str, ...]:
    if grading is None or not isinstance(grading.value, dict):
        return ("new: not graded yet",)
    recorded = grading.value.get("content_sha256")
    if recorded is None or recorded == content_digest(incident):
        return ()
    grade = grading.value.get("grade")
    if grade == "confirmed":
        return ("a relink changed it since it was confirmed: review it again",)
    return (f"its sources changed since it was graded {grade}",)


# --- what a viewer sees ------------------------------------------------------------------------


def _hide_field(incident: Incident, name: str) -> Incident:
    kind = field_kind(name)
    if kind == "date":
        return replace(incident, first_date=None, last_date=None, time_precision=None)
    if kind == "place":
        return replace(incident, place=None, geo_precision=None)
    if kind == "perpetrator":
        return replace(incident, attributions=())
    if kind == "sources":
        tallies = tuple(replace(t, figures=()) for t in incident.tallies)
        return replace(incident, sources=(), reports=(), tallies=tallies)
    if kind == "best":
        parts = name.split(":")
        if len(parts) == 3:
            kept = tuple(t for t in incident.tallies if (t.kind, t.subject) != (parts[1], parts[2]))
        else:
            kept = ()
        return replace(incident, tallies=kept)
    return incident


def _without_documents(incident: Incident, hidden: Collection[str]) -> Incident:
    sources = tuple(s for s in incident.sources if s.document_sha256 not in hidden)
    tallies = tuple(
        replace(t, figures=tuple(p for p in t.figures if p[0].split(":", 1)[0] not in hidden))
        for t in incident.tallies
    )
    return replace(
        incident, sources=sources, reports=tuple(s.report_key for s in sources), tallies=tallies
    )


def redact(
    reviewed: ReviewedIncident, *, hidden_documents: Collection[str] = ()
) -> ReviewedIncident:
    """A viewer's copy: confidential fields, notes and corrections left out, and every trace
    of a confidential document (its source, its figures, claims added from it)."""
    secret = set(reviewed.confidential)
    hidden = set(hidden_documents)
    fields = [name for name in reviewed.confidential if field_kind(name) != "note"]

    def public(incident: Incident) -> Incident:
        for name in fields:
            incident = _hide_field(incident, name)
        return _without_documents(incident, hidden) if hidden else incident

    incident = public(reviewed.incident)
    withheld = list(fields)
    dropped = len(reviewed.incident.sources) - len(
        [s for s in reviewed.incident.sources if s.document_sha256 not in hidden]
    )
    if dropped and "sources" not in fields:
        withheld.append(f"{dropped} confidential sources")

    def shown(entry: ReviewEntry) -> bool:
        if entry.confidential or f"note:{entry.id}" in secret:
            return False
        if entry.field is not None and (entry.field in secret or field_kind(entry.field) in secret):
            return False
        value = entry.value if isinstance(entry.value, dict) else {}
        return value.get("document_sha256") not in hidden

    notes = tuple(n for n in reviewed.notes if shown(n))
    if len(notes) != len(reviewed.notes):
        withheld.append(f"{len(reviewed.notes) - len(notes)} confidential notes")
    return replace(
        reviewed,
        incident=incident,
        original=public(reviewed.original),
        entries=tuple(e for e in reviewed.entries if shown(e)),
        corrections=tuple(c for c in reviewed.corrections if shown(c)),
        notes=notes,
        added_claims=tuple(a for a in reviewed.added_claims if shown(a)),
        confidential=(),
        withheld=tuple(withheld),
    )
