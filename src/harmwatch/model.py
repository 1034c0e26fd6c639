"""Domain types that flow between the stages: plain, frozen, typed values.

A stage takes and returns these; only ``store`` turns them into rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from harmwatch import vocab

__all__ = [
    "Claim",
    "Document",
    "Extraction",
    "Period",
    "Place",
    "PlaceMention",
]


@dataclass(frozen=True, slots=True)
class Document:
    """One source document as received: its bytes are evidence and never change.

    ``sha256`` of ``raw`` is its key. ``text`` is the main text (HTML reduced to it), which every
    claim's span points into.
    """

    sha256: str
    source: str
    raw: bytes = field(repr=False)
    text: str = field(repr=False)
    media_type: str = "text/plain"
    title: str | None = None
    published: date | None = None
    lang: str | None = None
    retrieved_at: datetime | None = None
    encoding: str | None = None
    warc: bytes | None = field(default=None, repr=False)
    confidential: bool = False


@dataclass(frozen=True, slots=True)
class Period:
    """The dates a document's counts cover (inclusive)."""

    start: date | None
    end: date | None


@dataclass(frozen=True, slots=True)
class Claim:
    """One explicit count in a text ("23 children killed") with the exact span that says it.

    Never edited once extracted: a correction is a review entry that supersedes it.
    ``text == document.text[start:end]``; ``sentence`` is the 0-based sentence index.
    """

    kind: str
    subject: str
    value: int
    start: int
    end: int
    text: str
    sentence: int
    bound: str = "exact"
    max: int | None = None
    perpetrator: str | None = None
    weapon: str | None = None
    status: str | None = None
    date: date | None = None
    place_id: str | None = None
    confidence: float = 1.0

    def __post_init__(self) -> None:
        vocab.check_value("kind", self.kind, vocab.CLAIM_KINDS)
        vocab.check_value("subject", self.subject, vocab.SUBJECTS_BY_KIND[self.kind])
        vocab.check_value("bound", self.bound, vocab.BOUNDS)
        if self.weapon is not None:
            vocab.check_value("weapon", self.weapon, vocab.WEAPONS)
        if self.status is not None:
            vocab.check_value("status", self.status, vocab.FACILITY_STATUSES)
        if not 0 <= self.start <= self.end:
            raise ValueError(f"span must satisfy 0 <= start <= end; got {self.start}, {self.end}")


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a populated place, admin unit or site with coordinates.

    ``id`` is the entry's own id (``geonames:169389``, ``ocha:C4121``, ``user:...``).
    """

    id: str
    name: str
    lat: float
    lon: float
    feature: str
    geonameid: int | None = None
    name_ar: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    admin1_pcode: str | None = None
    admin2_pcode: str | None = None
    admin3_pcode: str | None = None
    country: str | None = None
    population: int | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a text, with its span, resolved to a gazetteer entry where possible."""

    name: str
    start: int
    end: int
    sentence: int
    place: Place | None = None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extract (and then geo) stage found in one document's text."""

    lang: str
    published: date | None
    period: Period | None
    claims: tuple[Claim, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    perpetrators: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
