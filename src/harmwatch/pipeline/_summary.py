"""A period summary from the store: the incidents and period totals of an area, summarised."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from harmwatch.analyze import Area, DoubleTapSettings, Summary, SurgeSettings, summarize
from harmwatch.store import IncidentQuery, Store

if TYPE_CHECKING:
    from harmwatch.geo import Zones

__all__ = ["summarize_store"]


def summarize_store(
    store: Store,
    *,
    area: Area,
    start: date,
    end: date,
    include_unverified: bool = True,
    zones: Zones | None = None,
    double_tap: DoubleTapSettings | None = None,
    surge: SurgeSettings | None = None,
) -> Summary:
    """Read what a summary needs from ``store`` and summarise it (``analyze.summarize``).

    Reads the area's incidents from the surge baseline's first week to ``end`` (through a
    coarse filter, ``Area.bounds``), the period totals overlapping the dates, and the reports
    of the incidents in the dates (their times of day and words, for double taps).
    """
    surge = surge or SurgeSettings()
    bounds = area.bounds(zones)
    baseline_start = start - timedelta(weeks=surge.baseline_weeks + 1)
    incidents = store.incidents(
        IncidentQuery(date_from=baseline_start, date_to=end, admin1=bounds.admin1, bbox=bounds.bbox)
    )
    in_dates = [
        i for i in incidents if i.first_date is not None and (i.last_date or i.first_date) >= start
    ]
    keys = [key for incident in in_dates for key in incident.reports]
    reports = {report.key: report for report in store.get_reports(keys)} if keys else {}
    return summarize(
        in_dates,
        store.period_totals(date_from=start, date_to=end),
        area=area,
        start=start,
        end=end,
        include_unverified=include_unverified,
        reports=reports,
        zones=zones,
        double_tap=double_tap,
        earlier=[i for i in incidents if i.first_date is not None and i.first_date < start],
        surge=surge,
    )
