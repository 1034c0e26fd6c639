"""Double-tap strikes: the same site struck again soon after, often hitting those who came to help.

Published definitions differ, so the settings and the rule used are printed with every result:

- UN Panel of Experts on Yemen, interim report to the Security Council (October 2016), on the
  strike on a funeral hall in Sana'a on 8 October 2016: the second strike came three to eight
  minutes after the first and hit first responders.
- Syria Justice and Accountability Centre, "When the planes return: double tap strikes on
  civilians in Syria" (July 2022): a further strike on the same location within an hour of first
  responders or civilians arriving at the scene.
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from harmwatch.analyze._area import distance_m
from harmwatch.analyze._reading import incident_time, tally
from harmwatch.model import Incident, Report

__all__ = [
    "DEFINITIONS",
    "DOUBLE_TAP_CUES",
    "Definition",
    "DoubleTap",
    "DoubleTapSettings",
    "cue_sentences",
    "find_double_taps",
    "says_double_tap",
]

# Words in a report that say a site was struck twice on purpose (matched in lower case, with
# hyphens read as spaces). A cue may also be the flag word itself: ``double_tap``.
DOUBLE_TAP_CUES: tuple[str, ...] = (
    "double tap",
    "double_tap",
    "second strike",
    "second raid",
    "second missile",
    "struck again",
    "hit again",
    "bombed again",
    "struck twice",
    "as rescuers arrived",
    "as rescuers gathered",
    "targeting rescuers",
    "targeted rescuers",
    "targeted the rescuers",
    "twice in a row",
    "ضربة مزدوجة",
    "الضربة المزدوجة",
    "غارة ثانية",
    "الغارة الثانية",
    "استهدفت المسعفين",
    "استهداف المسعفين",
    "frappe double",
    "deuxième frappe",
    "doble ataque",
    "segundo ataque",
)

RESPONDERS: tuple[str, ...] = ("rescuers", "medical_staff")
_SITE_FEATURES = frozenset(("site", "camp", "neighbourhood"))
_TOWN_FEATURES = frozenset(("city", "town", "village"))


@dataclass(frozen=True, slots=True)
class Definition:
    """A published definition of a double tap, with who published it and where."""

    by: str
    says: str
    url: str


DEFINITIONS: tuple[Definition, ...] = (
    Definition(
        "UN Panel of Experts on Yemen, interim report (October 2016)",
        "the second strike on the Sana'a funeral hall came 3 to 8 minutes after the first, "
        "hitting first responders",
        "https://www.thenewhumanitarian.org/news/2016/10/20/"
        "exclusive-double-tap-attack-yemen-funeral-violated-humanitarian-law-un-panel",
    ),
    Definition(
        "Syria Justice and Accountability Centre, 'When the planes return' (July 2022)",
        "at least one further strike on the same location within an hour of first responders "
        "or civilians arriving",
        "https://www.washingtonpost.com/world/2022/07/21/"
        "syria-russia-double-tap-airstrikes-report-war-crimes/",
    ),
)


@dataclass(frozen=True, slots=True)
class DoubleTapSettings:
    """When two strikes count as one site struck twice.

    Args:
        distance_m: the largest distance between two strikes placed at sites (300 m).
        town_distance_m: the same when either is placed only at its town's centre (2 km).
        near_distance_m: the same when either is placed near a town or in part of a region
            (ACLED geo precision 2; 5 km). Strikes placed only to a region are never paired
            by distance.
        window_minutes: the largest gap when both strikes' times are known (60).
        same_day: without times, strikes on the same date are paired (True).
        require_responders: keep only pairs whose later strike killed or injured rescuers or
            medical staff (False: such pairs are marked, the others still listed).
    """

    distance_m: float = 300.0
    town_distance_m: float = 2_000.0
    near_distance_m: float = 5_000.0
    window_minutes: int = 60
    same_day: bool = True
    require_responders: bool = False

    def __post_init__(self) -> None:
        if min(self.distance_m, self.town_distance_m, self.near_distance_m) < 0:
            raise ValueError("double-tap distances must not be negative")
        if self.window_minutes <= 0:
            raise ValueError("the double-tap window must be at least one minute")

    def describe(self) -> str:
        """The settings and the rule, in one paragraph printed with the results."""
        days = "on the same date when a time is missing" if self.same_day else "only with times"
        responders = (
            "; only pairs whose later strike hit rescuers or medical staff"
            if self.require_responders
            else "; pairs whose later strike hit rescuers or medical staff are marked"
        )
        return (
            f"the same facility, or within {self.distance_m:g} m (sites), "
            f"{self.town_distance_m:g} m (either placed at a town's centre) or "
            f"{self.near_distance_m:g} m (near a town or part of a region), struck again within "
            f"{self.window_minutes} minutes when both times are known, {days}{responders}; "
            f"also a source that says so in words ({', '.join(DOUBLE_TAP_CUES[:6])}, ...)"
        )


@dataclass(frozen=True, slots=True)
class DoubleTap:
    """A site struck twice: the incidents (first, then second; one when only words say so).

    ``basis`` is ``same facility``, ``distance`` or ``words``; ``gap_minutes`` is set when both
    times are known, ``distance_m`` when both places are; ``responders_hit`` is True when the
    later strike killed or injured rescuers or medical staff, False when its victims are known
    and none were, None when unknown. ``evidence`` holds the words of sources that say so.
    """

    incidents: tuple[int, ...]
    basis: str
    distance_m: float | None = None
    gap_minutes: int | None = None
    same_day: bool = False
    order_known: bool = True
    responders_hit: bool | None = None
    evidence: tuple[str, ...] = ()


def says_double_tap(words: str) -> bool:
    """Whether ``words`` say a site was struck twice on purpose (one of ``DOUBLE_TAP_CUES``)."""
    folded = words.lower().replace("-", " ")
    return any(phrase in folded for phrase in DOUBLE_TAP_CUES)


CUE_REACH = 1
"""Sentences either side of a report's own that may say its site was struck twice."""


def cue_sentences(
    text: str,
    spans: Sequence[tuple[int, int]],
    sentences: Iterable[int],
    *,
    reach: int = CUE_REACH,
) -> tuple[str, ...]:
    """The sentences of a source, around those a report's claims come from (``reach`` either
    side), that say a site was struck twice ("a second one minutes later as rescuers
    gathered. In Khan Sheikhoun three volunteers were killed this way"): a report's cues.

    Args:
        text: the document's text; ``spans``: its sentences' (start, end) offsets.
        sentences: the indexes (into ``spans``) of the sentences the report's claims are in.
    """
    near = sorted(
        {i for s in sentences for i in range(s - reach, s + reach + 1) if 0 <= i < len(spans)}
    )
    found = (" ".join(text[spans[i][0] : spans[i][1]].split()) for i in near)
    return tuple(sentence for sentence in found if says_double_tap(sentence))


def _cues(incident: Incident, reports: Mapping[str, Report] | None) -> tuple[str, ...]:
    words: list[str] = []
    if "double_tap" in incident.flags:
        words.append("double_tap (flag)")
    for key in incident.reports:
        report = (reports or {}).get(key)
        if report is None:
            continue
        words.extend(cue for cue in report.cues if says_double_tap(cue))
    return tuple(dict.fromkeys(words))


def _limit(incident: Incident, settings: DoubleTapSettings) -> float | None:
    """How far apart two strikes may be placed, given how precisely this one is placed."""
    place = incident.place
    if place is None or incident.geo_precision == 3:
        return None
    if incident.geo_precision == 2:
        return settings.near_distance_m
    if place.feature in _SITE_FEATURES:
        return settings.distance_m
    if place.feature in _TOWN_FEATURES:
        return settings.town_distance_m
    return None  # an admin unit's centre says nothing about the site


def _responders_hit(incident: Incident) -> bool | None:
    if any(
        (t := tally(incident, kind, group)) is not None and t.best > 0
        for kind in ("killed", "injured")
        for group in RESPONDERS
    ):
        return True
    return False if any(t.kind in ("killed", "injured") for t in incident.tallies) else None


def _facility_ids(incident: Incident) -> set[str]:
    return {hit.facility_id for hit in incident.facilities if hit.facility_id}


def _pair(
    a: Incident,
    b: Incident,
    times: Mapping[int, datetime],
    settings: DoubleTapSettings,
) -> DoubleTap | None:
    assert a.id is not None and b.id is not None
    if a.first_date is None or b.first_date is None:
        return None
    same_facility = bool(_facility_ids(a) & _facility_ids(b))
    gap: float | None = None
    if not same_facility:
        limit_a, limit_b = _limit(a, settings), _limit(b, settings)
        if limit_a is None or limit_b is None or a.place is None or b.place is None:
            return None
        gap = distance_m(a.place.lat, a.place.lon, b.place.lat, b.place.lon)
        if gap > max(limit_a, limit_b):
            return None
    elif a.place is not None and b.place is not None:
        gap = distance_m(a.place.lat, a.place.lon, b.place.lat, b.place.lon)
    ta, tb = times.get(a.id), times.get(b.id)
    first, second = a, b
    minutes: int | None = None
    order_known = False
    if ta is not None and tb is not None:
        if tb < ta:
            first, second, ta, tb = b, a, tb, ta
        minutes = round((tb - ta).total_seconds() / 60)
        if not 0 < minutes <= settings.window_minutes:
            return None
        order_known = True
    elif not (settings.same_day and a.first_date == b.first_date):
        return None
    for one in (a, b):
        if one.time_precision not in (None, 1):
            return None  # a date known only to the week or month cannot place a strike
    responders = _responders_hit(second)
    if settings.require_responders and not responders:
        return None
    assert first.id is not None and second.id is not None
    return DoubleTap(
        incidents=(first.id, second.id),
        basis="same facility" if same_facility else "distance",
        distance_m=round(gap) if gap is not None else None,
        gap_minutes=minutes,
        same_day=first.first_date == second.first_date,
        order_known=order_known,
        responders_hit=responders,
    )


def _candidates(
    dated: Sequence[Incident], settings: DoubleTapSettings
) -> Iterator[tuple[Incident, Incident]]:
    """Pairs worth comparing, earlier first: a day apart at most, and either the same facility
    or in neighbouring cells of a grid as wide as the largest distance allowed."""
    reach = max(settings.distance_m, settings.town_distance_m, settings.near_distance_m)
    cell = max(reach, 1.0) / 111_000  # degrees of latitude
    placed = [i for i in dated if i.place is not None]
    widest = max((abs(i.place.lat) for i in placed if i.place is not None), default=0.0)
    cell_lon = cell / max(math.cos(math.radians(min(widest, 89.0))), 0.01)
    order = {id(incident): n for n, incident in enumerate(dated)}
    grid: dict[tuple[date, int, int], list[Incident]] = defaultdict(list)
    by_facility: dict[tuple[date, str], list[Incident]] = defaultdict(list)
    keys: dict[int, tuple[date, int, int]] = {}
    for incident in dated:
        assert incident.first_date is not None
        if incident.place is not None:
            key = (
                incident.first_date,
                math.floor(incident.place.lat / cell),
                math.floor(incident.place.lon / cell_lon),
            )
            grid[key].append(incident)
            keys[id(incident)] = key
        for facility in _facility_ids(incident):
            by_facility[(incident.first_date, facility)].append(incident)
    seen: set[tuple[int, int]] = set()
    for a in dated:
        assert a.first_date is not None
        near: list[Incident] = []
        for day in (a.first_date, a.first_date + timedelta(days=1)):
            if id(a) in keys:
                _, row, col = keys[id(a)]
                for dr in (-1, 0, 1):
                    for dc in (-1, 0, 1):
                        near.extend(grid.get((day, row + dr, col + dc), ()))
            for facility in _facility_ids(a):
                near.extend(by_facility.get((day, facility), ()))
        for b in near:
            pair = (order[id(a)], order[id(b)])
            if pair[0] < pair[1] and pair not in seen:
                seen.add(pair)
                yield a, b


def find_double_taps(
    incidents: Sequence[Incident],
    *,
    reports: Mapping[str, Report] | None = None,
    settings: DoubleTapSettings | None = None,
) -> tuple[DoubleTap, ...]:
    """Pairs of incidents that are one site struck twice, and incidents whose sources say so.

    Args:
        incidents: stored incidents (with ids), in any order.
        reports: their reports by key, for times of day and the words of each source.
        settings: distances and window (``DoubleTapSettings()`` by default).
    """
    settings = settings or DoubleTapSettings()
    dated = sorted(
        (i for i in incidents if i.first_date is not None and i.id is not None),
        key=lambda i: (i.first_date, i.id),
    )
    times = {i.id: t for i in dated if i.id is not None and (t := incident_time(i, reports))}
    cues = {i.id: c for i in dated if i.id is not None and (c := _cues(i, reports))}
    found: list[DoubleTap] = []
    for a, b in _candidates(dated, settings):
        pair = _pair(a, b, times, settings)
        if pair is not None:
            words = tuple(w for i in pair.incidents for w in cues.get(i, ()))
            found.append(_with_evidence(pair, words))
    paired = {i for pair in found for i in pair.incidents}
    for incident in dated:
        assert incident.id is not None
        if incident.id in cues and incident.id not in paired:
            found.append(
                DoubleTap(
                    incidents=(incident.id,),
                    basis="words",
                    same_day=True,
                    order_known=False,
                    responders_hit=_responders_hit(incident),
                    evidence=cues[incident.id],
                )
            )
    return tuple(found)


def _with_evidence(pair: DoubleTap, words: tuple[str, ...]) -> DoubleTap:
    return dataclasses.replace(pair, evidence=tuple(dict.fromkeys(words))) if words else pair
