"""A period summary from the store: the incidents and period totals of an area, summarised."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from harmwatch.analyze import (
    Area,
    DoubleTapSettings,
    Summary,
    SurgeSettings,
    facts_from_rows,
    summarize,
    summarize_facts,
)
from harmwatch.errors import NotFound
from harmwatch.model import Place
from harmwatch.store import IncidentQuery, Store

if TYPE_CHECKING:
    from harmwatch.geo import Gazetteer, Zones

__all__ = ["summarize_store"]

Row = tuple[Any, ...]


def summarize_store(
    store: Store,
    *,
    area: Area,
    start: date,
    end: date,
    gazetteer: Gazetteer,
    include_unverified: bool = True,
    zones: Zones | None = None,
    double_tap: DoubleTapSettings | None = None,
    surge: SurgeSettings | None = None,
    quick: bool = False,
) -> Summary:
    """Read what a summary needs from ``store`` and summarise it.

    The full summary (``analyze.summarize``) reads the area's incidents in the dates (through a
    coarse filter, ``Area.bounds``), their reports (times of day and words, for double taps),
    the earlier incidents that hit the same facilities, the period totals overlapping the dates,
    and the store's flat rows of the weeks before (the surge baseline). A ``quick`` one
    (``analyze.summarize_facts``) reads only flat rows and period totals: the same tables,
    arithmetic checks and surges, without the analyses that need whole incidents.
    ``gazetteer`` gives flat rows' places their P-codes and country (the rows keep names and
    coordinates only), which areas match by.
    """
    surge = surge or SurgeSettings()
    bounds = area.bounds(zones)
    totals = store.period_totals(date_from=start, date_to=end)
    baseline_start = start - timedelta(weeks=surge.baseline_weeks + 1)
    places = _Places(gazetteer)
    before = store.summary_rows(
        date_from=baseline_start,
        date_to=start - timedelta(days=1),
        admin1=bounds.admin1,
        bbox=bounds.bbox,
        tallies_only=True,
    )
    baseline = facts_from_rows(places.of(before.incidents), before.tallies, (), (), ())
    if quick:
        rows = store.summary_rows(
            date_from=start, date_to=end, admin1=bounds.admin1, bbox=bounds.bbox
        )
        facts = facts_from_rows(
            places.of(rows.incidents),
            rows.tallies,
            rows.perpetrators,
            rows.weapons,
            rows.facilities,
        )
        return summarize_facts(
            facts,
            totals,
            area=area,
            start=start,
            end=end,
            include_unverified=include_unverified,
            double_tap=double_tap,
            baseline=baseline,
            surge=surge,
        )
    found = store.incidents(
        IncidentQuery(date_from=start, date_to=end, admin1=bounds.admin1, bbox=bounds.bbox)
    )
    keys = [key for incident in found for key in incident.reports]
    reports = {report.key: report for report in store.get_reports(keys)} if keys else {}
    hit = tuple(sorted({h.facility_id for i in found for h in i.facilities if h.facility_id}))
    earlier = (
        store.incidents(IncidentQuery(date_to=start - timedelta(days=1), facility_ids=hit))
        if hit
        else []
    )
    return summarize(
        found,
        totals,
        area=area,
        start=start,
        end=end,
        include_unverified=include_unverified,
        reports=reports,
        zones=zones,
        double_tap=double_tap,
        earlier=earlier,
        baseline=baseline,
        surge=surge,
    )


class _Places:
    """Flat rows' places, replaced by the gazetteer's entries (with P-codes and country)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.known: dict[tuple[str, float, float], Place] = {}

    def of(self, rows: Sequence[Row]) -> list[Row]:
        return [(*row[:5], self.place(row[5])) for row in rows]

    def place(self, place: Place | None) -> Place | None:
        if place is None or not place.id:
            return place
        key = (place.id, place.lat, place.lon)
        found = self.known.get(key)
        if found is None:
            try:
                entry = self.gazetteer.get(place.id)
            except NotFound:
                entry = place
            same = entry.lat == place.lat and entry.lon == place.lon
            found = entry if same else replace(entry, lat=place.lat, lon=place.lon)
            self.known[key] = found
        return found
