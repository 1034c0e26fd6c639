"""Builders of test data with sensible defaults: change only what a test is about.

doc = a_document("At least 23 civilians were killed.", title="Idlib")
url = make_store(tmp_path, documents=[doc])          # a real SQLite file, via harmwatch.store
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from harmwatch.model import (
    Attribution,
    Claim,
    Document,
    Extraction,
    FacilityHit,
    Figure,
    Incident,
    Period,
    Place,
    PlaceMention,
    Report,
    SourceRef,
    Tally,
)
from harmwatch.store import Store

DEFAULT_TEXT = (
    "At least 23 civilians were killed and 40 injured in airstrikes on Maarat al-Numan "
    "on Sunday, the civil defence said."
)


def a_document(text: str = DEFAULT_TEXT, **changes: Any) -> Document:
    """A plain-text Document whose raw bytes are ``text`` in UTF-8 (unless ``raw`` is given)."""
    raw: bytes = changes.pop("raw", text.encode("utf-8"))
    sha256 = hashlib.sha256(raw).hexdigest()
    fields: dict[str, Any] = {
        "sha256": sha256,
        "source": f"file:///reports/{sha256[:12]}.txt",
        "raw": raw,
        "text": text,
        "media_type": "text/plain",
        "title": text.split("\n", 1)[0][:80],
        "published": date(2019, 5, 20),
        "lang": "en",
        "retrieved_at": datetime(2019, 5, 21, 8, 30, tzinfo=UTC),
        "encoding": "utf-8",
    }
    fields.update(changes)
    return Document(**fields)


def a_claim(**changes: Any) -> Claim:
    """A claim: "23 civilians" killed, exact, its span at the start of DEFAULT_TEXT's count."""
    start = DEFAULT_TEXT.index("23 civilians")
    fields: dict[str, Any] = {
        "kind": "killed",
        "subject": "civilians",
        "value": 23,
        "start": start,
        "end": start + len("23 civilians"),
        "text": "23 civilians",
        "sentence": 0,
        "bound": "at_least",
        "perpetrator": None,
        "weapon": "airstrike",
        "date": date(2019, 5, 19),
    }
    fields.update(changes)
    return Claim(**fields)


def a_place_mention(**changes: Any) -> PlaceMention:
    """Maarat al-Numan as mentioned in DEFAULT_TEXT, resolved to a gazetteer entry."""
    start = DEFAULT_TEXT.index("Maarat al-Numan")
    place = Place(
        id="geonames:169389",
        name="Maarat al-Numan",
        lat=35.64,
        lon=36.67,
        feature="city",
        geonameid=169389,
        name_ar="معرة النعمان",
        admin1="Idlib",
        population=58008,
    )
    fields: dict[str, Any] = {
        "name": "Maarat al-Numan",
        "start": start,
        "end": start + len("Maarat al-Numan"),
        "sentence": 0,
        "place": place,
        "score": 0.97,
    }
    fields.update(changes)
    return PlaceMention(**fields)


def an_extraction(*claims: Claim, **changes: Any) -> Extraction:
    """An extraction holding ``claims`` (default: one a_claim()) and one place mention."""
    fields: dict[str, Any] = {
        "lang": "en",
        "published": date(2019, 5, 20),
        "period": Period(date(2019, 5, 19), date(2019, 5, 19)),
        "claims": claims or (a_claim(),),
        "places": (a_place_mention(),),
        "perpetrators": (),
        "weapons": ("airstrike",),
    }
    fields.update(changes)
    return Extraction(**fields)


def make_store(
    tmp_path: Path,
    *,
    documents: Iterable[Document | tuple[Document, Extraction | None]] | None = None,
    filename: str = "harmwatch.db",
) -> str:
    """Write a real SQLite database through harmwatch.store and return its URL.

    Args:
        tmp_path: folder for the file.
        documents: what to store: Documents, or (Document, Extraction) pairs. Default: one
            a_document() with an_extraction().
        filename: the database file's name.
    """
    url = f"sqlite:///{tmp_path / filename}"
    items = list(documents) if documents is not None else [(a_document(), an_extraction())]
    with Store.open(url) as store:
        for item in items:
            document, extraction = item if isinstance(item, tuple) else (item, None)
            store.add_document(document, extraction)
    return url


def replace(document: Document, **changes: Any) -> Document:
    """A copy of a Document with fields changed (sha256 recomputed when ``raw`` changes)."""
    if "raw" in changes and "sha256" not in changes:
        changes["sha256"] = hashlib.sha256(changes["raw"]).hexdigest()
    return dataclasses.replace(document, **changes)


# --- reports and incidents ------------------------------------------------------------------

TOWNS: dict[str, Place] = {
    "Maarat al-Numan": Place(
        id="geonames:167611",
        name="Maarat al-Numan",
        lat=35.6434,
        lon=36.6717,
        feature="city",
        admin1="Idlib",
        admin2="Maarrat al-Nu'man",
    ),
    "Kafranbel": Place(
        id="geonames:168661",
        name="Kafranbel",
        lat=35.6137,
        lon=36.5608,
        feature="town",
        admin1="Idlib",
        admin2="Maarrat al-Nu'man",
    ),
    "Khan Shaykhun": Place(
        id="geonames:168325",
        name="Khan Shaykhun",
        lat=35.4418,
        lon=36.6508,
        feature="town",
        admin1="Idlib",
        admin2="Maarrat al-Nu'man",
    ),
    "Jisr al-Shughur": Place(
        id="geonames:169023",
        name="Jisr al-Shughur",
        lat=35.8124,
        lon=36.3190,
        feature="city",
        admin1="Idlib",
        admin2="Jisr al-Shughur",
    ),
    "Ariha": Place(
        id="geonames:172994",
        name="Ariha",
        lat=35.8136,
        lon=36.6098,
        feature="city",
        admin1="Idlib",
        admin2="Ariha",
    ),
    "Idlib governorate": Place(
        id="ocha:SY07",
        name="Idlib",
        lat=35.8,
        lon=36.6,
        feature="governorate",
        admin1="Idlib",
    ),
}


def a_place(name: str = "Maarat al-Numan") -> Place:
    """A gazetteer place from TOWNS (real coordinates of Idlib towns)."""
    return TOWNS[name]


def a_figure(value: int = 9, **changes: Any) -> Figure:
    """A source's figure: ``value`` civilians killed, exact, quoted as evidence."""
    fields: dict[str, Any] = {
        "kind": "killed",
        "subject": "civilians",
        "value": value,
        "bound": "exact",
        "evidence": f"{value} civilians",
    }
    fields.update(changes)
    return Figure(**fields)


def a_report(key: str = "a" * 64 + ":0", **changes: Any) -> Report:
    """One source's report of a strike on Maarat al-Numan market on 1 October 2017."""
    sha = key.split(":", 1)[0]
    fields: dict[str, Any] = {
        "key": key,
        "document_sha256": sha,
        "source": f"file:///reports/{sha[:12]}.txt",
        "date_start": date(2017, 10, 1),
        "date_end": date(2017, 10, 1),
        "time_precision": 1,
        "place": a_place(),
        "geo_precision": 1,
        "perpetrators": ("Russia",),
        "weapons": ("airstrike",),
        "figures": (a_figure(),),
        "facilities": (FacilityHit(type="market"),),
        "published": date(2017, 10, 2),
        "place_name": "Maarat al-Numan",
    }
    fields.update(changes)
    return Report(**fields)


def an_incident(*reports: Report, **changes: Any) -> Incident:
    """An unstored incident holding ``reports`` (default: one a_report())."""
    members = reports or (a_report(),)
    fields: dict[str, Any] = {
        "id": None,
        "reports": tuple(r.key for r in members),
        "sources": tuple(SourceRef(r.key, r.document_sha256, r.source) for r in members),
        "first_date": members[0].date_start,
        "last_date": members[0].date_end,
        "time_precision": 1,
        "place": members[0].place,
        "geo_precision": 1,
        "attributions": (Attribution("Russia", len(members)),),
        "weapons": ("airstrike",),
        "tallies": (
            Tally(
                kind="killed",
                subject="civilians",
                best=9,
                low=9,
                high=9,
                rule="one source",
                figures=tuple((r.key, r.figures[0]) for r in members),
            ),
        ),
        "facilities": (FacilityHit(type="market"),),
    }
    fields.update(changes)
    return Incident(**fields)


# --- incidents and reports as the analysis reads them ----------------------------------------


def a_place_like(**changes: Any) -> Place:
    """Maarat al-Numan with its admin names and P-codes, any field changed."""
    fields: dict[str, Any] = {
        "id": "geonames:167611",
        "name": "Maarat al-Numan",
        "lat": 35.6434,
        "lon": 36.6717,
        "feature": "city",
        "admin1": "Idlib",
        "admin2": "Maarrat al-Nu'man",
        "admin1_pcode": "SY07",
        "admin2_pcode": "SY0702",
        "country": "SY",
    }
    fields.update(changes)
    return Place(**fields)


def a_source_report(key: str = "a" * 64 + ":0", **changes: Any) -> Report:
    """One source's report (23 civilians killed in Maarat al-Numan on 25 September 2017)."""
    document = key.split(":", 1)[0]
    fields: dict[str, Any] = {
        "key": key,
        "document_sha256": document,
        "source": f"file:///reports/{document[:12]}.txt",
        "date_start": date(2017, 9, 25),
        "date_end": date(2017, 9, 25),
        "time_precision": 1,
        "place": a_place_like(),
        "geo_precision": 1,
        "perpetrators": ("Russia",),
        "weapons": ("airstrike",),
        "figures": (Figure("killed", "civilians", 23, evidence="23 civilians"),),
    }
    fields.update(changes)
    return Report(**fields)


def a_tally(kind: str, subject: str, *given: tuple[str, int], rule: str = "maximum") -> Tally:
    """A tally from (report key, value) pairs, best by ``rule`` (``maximum`` or ``minimum``)."""
    values = [value for _, value in given]
    return Tally(
        kind,
        subject,
        best=max(values) if rule == "maximum" else min(values),
        low=min(values),
        high=max(values),
        rule=rule,
        figures=tuple((key, Figure(kind, subject, value)) for key, value in given),
    )


def a_counted_incident(
    id: int = 1,
    *,
    killed: dict[str, int] | None = None,
    injured: dict[str, int] | None = None,
    strikes: dict[str, int] | None = None,
    facility_types: Iterable[str] = (),
    perpetrators: Iterable[str] = ("Russia",),
    day: date = date(2017, 9, 25),
    **changes: Any,
) -> Incident:
    """A stored incident of one report (``doc<id>:0``) in Maarat al-Numan, as summaries read it.

    Args:
        id: the incident's id.
        killed, injured: victim group -> number, each a one-source tally (default: killed
            23 civilians).
        strikes: weapon -> the number of strikes its source states.
        facility_types: one facility hit of each type listed.
        perpetrators: known perpetrators, one source each.
        day: its date (first and last).
        changes: any other Incident field (``place``, ``facilities``, ``grade``...).
    """
    key = changes.get("reports", (f"doc{id}:0",))[0]
    given = (
        ("killed", {"civilians": 23} if killed is None else killed),
        ("injured", injured or {}),
        ("strikes", strikes or {}),
    )
    document = key.split(":", 1)[0]
    fields: dict[str, Any] = {
        "id": id,
        "reports": (key,),
        "sources": (SourceRef(key, document, f"file:///reports/{document}.txt"),),
        "first_date": day,
        "last_date": day,
        "time_precision": 1,
        "place": a_place_like(),
        "geo_precision": 1,
        "attributions": tuple(Attribution(p, 1) for p in perpetrators),
        "weapons": ("airstrike",),
        "tallies": tuple(
            a_tally(kind, subject, (key, value))
            for kind, values in given
            for subject, value in values.items()
        ),
        "facilities": tuple(FacilityHit(t) for t in facility_types),
    }
    fields.update(changes)
    return Incident(**fields)
