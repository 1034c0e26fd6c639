"""Flags as data: what the analyses found about each incident, in the words of ``Incident.flags``.

``double_tap`` (the later strike of a pair, or a source that says so), ``zone:<id>`` (inside
that zone while it was in force) and ``massacre`` (at least five people killed who were not
fighters, as SNHR counts a massacre). Linking or review stores them; a summary reads them back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from harmwatch.analyze._double_tap import DoubleTapSettings, find_double_taps
from harmwatch.analyze._reading import facts_of
from harmwatch.model import Incident, Report

if TYPE_CHECKING:
    from harmwatch.geo import Zones

__all__ = ["MASSACRE_KILLED", "incident_flags"]

MASSACRE_KILLED = 5
"""The fewest non-combatants killed in one incident that SNHR counts as a massacre."""


def _non_combatants_killed(incident: Incident) -> int:
    tolls = facts_of(incident).tolls
    if ("killed", "civilians") in tolls:
        return tolls[("killed", "civilians")][0]
    total = tolls.get(("killed", "people"), (0, 0, 0, 0))[0]
    return max(0, total - tolls.get(("killed", "fighters"), (0, 0, 0, 0))[0])


def incident_flags(
    incidents: Sequence[Incident],
    *,
    reports: Mapping[str, Report] | None = None,
    zones: Zones | None = None,
    double_tap: DoubleTapSettings | None = None,
) -> dict[int, tuple[str, ...]]:
    """The flags each stored incident earns (only incidents that earn one are listed).

    Args:
        incidents: stored incidents (with ids), with their neighbours in time and space (a
            double tap needs both strikes).
        reports: their reports by key (times of day and words, for double taps).
        zones: zones to test (None: no ``zone:`` flags).
        double_tap: double-tap settings (defaults as ``DoubleTapSettings``).
    """
    flags: dict[int, list[str]] = {}

    def add(incident_id: int, flag: str) -> None:
        found = flags.setdefault(incident_id, [])
        if flag not in found:
            found.append(flag)

    for tap in find_double_taps(incidents, reports=reports, settings=double_tap):
        add(tap.incidents[-1], "double_tap")
    if zones is not None:
        from harmwatch.analyze._zone_violations import find_zone_violations

        for row in find_zone_violations(incidents, zones):
            for incident_id in row.incidents.incidents:
                add(incident_id, f"zone:{row.zone_id}")
    for incident in incidents:
        if incident.id is not None and _non_combatants_killed(incident) >= MASSACRE_KILLED:
            add(incident.id, "massacre")
    return {incident_id: tuple(found) for incident_id, found in sorted(flags.items())}
