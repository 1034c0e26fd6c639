"""Strikes inside a zone (a de-escalation area, a ceasefire line) on dates it was in force."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from harmwatch.analyze._cells import Count, count_of
from harmwatch.analyze._reading import incident_strikes, perpetrator_of
from harmwatch.model import Incident

if TYPE_CHECKING:
    from harmwatch.geo import Zones

__all__ = ["ZONE_RULE", "ZoneViolation", "find_zone_violations"]

ZONE_RULE = (
    "an incident counts when its place lies inside a zone that has dates in force and the zone "
    "was in force on the incident's first and last date; incidents placed only to a region "
    "(geo precision 3) are not tested; strikes: a source's stated count, else one per incident"
)


@dataclass(frozen=True, slots=True)
class ZoneViolation:
    """Incidents by one perpetrator inside one zone while it was in force.

    The zone's own fields come along: its source and whether its boundary is approximate, so
    that a reader knows how much the count rests on a drawn line.
    """

    zone_id: str
    zone_name: str
    perpetrator: str
    incidents: Count
    strikes: Count
    in_force_from: date | None
    in_force_to: date | None
    source: str | None
    approximate: bool


def find_zone_violations(incidents: Sequence[Incident], zones: Zones) -> tuple[ZoneViolation, ...]:
    """Incidents inside a zone while it was in force, counted per zone and perpetrator.

    Only zones with an ``in_force_from`` date (agreements) are considered: a governorate
    outline is not a zone that can be violated.
    """
    placed = [
        i
        for i in incidents
        if i.id is not None
        and i.place is not None
        and i.first_date is not None
        and i.geo_precision != 3
    ]
    if not placed:
        return ()
    lats = [i.place.lat for i in placed if i.place is not None]
    lons = [i.place.lon for i in placed if i.place is not None]
    hits: dict[tuple[str, str], list[Incident]] = defaultdict(list)
    for incident, inside in zip(placed, zones.at_many(lats, lons), strict=True):
        last = incident.last_date or incident.first_date
        for zone in inside:
            if zone.in_force_from is None:
                continue
            if zone.in_force(incident.first_date) and zone.in_force(last):
                hits[(zone.id, perpetrator_of(incident))].append(incident)
    out = []
    for (zone_id, perpetrator), items in sorted(hits.items()):
        zone = zones.get(zone_id)
        out.append(
            ZoneViolation(
                zone_id=zone.id,
                zone_name=zone.name,
                perpetrator=perpetrator,
                incidents=count_of((i.id, 1) for i in items if i.id is not None),
                strikes=count_of((i.id, incident_strikes(i)) for i in items if i.id is not None),
                in_force_from=zone.in_force_from,
                in_force_to=zone.in_force_to,
                source=zone.source,
                approximate=zone.approximate,
            )
        )
    return tuple(out)
