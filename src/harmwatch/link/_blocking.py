"""Blocking: the pairs of reports worth comparing, found without comparing all pairs.

Three passes, each a sorted join in numpy:

- two reports at towns or sites (geo precision 1): grid cells of ``town_km``, each report
  compared with the reports in its own and the eight cells around it;
- a report near a town or in part of a region (precision 2): cells of ``area_km``;
- a report that names only a region (precision 3): every report of the same admin1.

In every pass only reports whose date windows lie within ``max_gap_days`` of each other meet.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from harmwatch.link._settings import LinkSettings
from harmwatch.link._table import ReportTable

__all__ = ["candidate_pairs", "distance_km"]

_KM_PER_DEGREE_LAT = 110.57
_KM_PER_DEGREE_LON = 111.32
_DAY_BITS = 1 << 18  # composite sort keys: cell * _DAY_BITS + day (days since 1900 fit)
_SPAN_CLASSES = (2, 8, 40, 400, 1 << 17)

Ints = npt.NDArray[np.int64]


def distance_km(
    lat1: npt.NDArray[np.float64],
    lon1: npt.NDArray[np.float64],
    lat2: npt.NDArray[np.float64],
    lon2: npt.NDArray[np.float64],
) -> npt.NDArray[np.float64]:
    """Great-circle distances in kilometres (haversine), element by element."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp = p2 - p1
    dl = np.radians(lon2 - lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    result: npt.NDArray[np.float64] = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(a, 0, 1)))
    return result


def _cells(table: ReportTable, rows: Ints, km: float) -> tuple[Ints, Ints]:
    """Grid cell (x, y) of each row, cells at least ``km`` wide everywhere in the data."""
    lats = table.lat[rows]
    widest = float(np.max(np.abs(lats))) if len(rows) else 0.0
    lon_km = _KM_PER_DEGREE_LON * max(np.cos(np.radians(min(widest, 89.0))), 0.01)
    x = np.floor(table.lon[rows] * lon_km / km).astype(np.int64)
    y = np.floor(lats * _KM_PER_DEGREE_LAT / km).astype(np.int64)
    return x, y


def _cell_key(x: Ints, y: Ints) -> Ints:
    """One integer per cell (x, y), small enough to leave room for the day in a sort key."""
    width = 1 << 22
    return ((y + (width >> 1)) % width) * width + ((x + (width >> 1)) % width)


def _join(
    table: ReportTable,
    homes: Ints,
    home_key: Ints,
    visitors: Ints,
    visitor_key: Ints,
    gap: int,
) -> tuple[Ints, Ints]:
    """Pairs (home, visitor) with the same key whose date windows are within ``gap`` days."""
    out_h: list[Ints] = []
    out_v: list[Ints] = []
    if len(homes) == 0 or len(visitors) == 0:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    span = table.hi[visitors] - table.lo[visitors]
    lower = 0
    for upper in _SPAN_CLASSES:
        chosen = (span >= lower) & (span < upper)
        lower = upper
        if not chosen.any():
            continue
        v = visitors[chosen]
        comp = visitor_key[chosen] * _DAY_BITS + table.lo[v]
        order = np.argsort(comp, kind="stable")
        comp, v = comp[order], v[order]
        base = home_key * _DAY_BITS
        first = np.searchsorted(comp, base + table.lo[homes] - gap - upper, side="left")
        last = np.searchsorted(comp, base + table.hi[homes] + gap, side="right")
        counts = last - first
        total = int(counts.sum())
        if total == 0:
            continue
        h = np.repeat(homes, counts)
        starts = np.repeat(first - np.cumsum(counts) + counts, counts)
        positions = np.arange(total, dtype=np.int64) + starts
        vv = v[positions]
        near = (table.lo[vv] <= table.hi[h] + gap) & (table.hi[vv] >= table.lo[h] - gap)
        out_h.append(h[near])
        out_v.append(vv[near])
    if not out_h:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    return np.concatenate(out_h), np.concatenate(out_v)


def _grid_pass(
    table: ReportTable, homes: Ints, visitors: Ints, km: float, gap: int
) -> tuple[Ints, Ints]:
    both = np.union1d(homes, visitors)
    x_all, y_all = _cells(table, both, km)
    position = np.searchsorted(both, homes)
    home_key = _cell_key(x_all[position], y_all[position])
    position = np.searchsorted(both, visitors)
    vx, vy = x_all[position], y_all[position]
    shifts = [(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    rep_v = np.tile(visitors, len(shifts))
    rep_key = np.concatenate([_cell_key(vx + dx, vy + dy) for dx, dy in shifts])
    return _join(table, homes, home_key, rep_v, rep_key, gap)


def candidate_pairs(table: ReportTable, settings: LinkSettings) -> tuple[Ints, Ints]:
    """Every pair (i, j), i < j, that blocking lets through, each once, sorted."""
    rows = np.flatnonzero(table.linkable)
    gap = settings.max_gap_days
    gprec = table.gprec
    town = rows[gprec[rows] == 1]
    area = rows[gprec[rows] == 2]
    region = rows[(gprec[rows] == 3) & (table.admin1[rows] >= 0)]
    found_i: list[Ints] = []
    found_j: list[Ints] = []

    # towns and sites with each other
    h, v = _grid_pass(table, town, town, settings.town_km, gap)
    keep = h < v
    found_i.append(h[keep])
    found_j.append(v[keep])

    # anything at a town or area with an area report (area reports visit)
    placed = np.concatenate([town, area])
    h, v = _grid_pass(table, placed, area, settings.area_km, gap)
    keep = (gprec[h] != 2) | (h < v)
    found_i.append(np.minimum(h[keep], v[keep]))
    found_j.append(np.maximum(h[keep], v[keep]))

    # anything in an admin1 with a region-only report of it
    located = rows[table.admin1[rows] >= 0]
    h, v = _join(table, located, table.admin1[located], region, table.admin1[region], gap)
    keep = ((gprec[h] != 3) | (h < v)) & (h != v)
    found_i.append(np.minimum(h[keep], v[keep]))
    found_j.append(np.maximum(h[keep], v[keep]))

    i = np.concatenate(found_i)
    j = np.concatenate(found_j)
    keep = i != j
    i, j = i[keep], j[keep]
    # the place limits of each kind of pair
    km = distance_km(table.lat[i], table.lon[i], table.lat[j], table.lon[j])
    worst = np.maximum(gprec[i], gprec[j])
    within = np.where(
        worst == 1,
        km <= settings.town_km,
        np.where(
            worst == 2,
            (km <= settings.area_km) & (table.admin1[i] == table.admin1[j]),
            table.admin1[i] == table.admin1[j],
        ),
    )
    # the passes never find a pair twice (each pair has one home cell in one pass): sorting
    # gives the canonical order
    pair = i[within] * len(table) + j[within]
    pair.sort()
    return pair // len(table), pair % len(table)
