"""The one JSON form of a summary (the CLI's ``--format json`` and, later, the API's).

Every number is an object that names what it was counted from: ``incidents`` (ids) for sums
over incidents, ``report`` (a period-total report's key) for a source's own figure. An analysis
that was not run (a quick summary, no zones, no baseline) is null.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from harmwatch.analyze._area import Area
from harmwatch.analyze._cells import Count, PeriodFigure, Toll
from harmwatch.analyze._consistency import Finding
from harmwatch.analyze._double_tap import DEFINITIONS, DoubleTap
from harmwatch.analyze._reading import FACILITY_TOTAL_RULE, STRIKES_RULE, TOLL_RULE
from harmwatch.analyze._repeats import RepeatAttack, Surge
from harmwatch.analyze._summary import CountRow, Summary, TimeRow
from harmwatch.analyze._zone_violations import ZONE_RULE, ZoneViolation
from harmwatch.serialize import place_to_dict

__all__ = ["summary_to_dict"]

PERIOD_TOTAL_LABEL = "a source's own total for a whole period and area: shown, never added"


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _count(count: Count) -> dict[str, Any]:
    return {"value": count.value, "incidents": list(count.incidents)}


def _toll(toll: Toll) -> dict[str, Any]:
    return {
        "best": toll.best,
        "low": toll.low,
        "high": toll.high,
        "incidents": list(toll.incidents),
        "sources": toll.sources,
    }


def _figure(figure: PeriodFigure) -> dict[str, Any]:
    return {
        "value": figure.value,
        "bound": figure.bound,
        "report": figure.report,
        "source": figure.source,
        "from": _day(figure.start),
        "to": _day(figure.end),
        "perpetrator": figure.perpetrator,
        "evidence": figure.evidence,
        "partial": figure.partial,
    }


def _area(area: Area) -> dict[str, Any]:
    out: dict[str, Any] = {"label": area.label, "kind": area.kind}
    if area.place is not None:
        out["place"] = place_to_dict(area.place)
    if area.zone is not None:
        out["zone"] = area.zone.to_dict()
    if area.bbox is not None:
        out["bbox"] = list(area.bbox)
    return out


def _rows(rows: tuple[CountRow, ...], name: str) -> list[dict[str, Any]]:
    return [{name: row.key, **_count(row.count)} for row in rows]


def _time(row: TimeRow, *, week: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"from": _day(row.start), "to": _day(row.end)}
    if week:
        year, number, _ = row.start.isocalendar()
        out = {"week": f"{year}-W{number:02d}", **out}
    else:
        out = {"date": _day(row.start)}
    return {**out, "incidents": _count(row.incidents), "killed": _toll(row.killed)}


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "check": finding.check,
        "severity": finding.severity,
        "message": finding.message,
        "kind": finding.kind,
        "total": finding.total,
        "parts": finding.parts,
        "remainder": finding.remainder,
        "incidents": list(finding.incidents),
        "reports": list(finding.reports),
    }


def _double_tap(tap: DoubleTap) -> dict[str, Any]:
    return {
        "incidents": list(tap.incidents),
        "basis": tap.basis,
        "distance_m": tap.distance_m,
        "gap_minutes": tap.gap_minutes,
        "same_day": tap.same_day,
        "order_known": tap.order_known,
        "responders_hit": tap.responders_hit,
        "evidence": list(tap.evidence),
    }


def _violation(row: ZoneViolation) -> dict[str, Any]:
    return {
        "zone": row.zone_id,
        "name": row.zone_name,
        "perpetrator": row.perpetrator,
        "incidents": _count(row.incidents),
        "strikes": _count(row.strikes),
        "in_force_from": _day(row.in_force_from),
        "in_force_to": _day(row.in_force_to),
        "source": row.source,
        "approximate": row.approximate,
    }


def _repeat(row: RepeatAttack) -> dict[str, Any]:
    return {
        "facility": row.facility,
        "name": row.name,
        "type": row.type,
        "hits": [{"incident": i, "date": _day(d)} for i, d in row.hits],
        "times_hit": len(row.hits),
        "in_period": row.in_period,
        "incidents": [i for i, _ in row.hits],
    }


def _surge(row: Surge) -> dict[str, Any]:
    year, number, _ = row.week.isocalendar()
    return {
        "week": f"{year}-W{number:02d}",
        "from": _day(row.week),
        "measure": row.measure,
        "value": row.value,
        "baseline_median": row.median,
        "baseline_mad": row.mad,
        "score": row.score,
        "incidents": list(row.incidents),
    }


def summary_to_dict(summary: Summary) -> dict[str, Any]:
    """The summary as JSON-ready values; every number names the incidents or report behind it."""
    return {
        "area": _area(summary.area),
        "from": _day(summary.start),
        "to": _day(summary.end),
        "unverified": "included" if summary.include_unverified else "excluded",
        "quick": summary.quick,
        "counting": summary.counting,
        "incidents": _count(summary.incidents),
        "left_out": _rows(summary.left_out, "grade"),
        "rules": {
            "killed_total": TOLL_RULE,
            "facilities": FACILITY_TOTAL_RULE,
            "strikes": STRIKES_RULE,
            "period_totals": PERIOD_TOTAL_LABEL,
        },
        "strikes": [
            {
                "weapon": row.weapon,
                "incidents": _count(row.incidents),
                "strikes": _count(row.strikes),
                "period_totals": [_figure(f) for f in row.period_totals],
            }
            for row in summary.strikes
        ],
        "facilities": [
            {
                "type": row.type,
                "perpetrator": row.perpetrator,
                "hits": _count(row.hits),
                "period_totals": [_figure(f) for f in row.period_totals],
            }
            for row in summary.facilities
        ],
        "casualties": [
            {
                "kind": row.kind,
                "group": row.group,
                "incidents": _toll(row.toll),
                "period_totals": [_figure(f) for f in row.period_totals],
            }
            for row in summary.casualties
        ],
        "by_grade": _rows(summary.by_grade, "grade"),
        "by_perpetrator": _rows(summary.by_perpetrator, "perpetrator"),
        "per_day": [_time(row, week=False) for row in summary.per_day],
        "per_week": [_time(row, week=True) for row in summary.per_week],
        "not_in_a_day": _count(summary.not_in_a_day),
        "period_totals": [
            {
                "report": ref.report,
                "source": ref.source,
                "from": _day(ref.start),
                "to": _day(ref.end),
                "place": ref.place,
                "partial": ref.partial,
                "label": PERIOD_TOTAL_LABEL,
            }
            for ref in summary.period_totals
        ],
        "consistency": [_finding(f) for f in summary.findings],
        "double_taps": {
            "settings": {
                "distance_m": summary.double_tap_settings.distance_m,
                "town_distance_m": summary.double_tap_settings.town_distance_m,
                "near_distance_m": summary.double_tap_settings.near_distance_m,
                "window_minutes": summary.double_tap_settings.window_minutes,
                "same_day": summary.double_tap_settings.same_day,
                "require_responders": summary.double_tap_settings.require_responders,
            },
            "rule": summary.double_tap_settings.describe(),
            "definitions": [{"by": d.by, "says": d.says, "url": d.url} for d in DEFINITIONS],
            "found": None
            if summary.double_taps is None
            else [_double_tap(t) for t in summary.double_taps],
        },
        "zone_violations": None
        if summary.zone_violations is None
        else {"rule": ZONE_RULE, "rows": [_violation(v) for v in summary.zone_violations]},
        "repeat_attacks": None
        if summary.repeat_attacks is None
        else [_repeat(r) for r in summary.repeat_attacks],
        "surges": None
        if summary.surges is None
        else {
            "statistic": summary.surge_settings.describe(),
            "weeks": [_surge(s) for s in summary.surges],
        },
    }
