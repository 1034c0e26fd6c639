"""The period summary: what a monitoring group publishes, from incidents and period totals.

Sums come from incidents. A period total (a bulletin's "714 airstrikes in eight days") is shown
beside the incident sum of the same row, labelled with its source and period, and never added
to it. Every number keeps the incident ids or report keys it was counted from.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from harmwatch import vocab
from harmwatch.analyze._area import Area
from harmwatch.analyze._cells import Count, PeriodFigure, Toll, count_of, sum_tolls
from harmwatch.analyze._consistency import (
    Finding,
    Part,
    check_breakdown,
    check_incident,
    check_period_totals,
)
from harmwatch.analyze._double_tap import DoubleTap, DoubleTapSettings, find_double_taps
from harmwatch.analyze._reading import (
    ALL,
    UNATTRIBUTED,
    UNGRADED,
    day_of,
    facility_counts,
    group_toll,
    incident_strikes,
    perpetrator_of,
    stated_strikes,
    toll_of,
)
from harmwatch.analyze._repeats import (
    RepeatAttack,
    Surge,
    SurgeSettings,
    find_repeat_attacks,
    find_surges,
    week_start,
)
from harmwatch.analyze._zone_violations import ZoneViolation, find_zone_violations
from harmwatch.errors import InputError
from harmwatch.model import Figure, Incident, Report

if TYPE_CHECKING:
    from harmwatch.geo import Zones

__all__ = [
    "CasualtyRow",
    "CountRow",
    "FacilityRow",
    "PeriodTotalRef",
    "StrikeRow",
    "Summary",
    "TimeRow",
    "summarize",
]

# Grades whose incidents are listed but never counted in sums (Airwars: "those killed were
# combatants, or other parties most likely responsible").
NEVER_COUNTED = ("discounted",)


@dataclass(frozen=True, slots=True)
class StrikeRow:
    """Strikes with one weapon (``all``: every weapon): incidents, stated strikes, period totals.

    ``strikes`` adds up the strike counts sources state (an incident without one counts as one
    strike only in the ``all`` row).
    """

    weapon: str
    incidents: Count
    strikes: Count
    period_totals: tuple[PeriodFigure, ...] = ()


@dataclass(frozen=True, slots=True)
class FacilityRow:
    """Facilities of one type (``any``: all types) hit by one party (None: all parties)."""

    type: str
    perpetrator: str | None
    hits: Count
    period_totals: tuple[PeriodFigure, ...] = ()


@dataclass(frozen=True, slots=True)
class CasualtyRow:
    """Killed or injured in one victim group (``people``: everyone, by the toll rule)."""

    kind: str
    group: str
    toll: Toll
    period_totals: tuple[PeriodFigure, ...] = ()


@dataclass(frozen=True, slots=True)
class CountRow:
    """Incidents under one key (a grade, a perpetrator)."""

    key: str
    count: Count


@dataclass(frozen=True, slots=True)
class TimeRow:
    """Incidents and killed in one day or one ISO week (``start``..``end``)."""

    start: date
    end: date
    incidents: Count
    killed: Toll


@dataclass(frozen=True, slots=True)
class PeriodTotalRef:
    """A period total used by the summary: its report, source, period and place."""

    report: str
    source: str
    start: date | None
    end: date | None
    place: str | None
    partial: bool


@dataclass(frozen=True, slots=True)
class Summary:
    """A period summary of an area; build it with ``summarize``.

    ``incidents`` are those counted; ``left_out`` those in the area and dates that the counting
    rule leaves out (ungraded when unverified material is excluded, discounted always).
    """

    area: Area
    start: date
    end: date
    include_unverified: bool
    incidents: Count
    left_out: tuple[CountRow, ...]
    strikes: tuple[StrikeRow, ...]
    facilities: tuple[FacilityRow, ...]
    casualties: tuple[CasualtyRow, ...]
    by_grade: tuple[CountRow, ...]
    by_perpetrator: tuple[CountRow, ...]
    per_day: tuple[TimeRow, ...]
    per_week: tuple[TimeRow, ...]
    not_in_a_day: Count
    period_totals: tuple[PeriodTotalRef, ...]
    findings: tuple[Finding, ...]
    double_taps: tuple[DoubleTap, ...]
    double_tap_settings: DoubleTapSettings
    zone_violations: tuple[ZoneViolation, ...] | None
    repeat_attacks: tuple[RepeatAttack, ...]
    surges: tuple[Surge, ...] | None
    surge_settings: SurgeSettings

    @property
    def counting(self) -> str:
        """The counting rule, in words, as printed with the summary."""
        unverified = "included" if self.include_unverified else "excluded"
        return (
            f"ungraded (unverified) incidents {unverified}; discounted incidents listed by "
            "grade but never counted; period totals shown beside incident sums, never added"
        )


def _overlaps(first: date | None, last: date | None, start: date, end: date) -> bool:
    if first is None:
        return False
    return first <= end and (last or first) >= start


def _partial(report: Report, start: date, end: date) -> bool:
    """Whether a period total's dates reach outside start..end (or are unknown)."""
    if report.date_start is None:
        return True
    return not (report.date_start >= start and (report.date_end or report.date_start) <= end)


def _party(report: Report, figure: Figure) -> str | None:
    if figure.perpetrator:
        return figure.perpetrator
    return report.perpetrators[0] if len(report.perpetrators) == 1 else None


def _period_figures(
    reports: Sequence[Report], start: date, end: date
) -> dict[tuple[str, str], list[tuple[PeriodFigure, str | None]]]:
    """Period totals' figures by (kind, subject), each with its party."""
    out: dict[tuple[str, str], list[tuple[PeriodFigure, str | None]]] = defaultdict(list)
    for report in reports:
        partial = _partial(report, start, end)
        seen = set()
        for figure in report.figures:
            party = _party(report, figure)
            same = (figure.kind, figure.subject, figure.value, figure.bound, party)
            if same in seen:
                continue  # a figure repeated (headline, lead, quote) counts once
            seen.add(same)
            out[(figure.kind, figure.subject)].append(
                (
                    PeriodFigure(
                        value=figure.value,
                        bound=figure.bound,
                        report=report.key,
                        source=report.source,
                        start=report.date_start,
                        end=report.date_end,
                        perpetrator=party,
                        evidence=figure.evidence,
                        partial=partial,
                    ),
                    party,
                )
            )
    return out


_ANY_PARTY = object()


def _figures_for(
    figures: Mapping[tuple[str, str], list[tuple[PeriodFigure, str | None]]],
    kind: str,
    subject: str,
    party: object = _ANY_PARTY,
) -> tuple[PeriodFigure, ...]:
    """The period figures of a kind and subject (of one party, None: not split by party)."""
    return tuple(
        f for f, p in figures.get((kind, subject), ()) if party is _ANY_PARTY or p == party
    )


def _strike_rows(
    counted: Sequence[Incident],
    figures: Mapping[tuple[str, str], list[tuple[PeriodFigure, str | None]]],
) -> tuple[StrikeRow, ...]:
    rows = [
        StrikeRow(
            ALL,
            count_of((i.id, 1) for i in counted if i.id is not None),
            count_of((i.id, incident_strikes(i)) for i in counted if i.id is not None),
        )
    ]
    for weapon in vocab.WEAPONS:
        with_weapon = [
            i
            for i in counted
            if i.id is not None and (weapon in i.weapons or weapon in stated_strikes(i))
        ]
        stated = [
            (i.id, stated_strikes(i)[weapon]) for i in with_weapon if weapon in stated_strikes(i)
        ]
        period = _figures_for(figures, "strikes", weapon)
        if with_weapon or period:
            rows.append(
                StrikeRow(
                    weapon,
                    count_of((i.id, 1) for i in with_weapon if i.id is not None),
                    count_of((i, n) for i, n in stated if i is not None),
                    period,
                )
            )
    return tuple(rows)


def _facility_rows(
    counted: Sequence[Incident],
    figures: Mapping[tuple[str, str], list[tuple[PeriodFigure, str | None]]],
) -> tuple[FacilityRow, ...]:
    per_incident = [(i, facility_counts(i), perpetrator_of(i)) for i in counted if i.id is not None]
    parties = sorted(
        {p for _, c, p in per_incident if c}
        | {p for key, items in figures.items() if key[0] == "facilities_hit" for _, p in items if p}
    )
    rows = []
    for kind in ("any", *(t for t in vocab.FACILITY_TYPES if t != "any")):
        for party in (None, *parties):
            hits = count_of(
                (i.id, c[kind])
                for i, c, p in per_incident
                if kind in c and i.id is not None and (party is None or p == party)
            )
            period = _figures_for(figures, "facilities_hit", kind, party)
            if hits.value or period:
                rows.append(FacilityRow(kind, party, hits, period))
    return tuple(rows)


def _casualty_rows(
    counted: Sequence[Incident],
    figures: Mapping[tuple[str, str], list[tuple[PeriodFigure, str | None]]],
) -> tuple[CasualtyRow, ...]:
    parts: dict[tuple[str, str], list[tuple[int, int, int, int, frozenset[str]]]] = defaultdict(
        list
    )
    for incident in counted:
        assert incident.id is not None
        for kind in ("killed", "injured"):
            total = toll_of(incident, kind)
            if total is None:
                continue
            parts[(kind, "people")].append((incident.id, *total))
            for item in incident.tallies:
                if item.kind == kind and item.subject != "people":
                    best, low, high, docs = group_toll(incident, kind, item.subject)
                    parts[(kind, item.subject)].append((incident.id, best, low, high, docs))
    rows = []
    for kind in ("killed", "injured"):
        for group in vocab.VICTIM_GROUPS:
            given = parts.get((kind, group), [])
            period = _figures_for(figures, kind, group)
            if given or period:
                rows.append(CasualtyRow(kind, group, sum_tolls(given), period))
    return tuple(rows)


def _killed(incidents: Iterable[Incident]) -> Toll:
    parts = []
    for incident in incidents:
        total = toll_of(incident, "killed")
        if total is not None and incident.id is not None:
            parts.append((incident.id, *total))
    return sum_tolls(parts)


def _time_rows(
    counted: Sequence[Incident],
) -> tuple[tuple[TimeRow, ...], tuple[TimeRow, ...], Count]:
    days: dict[date, list[Incident]] = defaultdict(list)
    weeks: dict[date, list[Incident]] = defaultdict(list)
    loose = []
    for incident in counted:
        day = day_of(incident)
        if day is not None:
            days[day].append(incident)
            weeks[week_start(day)].append(incident)
            continue
        first, last = incident.first_date, incident.last_date or incident.first_date
        if first is not None and last is not None and week_start(first) == week_start(last):
            weeks[week_start(first)].append(incident)
        loose.append(incident)

    def row(start: date, end: date, items: list[Incident]) -> TimeRow:
        return TimeRow(
            start, end, count_of((i.id, 1) for i in items if i.id is not None), _killed(items)
        )

    per_day = tuple(row(d, d, days[d]) for d in sorted(days))
    per_week = tuple(row(w, w + timedelta(days=6), weeks[w]) for w in sorted(weeks))
    return per_day, per_week, count_of((i.id, 1) for i in loose if i.id is not None)


def _count_rows(
    incidents: Iterable[Incident], key: Callable[[Incident], str]
) -> tuple[CountRow, ...]:
    groups: dict[str, list[int]] = defaultdict(list)
    for incident in incidents:
        if incident.id is not None:
            groups[key(incident)].append(incident.id)
    return tuple(CountRow(k, Count(len(v), tuple(sorted(v)))) for k, v in groups.items())


def _grade_order(row: CountRow) -> int:
    order = [*vocab.GRADES, UNGRADED]
    return order.index(row.key) if row.key in order else len(order)


def _sum_findings(
    summary_rows: tuple[FacilityRow, ...], casualties: tuple[CasualtyRow, ...]
) -> list[Finding]:
    """Breakdown checks on the incident sums themselves (all parties together)."""
    findings = []
    facility_parts = [
        Part(r.type, r.hits.value) for r in summary_rows if r.perpetrator is None and r.hits.value
    ]
    ids = tuple(
        sorted({i for r in summary_rows if r.perpetrator is None for i in r.hits.incidents})
    )
    findings.extend(
        _relabel(check_breakdown("facilities_hit", facility_parts, incidents=ids), "in incidents")
    )
    for kind in ("killed", "injured"):
        rows = [r for r in casualties if r.kind == kind and r.toll.incidents]
        parts = [Part(r.group, r.toll.best) for r in rows]
        ids = tuple(sorted({i for r in rows for i in r.toll.incidents}))
        findings.extend(_relabel(check_breakdown(kind, parts, incidents=ids), "in incidents"))
    return findings


def _relabel(findings: list[Finding], where: str) -> list[Finding]:
    return [dataclasses.replace(f, message=f"{where}: {f.message}") for f in findings]


def summarize(
    incidents: Iterable[Incident],
    period_totals: Iterable[Report] = (),
    *,
    area: Area,
    start: date,
    end: date,
    include_unverified: bool = True,
    reports: Mapping[str, Report] | None = None,
    zones: Zones | None = None,
    double_tap: DoubleTapSettings | None = None,
    earlier: Iterable[Incident] | None = None,
    surge: SurgeSettings | None = None,
) -> Summary:
    """The summary of an area and date range.

    Args:
        incidents: stored incidents (with ids); those outside the area or dates are ignored.
        period_totals: period-total reports; those outside the area or dates are ignored.
        area: where (``Area.of_place``, ``Area.of_zone``, ``Area.of_bbox``).
        start, end: the dates, inclusive.
        include_unverified: count ungraded incidents (the summary says which).
        reports: the incidents' reports by key (times of day and words, for double taps).
        zones: zones to test for strikes while in force (None: no zone test).
        double_tap: double-tap settings (defaults: 300 m, one hour or the same day).
        earlier: the area's incidents before ``start``, for the surge baseline and earlier hits
            on the same facility (None: no surge test); outside-area ones are ignored.
        surge: surge settings (defaults: 12 weeks, robust z >= 3.5).
    """
    if end < start:
        raise InputError(f"the summary ends ({end}) before it starts ({start})")
    double_tap = double_tap or DoubleTapSettings()
    surge = surge or SurgeSettings()
    chosen = [
        i
        for i in incidents
        if area.contains(i.place) and _overlaps(i.first_date, i.last_date, start, end)
    ]
    if any(i.id is None for i in chosen):
        raise ValueError("summaries are made of stored incidents: every incident needs an id")

    def is_counted(incident: Incident) -> bool:
        if incident.grade in NEVER_COUNTED:
            return False
        return incident.grade is not None or include_unverified

    counted = [i for i in chosen if is_counted(i)]
    left = [i for i in chosen if not is_counted(i)]
    totals = [
        r
        for r in period_totals
        if r.period_total
        and area.contains(r.place)
        and _overlaps(r.date_start, r.date_end, start, end)
    ]
    figures = _period_figures(totals, start, end)
    facilities = _facility_rows(counted, figures)
    casualties = _casualty_rows(counted, figures)
    per_day, per_week, loose = _time_rows(counted)

    findings: list[Finding] = check_period_totals(totals)
    for incident in counted:
        findings.extend(check_incident(incident))
    findings.extend(_sum_findings(facilities, casualties))

    history = [
        i
        for i in earlier or ()
        if i.id is not None
        and area.contains(i.place)
        and i.first_date is not None
        and i.first_date < start
    ]
    seen = {i.id for i in counted}
    history = [i for i in history if is_counted(i) and i.id not in seen]
    return Summary(
        area=area,
        start=start,
        end=end,
        include_unverified=include_unverified,
        incidents=count_of((i.id, 1) for i in counted if i.id is not None),
        left_out=tuple(
            sorted(_count_rows(left, lambda i: i.grade or UNGRADED), key=lambda r: r.key)
        ),
        strikes=_strike_rows(counted, figures),
        facilities=facilities,
        casualties=casualties,
        by_grade=tuple(
            sorted(_count_rows(chosen, lambda i: i.grade or UNGRADED), key=_grade_order)
        ),
        by_perpetrator=tuple(
            sorted(
                _count_rows(counted, perpetrator_of),
                key=lambda r: (r.key == UNATTRIBUTED, -r.count.value, r.key),
            )
        ),
        per_day=per_day,
        per_week=per_week,
        not_in_a_day=loose,
        period_totals=tuple(
            PeriodTotalRef(
                r.key,
                r.source,
                r.date_start,
                r.date_end,
                r.place.id if r.place else None,
                _partial(r, start, end),
            )
            for r in totals
        ),
        findings=tuple(findings),
        double_taps=find_double_taps(counted, reports=reports, settings=double_tap),
        double_tap_settings=double_tap,
        zone_violations=find_zone_violations(counted, zones) if zones is not None else None,
        repeat_attacks=find_repeat_attacks([*history, *counted], start=start, end=end),
        surges=find_surges([*history, *counted], start=start, end=end, settings=surge)
        if earlier is not None
        else None,
        surge_settings=surge,
    )
