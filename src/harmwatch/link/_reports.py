"""A document's reports: one per event it describes, and one period total for its area counts.

Each claim goes, by the first of an ordered list of named rules that decides it, either to an
event (a place and a day) or to the document's period total. Dated claims found events; undated
claims join the event they repeat or stand next to, or found their own at their place. A count
that is cumulative ("since 19 September, 12 hospitals"), region-wide in a bulletin, or undated in
a document that covers a period stays in the period total: a bulletin's province totals are one
period total, never split into fake incidents.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from harmwatch.link._facilities import find_facility_hits, sentence_bounds
from harmwatch.model import Claim, Extraction, FacilityHit, Figure, Place, PlaceMention, Report

__all__ = [
    "ASSEMBLER_VERSION",
    "CUMULATIVE_CUES",
    "GEO_PRECISION_BY_FEATURE",
    "UNDATED_WINDOW_DAYS",
    "UPDATE_CUES",
    "UPDATE_WINDOW_DAYS",
    "assemble_reports",
    "geo_precision_of",
]

ASSEMBLER_VERSION = "harmwatch-link-2"
"""Recorded with every stored report assembled here."""

# ACLED's geo_precision for each gazetteer feature: 1 the town or site itself, 2 near a town or
# part of a region, 3 a region (admin unit) only.
GEO_PRECISION_BY_FEATURE: dict[str, int] = {
    "city": 1,
    "town": 1,
    "village": 1,
    "neighbourhood": 1,
    "camp": 1,
    "site": 1,
    "subdistrict": 2,
    "region": 2,
    "district": 3,
    "governorate": 3,
    "country": 3,
}

# Words that make a count cumulative ("since 19 September, 12 hospitals were hit"): such a
# count stays in the document's period total instead of making an event of that day.
CUMULATIVE_CUES: dict[str, tuple[str, ...]] = {
    "en": ("since", "over the past", "during the past", "in the past", "this year",
           "this month"),
    "ar": ("منذ", "خلال الاسبوع", "خلال الأسبوع", "خلال الشهر"),
    "de": ("seit",),
    "fr": ("depuis",),
    "es": ("desde",),
    "it": ("dal ", "dall'"),
    "pt": ("desde",),
}  # fmt: skip

UNDATED_WINDOW_DAYS = 2
"""An event a source reports without its day happened up to this many days before publication."""

# Words of a follow-up story ("the death toll has risen to 12"): the event it updates may be
# days older than the story, so an undated event told with them is dated by a longer window.
UPDATE_CUES: dict[str, tuple[str, ...]] = {
    "en": ("risen to", "rose to", "rises to", "climbed to", "climbs to", "increased to",
           "died of their wounds", "died of his wounds", "died of her wounds",
           "died of wounds", "succumbed to", "toll rose", "toll has risen", "toll rises"),
    "ar": ("ارتفع", "ارتفاع حصيلة", "ارتفعت", "متأثرا بجراحه", "متأثرين بجراحهم",
           "متأثراً بجراحه"),
    "de": ("gestiegen", "stieg auf", "steigt auf", "erlag", "erlagen"),
    "fr": ("s'élève à", "s'est alourdi", "passe à", "est passé à", "succombé"),
    "es": ("asciende a", "ascendió a", "se eleva a", "elevó a", "sube a", "subió a"),
    "it": ("salito a", "sale a", "salgono a", "saliti a"),
    "pt": ("subiu para", "sobe para", "aumentou para"),
}  # fmt: skip

UPDATE_WINDOW_DAYS = 7
"""A follow-up story without the day of the event it updates: up to this many days before."""

# How far (in sentences) an undated claim may sit from a dated event it belongs to: up to three
# sentences after it ("One nurse was killed") or two before ("Three volunteers died. ... In
# total 11 people were killed tonight").
_AFTER_EVENT = 3
_BEFORE_EVENT = 2
_PERIOD_MIN_DAYS = 3
_TOTALS = frozenset(("people", "civilians"))


def geo_precision_of(place: Place | None) -> int | None:
    """ACLED's geo_precision of a gazetteer place (None for no place)."""
    if place is None:
        return None
    return GEO_PRECISION_BY_FEATURE.get(place.feature, 2)


@dataclass(slots=True)
class _Event:
    place_id: str | None
    day: date | None
    claims: list[int] = field(default_factory=list)
    anchors: list[int] = field(default_factory=list)
    # the sentences of its claims and anchors, sorted: the nearest one is a bisection away, so
    # a report of thousands of claims is assembled in n log n, not n squared
    claim_sentences: list[int] = field(default_factory=list)
    anchor_sentences: list[int] = field(default_factory=list)

    def add(self, i: int, sentence: int, *, anchor: bool) -> None:
        self.claims.append(i)
        bisect.insort(self.claim_sentences, sentence)
        if anchor:
            self.anchors.append(i)
            bisect.insort(self.anchor_sentences, sentence)


class _Period:
    """The document's period total (a marker: a claim decided by a rule goes there)."""


_PERIOD = _Period()
Decision = _Event | _Period | None


@dataclass(slots=True)
class _Doc:
    extraction: Extraction
    text: str | None
    places: dict[str, Place]
    names: dict[str, str]
    events: list[_Event] = field(default_factory=list)
    _lines: list[int] | None = None

    @property
    def claims(self) -> tuple[Claim, ...]:
        return self.extraction.claims

    def line(self, i: int) -> int:
        """The line (paragraph) of the text that claim ``i`` starts on."""
        if self._lines is None:
            text = self.text or ""
            self._lines = [n for n, char in enumerate(text) if char == "\n"]
        return bisect.bisect_left(self._lines, self.claims[i].start)

    def long_period(self) -> bool:
        period = self.extraction.period
        if period is None or period.start is None or period.end is None:
            return False
        return (period.end - period.start).days + 1 >= _PERIOD_MIN_DAYS

    def precision(self, place_id: str | None) -> int | None:
        return None if place_id is None else geo_precision_of(self.places.get(place_id))

    def event_at(self, place_id: str | None, day: date | None) -> _Event:
        for event in self.events:
            if event.place_id == place_id and event.day == day:
                return event
        event = _Event(place_id, day)
        self.events.append(event)
        return event


# --- rules for a claim that gives its day -------------------------------------------------------


def _cumulative_cue(doc: _Doc, i: int) -> Decision:
    """ "Since 19 September, 12 hospitals were hit": a running total, not one day's event."""
    text = doc.text
    if text is None:
        return None
    claim = doc.claims[i]
    start = max(text.rfind("\n", 0, claim.start), text.rfind(". ", 0, claim.start)) + 1
    before = text[start : claim.start].lower()
    cues = CUMULATIVE_CUES.get(doc.extraction.lang, ()) + CUMULATIVE_CUES["en"]
    return _PERIOD if any(cue in before for cue in cues) else None


def _region_in_period_document(doc: _Doc, i: int) -> Decision:
    """A count for a whole province in a document that covers a period."""
    claim = doc.claims[i]
    if doc.extraction.period is not None and doc.precision(claim.place_id) == 3:
        return _PERIOD
    return None


def _period_start_date(doc: _Doc, i: int) -> Decision:
    """Without the text to read "since" in: a claim dated the first day of the document's
    period counts from it."""
    period = doc.extraction.period
    if doc.text is not None or period is None or not doc.long_period():
        return None
    if doc.claims[i].date == period.start:
        return _PERIOD
    return None


def _dated_event(doc: _Doc, i: int) -> Decision:
    """A dated claim is an event at its place on its day (an unplaced one joins that day's)."""
    claim = doc.claims[i]
    place_id = claim.place_id
    if place_id is None:
        same_day = [e for e in doc.events if e.day == claim.date and e.place_id is not None]
        if len(same_day) == 1:
            return same_day[0]
    return doc.event_at(place_id, claim.date)


# --- rules for a claim without its day ----------------------------------------------------------


def _subjects_match(a: Claim, b: Claim) -> bool:
    return a.subject == b.subject or (a.subject in _TOTALS and b.subject in _TOTALS)


def _repeat_of_event_figure(doc: _Doc, i: int) -> Decision:
    """A headline or quote repeating an event's figure ("at least 53") belongs to that event."""
    claim = doc.claims[i]
    matches = [
        event
        for event in doc.events
        for j in event.anchors
        if doc.claims[j].kind == claim.kind
        and doc.claims[j].value == claim.value
        and _subjects_match(doc.claims[j], claim)
    ]
    if not matches:
        return None
    return min(matches, key=lambda e: _distance(doc, e, claim.sentence))


def _distance(doc: _Doc, event: _Event, sentence: int) -> int:
    """Sentences from ``sentence`` to the nearest of the event's anchors (else its claims)."""
    sentences = event.anchor_sentences or event.claim_sentences
    k = bisect.bisect_left(sentences, sentence)
    return min(abs(s - sentence) for s in sentences[max(k - 1, 0) : k + 1])


def _near_dated_event(doc: _Doc, i: int) -> Decision:
    """An undated claim next to a dated event, at its place or at none, belongs to it; in a
    document of several dated events (a bulletin's list, one event per line) only on the
    event's own line."""
    claim = doc.claims[i]
    one_line = doc.text is not None and sum(1 for e in doc.events if e.anchors) > 1
    near: list[tuple[int, int, _Event]] = []
    for order, event in enumerate(doc.events):
        if claim.place_id is not None and claim.place_id != event.place_id:
            continue
        for j in event.anchors:
            if one_line and doc.line(j) != doc.line(i):
                continue
            gap = claim.sentence - doc.claims[j].sentence
            if -_BEFORE_EVENT <= gap <= _AFTER_EVENT:
                near.append((abs(gap), order, event))
    return min(near, key=lambda item: item[:2])[2] if near else None


def _periodic_document(doc: _Doc, i: int) -> Decision:
    """An undated count in a document that covers days or weeks is part of its period total."""
    return _PERIOD if doc.long_period() else None


def _same_place_event(doc: _Doc, i: int) -> Decision:
    """An undated claim at the place of one of the document's events belongs to it."""
    claim = doc.claims[i]
    same = [e for e in doc.events if claim.place_id is not None and e.place_id == claim.place_id]
    return min(same, key=lambda e: _distance(doc, e, claim.sentence)) if same else None


def _own_place_event(doc: _Doc, i: int) -> Decision:
    """An undated claim at a town or part of a region is an event there (day: publication)."""
    claim = doc.claims[i]
    if doc.precision(claim.place_id) in (1, 2):
        return doc.event_at(claim.place_id, None)
    return None


def _only_event(doc: _Doc, i: int) -> Decision:
    """A claim with no town of its own in a story about one event belongs to that event."""
    return doc.events[0] if len(doc.events) == 1 else None


def _unplaced_event(doc: _Doc, i: int) -> Decision:
    """Anything left is one event of the document, at its region or at no known place."""
    return doc.event_at(doc.claims[i].place_id, None)


Rule = Callable[[_Doc, int], Decision]
DATED_RULES: tuple[Rule, ...] = (
    _cumulative_cue,
    _region_in_period_document,
    _period_start_date,
    _dated_event,
)
UNDATED_RULES: tuple[Rule, ...] = (
    _cumulative_cue,
    _repeat_of_event_figure,
    _near_dated_event,
    _periodic_document,
    _same_place_event,
    _own_place_event,
    _only_event,
    _unplaced_event,
)


def _decide(doc: _Doc, i: int, rules: Sequence[Rule]) -> _Event | _Period:
    for rule in rules:
        decision = rule(doc, i)
        if decision is not None:
            return decision
    raise AssertionError("the last rule always decides")  # pragma: no cover


# --- building the reports -------------------------------------------------------------------


def assemble_reports(
    extraction: Extraction,
    *,
    document_sha256: str,
    source: str,
    text: str | None = None,
) -> list[Report]:
    """The reports of one document: its events (in order of their first claim), then its
    period total if it has one. ``text`` (the document's main text) lets the rules see
    "since ..." and the facilities named next to each event; without it they are skipped.

    Keys are ``<document_sha256>:<ordinal>``, the same in every run for the same extraction.
    """
    places: dict[str, Place] = {}
    names: dict[str, str] = {}
    for mention in extraction.places:
        if mention.place is not None and mention.place.id not in places:
            places[mention.place.id] = mention.place
            names[mention.place.id] = mention.name
    doc = _Doc(extraction, text, places, names)
    period_claims: list[int] = []
    dated = [i for i, c in enumerate(extraction.claims) if c.date is not None]
    undated = [i for i, c in enumerate(extraction.claims) if c.date is None]
    for i, rules in [(i, DATED_RULES) for i in dated] + [(i, UNDATED_RULES) for i in undated]:
        decision = _decide(doc, i, rules)
        if isinstance(decision, _Period):
            period_claims.append(i)
            continue
        decision.add(i, extraction.claims[i].sentence, anchor=rules is DATED_RULES)

    events = sorted((e for e in doc.events if e.claims), key=lambda e: min(e.claims))
    reports = [
        _event_report(doc, event, f"{document_sha256}:{n}", document_sha256, source, events)
        for n, event in enumerate(events)
    ]
    for place, day, hits in _facility_events(doc, events):
        key = f"{document_sha256}:{len(reports)}"
        reports.append(_facility_report(doc, place, day, hits, key, document_sha256, source))
    if period_claims:
        key = f"{document_sha256}:{len(reports)}"
        reports.append(_period_report(doc, sorted(period_claims), key, document_sha256, source))
    return reports


# --- a facility said to be hit on a day, in a sentence that counts nothing ---------------------


def _facility_events(
    doc: _Doc, events: Sequence[_Event]
) -> list[tuple[Place, date, list[FacilityHit]]]:
    """Facilities hit at a town on a day a sentence gives, where the sentence has no count
    ("On 25 September, the national hospital in Jisr Ash-Shughur was hit and put out of
    service"): each an event of its own, unless the document already has one there that day
    or one there without its day.
    A sentence naming several towns, or no day, is left alone."""
    text = doc.text
    published = doc.extraction.published
    if text is None or published is None:
        return []
    from harmwatch.extract import sentence_date

    counted = {c.sentence for c in doc.claims}
    by_sentence: dict[int, list[PlaceMention]] = {}
    for mention in doc.extraction.places:
        if mention.place is not None and mention.sentence not in counted:
            by_sentence.setdefault(mention.sentence, []).append(mention)
    # a place the document already has an event at, undated or on that day, is that event's
    every = sorted(doc.extraction.places, key=lambda m: m.start)
    starts = [m.start for m in every]
    taken: dict[str | None, set[date | None]] = {}
    for event in events:
        taken.setdefault(event.place_id, set()).add(event.day)
    found: dict[tuple[str, date], tuple[Place, list[FacilityHit]]] = {}
    for mentions in by_sentence.values():
        towns = {
            m.place.id: m.place for m in mentions if m.place and geo_precision_of(m.place) == 1
        }
        if len(towns) != 1:
            continue
        [place] = towns.values()
        left, right = sentence_bounds(text, mentions[0].start)
        # the mentions a facility noun of the sentence may be followed by ("the hospital in X")
        near = every[bisect.bisect_left(starts, left) : bisect.bisect_right(starts, right + 60)]
        hits = find_facility_hits(
            text,
            [(left, right)],
            lang=doc.extraction.lang,
            mentions=near,
            place_id=place.id,
            sentence_only=True,
        )
        if not hits:
            continue
        period = doc.extraction.period
        day = sentence_date(text[left:right], published, doc.extraction.lang, period=period)
        days = taken.get(place.id, set())
        if day is None or day > published or None in days or day in days:
            continue
        _, kept = found.setdefault((place.id, day), (place, []))
        kept.extend(h for h in hits if h not in kept)
    return [(place, day, hits) for (_, day), (place, hits) in found.items()]


def _facility_report(
    doc: _Doc,
    place: Place,
    day: date,
    hits: list[FacilityHit],
    key: str,
    sha256: str,
    source: str,
) -> Report:
    return Report(
        key=key,
        document_sha256=sha256,
        source=source,
        date_start=day,
        date_end=day,
        time_precision=1,
        place=place,
        geo_precision=1,
        facilities=tuple(hits),
        published=doc.extraction.published,
        place_name=doc.names.get(place.id),
    )


def _figure(claim: Claim, ordinal: int) -> Figure:
    return Figure(
        kind=claim.kind,
        subject=claim.subject,
        value=claim.value,
        bound=claim.bound,
        low=claim.value if claim.max is not None else None,
        high=claim.max,
        evidence=claim.text,
        claim=ordinal,
        perpetrator=claim.perpetrator,
    )


def _actors(claims: Sequence[Claim]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(named, suspected): "Russia or Syrian government" leaves both only suspected."""
    named: list[str] = []
    suspected: list[str] = []
    for claim in claims:
        if not claim.perpetrator:
            continue
        parts = [p.strip() for p in claim.perpetrator.split(" or ")]
        target = named if len(parts) == 1 else suspected
        for part in parts:
            if part and part not in target:
                target.append(part)
    return tuple(named), tuple(p for p in suspected if p not in named)


def _weapons(claims: Sequence[Claim], extra: Sequence[str] = ()) -> tuple[str, ...]:
    found: list[str] = []
    for claim in claims:
        for weapon in (claim.weapon, claim.subject if claim.kind == "strikes" else None):
            if weapon and weapon != "other" and weapon not in found:
                found.append(weapon)
    for weapon in extra:
        if weapon not in found:
            found.append(weapon)
    return tuple(found)


def _claim_hits(claims: Sequence[Claim]) -> list[FacilityHit]:
    """A facility an event's count says was hit ("a school was destroyed"); a count of several
    ("3 schools") stays a figure: it names no one facility for the registry."""
    return [
        FacilityHit(type=c.subject, status=c.status, evidence=c.text)
        for c in claims
        if c.kind == "facilities_hit" and c.value == 1 and c.max is None
    ]


def _window(
    published: date | None, days: int = UNDATED_WINDOW_DAYS
) -> tuple[date | None, date | None, int | None]:
    if published is None:
        return None, None, None
    return published - timedelta(days=days), published, 2


def _sentence(text: str, claim: Claim) -> str:
    """The sentence (or line) a claim stands in, lower-cased."""
    start = max(text.rfind("\n", 0, claim.start), text.rfind(". ", 0, claim.start)) + 1
    ends = [e for e in (text.find("\n", claim.end), text.find(". ", claim.end)) if e >= 0]
    return text[start : min(ends) if ends else len(text)].lower()


def _is_update(doc: _Doc, claims: Sequence[Claim]) -> bool:
    """Whether an event's sentences tell a rising toll (a follow-up of an older event)."""
    if doc.text is None:
        return False
    cues = UPDATE_CUES.get(doc.extraction.lang, ()) + UPDATE_CUES["en"]
    text = doc.text
    return any(
        any(cue in sentence for cue in cues) for sentence in (_sentence(text, c) for c in claims)
    )


def _event_report(
    doc: _Doc,
    event: _Event,
    key: str,
    sha256: str,
    source: str,
    events: Sequence[_Event],
) -> Report:
    anchor_set = set(event.anchors)
    ordered = [*event.anchors, *(i for i in sorted(event.claims) if i not in anchor_set)]
    claims = [doc.claims[i] for i in ordered]
    place = doc.places.get(event.place_id) if event.place_id is not None else None
    published = doc.extraction.published
    start: date | None
    end: date | None
    time_precision: int | None
    if event.day is not None and not (event.day == published and _is_update(doc, claims)):
        start, end, time_precision = event.day, event.day, 1
    elif _is_update(doc, claims):
        # "the toll has risen to 12, the civil defence said on Thursday": the day of the
        # story is not the day of the strike
        start, end, time_precision = _window(doc.extraction.published, UPDATE_WINDOW_DAYS)
    else:
        start, end, time_precision = _window(doc.extraction.published)
    anchored = [doc.claims[i] for i in event.anchors]
    named, suspected = _actors(anchored if any(c.perpetrator for c in anchored) else claims)
    only = len(events) == 1
    hits = _claim_hits(claims)
    if doc.text is not None:
        hits = find_facility_hits(
            doc.text,
            [(c.start, c.end) for c in claims],
            lang=doc.extraction.lang,
            claim_hits=hits,
            mentions=doc.extraction.places,
            place_id=event.place_id,
        )
    precisions = [c.geo_precision for c in claims if c.geo_precision is not None]
    return Report(
        key=key,
        document_sha256=sha256,
        source=source,
        date_start=start,
        date_end=end,
        time_precision=time_precision,
        place=place,
        geo_precision=min(precisions) if precisions else geo_precision_of(place),
        perpetrators=named,
        suspected=suspected,
        weapons=_weapons(claims, doc.extraction.weapons if only else ()),
        figures=tuple(_figure(doc.claims[i], i) for i in ordered),
        facilities=tuple(hits),
        published=doc.extraction.published,
        place_name=None if event.place_id is None else doc.names.get(event.place_id),
    )


def _period_report(doc: _Doc, ordinals: list[int], key: str, sha256: str, source: str) -> Report:
    claims = [doc.claims[i] for i in ordinals]
    period = doc.extraction.period
    start = period.start if period is not None else None
    end = period.end if period is not None else None
    days = [c.date for c in claims if c.date is not None]
    if start is None and end is None and days:
        start, end = min(days), max(days)
    if start is None and end is None:
        start, end, _ = _window(doc.extraction.published)
    if start is None:
        start = end
    if end is None:
        end = start
    time_precision = None
    if start is not None and end is not None:
        time_precision = 2 if (end - start).days < 7 else 3
    place_id = next(
        (
            m.place.id
            for m in doc.extraction.places
            if m.place is not None and geo_precision_of(m.place) == 3 and m.place.admin1
        ),
        None,
    )
    if place_id is None:
        counted = Counter(c.place_id for c in claims if c.place_id is not None)
        place_id = next((c.place_id for c in claims if c.place_id in counted), None)
    named, suspected = _actors(claims)
    return Report(
        key=key,
        document_sha256=sha256,
        source=source,
        date_start=start,
        date_end=end,
        time_precision=time_precision,
        place=None if place_id is None else doc.places.get(place_id),
        geo_precision=None if place_id is None else 3,
        period_total=True,
        perpetrators=named,
        suspected=suspected,
        weapons=_weapons(claims),
        figures=tuple(_figure(doc.claims[i], i) for i in ordinals),
        published=doc.extraction.published,
        place_name=None if place_id is None else doc.names.get(place_id),
    )
