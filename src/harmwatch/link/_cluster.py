"""Clustering: scored pairs -> groups of reports, one group per strike.

Linking by connected components alone lets a chain of links (A~B, B~C) join two strikes (A and
C, a day apart) that no source ever tied together. Here a group is accepted as it is only when
every pair in it is a link (a clique); any other group is rebuilt by average linkage: two
groups merge, best first, only when the average score over *all* their pairs (a pair blocking
never compared counts as ``missing_pair``) reaches ``merge_threshold`` and at least one pair
between them is a link. Two groups that each have a day confirmed by two sources, and not the
same day, are two strikes and never merge. Analysts' decisions are constraints: must-link groups
start together, cannot-link pairs and groups pinned to different incidents never merge.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from harmwatch.link._settings import LinkSettings

__all__ = ["Constraints", "cluster_pairs", "components"]

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass(slots=True)
class Constraints:
    """Analysts' decisions in row numbers: pairs that must or cannot share a group, pins."""

    must: list[tuple[int, int]] = field(default_factory=list)
    cannot: set[tuple[int, int]] = field(default_factory=set)
    pinned: dict[int, int] = field(default_factory=dict)

    def rows(self) -> set[int]:
        """Every row a constraint names."""
        found = {r for pair in self.must for r in pair} | set(self.pinned)
        return found | {r for pair in self.cannot for r in pair}


def components(n: int, i: Ints, j: Ints) -> Ints:
    """The connected components of the graph on ``n`` nodes with edges (i, j): for each node
    the smallest node of its component."""
    parent = np.arange(n, dtype=np.int64)
    if len(i) == 0:
        return parent
    while True:
        pi, pj = parent[i], parent[j]
        low, high = np.minimum(pi, pj), np.maximum(pi, pj)
        moved = low != high
        if not moved.any():
            return parent
        np.minimum.at(parent, high[moved], low[moved])
        while True:
            jumped = parent[parent]
            if np.array_equal(jumped, parent):
                break
            parent = jumped


class _Groups:
    """Average-linkage agglomeration over one component, with the analysts' constraints."""

    def __init__(
        self,
        rows: Sequence[int],
        pairs: Iterable[tuple[int, int, float]],
        settings: LinkSettings,
        constraints: Constraints,
        days: Mapping[int, int] | None = None,
    ) -> None:
        self.settings = settings
        days = days or {}
        self.days: dict[int, Counter[int]] = {
            r: Counter([days[r]]) if days.get(r, -1) >= 0 else Counter() for r in rows
        }
        self.members: dict[int, list[int]] = {r: [r] for r in rows}
        self.owner: dict[int, int] = {r: r for r in rows}
        self.links: dict[int, dict[int, list[float]]] = {r: {} for r in rows}
        self.pin: dict[int, int] = {
            r: constraints.pinned[r] for r in rows if r in constraints.pinned
        }
        self.cannot: dict[int, set[int]] = {}
        for a, b in constraints.cannot:
            if a in self.owner and b in self.owner:
                self.cannot.setdefault(a, set()).add(b)
                self.cannot.setdefault(b, set()).add(a)
        for a, b, score in pairs:
            self._add(a, b, score)
        self.conflicts: list[tuple[int, int]] = []

    def _add(self, a: int, b: int, score: float) -> None:
        link = self.links[a].setdefault(b, [0.0, 0, -np.inf])
        link[0] += score
        link[1] += 1
        link[2] = max(link[2], score)
        self.links[b][a] = link

    def _confirmed(self, group: int) -> set[int]:
        return {day for day, count in self.days[group].items() if count >= 2}

    def _blocked(self, a: int, b: int) -> bool:
        pa, pb = self.pin.get(a), self.pin.get(b)
        if pa is not None and pb is not None and pa != pb:
            return True
        days_a, days_b = self._confirmed(a), self._confirmed(b)
        if days_a and days_b and not days_a & days_b:
            return True
        members_b = set(self.members[b])
        return any(self.cannot.get(r, set()) & members_b for r in self.members[a])

    def _average(self, a: int, b: int) -> float:
        total, count, _ = self.links[a][b]
        pairs = len(self.members[a]) * len(self.members[b])
        return float((total + (pairs - count) * self.settings.missing_pair) / pairs)

    def merge(self, a: int, b: int) -> int:
        """Join groups a and b (the smaller number names the result)."""
        keep, gone = min(a, b), max(a, b)
        for row in self.members[gone]:
            self.owner[row] = keep
        self.members[keep].extend(self.members.pop(gone))
        self.days[keep].update(self.days.pop(gone))
        if gone in self.pin:
            self.pin.setdefault(keep, self.pin.pop(gone))
        gone_links = self.links.pop(gone)
        gone_links.pop(keep, None)
        self.links[keep].pop(gone, None)
        for other, (total, count, best) in gone_links.items():
            self.links[other].pop(gone, None)
            link = self.links[keep].setdefault(other, [0.0, 0, -np.inf])
            link[0] += total
            link[1] += count
            link[2] = max(link[2], best)
            self.links[other][keep] = link
        return keep

    def force(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Put must-link pairs together first (a cannot-link between them is a conflict)."""
        for a, b in sorted(pairs):
            ga, gb = self.owner[a], self.owner[b]
            if ga == gb:
                continue
            if self._blocked(ga, gb):
                self.conflicts.append((a, b))
                continue
            self.merge(ga, gb)

    def run(self) -> dict[int, int]:
        """Merge best first; returns row -> group (the group's smallest row)."""
        s = self.settings
        heap: list[tuple[float, int, int, int, int]] = []
        size = {g: len(m) for g, m in self.members.items()}

        def push(a: int, b: int) -> None:
            a, b = min(a, b), max(a, b)
            if self.links[a][b][2] < s.link_threshold:
                return
            average = self._average(a, b)
            if average >= s.merge_threshold:
                heapq.heappush(heap, (-average, a, b, size[a], size[b]))

        # heap entries are totally ordered (score, then group numbers): the order of pushing
        # does not change the result
        for a, others in self.links.items():
            for b in others:
                if a < b:
                    push(a, b)
        while heap:
            _, a, b, size_a, size_b = heapq.heappop(heap)
            if a not in self.members or b not in self.members:
                continue
            if (len(self.members[a]), len(self.members[b])) != (size_a, size_b):
                continue
            if self._blocked(a, b):
                continue
            keep = self.merge(a, b)
            size[keep] = len(self.members[keep])
            for other in self.links[keep]:
                push(keep, other)
        return {row: group for group, rows in self.members.items() for row in rows}


def cluster_pairs(
    n: int,
    i: Ints,
    j: Ints,
    score: Floats,
    settings: LinkSettings,
    constraints: Constraints | None = None,
    days: Ints | None = None,
) -> tuple[Ints, list[tuple[int, int]]]:
    """Group label of each of ``n`` rows (its group's smallest row) from scored pairs, and the
    must-link pairs that could not be honoured (they clash with a cannot-link or a pin).

    ``days`` is each row's day where a source gives one (-1 where not), for the rule that two
    days each confirmed by two sources are two strikes."""
    constraints = constraints or Constraints()
    strong = score >= settings.link_threshold
    must = np.array(constraints.must, dtype=np.int64).reshape(-1, 2)
    pinned_groups: dict[int, list[int]] = {}
    for row, incident in sorted(constraints.pinned.items()):
        pinned_groups.setdefault(incident, []).append(row)
    pin_pairs = [(rows[0], r) for rows in pinned_groups.values() for r in rows[1:]]
    forced = np.array(pin_pairs, dtype=np.int64).reshape(-1, 2)
    ei = np.concatenate([i[strong], must[:, 0], forced[:, 0]])
    ej = np.concatenate([j[strong], must[:, 1], forced[:, 1]])
    label = components(n, ei, ej)

    sizes = np.bincount(label, minlength=n)
    links = np.bincount(label[i[strong]], minlength=n)
    same = label[i] == label[j]
    clean = links == sizes * (sizes - 1) // 2
    touched = np.zeros(n, dtype=np.bool_)
    constrained = sorted(constraints.rows())
    if constrained:
        touched[label[np.array(constrained, dtype=np.int64)]] = True
    dirty = (sizes > 1) & (~clean | touched | _two_confirmed_days(label, days, n))
    if not dirty.any():
        return label, []

    out = label.copy()
    conflicts: list[tuple[int, int]] = []
    in_dirty = dirty[label]
    rows_by_group: dict[int, list[int]] = {}
    for row in np.flatnonzero(in_dirty).tolist():
        rows_by_group.setdefault(int(label[row]), []).append(row)
    pair_rows = np.flatnonzero(same & in_dirty[i])
    order = np.argsort(label[i[pair_rows]], kind="stable")
    pair_rows = pair_rows[order]
    groups_of_pairs = label[i[pair_rows]]
    bounds = np.searchsorted(groups_of_pairs, np.array(sorted(rows_by_group), dtype=np.int64))
    ends = np.append(bounds[1:], len(pair_rows))
    must_by_group: dict[int, list[tuple[int, int]]] = {}
    for a, b in [*constraints.must, *pin_pairs]:
        if label[a] == label[b]:
            must_by_group.setdefault(int(label[a]), []).append((a, b))
    for (group, rows), start, end in zip(
        sorted(rows_by_group.items()), bounds.tolist(), ends.tolist(), strict=True
    ):
        chosen = pair_rows[start:end]
        pairs = zip(i[chosen].tolist(), j[chosen].tolist(), score[chosen].tolist(), strict=True)
        row_days = {} if days is None else {r: int(days[r]) for r in rows}
        agglomeration = _Groups(rows, pairs, settings, constraints, row_days)
        agglomeration.force(must_by_group.get(group, []))
        conflicts.extend(agglomeration.conflicts)
        for row, found in agglomeration.run().items():
            out[row] = found
    return out, conflicts


def _two_confirmed_days(label: Ints, days: Ints | None, n: int) -> npt.NDArray[np.bool_]:
    """Components holding two different days each given by at least two reports."""
    found = np.zeros(n, dtype=np.bool_)
    if days is None:
        return found
    rows = np.flatnonzero(days >= 0)
    keys = np.sort(label[rows] * (1 << 20) + days[rows])
    if len(keys) < 2:
        return found
    repeated = keys[1:] == keys[:-1]  # a (group, day) given by a second report
    confirmed = np.unique(keys[1:][repeated])
    groups = confirmed >> 20
    twice = groups[1:][groups[1:] == groups[:-1]]  # a group with a second confirmed day
    found[twice] = True
    return found
