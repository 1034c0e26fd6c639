"""Pairwise scores: how strongly two reports say they describe the same strike.

Each comparison (date, place, perpetrator, weapon, facility, casualties) adds its weight in bits
from :class:`LinkSettings`; the score of a pair is their sum. All pairs are scored at once.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from harmwatch import vocab
from harmwatch.link._blocking import distance_km
from harmwatch.link._settings import LinkSettings
from harmwatch.link._table import CASUALTY_GROUPS, ReportTable

__all__ = ["COMPARISONS", "score_pairs"]

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

COMPARISONS: tuple[str, ...] = (
    "date",
    "place",
    "perpetrator",
    "weapon",
    "facility",
    "killed",
    "injured",
)


def _bits(names: tuple[str, ...], table: tuple[str, ...]) -> int:
    return sum(1 << table.index(n) for n in names if n in table)


_GROUND = _bits(("shelling",), vocab.WEAPONS)
_AIR = _bits(("airstrike", "barrel_bomb", "drone"), vocab.WEAPONS)
_NAMED_FACILITIES = _bits(
    tuple(f for f in vocab.FACILITY_TYPES if f not in ("any", "other")), vocab.FACILITY_TYPES
)


def _dates(t: ReportTable, i: Ints, j: Ints, s: LinkSettings) -> Floats:
    gap = np.maximum(0, np.maximum(t.lo[j] - t.hi[i], t.lo[i] - t.hi[j]))
    exact = t.exact[i] & t.exact[j]
    return np.where(
        exact,
        np.select([gap == 0, gap == 1], [s.same_day, s.one_day_apart], s.two_days_apart),
        np.select(
            [gap == 0, gap == 1],
            [s.windows_overlap, s.window_one_day_apart],
            s.window_two_days_apart,
        ),
    )


def _places(t: ReportTable, i: Ints, j: Ints, s: LinkSettings) -> Floats:
    km = distance_km(t.lat[i], t.lon[i], t.lat[j], t.lon[j])
    worst = np.maximum(t.gprec[i], t.gprec[j])
    same = (t.place[i] == t.place[j]) & (t.place[i] >= 0)
    district = (t.admin2[i] == t.admin2[j]) & (t.admin2[i] >= 0)
    town = np.where(
        same, s.same_place, np.where(km <= s.close_km, s.close_places, s.neighbouring_places)
    )
    near = km <= 2 * s.town_km
    area = np.select(
        [same, near & district, near],
        [s.area_same_place, s.area_near_same_district, s.area_near],
        s.area_far,
    )
    return np.select([worst == 1, worst == 2], [town, area], s.same_region)


def _perpetrators(t: ReportTable, i: Ints, j: Ints, s: LinkSettings) -> Floats:
    common = (t.perp_any[i] & t.perp_any[j]) != 0
    both_named = (t.perp_named[i] != 0) & (t.perp_named[j] != 0)
    return np.where(common, s.same_perpetrator, np.where(both_named, s.other_perpetrator, 0.0))


def _weapons(t: ReportTable, i: Ints, j: Ints, s: LinkSettings) -> Floats:
    wi, wj = t.weapons[i], t.weapons[j]
    ground_i = (wi != 0) & ((wi & ~_GROUND) == 0)
    ground_j = (wj != 0) & ((wj & ~_GROUND) == 0)
    air_i = (wi != 0) & ((wi & ~_AIR) == 0)
    air_j = (wj != 0) & ((wj & ~_AIR) == 0)
    clash = (ground_i & air_j) | (air_i & ground_j)
    return np.where((wi & wj) != 0, s.same_weapon, np.where(clash, s.clashing_weapon, 0.0))


def _facilities(t: ReportTable, i: Ints, j: Ints, s: LinkSettings) -> Floats:
    fi1, fi2, fj1, fj2 = t.fac1[i], t.fac2[i], t.fac1[j], t.fac2[j]
    same = (fi1 >= 0) & ((fi1 == fj1) | (fi1 == fj2) | (fi2 == fj1) | (fi2 == fj2))
    ti, tj = t.ftypes[i] & _NAMED_FACILITIES, t.ftypes[j] & _NAMED_FACILITIES
    return np.where(
        same,
        s.same_facility,
        np.where(
            (ti & tj) != 0,
            s.same_facility_type,
            np.where((ti != 0) & (tj != 0), s.other_facility_type, 0.0),
        ),
    )


def _tolls(
    a: Floats, b: Floats, agree: float, close: float, differ: float, s: LinkSettings
) -> tuple[Floats, npt.NDArray[np.bool_]]:
    given = ~np.isnan(a) & ~np.isnan(b)
    a = np.nan_to_num(a)
    b = np.nan_to_num(b)
    diff = np.abs(a - b)
    ratio = diff / np.maximum(np.maximum(a, b), 1.0)
    score = np.select(
        [(diff <= 1) | (ratio <= s.agree_ratio), ratio <= s.close_ratio, diff >= 3],
        [agree, close, differ],
        0.0,
    )
    return np.where(given, score, 0.0), given


def _killed(t: ReportTable, i: Ints, j: Ints, s: LinkSettings) -> Floats:
    out = np.zeros(len(i))
    decided = np.zeros(len(i), dtype=np.bool_)
    for column in range(len(CASUALTY_GROUPS)):
        score, given = _tolls(
            t.killed[i, column],
            t.killed[j, column],
            s.tolls_agree,
            s.tolls_close,
            s.tolls_differ,
            s,
        )
        use = given & ~decided
        out = np.where(use, score, out)
        decided |= given
    return out


def _injured(t: ReportTable, i: Ints, j: Ints, s: LinkSettings) -> Floats:
    score, _ = _tolls(t.injured[i], t.injured[j], s.injured_agree, 0.0, s.injured_differ, s)
    return score


_COMPARE = {
    "date": _dates,
    "place": _places,
    "perpetrator": _perpetrators,
    "weapon": _weapons,
    "facility": _facilities,
    "killed": _killed,
    "injured": _injured,
}


def score_pairs(
    table: ReportTable, i: Ints, j: Ints, settings: LinkSettings, *, parts: bool = False
) -> Floats | dict[str, Floats]:
    """The score of each pair (i[k], j[k]); with ``parts`` each comparison's weights apart."""
    found = {name: _COMPARE[name](table, i, j, settings) for name in COMPARISONS}
    if parts:
        return found
    total = np.zeros(len(i))
    for weights in found.values():
        total += weights
    return total
