"""Repeat attacks on one facility, and weeks that surge far above a place's baseline."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from harmwatch.analyze._reading import Facts, facts_of, is_counted
from harmwatch.model import Incident

__all__ = [
    "RepeatAttack",
    "Surge",
    "SurgeSettings",
    "find_repeat_attacks",
    "find_surges",
    "week_start",
    "weekly_counts",
]


@dataclass(frozen=True, slots=True)
class RepeatAttack:
    """A facility hit more than once: each hit as (incident id, date), earliest first.

    ``facility`` is the registry id, or where a facility has none yet, its type, name and
    place joined (``medical|surgical hospital|geonames:168661``). ``in_period`` counts the hits
    inside the summary's dates; the others are earlier hits, for "hit for the third time".
    """

    facility: str
    name: str | None
    type: str
    hits: tuple[tuple[int, date | None], ...]
    in_period: int


def _facility_keys(incident: Incident) -> dict[str, tuple[str | None, str]]:
    keys: dict[str, tuple[str | None, str]] = {}
    for hit in incident.facilities:
        if hit.facility_id:
            keys[hit.facility_id] = (hit.name, hit.type)
        elif hit.name and incident.place is not None:
            keys[f"{hit.type}|{hit.name.casefold()}|{incident.place.id}"] = (hit.name, hit.type)
    return keys


def find_repeat_attacks(
    incidents: Sequence[Incident],
    *,
    start: date | None = None,
    end: date | None = None,
    min_hits: int = 2,
) -> tuple[RepeatAttack, ...]:
    """Facilities hit at least ``min_hits`` times among ``incidents`` (which may reach back
    before ``start`` for the history), listed if at least one hit falls in start..end."""
    by_facility: dict[str, list[Incident]] = defaultdict(list)
    names: dict[str, tuple[str | None, str]] = {}
    for incident in incidents:
        if incident.id is None:
            continue
        for key, name_type in _facility_keys(incident).items():
            by_facility[key].append(incident)
            names.setdefault(key, name_type)
    out = []
    for key, items in sorted(by_facility.items()):
        items.sort(key=lambda i: (i.first_date or date.min, i.id or 0))
        if len(items) < min_hits:
            continue
        inside = sum(
            1
            for i in items
            if i.first_date is not None
            and (start is None or i.first_date >= start)
            and (end is None or i.first_date <= end)
        )
        if inside == 0:
            continue
        name, kind = names[key]
        hits = tuple((i.id, i.first_date) for i in items if i.id is not None)
        out.append(RepeatAttack(key, name, kind, hits, inside))
    return tuple(out)


def week_start(day: date) -> date:
    """The Monday of the ISO week a date falls in."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True, slots=True)
class SurgeSettings:
    """How a surge week is told from the place's baseline.

    Args:
        baseline_weeks: how many ISO weeks before the summary's start make the baseline (12).
        threshold: the robust z-score at or above which a week is a surge (3.5, Iglewicz and
            Hoaglin's cut-off for outliers).
    """

    baseline_weeks: int = 12
    threshold: float = 3.5

    def __post_init__(self) -> None:
        if self.baseline_weeks < 1:
            raise ValueError("the surge baseline needs at least one week")

    def describe(self) -> str:
        return (
            f"robust z-score of the week's count against the {self.baseline_weeks} weeks "
            "before the period: (count - median) / (1.4826 x median absolute deviation), the "
            f"denominator at least 1; a surge when z >= {self.threshold:g}; weeks without "
            "incidents count as zero"
        )


@dataclass(frozen=True, slots=True)
class Surge:
    """A week far above the baseline, for one measure (``incidents`` or ``killed``)."""

    week: date
    measure: str
    value: int
    median: float
    mad: float
    score: float
    incidents: tuple[int, ...]


def _weekly(items: Sequence[Facts], measure: str) -> dict[date, tuple[int, list[int]]]:
    weeks: dict[date, tuple[int, list[int]]] = {}
    for facts in items:
        if facts.first_date is None:
            continue
        if measure == "incidents":
            amount = 1
        else:
            total = facts.tolls.get(("killed", "people"))
            amount = total[0] if total else 0
        week = week_start(facts.first_date)
        value, ids = weeks.get(week, (0, []))
        ids.append(facts.id)
        weeks[week] = (value + amount, ids)
    return weeks


def weekly_counts(
    daily: Iterable[tuple[date, str | None, int, int]], *, include_unverified: bool = True
) -> dict[date, tuple[int, int]]:
    """Week (its Monday) -> (incidents, killed), from (first date, grade, incidents, killed)
    rows (``Store.daily_counts``), counting only the grades a summary counts."""
    weeks: dict[date, tuple[int, int]] = {}
    for day, grade, count, killed in daily:
        if is_counted(grade, include_unverified):
            week = week_start(day)
            n, k = weeks.get(week, (0, 0))
            weeks[week] = (n + count, k + killed)
    return weeks


def find_surges(
    incidents: Sequence[Incident | Facts],
    *,
    start: date,
    end: date,
    settings: SurgeSettings | None = None,
    baseline_weeks: Mapping[date, tuple[int, int]] | None = None,
) -> tuple[Surge, ...]:
    """Weeks in start..end whose incidents or killed are far above the weeks before start.

    The baseline is ``baseline_weeks`` (week -> (incidents, killed), ``weekly_counts``) when
    given; else ``incidents`` (or their Facts) must include the baseline weeks: the place's
    incidents in the ``settings.baseline_weeks`` before ``start``.
    """
    settings = settings or SurgeSettings()
    items = [i if isinstance(i, Facts) else facts_of(i) for i in incidents if i.id is not None]
    first_week = week_start(start)
    weeks_before = [first_week - timedelta(weeks=n) for n in range(settings.baseline_weeks, 0, -1)]
    out = []
    for index, measure in enumerate(("incidents", "killed")):
        weekly = _weekly(items, measure)
        if baseline_weeks is not None:
            baseline = [baseline_weeks.get(w, (0, 0))[index] for w in weeks_before]
        else:
            baseline = [weekly.get(w, (0, []))[0] for w in weeks_before]
        median = statistics.median(baseline)
        mad = statistics.median(abs(v - median) for v in baseline)
        scale = max(1.4826 * mad, 1.0)
        week = first_week
        while week <= end:
            value, ids = weekly.get(week, (0, []))
            score = (value - median) / scale
            if score >= settings.threshold:
                out.append(
                    Surge(week, measure, value, median, mad, round(score, 1), tuple(sorted(ids)))
                )
            week += timedelta(weeks=1)
    return tuple(out)
