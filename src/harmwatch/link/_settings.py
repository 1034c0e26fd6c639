"""The numbers linking uses: blocking limits, the weight of each piece of evidence, thresholds.

Scores are log-odds in bits (Fellegi-Sunter weights, log2 m/u): positive for evidence that two
reports describe one strike, negative against. Each weight is the rounded log2(m/u) of its level
measured on labelled synthetic pairs that blocking lets through (``bench/link.py --weights``, on
a development seed, never the one the bench reports), except where real sources do what the
generator never does (tolls far apart, clashing weapons): those are capped at a few bits instead
of the generator's "never". The thresholds were chosen on the same development seed (see
docs/linking.md).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_SETTINGS", "LinkSettings"]


@dataclass(frozen=True, slots=True)
class LinkSettings:
    """Blocking limits, evidence weights (bits) and thresholds of one link run."""

    # --- blocking: which pairs are compared at all
    max_gap_days: int = 2
    """Reports whose date windows are further apart than this are never compared."""
    town_km: float = 5.0
    """Two reports at towns or sites (geo precision 1) are compared within this distance."""
    area_km: float = 25.0
    """A report near a town or in part of a region (precision 2) is compared within this."""

    # --- dates
    same_day: float = 2.2
    one_day_apart: float = -1.5
    """Two sources that give the day and differ by one: a night strike, a slip, or two strikes."""
    two_days_apart: float = -5.0
    windows_overlap: float = 0.5
    """Two dates that overlap only because one (or both) is a window of days."""
    window_one_day_apart: float = -4.0
    window_two_days_apart: float = -5.0

    # --- places
    same_place: float = 2.5
    close_places: float = 0.5
    """Different gazetteer entries within ``close_km`` (a site and its town, two gazetteers)."""
    close_km: float = 2.0
    neighbouring_places: float = -2.8
    """Different towns within ``town_km``: neighbouring villages are struck on the same day."""
    area_same_place: float = 1.2
    """One report only near a place (precision 2), the other at the same place."""
    area_near_same_district: float = 1.1
    area_near: float = -2.7
    """Near (within twice ``town_km``) but in another district."""
    area_far: float = -3.0
    same_region: float = -3.0
    """One report names only the province: many strikes share it."""

    # --- who and how
    same_perpetrator: float = 1.4
    other_perpetrator: float = -1.6
    """Both name an attacker and none in common: sources do disagree about the same strike."""
    same_weapon: float = 1.3
    clashing_weapon: float = -2.0
    """Weapons that cannot be one attack (shelling from the ground vs a barrel bomb)."""
    same_facility: float = 5.0
    same_facility_type: float = 3.0
    other_facility_type: float = -1.5

    # --- casualties (the first victim group both reports give: total, children, women, rescuers)
    tolls_agree: float = 1.9
    """Within ``agree_ratio`` of each other (or 1 apart): "7 killed" vs "at least 9"."""
    agree_ratio: float = 0.3
    tolls_close: float = 0.0
    close_ratio: float = 0.5
    tolls_differ: float = -4.0
    """Further apart than ``close_ratio`` and 3 apart: "3 killed" vs "12 killed"."""
    injured_agree: float = 1.5
    injured_differ: float = -2.0

    # --- decisions
    link_threshold: float = 2.0
    """A pair with at least this score is linked (if clustering agrees)."""
    merge_threshold: float = 2.0
    """Two groups merge only if the average score over all their pairs reaches this."""
    missing_pair: float = -8.0
    """The score of a pair that blocking never compared (too far apart in place or time)."""


DEFAULT_SETTINGS = LinkSettings()
