"""A period summary from the store: the incidents and period totals of an area, summarised."""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from harmwatch.analyze import (
    Area,
    DoubleTapSettings,
    Summary,
    SurgeSettings,
    cue_sentences,
    facts_from_rows,
    summarize,
    summarize_facts,
    weekly_counts,
)
from harmwatch.errors import NotFound
from harmwatch.model import Place, Report
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
    and the weeks before (the surge baseline: counted in SQL for a country, governorate or
    district, else read as flat rows). A ``quick`` one
    (``analyze.summarize_facts``) reads only flat rows and period totals: the same tables,
    arithmetic checks and surges, without the analyses that need whole incidents.
    ``gazetteer`` gives flat rows' places their P-codes and country (the rows keep names and
    coordinates only), which areas match by.
    """
    with _no_collection():
        return _summarize_store(
            store,
            area=area,
            start=start,
            end=end,
            gazetteer=gazetteer,
            include_unverified=include_unverified,
            zones=zones,
            double_tap=double_tap,
            surge=surge,
            quick=quick,
        )


@contextmanager
def _no_collection() -> Iterator[None]:
    """No cyclic garbage collection inside: a summary makes tens of thousands of small objects
    without cycles (freed by reference counting), and each collection they set off would walk
    every object the process holds (a loaded gazetteer's 40,000), about a third of a quick
    summary's time. Collection is back on after, if it was on before."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _summarize_store(
    store: Store,
    *,
    area: Area,
    start: date,
    end: date,
    gazetteer: Gazetteer,
    include_unverified: bool,
    zones: Zones | None,
    double_tap: DoubleTapSettings | None,
    surge: SurgeSettings | None,
    quick: bool,
) -> Summary:
    surge = surge or SurgeSettings()
    bounds = area.bounds(zones)
    totals = store.period_totals(date_from=start, date_to=end)
    baseline_start = start - timedelta(weeks=surge.baseline_weeks + 1)
    places = _Places(gazetteer)
    baseline = None
    baseline_weeks = None
    admin = _admin_filter(area, gazetteer)
    if admin is not None:
        names, district, place_ids = admin
        baseline_weeks = weekly_counts(
            store.daily_counts(
                date_from=baseline_start,
                date_to=start - timedelta(days=1),
                admin1=names,
                admin2=district,
                place_ids=place_ids,
            ),
            include_unverified=include_unverified,
        )
    else:
        before = store.summary_rows(
            date_from=baseline_start,
            date_to=start - timedelta(days=1),
            admin1=bounds.admin1,
            bbox=bounds.bbox,
            tallies_only=True,
        )
        baseline = facts_from_rows(places.of(before.incidents), before.tallies, (), (), ())
    if quick:
        if admin is not None:
            rows = store.summary_rows(
                date_from=start, date_to=end, admin1=admin[0], admin2=admin[1], place_ids=admin[2]
            )
        else:
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
            baseline_weeks=baseline_weeks,
            surge=surge,
        )
    found = store.incidents(
        IncidentQuery(date_from=start, date_to=end, admin1=bounds.admin1, bbox=bounds.bbox)
    )
    keys = [key for incident in found for key in incident.reports]
    reports = {report.key: report for report in store.get_reports(keys)} if keys else {}
    reports = _with_cues(store, reports)
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
        baseline_weeks=baseline_weeks,
        surge=surge,
    )


def _with_cues(store: Store, reports: Mapping[str, Report]) -> dict[str, Report]:
    """The reports, each event's with the words of its source that say its site was struck
    twice (read around its claims' sentences, ``analyze.cue_sentences``) where it has none."""
    from harmwatch.extract import iter_sentences

    wanting: defaultdict[str, list[Report]] = defaultdict(list)
    for report in reports.values():
        if not report.cues and not report.period_total:
            if any(figure.claim is not None for figure in report.figures):
                wanting[report.document_sha256].append(report)
    out = dict(reports)
    for sha256, group in wanting.items():
        extraction = store.get_extraction(sha256)
        try:
            text = store.get_document(sha256).text
        except NotFound:
            continue
        if extraction is None or not text:
            continue
        spans = list(iter_sentences(text))
        claims = extraction.claims
        for report in group:
            sentences = {
                claims[f.claim].sentence
                for f in report.figures
                if f.claim is not None and 0 <= f.claim < len(claims)
            }
            cues = cue_sentences(text, spans, sentences)
            if cues:
                out[report.key] = replace(report, cues=cues)
    return out


def _admin_filter(
    area: Area, gazetteer: Gazetteer
) -> tuple[tuple[str, ...], str | None, tuple[str, ...]] | None:
    """(governorate names, district name, place ids) that select an admin area's incidents
    exactly in SQL, or None when the area needs its own test (a zone, a box, a town)."""
    place = area.place
    if place is None or area.zone is not None or area.bbox is not None:
        return None
    if place.feature == "governorate" and place.admin1:
        return (place.admin1,), None, (place.id,)
    if place.feature == "district" and place.admin1 and place.admin2:
        return (place.admin1,), place.admin2, (place.id,)
    if place.feature == "country" and place.country:
        names = {
            p.admin1
            for p in gazetteer.places()
            if p.feature == "governorate" and p.country == place.country and p.admin1
        }
        return tuple(sorted(names)), None, (place.id,)
    return None


class _Places:
    """Flat rows' places as the gazetteer's entries (with P-codes and country), or as the
    incidents table keeps them where the gazetteer does not know the id."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.known: dict[tuple[str, float, float], Place] = {}

    def of(self, rows: Sequence[Row]) -> list[Row]:
        """(id, first, last, precision, grade, Place | None) for each of the store's rows."""
        return [(*row[:5], self.place(*row[5:11])) for row in rows]

    def place(
        self,
        place_id: str | None,
        name: str | None,
        lat: float | None,
        lon: float | None,
        admin1: str | None,
        admin2: str | None,
    ) -> Place | None:
        if lat is None or lon is None:
            return None
        key = (place_id or "", lat, lon)
        found = self.known.get(key)
        if found is None:
            try:
                entry = self.gazetteer.get(place_id) if place_id else None
            except NotFound:
                entry = None
            if entry is None:
                found = Place(id=place_id or "", name=name or "", lat=lat, lon=lon, feature="",
                              admin1=admin1, admin2=admin2)  # fmt: skip
            elif entry.lat == lat and entry.lon == lon:
                found = entry
            else:
                found = replace(entry, lat=lat, lon=lon)
            self.known[key] = found
        return found
