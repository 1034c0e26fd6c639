"""A summary as titled tables of text, and as Markdown: what people read.

``summary_tables`` is the one layout; the CLI draws it with Rich, ``format_summary_markdown``
writes it as Markdown. Period totals have a column of their own, labelled, beside the sums.
"""

from __future__ import annotations

from dataclasses import dataclass

from harmwatch.analyze._cells import Count, PeriodFigure, Toll
from harmwatch.analyze._double_tap import DEFINITIONS
from harmwatch.analyze._reading import FACILITY_TOTAL_RULE, STRIKES_RULE, TOLL_RULE
from harmwatch.analyze._summary import Summary
from harmwatch.analyze._zone_violations import ZONE_RULE

__all__ = ["TextTable", "format_summary_markdown", "summary_heading", "summary_tables"]

_BOUNDS = {"at_least": "at least ", "more_than": "more than ", "about": "about ", "up_to": "up to "}
PERIOD_COLUMN = "period totals (a source's own; not added)"


@dataclass(frozen=True, slots=True)
class TextTable:
    """One table: a title, column names, rows of text, and notes printed under it."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()


def _label(value: str | None) -> str:
    return "all parties" if value is None else value.replace("_", " ")


def _ids(count: Count | Toll) -> str:
    ids = count.incidents
    if not ids:
        return ""
    shown = ", ".join(map(str, ids[:8]))
    return shown + (f" and {len(ids) - 8} more" if len(ids) > 8 else "")


def _toll(toll: Toll) -> str:
    if toll.low == toll.high == toll.best:
        return str(toll.best)
    return f"{toll.best} ({toll.low}-{toll.high})"


def _short(source: str) -> str:
    return source.rstrip("/").rsplit("/", 1)[-1] or source


def _key(report: str) -> str:
    """A report key shortened for a table (``<sha256[:12]>:<ordinal>``)."""
    document, _, rest = report.partition(":")
    return f"{document[:12]}:{rest}" if rest else document[:12]


def _period(figures: tuple[PeriodFigure, ...]) -> str:
    parts = []
    for f in figures:
        when = f"{f.start}..{f.end}" if f.start and f.end and f.start != f.end else f"{f.start}"
        party = f", {f.perpetrator}" if f.perpetrator else ""
        partial = ", partly outside the dates" if f.partial else ""
        parts.append(
            f"{_BOUNDS.get(f.bound, '')}{f.value} ({_short(f.source)}, {when}{party}{partial})"
        )
    return "; ".join(parts)


def summary_heading(summary: Summary) -> list[str]:
    """The lines above the tables: area, dates, what was counted."""
    return [
        f"Summary of {summary.area.label}, {summary.start} to {summary.end}",
        f"{summary.incidents.value} incident(s) counted; {summary.counting}.",
        *(
            f"Left out: {row.count.value} {row.key} incident(s) ({_ids(row.count)})"
            for row in summary.left_out
        ),
    ]


def summary_tables(summary: Summary) -> list[TextTable]:
    """The summary's tables, in reading order."""
    tables = [
        TextTable(
            "Strikes by weapon",
            ("weapon", "incidents", "stated strikes", PERIOD_COLUMN),
            tuple(
                (
                    _label(r.weapon),
                    str(r.incidents.value),
                    str(r.strikes.value),
                    _period(r.period_totals),
                )
                for r in summary.strikes
            ),
            (f"all: {STRIKES_RULE}.",),
        ),
        TextTable(
            "Facilities hit, by type and perpetrator",
            ("type", "perpetrator", "in incidents", PERIOD_COLUMN),
            tuple(
                (
                    "all types" if r.type == "any" else _label(r.type),
                    _label(r.perpetrator),
                    str(r.hits.value),
                    _period(r.period_totals),
                )
                for r in summary.facilities
            ),
            (f"{FACILITY_TOTAL_RULE}.",),
        ),
        TextTable(
            "Killed and injured, by victim group",
            ("", "group", "best (low-high)", "incidents", "sources", PERIOD_COLUMN),
            tuple(
                (
                    r.kind,
                    "all (people)" if r.group == "people" else _label(r.group),
                    _toll(r.toll),
                    str(len(r.toll.incidents)),
                    str(r.toll.sources),
                    _period(r.period_totals),
                )
                for r in summary.casualties
            ),
            (f"people: {TOLL_RULE}.",),
        ),
        TextTable(
            "Incidents by grade",
            ("grade", "incidents", "ids"),
            tuple((r.key, str(r.count.value), _ids(r.count)) for r in summary.by_grade),
        ),
        TextTable(
            "Incidents by perpetrator",
            ("perpetrator", "incidents", "ids"),
            tuple((r.key, str(r.count.value), _ids(r.count)) for r in summary.by_perpetrator),
        ),
        TextTable(
            "Per week (ISO weeks, Monday to Sunday)",
            ("week", "incidents", "killed"),
            tuple(
                (f"{r.start}..{r.end}", str(r.incidents.value), _toll(r.killed))
                for r in summary.per_week
            ),
        ),
        TextTable(
            "Per day",
            ("date", "incidents", "killed"),
            tuple((str(r.start), str(r.incidents.value), _toll(r.killed)) for r in summary.per_day),
            (f"{summary.not_in_a_day.value} incident(s) dated only to a wider period",)
            if summary.not_in_a_day.value
            else (),
        ),
        TextTable(
            "Consistency",
            ("severity", "finding", "from"),
            tuple(
                (
                    f.severity,
                    f.message,
                    ", ".join([*map(str, f.incidents), *map(_key, f.reports)]),
                )
                for f in summary.findings
            ),
        ),
    ]
    if summary.double_taps is not None:
        tables.append(
            TextTable(
                "Double taps",
                ("incidents", "basis", "distance", "gap", "responders hit", "words"),
                tuple(
                    (
                        " then ".join(map(str, t.incidents))
                        if t.order_known
                        else " and ".join(map(str, t.incidents)),
                        t.basis,
                        "" if t.distance_m is None else f"{t.distance_m} m",
                        f"{t.gap_minutes} min"
                        if t.gap_minutes is not None
                        else ("same day" if t.same_day else ""),
                        {True: "yes", False: "no", None: "not known"}[t.responders_hit],
                        "; ".join(t.evidence),
                    )
                    for t in summary.double_taps
                ),
                (
                    f"Rule: {summary.double_tap_settings.describe()}.",
                    *(f"Compare: {d.by}: {d.says}." for d in DEFINITIONS),
                ),
            )
        )
    if summary.zone_violations is not None:
        tables.append(
            TextTable(
                "Strikes inside a zone while in force",
                ("zone", "perpetrator", "incidents", "strikes", "in force", "boundary", "source"),
                tuple(
                    (
                        v.zone_name,
                        v.perpetrator,
                        str(v.incidents.value),
                        str(v.strikes.value),
                        f"{v.in_force_from or ''}..{v.in_force_to or ''}",
                        "approximate" if v.approximate else "as published",
                        (v.source or "").split("; ")[0]
                        + (" ..." if "; " in (v.source or "") else ""),
                    )
                    for v in summary.zone_violations
                ),
                (f"Rule: {ZONE_RULE}.",),
            )
        )
    if summary.repeat_attacks is not None:
        tables.append(
            TextTable(
                "Facilities hit more than once",
                ("facility", "type", "times hit", "in these dates", "hits"),
                tuple(
                    (
                        r.name or r.facility,
                        _label(r.type),
                        str(len(r.hits)),
                        str(r.in_period),
                        ", ".join(f"{i} ({d})" for i, d in r.hits),
                    )
                    for r in summary.repeat_attacks
                ),
            )
        )
    if summary.surges is not None:
        tables.append(
            TextTable(
                "Surge weeks",
                ("week", "measure", "value", "baseline median", "score"),
                tuple(
                    (str(s.week), s.measure, str(s.value), f"{s.median:g}", f"{s.score:g}")
                    for s in summary.surges
                ),
                (f"Statistic: {summary.surge_settings.describe()}.",),
            )
        )
    return tables


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def format_summary_markdown(summary: Summary) -> str:
    """The summary as Markdown: a heading, then each table with its notes."""
    heading = summary_heading(summary)
    lines = [f"# {heading[0]}", "", *heading[1:], ""]
    for table in summary_tables(summary):
        lines += [f"## {table.title}", ""]
        if table.rows:
            lines.append("| " + " | ".join(_md_cell(c) for c in table.columns) + " |")
            lines.append("|" + "---|" * len(table.columns))
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in table.rows]
        else:
            lines.append("None.")
        lines.append("")
        lines += [f"_{_md_cell(note)}_" for note in table.notes]
        if table.notes:
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
