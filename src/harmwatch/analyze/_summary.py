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
    Facts,
    Group,
    day_of,
    facts_of,
    is_counted,
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
    "summarize_facts",
]


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
    An analysis that was not run is None: a quick summary (``summarize_facts``) runs none of
    double taps, zone violations, repeat attacks and surges, nor each source's own checks; the
    zone test needs zones and the surge test the weeks before ``start``.
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
    double_taps: tuple[DoubleTap, ...] | None
    double_tap_settings: DoubleTapSettings
    zone_violations: tuple[ZoneViolation, ...] | None
    repeat_attacks: tuple[RepeatAttack, ...] | None
    surges: tuple[Surge, ...] | None
    surge_settings: SurgeSettings
    quick: bool = False

    @property
    def counting(self) -> str:
        """The counting rule, in words, as printed with the summary."""
        unverified = "included" if self.include_unverified else "excluded"
        return (
            f"ungraded (unverified) incidents {unverified}; discounted incidents listed by "
            "grade but never counted; period totals shown beside incident sums, never added"
            + (
                "; quick summary: per-source checks, double taps, zone violations and repeat "
                "attacks not run"
                if self.quick
                else ""
            )
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
    counted: Sequence[Facts],
    figures: Mapping[tuple[str, str], list[tuple[PeriodFigure, str | None]]],
) -> tuple[StrikeRow, ...]:
    rows = [
        StrikeRow(
            ALL,
            count_of((f.id, 1) for f in counted),
            count_of((f.id, f.n_strikes) for f in counted),
        )
    ]
    for weapon in vocab.WEAPONS:
        with_weapon = [f for f in counted if weapon in f.weapons or weapon in f.strikes]
        period = _figures_for(figures, "strikes", weapon)
        if with_weapon or period:
            rows.append(
                StrikeRow(
                    weapon,
                    count_of((f.id, 1) for f in with_weapon),
                    count_of((f.id, f.strikes[weapon]) for f in with_weapon if weapon in f.strikes),
                    period,
                )
            )
    return tuple(rows)


def _facility_rows(
    counted: Sequence[Facts],
    figures: Mapping[tuple[str, str], list[tuple[PeriodFigure, str | None]]],
) -> tuple[FacilityRow, ...]:
    parties = sorted(
        {f.perpetrator for f in counted if f.facilities}
        | {p for key, items in figures.items() if key[0] == "facilities_hit" for _, p in items if p}
    )
    rows = []
    for kind in ("any", *(t for t in vocab.FACILITY_TYPES if t != "any")):
        having = [f for f in counted if kind in f.facilities]
        for party in (None, *parties):
            hits = count_of(
                (f.id, f.facilities[kind])
                for f in having
                if party is None or f.perpetrator == party
            )
            period = _figures_for(figures, "facilities_hit", kind, party)
            if hits.value or period:
                rows.append(FacilityRow(kind, party, hits, period))
    return tuple(rows)


def _casualty_rows(
    counted: Sequence[Facts],
    figures: Mapping[tuple[str, str], list[tuple[PeriodFigure, str | None]]],
) -> tuple[CasualtyRow, ...]:
    parts: dict[tuple[str, str], list[tuple[int, Group]]] = defaultdict(list)
    for facts in counted:
        for key, toll in facts.tolls.items():
            parts[key].append((facts.id, toll))
    rows = []
    for kind in ("killed", "injured"):
        for group in vocab.VICTIM_GROUPS:
            given = parts.get((kind, group), [])
            period = _figures_for(figures, kind, group)
            if given or period:
                rows.append(CasualtyRow(kind, group, sum_tolls(given), period))
    return tuple(rows)


def _killed(items: Iterable[Facts]) -> Toll:
    return sum_tolls((f.id, g) for f in items if (g := f.tolls.get(("killed", "people"))))


def _time_rows(
    counted: Sequence[Facts],
) -> tuple[tuple[TimeRow, ...], tuple[TimeRow, ...], Count]:
    days: dict[date, list[Facts]] = defaultdict(list)
    weeks: dict[date, list[Facts]] = defaultdict(list)
    loose = []
    for facts in counted:
        day = day_of(facts.first_date, facts.last_date, facts.time_precision)
        if day is not None:
            days[day].append(facts)
            weeks[week_start(day)].append(facts)
            continue
        first, last = facts.first_date, facts.last_date or facts.first_date
        if first is not None and last is not None and week_start(first) == week_start(last):
            weeks[week_start(first)].append(facts)
        loose.append(facts)

    def row(start: date, end: date, items: list[Facts]) -> TimeRow:
        return TimeRow(start, end, count_of((f.id, 1) for f in items), _killed(items))

    per_day = tuple(row(d, d, days[d]) for d in sorted(days))
    per_week = tuple(row(w, w + timedelta(days=6), weeks[w]) for w in sorted(weeks))
    return per_day, per_week, count_of((f.id, 1) for f in loose)


def _count_rows(items: Iterable[Facts], key: Callable[[Facts], str]) -> tuple[CountRow, ...]:
    groups: dict[str, list[int]] = defaultdict(list)
    for facts in items:
        groups[key(facts)].append(facts.id)
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


def _relevant_totals(
    period_totals: Iterable[Report], area: Area, start: date, end: date
) -> list[Report]:
    return [
        r
        for r in period_totals
        if r.period_total
        and area.contains(r.place)
        and _overlaps(r.date_start, r.date_end, start, end)
    ]


def summarize_facts(
    facts: Iterable[Facts],
    period_totals: Iterable[Report] = (),
    *,
    area: Area,
    start: date,
    end: date,
    include_unverified: bool = True,
    double_tap: DoubleTapSettings | None = None,
    baseline: Iterable[Facts] | None = None,
    baseline_weeks: Mapping[date, tuple[int, int]] | None = None,
    surge: SurgeSettings | None = None,
) -> Summary:
    """The summary's numbers from incidents' Facts (``facts_of``, ``facts_from_rows``).

    This is the quick summary: its tables, the period totals beside them, the arithmetic
    checks of period totals and of the sums, and surge weeks when ``baseline`` (the Facts of
    the weeks before ``start``) or ``baseline_weeks`` (their counted incidents and killed per
    week, ``weekly_counts``) is given. The analyses that need whole incidents (each
    source's own checks, double taps, zone violations, repeat attacks) are left out, and the
    summary says so; ``summarize`` runs them too.
    """
    if end < start:
        raise InputError(f"the summary ends ({end}) before it starts ({start})")
    chosen = [
        f
        for f in facts
        if area.contains(f.place) and _overlaps(f.first_date, f.last_date, start, end)
    ]
    counted = [f for f in chosen if is_counted(f.grade, include_unverified)]
    left = [f for f in chosen if not is_counted(f.grade, include_unverified)]
    totals = _relevant_totals(period_totals, area, start, end)
    figures = _period_figures(totals, start, end)
    facilities = _facility_rows(counted, figures)
    casualties = _casualty_rows(counted, figures)
    per_day, per_week, loose = _time_rows(counted)
    findings = [*check_period_totals(totals), *_sum_findings(facilities, casualties)]
    surge = surge or SurgeSettings()
    surges = None
    if baseline_weeks is not None:
        surges = find_surges(
            counted, start=start, end=end, settings=surge, baseline_weeks=baseline_weeks
        )
    elif baseline is not None:
        seen = {f.id for f in counted}
        before = [
            f
            for f in baseline
            if f.id not in seen
            and f.first_date is not None
            and f.first_date < start
            and area.contains(f.place)
            and is_counted(f.grade, include_unverified)
        ]
        surges = find_surges([*before, *counted], start=start, end=end, settings=surge)
    return Summary(
        area=area,
        start=start,
        end=end,
        include_unverified=include_unverified,
        incidents=count_of((f.id, 1) for f in counted),
        left_out=tuple(
            sorted(_count_rows(left, lambda f: f.grade or UNGRADED), key=lambda r: r.key)
        ),
        strikes=_strike_rows(counted, figures),
        facilities=facilities,
        casualties=casualties,
        by_grade=tuple(
            sorted(_count_rows(chosen, lambda f: f.grade or UNGRADED), key=_grade_order)
        ),
        by_perpetrator=tuple(
            sorted(
                _count_rows(counted, lambda f: f.perpetrator),
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
        double_taps=None,
        double_tap_settings=double_tap or DoubleTapSettings(),
        zone_violations=None,
        repeat_attacks=None,
        surges=surges,
        surge_settings=surge,
        quick=True,
    )


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
    baseline: Iterable[Facts] | None = None,
    baseline_weeks: Mapping[date, tuple[int, int]] | None = None,
    surge: SurgeSettings | None = None,
) -> Summary:
    """The summary of an area and date range, with every analysis.

    Args:
        incidents: stored incidents (with ids); those outside the area or dates are ignored.
        period_totals: period-total reports; those outside the area or dates are ignored.
        area: where (``Area.of_place``, ``Area.of_zone``, ``Area.of_bbox``).
        start, end: the dates, inclusive.
        include_unverified: count ungraded incidents (the summary says which).
        reports: the incidents' reports by key (times of day and words, for double taps).
        zones: zones to test for strikes while in force (None: no zone test).
        double_tap: double-tap settings (defaults: 300 m, one hour or the same day).
        earlier: incidents before ``start``: earlier hits on the same facilities, and the surge
            baseline unless ``baseline`` is given (None: no surge test without ``baseline``).
        baseline: the Facts of the area's incidents in the weeks before ``start``, for the
            surge baseline (the store's flat rows are quicker to read than whole incidents).
        baseline_weeks: or those weeks' counted incidents and killed (``weekly_counts``).
        surge: surge settings (defaults: 12 weeks, robust z >= 3.5).
    """
    double_tap = double_tap or DoubleTapSettings()
    surge = surge or SurgeSettings()
    chosen = [
        i
        for i in incidents
        if area.contains(i.place) and _overlaps(i.first_date, i.last_date, start, end)
    ]
    if any(i.id is None for i in chosen):
        raise ValueError("summaries are made of stored incidents: every incident needs an id")
    earlier = list(earlier) if earlier is not None else None
    if baseline is None and baseline_weeks is None and earlier is not None:
        baseline = [facts_of(i) for i in earlier if i.id is not None]
    numbers = summarize_facts(
        [facts_of(i) for i in chosen],
        period_totals,
        area=area,
        start=start,
        end=end,
        include_unverified=include_unverified,
        double_tap=double_tap,
        baseline=baseline,
        baseline_weeks=baseline_weeks,
        surge=surge,
    )
    counted = [i for i in chosen if is_counted(i.grade, include_unverified)]
    findings: list[Finding] = list(numbers.findings)
    at = len(check_period_totals(_relevant_totals(period_totals, area, start, end)))
    per_source = [f for incident in counted for f in check_incident(incident)]
    findings[at:at] = per_source
    seen = {i.id for i in counted}
    history = [
        i
        for i in earlier or ()
        if i.id is not None
        and i.id not in seen
        and area.contains(i.place)
        and i.first_date is not None
        and i.first_date < start
        and is_counted(i.grade, include_unverified)
    ]
    return dataclasses.replace(
        numbers,
        findings=tuple(findings),
        double_taps=find_double_taps(counted, reports=reports, settings=double_tap),
        zone_violations=find_zone_violations(counted, zones) if zones is not None else None,
        repeat_attacks=find_repeat_attacks([*history, *counted], start=start, end=end),
        quick=False,
    )
