"""One serializer per domain type: the dicts every door (CLI, API, exports) turns into JSON.

    claim_to_dict(claim)                     a claim with its span and the rule that found it
    place_to_dict(place)                     a gazetteer entry, every field
    mention_to_dict(mention)                 a place named in a text, flat with its place
    document_to_dict(document)               a document's metadata (never its bytes or text)
    extraction_to_dict(extraction, source=)  the ``harmwatch extract`` contract's line
    stored_claim_to_dict(record)             a stored claim, flat: document, claim and place

Dates are ISO strings; a missing value is None (JSON null). The contract
(``shared/contracts/extract.md``, ``docs/extract.md``) lets fields be added, never renamed or
dropped: add a field here and every door shows it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from harmwatch.model import Claim, Document, Extraction, Place, PlaceMention, StoredClaim

__all__ = [
    "PLACE_FIELDS",
    "STORED_CLAIM_FIELDS",
    "claim_to_dict",
    "document_to_dict",
    "extraction_to_dict",
    "mention_to_dict",
    "place_to_dict",
    "stored_claim_to_dict",
]

PLACE_FIELDS = (
    "id", "name", "name_ar", "geonameid", "lat", "lon", "feature", "admin1", "admin2", "admin3",
    "admin1_pcode", "admin2_pcode", "admin3_pcode", "country", "population",
)  # fmt: skip
"""The keys of ``place_to_dict``, in order."""


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    """A claim as the contract's ``claims`` item (``max`` and ``place_id`` only when set)."""
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
    return out


def place_to_dict(place: Place) -> dict[str, Any]:
    """A gazetteer entry with every field (``PLACE_FIELDS``)."""
    return {name: getattr(place, name) for name in PLACE_FIELDS}


_NO_PLACE = dict.fromkeys(name for name in PLACE_FIELDS if name != "name")


def mention_to_dict(mention: PlaceMention) -> dict[str, Any]:
    """A place mention as the contract's ``places`` item: the name as written and its span,
    then its gazetteer entry's fields (null when unresolved), the entry's name as
    ``place_name``."""
    out: dict[str, Any] = {
        "name": mention.name,
        "start": mention.start,
        "end": mention.end,
        "sentence": mention.sentence,
        "score": mention.score,
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


def extraction_to_dict(extraction: Extraction, *, source: str) -> dict[str, Any]:
    """The contract's output line for one document (see docs/extract.md)."""
    period = extraction.period
    return {
        "source": source,
        "lang": extraction.lang,
        "published": _iso(extraction.published),
        "period": (
            None if period is None else {"start": _iso(period.start), "end": _iso(period.end)}
        ),
        "claims": [claim_to_dict(c) for c in extraction.claims],
        "places": [mention_to_dict(p) for p in extraction.places],
        "perpetrators": list(extraction.perpetrators),
        "weapons": list(extraction.weapons),
    }


STORED_CLAIM_FIELDS = (
    "document", "source", "published", "kind", "subject", "value", "max", "bound",
    "perpetrator", "weapon", "status", "date", "place_id", "place_name", "lat", "lon",
    "admin1", "admin2", "admin3", "admin1_pcode", "admin2_pcode", "geo_precision",
    "confidence", "rule", "text", "sentence", "start", "end",
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
        "confidence": claim.confidence,
        "rule": claim.rule,
        "text": claim.text,
        "sentence": claim.sentence,
        "start": claim.start,
        "end": claim.end,
    }
