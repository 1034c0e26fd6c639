"""Domain types that flow between the stages: plain, frozen, typed values.

A stage takes and returns these; only ``store`` turns them into rows.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from harmwatch import vocab

__all__ = [
    "Attribution",
    "Claim",
    "Document",
    "Extraction",
    "Facility",
    "FacilityHit",
    "FacilityStatus",
    "Figure",
    "Incident",
    "LinkDecision",
    "Period",
    "Place",
    "PlaceMention",
    "Report",
    "ReviewEntry",
    "SourceRef",
    "StoredClaim",
    "Tally",
    "User",
]


@dataclass(frozen=True, slots=True)
class Document:
    """One source document as received: its bytes are evidence and never change.

    ``sha256`` of ``raw`` is its key. ``text`` is the main text (HTML reduced to it), which every
    claim's span points into. ``pages`` holds the offset in ``text`` where each page starts
    (page 1 first) for paged documents (PDF, DOCX), else is empty: ``page_at`` derives a span's
    page. ``notes`` are what the reader wants a user told (pages without a text layer); they
    are not stored.
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
    pages: tuple[int, ...] = field(default=(), repr=False)
    notes: tuple[str, ...] = ()

    def page_at(self, offset: int) -> int | None:
        """The 1-based page that character ``offset`` of ``text`` is on (None if unpaged)."""
        if not self.pages:
            return None
        return max(1, bisect.bisect_right(self.pages, offset))


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
    ``rule`` names the extraction rule that produced it; ``geo_precision`` is ACLED's code for
    how precisely ``place_id`` locates it (1 town, 2 near or part of a region, 3 region).
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
    rule: str = ""
    geo_precision: int | None = None

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
    # what the reader should know about how it was extracted ("Turkish detected: no rules")
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim as stored: the document it came from and the place it is resolved to.

    ``published`` is the document's publication date (else the one its extraction found).
    """

    document_sha256: str
    source: str
    published: date | None
    claim: Claim
    place: Place | None = None


# --- reports and incidents -------------------------------------------------------------------
#
# A document (an article, a bulletin, an imported spreadsheet) holds one or more reports; linking
# joins reports of one event from several sources into an incident. A report that counts a whole
# period and area ("714 airstrikes on Idlib in eight days") is a period total: it is kept whole,
# beside incidents, and never split into fake ones.


def _check_precision(name: str, value: int | None, allowed: dict[int, str]) -> None:
    if value is not None and value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(map(str, allowed))}; got {value!r}")


@dataclass(frozen=True, slots=True)
class Figure:
    """One source's number for one kind and subject: "at least 9 killed", UCDP's best 7 (5-9).

    ``low`` and ``high`` are the source's own range where it gives one (a range, UCDP's low/high);
    ``evidence`` is the quoted words, or for an imported row ``row 12, Fatalities: 7``.
    ``claim`` is the claim's ordinal in the document's extraction (None for an imported row).
    ``perpetrator`` is the party this figure is about when the source splits by party ("8
    medical facilities by Russian forces, 2 by the Syrian government"), else None.
    """

    kind: str
    subject: str
    value: int
    bound: str = "exact"
    low: int | None = None
    high: int | None = None
    evidence: str = ""
    claim: int | None = None
    perpetrator: str | None = None

    def __post_init__(self) -> None:
        vocab.check_value("kind", self.kind, vocab.CLAIM_KINDS)
        vocab.check_value("subject", self.subject, vocab.SUBJECTS_BY_KIND[self.kind])
        vocab.check_value("bound", self.bound, vocab.BOUNDS)


@dataclass(frozen=True, slots=True)
class FacilityHit:
    """A facility a report says was hit: its type, its name as written (if any) and its state.

    ``facility_id`` is filled when the facility registry knows it (``facility:...``).
    """

    type: str
    name: str | None = None
    status: str | None = None
    evidence: str = ""
    facility_id: str | None = None

    def __post_init__(self) -> None:
        vocab.check_value("facility type", self.type, vocab.FACILITY_TYPES)
        if self.status is not None:
            vocab.check_value("status", self.status, vocab.FACILITY_STATUSES)


@dataclass(frozen=True, slots=True)
class Report:
    """One source's account of one event, or a period total (``period_total``).

    ``key`` is stable across runs: ``<document sha256>:<ordinal>`` for an extracted report,
    ``<document sha256>:row<N>`` for a row of an imported file. Precisions are ACLED's codes
    (``vocab.TIME_PRECISIONS``, ``vocab.GEO_PRECISIONS``); ``date_start``..``date_end`` is the
    window the event fell in (one day when the source gives the day).
    ``perpetrators`` are the actors the source names as the attacker; ``suspected`` those it
    only suspects or leaves open ("Russian or Syrian jets"). ``place_name`` is the place as the
    source wrote it; ``published`` is the source's publication date (tolls rise over time).
    ``source`` is the document's source (URL or file) unless an imported row names its own.
    ``cited_sources`` are the sources an imported row itself names (ACLED's ``source``, UCDP's
    ``source_original``), one each.
    """

    key: str
    document_sha256: str
    source: str
    date_start: date | None = None
    date_end: date | None = None
    time_precision: int | None = None
    place: Place | None = None
    geo_precision: int | None = None
    period_total: bool = False
    perpetrators: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    facilities: tuple[FacilityHit, ...] = ()
    cues: tuple[str, ...] = ()
    event_type: str | None = None
    external_id: str | None = None
    row: int | None = None
    at: datetime | None = None
    published: date | None = None
    place_name: str | None = None
    suspected: tuple[str, ...] = ()
    cited_sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_precision("time_precision", self.time_precision, vocab.TIME_PRECISIONS)
        _check_precision("geo_precision", self.geo_precision, vocab.GEO_PRECISIONS)
        if self.date_start and self.date_end and self.date_end < self.date_start:
            raise ValueError(
                f"report {self.key}: date_end {self.date_end} is before {self.date_start}"
            )
        for weapon in self.weapons:
            vocab.check_value("weapon", weapon, vocab.WEAPONS)


@dataclass(frozen=True, slots=True)
class FacilityStatus:
    """What one report said of a facility's state on a day: damaged, destroyed, out of service."""

    status: str
    date: date | None
    report_key: str

    def __post_init__(self) -> None:
        vocab.check_value("status", self.status, vocab.FACILITY_STATUSES)


@dataclass(frozen=True, slots=True)
class Facility:
    """A facility in the registry, with a stable id, so that every attack on it can be listed.

    ``id`` is ``facility:<hash>`` of its type, place and distinguishing words ("surgical"), so
    that the same facility gets the same id in every run; ``aliases`` are the names sources
    gave it; ``statuses`` its reported state over time, oldest first.
    """

    id: str
    name: str
    type: str
    place: Place | None = None
    lat: float | None = None
    lon: float | None = None
    aliases: tuple[str, ...] = ()
    statuses: tuple[FacilityStatus, ...] = ()

    def __post_init__(self) -> None:
        vocab.check_value("facility type", self.type, vocab.FACILITY_TYPES)

    @property
    def status(self) -> str | None:
        """The last reported state, None when no source gave one."""
        return self.statuses[-1].status if self.statuses else None


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a report came from: its document and that document's source (URL or file)."""

    report_key: str
    document_sha256: str
    source: str


@dataclass(frozen=True, slots=True)
class Tally:
    """Every source's figure for one kind and subject of an incident, side by side.

    ``best`` is the published value, ``low``/``high`` the range over sources (UCDP's best/low/high,
    Airwars' min-max); ``rule`` names how ``best`` was chosen, so that a reader can check it.
    ``figures`` pairs each report key with that report's own figure.
    """

    kind: str
    subject: str
    best: int
    low: int
    high: int
    rule: str
    figures: tuple[tuple[str, Figure], ...] = ()

    def __post_init__(self) -> None:
        vocab.check_value("kind", self.kind, vocab.CLAIM_KINDS)
        vocab.check_value("subject", self.subject, vocab.SUBJECTS_BY_KIND[self.kind])
        if not self.low <= self.best <= self.high:
            raise ValueError(f"tally must satisfy low <= best <= high; got {self}")


@dataclass(frozen=True, slots=True)
class Attribution:
    """A perpetrator of an incident, how many sources name it, and how certain it is."""

    perpetrator: str
    sources: int
    certainty: str = "known"

    def __post_init__(self) -> None:
        vocab.check_value("certainty", self.certainty, vocab.PERPETRATOR_CERTAINTIES)


@dataclass(frozen=True, slots=True)
class Incident:
    """Linked reports of one event: dates, place, perpetrators, tallies and every source.

    ``id`` is None until stored; a relink keeps it while the incident's reports stay together.
    ``version`` grows with every change, so that a stale review write can be refused.
    ``flags`` hold analysis results (``double_tap``, ``zone:<id>``, ``massacre``).
    """

    id: int | None
    reports: tuple[str, ...]
    sources: tuple[SourceRef, ...] = ()
    first_date: date | None = None
    last_date: date | None = None
    time_precision: int | None = None
    place: Place | None = None
    geo_precision: int | None = None
    attributions: tuple[Attribution, ...] = ()
    weapons: tuple[str, ...] = ()
    tallies: tuple[Tally, ...] = ()
    facilities: tuple[FacilityHit, ...] = ()
    flags: tuple[str, ...] = ()
    grade: str | None = None
    version: int = 1

    def __post_init__(self) -> None:
        _check_precision("time_precision", self.time_precision, vocab.TIME_PRECISIONS)
        _check_precision("geo_precision", self.geo_precision, vocab.GEO_PRECISIONS)
        if self.grade is not None:
            vocab.check_value("grade", self.grade, vocab.GRADES)


@dataclass(frozen=True, slots=True)
class LinkDecision:
    """An analyst's decision that linking must respect on every relink.

    ``must_link``: the ``reports`` belong to one incident. ``cannot_link``: no two of the
    ``reports`` share an incident. ``pin``: the ``reports`` belong to incident ``incident_id``
    (a confirmed incident keeps its reports and its id; other reports may still join it).
    """

    kind: str
    reports: tuple[str, ...]
    incident_id: int | None = None
    actor: str = ""
    reason: str = ""
    at: datetime | None = None

    def __post_init__(self) -> None:
        vocab.check_value("link decision", self.kind, vocab.LINK_DECISIONS)
        if self.kind == "pin" and self.incident_id is None:
            raise ValueError("a pin decision needs the incident_id the reports belong to")
        if self.kind != "pin" and len(set(self.reports)) < 2:
            raise ValueError(f"a {self.kind} decision needs at least two reports")


@dataclass(frozen=True, slots=True)
class User:
    """A person who reads or reviews: their name, role (``vocab.ROLES``) and whether active.

    The token that proves who they are is never kept: the store holds only a slow hash of it.
    """

    name: str
    role: str
    disabled: bool = False
    created_at: datetime | None = None

    def __post_init__(self) -> None:
        vocab.check_value("role", self.role, vocab.ROLES)


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """One analyst decision about an incident, kept for ever: a later entry supersedes it.

    ``action`` is one of ``vocab.REVIEW_ACTIONS``. ``field`` names what a correction or a
    confidentiality mark is about (``date``, ``place``, ``perpetrator``,
    ``best:killed:children``, ``sources``, ``note:12``); ``target`` the claim
    (``<sha256>:<extractor version>:<ordinal>``) or the reports (split, merge) it acts on;
    ``value`` is plain JSON (the grade, the corrected value, the note's text, the claim).
    ``incident_version`` is the version the analyst saw when deciding.
    """

    incident_id: int
    action: str
    actor: str
    field: str | None = None
    target: str | None = None
    value: Any = None
    reason: str = ""
    confidential: bool = False
    id: int | None = None
    at: datetime | None = None
    incident_version: int | None = None

    def __post_init__(self) -> None:
        vocab.check_value("review action", self.action, vocab.REVIEW_ACTIONS)
