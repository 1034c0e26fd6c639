"""Reports as columns (numpy arrays), so that blocking and scoring run over millions of pairs."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from harmwatch import vocab
from harmwatch.model import Figure, Report

__all__ = ["CASUALTY_GROUPS", "ReportTable", "report_value", "to_table"]

_EPOCH = date(1900, 1, 1).toordinal()

# Victim groups compared between two reports, in order: the first both give decides.
CASUALTY_GROUPS: tuple[tuple[str, ...], ...] = (
    ("people", "civilians"),
    ("children",),
    ("women",),
    ("rescuers", "medical_staff"),
)

_KILLED_COLUMN = {subject: n for n, group in enumerate(CASUALTY_GROUPS) for subject in group}
_TOTAL = frozenset(CASUALTY_GROUPS[0])
_WEAPON_BIT = {w: 1 << n for n, w in enumerate(vocab.WEAPONS)}
_FACILITY_BIT = {f: 1 << n for n, f in enumerate(vocab.FACILITY_TYPES)}


def report_value(report: Report, kind: str, subjects: Sequence[str]) -> Figure | None:
    """The report's own figure for a kind and victim group: its first figure of that group
    (a report lists the figures of its dated sentences first, so a side count never wins)."""
    for figure in report.figures:
        if figure.kind == kind and figure.subject in subjects:
            return figure
    return None


@dataclass(slots=True)
class ReportTable:
    """One row per report: day window, coordinates, codes and bit masks, casualty numbers."""

    keys: list[str]
    lo: npt.NDArray[np.int64]
    hi: npt.NDArray[np.int64]
    exact: npt.NDArray[np.bool_]
    lat: npt.NDArray[np.float64]
    lon: npt.NDArray[np.float64]
    gprec: npt.NDArray[np.int8]
    place: npt.NDArray[np.int64]
    admin1: npt.NDArray[np.int64]
    admin2: npt.NDArray[np.int64]
    perp_any: npt.NDArray[np.uint64]
    perp_named: npt.NDArray[np.uint64]
    weapons: npt.NDArray[np.int64]
    ftypes: npt.NDArray[np.int64]
    fac1: npt.NDArray[np.int64]
    fac2: npt.NDArray[np.int64]
    killed: npt.NDArray[np.float64]
    """Shape (n, len(CASUALTY_GROUPS)); NaN where the report gives no figure."""
    injured: npt.NDArray[np.float64]

    def __len__(self) -> int:
        return len(self.keys)

    @property
    def linkable(self) -> npt.NDArray[np.bool_]:
        """Rows that can be compared at all: a date window and a place with coordinates."""
        return (self.lo >= 0) & (self.gprec > 0) & ~np.isnan(self.lat)


class _Codes:
    def __init__(self) -> None:
        self.codes: dict[str, int] = {}

    def __call__(self, value: str | None) -> int:
        if value is None:
            return -1
        return self.codes.setdefault(value, len(self.codes))


def _day(value: date | None) -> int:
    return -1 if value is None else value.toordinal() - _EPOCH


def _perpetrator_bit(name: str, bits: dict[str, int]) -> int:
    if name not in bits:
        bits[name] = 1 << (len(bits) % 63)
    return bits[name]


def to_table(reports: Sequence[Report]) -> ReportTable:
    """The columns of ``reports`` (in the order given)."""
    n = len(reports)
    lo = np.full(n, -1, dtype=np.int64)
    hi = np.full(n, -1, dtype=np.int64)
    exact = np.zeros(n, dtype=np.bool_)
    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    gprec = np.zeros(n, dtype=np.int8)
    place = np.full(n, -1, dtype=np.int64)
    admin1 = np.full(n, -1, dtype=np.int64)
    admin2 = np.full(n, -1, dtype=np.int64)
    perp_any = np.zeros(n, dtype=np.uint64)
    perp_named = np.zeros(n, dtype=np.uint64)
    weapons = np.zeros(n, dtype=np.int64)
    ftypes = np.zeros(n, dtype=np.int64)
    fac1 = np.full(n, -1, dtype=np.int64)
    fac2 = np.full(n, -1, dtype=np.int64)
    killed = np.full((n, len(CASUALTY_GROUPS)), np.nan)
    injured = np.full(n, np.nan)
    places, admins1, admins2, facilities = _Codes(), _Codes(), _Codes(), _Codes()
    bits: dict[str, int] = {}
    for row, report in enumerate(reports):
        start = report.date_start or report.date_end
        end = report.date_end or report.date_start
        if start is not None and end is not None:
            lo[row], hi[row] = _day(start), _day(end)
            exact[row] = report.time_precision == 1 and start == end
        p = report.place
        if p is not None and report.geo_precision is not None:
            if not (math.isnan(p.lat) or math.isnan(p.lon)):
                lat[row], lon[row] = p.lat, p.lon
            gprec[row] = report.geo_precision
            place[row] = places(p.id)
            admin1[row] = admins1(p.admin1)
            admin2[row] = admins2(f"{p.admin1}/{p.admin2}" if p.admin2 else None)
        named = 0
        for name in report.perpetrators:
            named |= _perpetrator_bit(name, bits)
        suspected = 0
        for name in report.suspected:
            suspected |= _perpetrator_bit(name, bits)
        perp_named[row] = named
        perp_any[row] = named | suspected
        w = 0
        for weapon in report.weapons:
            w |= _WEAPON_BIT.get(weapon, 0)
        weapons[row] = w
        f = 0
        ids: list[int] = []
        for hit in report.facilities:
            f |= _FACILITY_BIT.get(hit.type, 0)
            if hit.facility_id is not None:
                ids.append(facilities(hit.facility_id))
        ftypes[row] = f
        if ids:
            fac1[row] = ids[0]
            fac2[row] = ids[1] if len(ids) > 1 else ids[0]
        found = 0
        hurt = False
        for figure in report.figures:  # each group's first figure (see report_value)
            if figure.kind == "killed":
                column = _KILLED_COLUMN.get(figure.subject)
                if column is not None and not found & (1 << column):
                    found |= 1 << column
                    killed[row, column] = figure.value
            elif figure.kind == "injured" and not hurt and figure.subject in _TOTAL:
                hurt = True
                injured[row] = figure.value
    return ReportTable(
        keys=[r.key for r in reports],
        lo=lo,
        hi=hi,
        exact=exact,
        lat=lat,
        lon=lon,
        gprec=gprec,
        place=place,
        admin1=admin1,
        admin2=admin2,
        perp_any=perp_any,
        perp_named=perp_named,
        weapons=weapons,
        ftypes=ftypes,
        fac1=fac1,
        fac2=fac2,
        killed=killed,
        injured=injured,
    )
