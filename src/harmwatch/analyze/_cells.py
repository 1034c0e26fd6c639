"""The numbers a summary is made of, each with what is behind it (incident ids, report keys)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

__all__ = ["Count", "PeriodFigure", "Toll", "count_of", "sum_tolls"]


@dataclass(frozen=True, slots=True)
class Count:
    """A number (of incidents, strikes, facilities) and the incidents it was counted from."""

    value: int
    incidents: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Toll:
    """Casualties summed over incidents: best, low and high, the incidents and sources behind.

    ``sources`` adds up, incident by incident, the documents that gave a figure (a document
    that tells of two incidents counts once for each).
    """

    best: int
    low: int
    high: int
    incidents: tuple[int, ...] = ()
    sources: int = 0


@dataclass(frozen=True, slots=True)
class PeriodFigure:
    """One figure of a period total ("714 airstrikes in eight days"), as its source gave it.

    Shown beside the incident sum, never added to it. ``partial`` is True when the total's
    period reaches outside the summary's dates.
    """

    value: int
    bound: str
    report: str
    source: str
    start: date | None
    end: date | None
    perpetrator: str | None
    evidence: str
    partial: bool = False


def count_of(values: Iterable[tuple[int, int]]) -> Count:
    """A Count from (incident id, amount) pairs: the amounts summed, the ids listed once each."""
    total = 0
    ids: set[int] = set()
    for incident_id, amount in values:
        total += amount
        ids.add(incident_id)
    return Count(total, tuple(sorted(ids)))


def sum_tolls(parts: Iterable[tuple[int, tuple[int, int, int, int]]]) -> Toll:
    """A Toll from (incident id, (best, low, high, sources)) per incident."""
    best = low = high = sources = 0
    ids: set[int] = set()
    for incident_id, (b, lo, hi, n) in parts:
        best += b
        low += lo
        high += hi
        sources += n
        ids.add(incident_id)
    return Toll(best, low, high, tuple(sorted(ids)), sources)
