"""Arithmetic consistency: breakdowns against their totals, ranges in order, sources that differ.

A breakdown that does not add up is shown with its remainder named ("32 of 47 facilities have a
stated type: 15 of unreported type"); parts larger than their total and a source's best outside
its own range are errors in the source; totals that differ across sources become a range with
every source named. Nothing is corrected: the findings sit beside the numbers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from harmwatch import vocab
from harmwatch.model import Figure, Incident, Report

__all__ = [
    "CHECKS",
    "SEVERITIES",
    "Finding",
    "Part",
    "check_breakdown",
    "check_incident",
    "check_period_totals",
    "check_report_figures",
]

CHECKS: tuple[str, ...] = ("breakdown", "part_exceeds_total", "range_order", "sources_disagree")
SEVERITIES: tuple[str, ...] = ("ok", "note", "error")

# Bounds under which a total is a minimum: parts above it do not contradict it.
_MINIMUM_BOUNDS = frozenset(("at_least", "more_than"))

# Groups that overlap the others (a rescuer is also a man or a woman): each must fit in the
# total but they are not added to the breakdown.
_OVERLAPPING = ("medical_staff", "rescuers", "patients", "family_members", "other")


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of a check: what was compared, the message, and what it was read from.

    ``severity`` is ``ok`` (adds up), ``note`` (a remainder, a spread across sources) or
    ``error`` (impossible as stated: an error in the source or in its extraction).
    """

    check: str
    severity: str
    message: str
    kind: str | None = None
    total: int | None = None
    parts: int | None = None
    remainder: int | None = None
    incidents: tuple[int, ...] = ()
    reports: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        vocab.check_value("check", self.check, CHECKS)
        vocab.check_value("severity", self.severity, SEVERITIES)


@dataclass(frozen=True, slots=True)
class Part:
    """A number in a breakdown: subject, value, bound and party (None: not split by party)."""

    subject: str
    value: int
    bound: str = "exact"
    perpetrator: str | None = None


@dataclass(frozen=True, slots=True)
class _Rule:
    """A total and the disjoint groups that break it down, for kinds of figure."""

    kinds: tuple[str, ...]
    total: str
    parts: tuple[str, ...]
    needs: str | None = None  # this subject must be present for the rule to apply
    lacks: str | None = None  # this subject must be absent


_CASUALTY = ("killed", "injured")
BREAKDOWN_RULES: tuple[_Rule, ...] = (
    _Rule(("facilities_hit",), "any", tuple(t for t in vocab.FACILITY_TYPES if t != "any")),
    _Rule(_CASUALTY, "people", ("civilians", "fighters"), needs="civilians"),
    _Rule(_CASUALTY, "civilians", ("children", "women", "men")),
    _Rule(_CASUALTY, "people", ("children", "women", "men", "fighters"), lacks="civilians"),
)


def _word(kind: str) -> str:
    return {"facilities_hit": "facilities", "strikes": "strikes"}.get(kind, kind)


def _plural(subject: str) -> str:
    return subject.replace("_", " ")


def _message(kind: str, total: Part, parts: dict[str, int], rule: _Rule) -> tuple[str, str, int]:
    """(severity, message, remainder) for one breakdown."""
    summed = sum(parts.values())
    remainder = total.value - summed
    minimum = total.bound in _MINIMUM_BOUNDS
    at_least = "at least " if minimum else ""
    if kind == "facilities_hit":
        head = f"{summed} of {at_least}{total.value} facilities have a stated type"
        if remainder > 0:
            return "note", f"{head}: {remainder} of unreported type", remainder
    else:
        terms = " + ".join(f"{v} {_plural(s)}" for s, v in parts.items())
        of_what = "" if total.subject == "people" else f" {_plural(total.subject)}"
        head = f"{terms} = {summed} of {at_least}{total.value}{of_what} {_word(kind)}"
        if remainder > 0:
            return "note", f"{head}: {remainder} not broken down", remainder
    if remainder == 0:
        return "ok", f"{head}: adds up", 0
    if minimum:
        return "note", f"{head}: the parts exceed the stated minimum by {-remainder}", remainder
    return (
        "error",
        f"{head}: the parts exceed the total by {-remainder} (an error in the source)",
        remainder,
    )


def _in_scope(total: Part, part: Part) -> bool:
    """A total by one named party covers that party's parts (and parts naming none)."""
    if total.perpetrator is None or " or " in total.perpetrator:
        return True
    return part.perpetrator in (None, total.perpetrator)


def check_breakdown(
    kind: str,
    figures: Sequence[Part],
    *,
    incidents: tuple[int, ...] = (),
    reports: tuple[str, ...] = (),
    notes: bool = True,
) -> list[Finding]:
    """Check one source's (or one sum's) figures of one kind against the breakdown rules.

    Args:
        kind: the kind of every figure (``killed``, ``injured``, ``facilities_hit``).
        figures: the figures; repeats of the same subject, party and value count once.
        incidents, reports: what the figures were read from, carried into each finding.
        notes: also return ``ok`` and ``note`` findings (else only errors).
    """
    unique = list(dict.fromkeys(figures))
    subjects = {f.subject for f in unique}
    findings: list[Finding] = []
    for rule in BREAKDOWN_RULES:
        if kind not in rule.kinds or rule.total not in subjects:
            continue
        if (rule.needs and rule.needs not in subjects) or (rule.lacks and rule.lacks in subjects):
            continue
        totals = [f for f in unique if f.subject == rule.total]
        by_party: dict[str | None, list[Part]] = defaultdict(list)
        for total in totals:
            by_party[total.perpetrator].append(total)
        for same in by_party.values():
            total = max(same, key=lambda f: f.value)
            if len({f.value for f in same}) > 1:
                values = ", ".join(str(f.value) for f in same)
                findings.append(
                    Finding(
                        "sources_disagree",
                        "note",
                        f"the same source gives {len(same)} totals of {_plural(rule.total)} "
                        f"{_word(kind)} ({values}); the largest is checked",
                        kind=kind,
                        incidents=incidents,
                        reports=reports,
                    )
                )
            parts: dict[str, int] = {}
            for subject in rule.parts:
                value = sum(f.value for f in unique if f.subject == subject and _in_scope(total, f))
                if any(f.subject == subject and _in_scope(total, f) for f in unique):
                    parts[subject] = value
            if parts:
                severity, message, remainder = _message(kind, total, parts, rule)
                if notes or severity == "error":
                    findings.append(
                        Finding(
                            "breakdown",
                            severity,
                            message,
                            kind=kind,
                            total=total.value,
                            parts=sum(parts.values()),
                            remainder=remainder,
                            incidents=incidents,
                            reports=reports,
                        )
                    )
    if kind in _CASUALTY:
        top = "people" if "people" in subjects else "civilians"
        for total in unique:
            if total.subject == top:
                findings.extend(
                    _overlapping(kind, total, unique, incidents=incidents, reports=reports)
                )
    return list(dict.fromkeys(findings))


def _overlapping(
    kind: str,
    total: Part,
    figures: Sequence[Part],
    *,
    incidents: tuple[int, ...],
    reports: tuple[str, ...],
) -> list[Finding]:
    """A group that overlaps the breakdown (rescuers, patients...) must still fit its total."""
    if total.bound in _MINIMUM_BOUNDS:
        return []
    out = []
    for subject in _OVERLAPPING:
        value = max(
            (f.value for f in figures if f.subject == subject and _in_scope(total, f)), default=0
        )
        if value > total.value:
            out.append(
                Finding(
                    "part_exceeds_total",
                    "error",
                    f"{value} {_plural(subject)} {_word(kind)} is more than the {total.value} "
                    f"{_word(kind)} in all (an error in the source)",
                    kind=kind,
                    total=total.value,
                    parts=value,
                    remainder=total.value - value,
                    incidents=incidents,
                    reports=reports,
                )
            )
    return out


def _range_order(figure: Figure) -> str | None:
    """Why a figure's own range is out of order (low <= value <= high), or None."""
    low, high = figure.low, figure.high
    if low is not None and high is not None and low > high:
        return f"its low {low} is above its high {high}"
    if low is not None and figure.value < low:
        return f"its best {figure.value} is below its low {low}"
    if high is not None and figure.value > high:
        return f"its best {figure.value} is above its high {high}"
    return None


def _range_findings(
    figures: Iterable[Figure], *, incidents: tuple[int, ...], reports: tuple[str, ...]
) -> list[Finding]:
    out = []
    for figure in dict.fromkeys(figures):
        why = _range_order(figure)
        if why:
            out.append(
                Finding(
                    "range_order",
                    "error",
                    f"{figure.value} {_plural(figure.subject)} {_word(figure.kind)}: {why} "
                    "(an error in the source)",
                    kind=figure.kind,
                    incidents=incidents,
                    reports=reports,
                )
            )
    return out


def _parts(figures: Iterable[Figure], party: str | None = None) -> dict[str, list[Part]]:
    by_kind: dict[str, list[Part]] = defaultdict(list)
    for f in figures:
        by_kind[f.kind].append(Part(f.subject, f.value, f.bound, f.perpetrator or party))
    return by_kind


def check_report_figures(
    figures: Sequence[Figure],
    *,
    reports: tuple[str, ...],
    incidents: tuple[int, ...] = (),
    party: str | None = None,
    notes: bool = True,
) -> list[Finding]:
    """Every check on one source's figures: breakdowns per kind and each figure's range.

    ``party`` is the source's one perpetrator, for figures that name none.
    """
    findings = _range_findings(figures, incidents=incidents, reports=reports)
    for kind, parts in _parts(figures, party).items():
        findings.extend(
            check_breakdown(kind, parts, incidents=incidents, reports=reports, notes=notes)
        )
    return findings


def _short(source: str) -> str:
    return source.rstrip("/").rsplit("/", 1)[-1] or source


def _bounded(figure: Figure) -> str:
    words = {"at_least": "at least ", "more_than": "more than ", "about": "about ",
             "up_to": "up to "}  # fmt: skip
    return f"{words.get(figure.bound, '')}{figure.value}"


def check_incident(incident: Incident) -> list[Finding]:
    """Errors in each of an incident's sources (read back from its tallies) and the spread of
    its tallies across sources."""
    assert incident.id is not None
    ids = (incident.id,)
    by_report: dict[str, list[Figure]] = defaultdict(list)
    for item in incident.tallies:
        for key, figure in item.figures:
            by_report[key].append(figure)
    findings: list[Finding] = []
    for key in sorted(by_report):
        findings.extend(
            check_report_figures(by_report[key], reports=(key,), incidents=ids, notes=False)
        )
    sources = {ref.report_key: ref.source for ref in incident.sources}
    for item in incident.tallies:
        if item.low == item.high:
            continue
        given = "; ".join(
            f"{_short(sources.get(key, key))}: {_bounded(figure)}" for key, figure in item.figures
        )
        findings.append(
            Finding(
                "sources_disagree",
                "note",
                f"incident {incident.id}: {_plural(item.subject)} {_word(item.kind)} "
                f"{item.low}-{item.high} across sources ({given}); best {item.best} by {item.rule}",
                kind=item.kind,
                total=item.best,
                incidents=ids,
                reports=tuple(dict.fromkeys(key for key, _ in item.figures)),
            )
        )
    return findings


def check_period_totals(reports: Sequence[Report]) -> list[Finding]:
    """Breakdown and range checks on each period total, and totals of the same area and period
    that differ across sources (shown as a range with each source)."""
    findings: list[Finding] = []
    for report in reports:
        party = report.perpetrators[0] if len(report.perpetrators) == 1 else None
        findings.extend(check_report_figures(report.figures, reports=(report.key,), party=party))
    groups: dict[tuple[object, ...], list[tuple[Report, Figure]]] = defaultdict(list)
    for report in reports:
        place = report.place.id if report.place else None
        for figure in report.figures:
            key = (place, report.date_start, report.date_end, figure.kind, figure.subject,
                   figure.perpetrator)  # fmt: skip
            groups[key].append((report, figure))
    for (_, start, end, kind, subject, _), items in groups.items():
        by_source = {r.key: (r, f) for r, f in items}
        if len(by_source) < 2 or len({f.value for _, f in by_source.values()}) < 2:
            continue
        values = [f.value for _, f in by_source.values()]
        given = "; ".join(f"{_short(r.source)}: {_bounded(f)}" for r, f in by_source.values())
        findings.append(
            Finding(
                "sources_disagree",
                "note",
                f"period totals for {start}-{end}: {_plural(str(subject))} {_word(str(kind))} "
                f"{min(values)}-{max(values)} across sources ({given})",
                kind=str(kind),
                total=max(values),
                reports=tuple(by_source),
            )
        )
    return findings
