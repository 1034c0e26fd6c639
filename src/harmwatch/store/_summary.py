"""The flat rows a quick summary reads: incidents' dates, places and grades, and their side
tables (tallies, perpetrators, weapons, facilities), without decoding any incident's JSON."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from harmwatch.model import Place
from harmwatch.store._incidents import LONGEST_SPAN_DAYS
from harmwatch.store._schema import (
    incident_facilities,
    incident_perpetrators,
    incident_tallies,
    incident_weapons,
    incidents,
)

__all__ = ["SummaryRows", "read_summary_rows"]

_CHUNK = 5000  # ids per IN list: under SQLite's and PostgreSQL's limits on bound parameters


@dataclass(frozen=True, slots=True)
class SummaryRows:
    """Incidents whose dates overlap a window, and their side tables, as plain tuples.

    ``incidents``: (id, first date, last date, time precision, grade, place); the place has the
    columns the incidents table keeps (id, name, lat, lon, admin1, admin2), not its P-codes.
    ``tallies``: (incident id, kind, subject, best, low, high, sources);
    ``perpetrators``: (incident id, perpetrator, certainty); ``weapons``: (incident id,
    weapon); ``facilities``: (incident id, facility type).
    """

    incidents: Sequence[tuple[int, date | None, date | None, int | None, str | None, Place | None]]
    tallies: Sequence[tuple[int, str, str, int, int, int, int]]
    perpetrators: Sequence[tuple[int, str, str]]
    weapons: Sequence[tuple[int, str]]
    facilities: Sequence[tuple[int, str]]


def read_summary_rows(
    connection: Connection,
    *,
    date_from: date,
    date_to: date,
    admin1: str | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    tallies_only: bool = False,
) -> SummaryRows:
    """The rows of incidents overlapping ``date_from``..``date_to`` (and in ``admin1``, by name,
    and inside ``bbox``, when given); only incidents and tallies when ``tallies_only``."""
    c = incidents.c
    chosen = [
        sa.func.coalesce(c.last_date, c.first_date) >= date_from,
        c.first_date >= date_from - timedelta(days=LONGEST_SPAN_DAYS),
        c.first_date <= date_to,
    ]
    if admin1:
        chosen.append(sa.func.lower(c.admin1) == admin1.lower())
    if bbox is not None:
        south, west, north, east = bbox
        chosen.append(c.lat.between(south, north))
        chosen.append(c.lon.between(west, east))
    base = connection.execute(
        sa.select(
            c.id, c.first_date, c.last_date, c.time_precision, c.grade, c.place_id, c.place_name,
            c.lat, c.lon, c.admin1, c.admin2,
        ).where(*chosen)
    ).all()  # fmt: skip
    rows = [
        (
            int(r.id),
            r.first_date,
            r.last_date,
            r.time_precision,
            r.grade,
            None
            if r.lat is None or r.lon is None
            else Place(
                id=r.place_id or "",
                name=r.place_name or "",
                lat=r.lat,
                lon=r.lon,
                feature="",
                admin1=r.admin1,
                admin2=r.admin2,
            ),
        )
        for r in base
    ]
    ids = [row[0] for row in rows]

    def side(table: sa.Table, *columns: str) -> list[Any]:
        out: list[Any] = []
        select = sa.select(table.c.incident_id, *(table.c[name] for name in columns))
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            out.extend(
                tuple(r) for r in connection.execute(select.where(table.c.incident_id.in_(chunk)))
            )
        return out

    return SummaryRows(
        incidents=rows,
        tallies=side(incident_tallies, "kind", "subject", "best", "low", "high", "sources"),
        perpetrators=[]
        if tallies_only
        else side(incident_perpetrators, "perpetrator", "certainty"),
        weapons=[] if tallies_only else side(incident_weapons, "weapon"),
        facilities=[] if tallies_only else side(incident_facilities, "type"),
    )
