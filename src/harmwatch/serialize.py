"""One serializer per domain type: the dicts every door (CLI, API, exports) turns into JSON.

    claim_to_dict(claim)                     a claim with its span and the rule that found it
    place_to_dict(place)                     a gazetteer entry, every field
    mention_to_dict(mention)                 a place named in a text, flat with its place
    document_to_dict(document)               a document's metadata (never its bytes or text)
    extraction_to_dict(extraction, source=)  the ``harmwatch extract`` contract's line
    stored_claim_to_dict(record)             a stored claim, flat: document, claim and place
    report_to_dict / incident_to_dict / facility_to_dict (and ``*_from_dict``, which read
    them back unchanged, so the store keeps the same JSON the doors show)
    review_entry_to_dict(entry)              an analyst's decision
    reviewed_incident_to_dict(reviewed)      an incident as reviewed (for a viewer: redacted)
    source_evidence_to_dict(source)          one source of an incident, each count quoted
    queue_item_to_dict(item)                 an incident in the review queue, and why

Dates are ISO strings; a missing value is None (JSON null). The contract
(``shared/contracts/extract.md``, ``docs/extract.md``) lets fields be added, never renamed or
dropped: add a field here and every door shows it.
"""

from __future__ import annotations

import bisect
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from harmwatch.model import (
    Attribution,
    Claim,
    Document,
    Extraction,
    Facility,
    FacilityHit,
    FacilityStatus,
    Figure,
    Incident,
    LinkDecision,
    Place,
    PlaceMention,
    Report,
    ReviewEntry,
    SourceRef,
    StoredClaim,
    Tally,
)

if TYPE_CHECKING:  # the review stage's own types; it imports this module
    from harmwatch.review import QueueItem, ReviewedIncident, SourceEvidence

__all__ = [
    "INCIDENT_COLUMNS",
    "PLACE_FIELDS",
    "STORED_CLAIM_FIELDS",
    "claim_to_dict",
    "document_to_dict",
    "extraction_to_dict",
    "facility_from_dict",
    "facility_to_dict",
    "incident_from_dict",
    "incident_to_dict",
    "incident_to_feature",
    "incident_to_row",
    "link_decision_to_dict",
    "mention_to_dict",
    "place_from_dict",
    "place_json",
    "place_to_dict",
    "queue_item_to_dict",
    "report_from_dict",
    "report_to_dict",
    "review_entry_to_dict",
    "reviewed_incident_to_dict",
    "source_evidence_to_dict",
    "stored_claim_to_dict",
]

PLACE_FIELDS = (
    "id", "name", "name_ar", "geonameid", "lat", "lon", "feature", "admin1", "admin2", "admin3",
    "admin1_pcode", "admin2_pcode", "admin3_pcode", "country", "population",
)  # fmt: skip
"""The keys of ``place_to_dict``, in order."""


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def claim_to_dict(claim: Claim, pages: tuple[int, ...] = ()) -> dict[str, Any]:
    """A claim as the contract's ``claims`` item (``max`` and ``place_id`` only when set;
    ``place_review`` true when its place is a weak match an analyst should check; ``page``
    when the document's ``pages`` are given)."""
    out: dict[str, Any] = {"kind": claim.kind, "subject": claim.subject, "value": claim.value}
    if claim.max is not None:
        out["max"] = claim.max
    out.update(
        bound=claim.bound,
        perpetrator=claim.perpetrator,
        weapon=claim.weapon,
        status=claim.status,
        date=_iso(claim.date),
        start=claim.start,
        end=claim.end,
        text=claim.text,
        sentence=claim.sentence,
        confidence=claim.confidence,
        rule=claim.rule,
    )
    if claim.place_id is not None:
        out["place_id"] = claim.place_id
    out["geo_precision"] = claim.geo_precision
    out["place_review"] = claim.place_review
    if pages:
        out["page"] = max(1, bisect.bisect_right(pages, claim.start))
    return out


def place_to_dict(place: Place) -> dict[str, Any]:
    """A gazetteer entry with every field (``PLACE_FIELDS``)."""
    return {name: getattr(place, name) for name in PLACE_FIELDS}


_NO_PLACE = dict.fromkeys(name for name in PLACE_FIELDS if name != "name")


def mention_to_dict(mention: PlaceMention) -> dict[str, Any]:
    """A place mention as the contract's ``places`` item: the name as written and its span,
    how well it matched (``score``; ``review`` when weak or unresolved) and how precisely it
    locates (``geo_precision``), then its gazetteer entry's fields (null when unresolved), the
    entry's name as ``place_name``."""
    out: dict[str, Any] = {
        "name": mention.name,
        "start": mention.start,
        "end": mention.end,
        "sentence": mention.sentence,
        "score": mention.score,
        "review": mention.review,
        "geo_precision": mention.geo_precision,
    }
    place = mention.place
    if place is None:
        out.update(_NO_PLACE)
        out["place_name"] = None
    else:
        fields = place_to_dict(place)
        out["place_name"] = fields.pop("name")
        out.update(fields)
    return out


def document_to_dict(document: Document) -> dict[str, Any]:
    """A document's metadata: key, source, dates, language, type, size (not its bytes)."""
    return {
        "sha256": document.sha256,
        "source": document.source,
        "title": document.title,
        "published": _iso(document.published),
        "retrieved_at": _iso(document.retrieved_at),
        "lang": document.lang,
        "media_type": document.media_type,
        "encoding": document.encoding,
        "bytes": len(document.raw),
        "confidential": document.confidential,
    }


def extraction_to_dict(
    extraction: Extraction, *, source: str, pages: tuple[int, ...] = ()
) -> dict[str, Any]:
    """The contract's output line for one document (see docs/extract.md); ``pages`` are the
    document's page starts (``Document.pages``), and each claim then says its ``page``."""
    period = extraction.period
    return {
        "source": source,
        "lang": extraction.lang,
        "published": _iso(extraction.published),
        "period": (
            None if period is None else {"start": _iso(period.start), "end": _iso(period.end)}
        ),
        "claims": [claim_to_dict(c, pages) for c in extraction.claims],
        "places": [mention_to_dict(p) for p in extraction.places],
        "perpetrators": list(extraction.perpetrators),
        "weapons": list(extraction.weapons),
        "notes": list(extraction.notes),
    }


STORED_CLAIM_FIELDS = (
    "document", "source", "published", "kind", "subject", "value", "max", "bound",
    "perpetrator", "weapon", "status", "date", "place_id", "place_name", "lat", "lon",
    "admin1", "admin2", "admin3", "admin1_pcode", "admin2_pcode", "geo_precision",
    "place_review", "confidence", "rule", "text", "sentence", "start", "end",
)  # fmt: skip
"""The keys of ``stored_claim_to_dict``, in order (the columns of ``harmwatch claims --format
csv``)."""


def stored_claim_to_dict(record: StoredClaim) -> dict[str, Any]:
    """A stored claim, flat: its document, the claim, and its place's name, coordinates and
    admin names (for CSV and GeoJSON as much as JSON)."""
    claim, place = record.claim, record.place
    return {
        "document": record.document_sha256,
        "source": record.source,
        "published": _iso(record.published),
        "kind": claim.kind,
        "subject": claim.subject,
        "value": claim.value,
        "max": claim.max,
        "bound": claim.bound,
        "perpetrator": claim.perpetrator,
        "weapon": claim.weapon,
        "status": claim.status,
        "date": _iso(claim.date),
        "place_id": claim.place_id,
        "place_name": None if place is None else place.name,
        "lat": None if place is None else place.lat,
        "lon": None if place is None else place.lon,
        "admin1": None if place is None else place.admin1,
        "admin2": None if place is None else place.admin2,
        "admin3": None if place is None else place.admin3,
        "admin1_pcode": None if place is None else place.admin1_pcode,
        "admin2_pcode": None if place is None else place.admin2_pcode,
        "geo_precision": claim.geo_precision,
        "place_review": claim.place_review,
        "confidence": claim.confidence,
        "rule": claim.rule,
        "text": claim.text,
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
    }


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _read_day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _moment(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _read_moment(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def place_json(place: Place | None) -> dict[str, Any] | None:
    """Every field of a gazetteer place (None stays None): :func:`place_to_dict`."""
    return None if place is None else place_to_dict(place)


def place_from_dict(data: dict[str, Any] | None) -> Place | None:
    """A Place from :func:`place_json` (unknown keys are ignored)."""
    if data is None:
        return None
    return Place(**{k: v for k, v in data.items() if k in PLACE_FIELDS})


def _figure(figure: Figure) -> dict[str, Any]:
    return {
        "kind": figure.kind,
        "subject": figure.subject,
        "value": figure.value,
        "bound": figure.bound,
        "low": figure.low,
        "high": figure.high,
        "evidence": figure.evidence,
        "claim": figure.claim,
        "perpetrator": figure.perpetrator,
    }


def _read_figure(data: dict[str, Any]) -> Figure:
    return Figure(
        kind=data["kind"],
        subject=data["subject"],
        value=data["value"],
        bound=data.get("bound", "exact"),
        low=data.get("low"),
        high=data.get("high"),
        evidence=data.get("evidence", ""),
        claim=data.get("claim"),
        perpetrator=data.get("perpetrator"),
    )


def _hit(hit: FacilityHit) -> dict[str, Any]:
    return {
        "type": hit.type,
        "name": hit.name,
        "status": hit.status,
        "evidence": hit.evidence,
        "facility_id": hit.facility_id,
    }


def _read_hit(data: dict[str, Any]) -> FacilityHit:
    return FacilityHit(
        type=data["type"],
        name=data.get("name"),
        status=data.get("status"),
        evidence=data.get("evidence", ""),
        facility_id=data.get("facility_id"),
    )


def report_to_dict(report: Report) -> dict[str, Any]:
    """A report with its place, figures (each with its quoted evidence) and facilities."""
    return {
        "key": report.key,
        "document_sha256": report.document_sha256,
        "source": report.source,
        "period_total": report.period_total,
        "date_start": _day(report.date_start),
        "date_end": _day(report.date_end),
        "time_precision": report.time_precision,
        "place": place_json(report.place),
        "place_name": report.place_name,
        "geo_precision": report.geo_precision,
        "perpetrators": list(report.perpetrators),
        "suspected": list(report.suspected),
        "weapons": list(report.weapons),
        "figures": [_figure(f) for f in report.figures],
        "facilities": [_hit(h) for h in report.facilities],
        "cues": list(report.cues),
        "event_type": report.event_type,
        "external_id": report.external_id,
        "row": report.row,
        "at": _moment(report.at),
        "published": _day(report.published),
        "cited_sources": list(report.cited_sources),
    }


def report_from_dict(data: dict[str, Any]) -> Report:
    """A Report from :func:`report_to_dict`."""
    return Report(
        key=data["key"],
        document_sha256=data["document_sha256"],
        source=data["source"],
        date_start=_read_day(data.get("date_start")),
        date_end=_read_day(data.get("date_end")),
        time_precision=data.get("time_precision"),
        place=place_from_dict(data.get("place")),
        geo_precision=data.get("geo_precision"),
        period_total=bool(data.get("period_total", False)),
        perpetrators=tuple(data.get("perpetrators", ())),
        weapons=tuple(data.get("weapons", ())),
        figures=tuple(_read_figure(f) for f in data.get("figures", ())),
        facilities=tuple(_read_hit(h) for h in data.get("facilities", ())),
        cues=tuple(data.get("cues", ())),
        event_type=data.get("event_type"),
        external_id=data.get("external_id"),
        row=data.get("row"),
        at=_read_moment(data.get("at")),
        published=_read_day(data.get("published")),
        place_name=data.get("place_name"),
        suspected=tuple(data.get("suspected", ())),
        cited_sources=tuple(data.get("cited_sources", ())),
    )


def _tally(tally: Tally) -> dict[str, Any]:
    return {
        "kind": tally.kind,
        "subject": tally.subject,
        "best": tally.best,
        "low": tally.low,
        "high": tally.high,
        "rule": tally.rule,
        "figures": [{"report": key, **_figure(figure)} for key, figure in tally.figures],
    }


def _read_tally(data: dict[str, Any]) -> Tally:
    return Tally(
        kind=data["kind"],
        subject=data["subject"],
        best=data["best"],
        low=data["low"],
        high=data["high"],
        rule=data["rule"],
        figures=tuple((f["report"], _read_figure(f)) for f in data.get("figures", ())),
    )


def incident_to_dict(incident: Incident) -> dict[str, Any]:
    """An incident with its dates, place, perpetrators, tallies, facilities and every source.

    ``sources`` names each report's document (sha256) and that document's source URI.
    """
    return {
        "id": incident.id,
        "version": incident.version,
        "first_date": _day(incident.first_date),
        "last_date": _day(incident.last_date),
        "time_precision": incident.time_precision,
        "place": place_json(incident.place),
        "geo_precision": incident.geo_precision,
        "attributions": [
            {"perpetrator": a.perpetrator, "sources": a.sources, "certainty": a.certainty}
            for a in incident.attributions
        ],
        "weapons": list(incident.weapons),
        "tallies": [_tally(t) for t in incident.tallies],
        "facilities": [_hit(h) for h in incident.facilities],
        "flags": list(incident.flags),
        "grade": incident.grade,
        "reports": list(incident.reports),
        "sources": [
            {"report": s.report_key, "document_sha256": s.document_sha256, "source": s.source}
            for s in incident.sources
        ],
    }


def incident_from_dict(data: dict[str, Any]) -> Incident:
    """An Incident from :func:`incident_to_dict`."""
    return Incident(
        id=data.get("id"),
        reports=tuple(data.get("reports", ())),
        sources=tuple(
            SourceRef(s["report"], s["document_sha256"], s["source"])
            for s in data.get("sources", ())
        ),
        first_date=_read_day(data.get("first_date")),
        last_date=_read_day(data.get("last_date")),
        time_precision=data.get("time_precision"),
        place=place_from_dict(data.get("place")),
        geo_precision=data.get("geo_precision"),
        attributions=tuple(
            Attribution(a["perpetrator"], a["sources"], a.get("certainty", "known"))
            for a in data.get("attributions", ())
        ),
        weapons=tuple(data.get("weapons", ())),
        tallies=tuple(_read_tally(t) for t in data.get("tallies", ())),
        facilities=tuple(_read_hit(h) for h in data.get("facilities", ())),
        flags=tuple(data.get("flags", ())),
        grade=data.get("grade"),
        version=data.get("version", 1),
    )


def facility_to_dict(facility: Facility) -> dict[str, Any]:
    """A registry facility with its aliases and its reported state over time."""
    return {
        "id": facility.id,
        "name": facility.name,
        "type": facility.type,
        "place": place_json(facility.place),
        "lat": facility.lat,
        "lon": facility.lon,
        "aliases": list(facility.aliases),
        "status": facility.status,
        "statuses": [
            {"status": s.status, "date": _day(s.date), "report": s.report_key}
            for s in facility.statuses
        ],
    }


def facility_from_dict(data: dict[str, Any]) -> Facility:
    """A Facility from :func:`facility_to_dict`."""
    return Facility(
        id=data["id"],
        name=data["name"],
        type=data["type"],
        place=place_from_dict(data.get("place")),
        lat=data.get("lat"),
        lon=data.get("lon"),
        aliases=tuple(data.get("aliases", ())),
        statuses=tuple(
            FacilityStatus(s["status"], _read_day(s.get("date")), s["report"])
            for s in data.get("statuses", ())
        ),
    )


def link_decision_to_dict(decision: LinkDecision) -> dict[str, Any]:
    """An analyst's link decision (must_link, cannot_link or pin)."""
    return {
        "kind": decision.kind,
        "reports": list(decision.reports),
        "incident_id": decision.incident_id,
        "actor": decision.actor,
        "reason": decision.reason,
        "at": _moment(decision.at),
    }


INCIDENT_COLUMNS: tuple[str, ...] = (
    "id",
    "version",
    "first_date",
    "last_date",
    "time_precision",
    "place",
    "place_id",
    "admin1",
    "admin2",
    "latitude",
    "longitude",
    "geo_precision",
    "perpetrators",
    "weapons",
    "killed_best",
    "killed_low",
    "killed_high",
    "killed_rule",
    "injured_best",
    "injured_low",
    "injured_high",
    "strikes_best",
    "facilities",
    "grade",
    "flags",
    "n_sources",
    "sources",
)
"""The columns of :func:`incident_to_row`, in order (``harmwatch incidents --format csv``)."""

_TOTAL_GROUPS = ("civilians", "people")


def _total(incident: Incident, kind: str) -> Tally | None:
    """The incident's overall count of a kind: civilians if given, else people, else the
    largest victim group's (for strikes: the largest weapon's count)."""
    tallies = [t for t in incident.tallies if t.kind == kind]
    for subject in _TOTAL_GROUPS:
        for tally in tallies:
            if tally.subject == subject:
                return tally
    return max(tallies, key=lambda t: t.best, default=None)


def incident_to_row(incident: Incident) -> dict[str, Any]:
    """An incident as one flat row: dates, place, perpetrators, overall counts, sources.

    Lists are joined with ``; ``; a perpetrator is ``name (n sources)``, with ``suspected``
    when no source names it outright; ``sources`` lists document sha256s.
    """
    place = incident.place
    killed = _total(incident, "killed")
    injured = _total(incident, "injured")
    strikes = _total(incident, "strikes")
    perpetrators = "; ".join(
        f"{a.perpetrator} ({a.sources} source{'s' if a.sources != 1 else ''}"
        + (", suspected)" if a.certainty == "suspected" else ")")
        for a in incident.attributions
    )
    documents = list(dict.fromkeys(s.document_sha256 for s in incident.sources))
    return {
        "id": incident.id,
        "version": incident.version,
        "first_date": _day(incident.first_date),
        "last_date": _day(incident.last_date),
        "time_precision": incident.time_precision,
        "place": None if place is None else place.name,
        "place_id": None if place is None else place.id,
        "admin1": None if place is None else place.admin1,
        "admin2": None if place is None else place.admin2,
        "latitude": None if place is None else place.lat,
        "longitude": None if place is None else place.lon,
        "geo_precision": incident.geo_precision,
        "perpetrators": perpetrators,
        "weapons": "; ".join(incident.weapons),
        "killed_best": None if killed is None else killed.best,
        "killed_low": None if killed is None else killed.low,
        "killed_high": None if killed is None else killed.high,
        "killed_rule": None if killed is None else killed.rule,
        "injured_best": None if injured is None else injured.best,
        "injured_low": None if injured is None else injured.low,
        "injured_high": None if injured is None else injured.high,
        "strikes_best": None if strikes is None else strikes.best,
        "facilities": "; ".join(
            h.type + (f" ({h.name})" if h.name else "") for h in incident.facilities
        ),
        "grade": incident.grade,
        "flags": "; ".join(incident.flags),
        "n_sources": len(documents),
        "sources": "; ".join(documents),
    }


def incident_to_feature(incident: Incident) -> dict[str, Any]:
    """An incident as a GeoJSON Feature: a Point at its place (null geometry without one),
    the full incident in ``properties``."""
    place = incident.place
    geometry = None if place is None else {"type": "Point", "coordinates": [place.lon, place.lat]}
    return {
        "type": "Feature",
        "id": incident.id,
        "geometry": geometry,
        "properties": incident_to_dict(incident),
    }


def review_entry_to_dict(entry: ReviewEntry) -> dict[str, Any]:
    """An analyst's decision: what, on which field or claim, the value, why, by whom, when."""
    return {
        "id": entry.id,
        "incident_id": entry.incident_id,
        "action": entry.action,
        "field": entry.field,
        "target": entry.target,
        "value": entry.value,
        "reason": entry.reason,
        "confidential": entry.confidential,
        "actor": entry.actor,
        "at": _moment(entry.at),
        "incident_version": entry.incident_version,
    }


def reviewed_incident_to_dict(reviewed: ReviewedIncident) -> dict[str, Any]:
    """An incident as analysts left it (:func:`incident_to_dict` of the current view) with its
    ``review``: grade and who gave it, corrections in force (each with the linked value it
    supersedes under ``value.was``), notes, rejected and added claims, what needs review, and
    for a viewer what was ``withheld``. ``original`` is the incident as linking made it."""
    grading = reviewed.grading
    return {
        **incident_to_dict(reviewed.incident),
        "review": {
            "graded_by": None if grading is None else grading.actor,
            "graded_at": None if grading is None else _moment(grading.at),
            "needs_review": list(reviewed.needs_review),
            "corrections": [review_entry_to_dict(e) for e in reviewed.corrections],
            "notes": [review_entry_to_dict(e) for e in reviewed.notes],
            "rejected_claims": list(reviewed.rejected_claims),
            "added_claims": [review_entry_to_dict(e) for e in reviewed.added_claims],
            "merged_from": list(reviewed.merged_from),
            "confidential": list(reviewed.confidential),
            "withheld": list(reviewed.withheld),
        },
        "original": incident_to_dict(reviewed.original),
    }


def source_evidence_to_dict(source: SourceEvidence) -> dict[str, Any]:
    """One source of an incident with every count it gave, quoted from its stored text."""
    return {
        "report": source.report_key,
        "document_sha256": source.document_sha256,
        "source": source.source,
        "title": source.title,
        "evidence": [
            {
                "kind": e.kind,
                "subject": e.subject,
                "value": e.value,
                "bound": e.bound,
                "claim": e.claim,
                "quote": e.quote,
                "sentence": e.sentence,
                "confidence": e.confidence,
                "rejected": e.rejected,
                "added_by": e.added_by,
            }
            for e in source.evidence
        ],
    }


def queue_item_to_dict(item: QueueItem) -> dict[str, Any]:
    """An incident waiting in the review queue, and why."""
    return {
        "incident_id": item.incident_id,
        "version": item.version,
        "grade": item.grade,
        "first_date": _day(item.first_date),
        "place": item.place,
        "reasons": list(item.reasons),
    }
