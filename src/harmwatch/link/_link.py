"""Reports -> incidents: blocking, scoring, clustering, stable ids, and the incidents built.

The result depends only on the reports, the analysts' decisions and the previous membership,
never on the order reports come in: linking the same store twice gives the same incidents
with the same ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from harmwatch.link._blocking import candidate_pairs
from harmwatch.link._cluster import Constraints, cluster_pairs
from harmwatch.link._incidents import build_incident
from harmwatch.link._scoring import score_pairs
from harmwatch.link._settings import DEFAULT_SETTINGS, LinkSettings
from harmwatch.link._table import to_table
from harmwatch.model import Incident, LinkDecision, Report

__all__ = ["LINKER_VERSION", "LinkResult", "link_reports", "score_reports"]

LINKER_VERSION = "harmwatch-link-1"
"""Recorded in the audit entry of every link run."""


@dataclass(frozen=True, slots=True)
class LinkResult:
    """Incidents (ids kept from ``previous`` where their reports stayed together, None for
    new ones), the period totals left beside them, the previous ids no incident kept, the
    analysts' decisions that clashed, and how many pairs were compared and linked."""

    incidents: tuple[Incident, ...]
    period_totals: tuple[str, ...]
    retired: tuple[int, ...]
    conflicts: tuple[str, ...]
    pairs: int
    links: int

    def __repr__(self) -> str:
        return (
            f"LinkResult({len(self.incidents)} incidents, {len(self.period_totals)} period "
            f"totals, {len(self.retired)} retired, {self.pairs} pairs compared)"
        )


def _constraints(
    decisions: Sequence[LinkDecision], rows: Mapping[str, int]
) -> tuple[Constraints, list[str]]:
    must: list[tuple[int, int]] = []
    cannot: set[tuple[int, int]] = set()
    pinned: dict[int, int] = {}
    for decision in decisions:
        members = sorted({rows[k] for k in decision.reports if k in rows})
        if decision.kind == "pin":
            assert decision.incident_id is not None
            for row in members:
                pinned[row] = decision.incident_id
            continue
        between = {(a, b) for n, a in enumerate(members) for b in members[n + 1 :]}
        if decision.kind == "must_link":
            cannot -= between
            must += [(members[0], row) for row in members[1:]]
        else:
            cannot |= between
            must = [pair for pair in must if (min(pair), max(pair)) not in between]
    return Constraints(must=must, cannot=cannot, pinned=pinned), []


def _assign_ids(
    groups: list[list[int]],
    keys: Sequence[str],
    previous: Mapping[str, int],
    pinned: Mapping[int, int],
) -> tuple[list[int | None], list[int]]:
    ids: list[int | None] = [None] * len(groups)
    taken: set[int] = set()
    for n, rows in enumerate(groups):
        pins = {pinned[r] for r in rows if r in pinned}
        if pins:
            ids[n] = min(pins)
            taken.add(min(pins))
    overlaps = [Counter(previous[keys[r]] for r in rows if keys[r] in previous) for rows in groups]
    order = sorted(
        (n for n in range(len(groups)) if ids[n] is None and overlaps[n]),
        key=lambda n: (-max(overlaps[n].values()), keys[groups[n][0]]),
    )
    for n in order:
        for incident_id, _ in sorted(overlaps[n].items(), key=lambda item: (-item[1], item[0])):
            if incident_id not in taken:
                ids[n] = incident_id
                taken.add(incident_id)
                break
    retired = sorted(set(previous.values()) - taken)
    return ids, retired


def link_reports(
    reports: Sequence[Report],
    *,
    decisions: Sequence[LinkDecision] = (),
    previous: Mapping[str, int] | None = None,
    settings: LinkSettings = DEFAULT_SETTINGS,
) -> LinkResult:
    """Link reports into incidents.

    Args:
        reports: the reports to link (period totals among them stay apart, never linked).
        decisions: analysts' must-link, cannot-link and pin decisions, oldest first; a later
            decision overrides an earlier one it contradicts.
        previous: report key -> incident id from the last run; an incident keeps the id of
            the previous incident it shares most reports with.
        settings: blocking limits, weights and thresholds.
    """
    ordered = sorted(reports, key=lambda r: r.key)
    events = [r for r in ordered if not r.period_total]
    period_totals = tuple(r.key for r in ordered if r.period_total)
    keys = [r.key for r in events]
    rows = {key: n for n, key in enumerate(keys)}
    constraints, conflicts = _constraints(decisions, rows)

    table = to_table(events)
    i, j = candidate_pairs(table, settings)
    scores = score_pairs(table, i, j, settings)
    assert isinstance(scores, np.ndarray)
    days = np.where(table.exact, table.lo, -1)
    labels, clashes = cluster_pairs(len(events), i, j, scores, settings, constraints, days)
    conflicts += [
        f"reports {keys[a]} and {keys[b]} must be linked, but another decision keeps them apart"
        for a, b in clashes
    ]

    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    groups = [g.tolist() for g in np.split(order, bounds)] if len(order) else []
    ids, retired = _assign_ids(groups, keys, previous or {}, constraints.pinned)
    incidents = [
        build_incident([events[r] for r in rows_], incident_id=incident_id)
        for rows_, incident_id in zip(groups, ids, strict=True)
    ]
    incidents.sort(key=lambda x: (x.first_date is None, x.first_date, x.reports[0]))
    return LinkResult(
        incidents=tuple(incidents),
        period_totals=period_totals,
        retired=tuple(retired),
        conflicts=tuple(conflicts),
        pairs=len(i),
        links=int((scores >= settings.link_threshold).sum()),
    )


def score_reports(
    a: Report, b: Report, *, settings: LinkSettings = DEFAULT_SETTINGS
) -> dict[str, float]:
    """Each comparison's weight for two reports, and their ``total`` (0 weights when blocking
    would never compare them, with ``compared`` 0)."""
    table = to_table([a, b])
    compared, _ = candidate_pairs(table, settings)
    one, two = np.array([0]), np.array([1])
    parts = score_pairs(table, one, two, settings, parts=True)
    assert isinstance(parts, dict)
    out = {name: float(values[0]) for name, values in parts.items()}
    out["total"] = sum(out.values())
    out["compared"] = float(len(compared))
    return out
