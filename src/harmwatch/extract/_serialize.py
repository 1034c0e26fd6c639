"""An Extraction as one line of the public ``harmwatch extract`` contract."""

from __future__ import annotations

import bisect
from typing import Any

from harmwatch.model import Claim, Extraction, PlaceMention

__all__ = ["extraction_to_dict"]


def _claim(c: Claim, pages: tuple[int, ...] = ()) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": c.kind,
        "subject": c.subject,
        "value": c.value,
    }
    if c.max is not None:
        out["max"] = c.max
    out.update(
        bound=c.bound,
        perpetrator=c.perpetrator,
        weapon=c.weapon,
        status=c.status,
        date=c.date.isoformat() if c.date else None,
        start=c.start,
        end=c.end,
        text=c.text,
        sentence=c.sentence,
    )
    if c.place_id is not None:
        out["place_id"] = c.place_id
    if pages:
        out["page"] = max(1, bisect.bisect_right(pages, c.start))
    return out


def _place(p: PlaceMention) -> dict[str, Any]:
    place = p.place
    return {
        "name": p.name,
        "start": p.start,
        "end": p.end,
        "id": place.id if place else None,
        "geonameid": place.geonameid if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "feature": place.feature if place else None,
    }


def extraction_to_dict(
    extraction: Extraction, *, source: str, pages: tuple[int, ...] = ()
) -> dict[str, Any]:
    """The contract's output line for one document (see shared/contracts/extract.md).

    ``pages`` are the document's page starts (``Document.pages``): each claim then says its
    ``page``.
    """
    period = extraction.period
    return {
        "source": source,
        "lang": extraction.lang,
        "published": extraction.published.isoformat() if extraction.published else None,
        "period": (
            {
                "start": period.start.isoformat() if period.start else None,
                "end": period.end.isoformat() if period.end else None,
            }
            if period is not None
            else None
        ),
        "claims": [_claim(c, pages) for c in extraction.claims],
        "places": [_place(p) for p in extraction.places],
        "perpetrators": list(extraction.perpetrators),
        "weapons": list(extraction.weapons),
    }
