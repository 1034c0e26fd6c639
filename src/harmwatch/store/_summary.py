"""The flat rows a quick summary reads: incidents' dates, places and grades, and their side
tables (tallies, perpetrators, weapons, facilities), without decoding any incident's JSON."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from harmwatch.store._incidents import LONGEST_SPAN_DAYS
from harmwatch.store._schema import (
    incident_facilities,
    incident_perpetrators,
    incident_tallies,
    incident_weapons,
    incidents,
)

__all__ = ["SummaryRows", "read_daily_counts", "read_summary_rows"]

_CHUNK = 5000  # ids per statement


def _area(
    admin1: str | Sequence[str] | None, admin2: str | None, place_ids: Sequence[str]
) -> list[sa.ColumnElement[bool] | None]:
    """Incidents in the governorate(s) named (and the district), or at one of the places, as
    disjoint conditions (one query each: an OR of the two would keep the database from reading
    the governorates' range of ``ix_incidents_admin1_dates`` alone); ``[None]``: anywhere."""
    c = incidents.c
    either: list[sa.ColumnElement[bool] | None] = []
    inside: sa.ColumnElement[bool] | None = None
    if admin1:
        names = [admin1.lower()] if isinstance(admin1, str) else [n.lower() for n in admin1]
        inside = sa.func.lower(c.admin1).in_(names)
        if admin2 is not None:
            inside = sa.and_(inside, sa.func.lower(c.admin2) == admin2.lower())
        either.append(inside)
    if place_ids:
        at = c.place_id.in_(list(place_ids))
        either.append(at if inside is None else sa.and_(at, ~sa.func.coalesce(inside, False)))
    return either or [None]


@dataclass(frozen=True, slots=True)
class SummaryRows:
    """Incidents whose dates overlap a window, and their side tables, as plain tuples.

    ``incidents``: (id, first date, last date, time precision, grade, place id, place name,
    lat, lon, admin1, admin2): the place as the incidents table keeps it, without P-codes.
    ``tallies``: (incident id, kind, subject, best, low, high, sources);
    ``perpetrators``: (incident id, perpetrator, certainty); ``weapons``: (incident id,
    weapon); ``facilities``: (incident id, facility type).
    """

    incidents: Sequence[Any]
    tallies: Sequence[tuple[int, str, str, int, int, int, int]]
    perpetrators: Sequence[tuple[int, str, str]]
    weapons: Sequence[tuple[int, str]]
    facilities: Sequence[tuple[int, str]]


def read_summary_rows(
    connection: Connection,
    *,
    date_from: date,
    date_to: date,
    admin1: str | Sequence[str] | None = None,
    admin2: str | None = None,
    place_ids: Sequence[str] = (),
    bbox: tuple[float, float, float, float] | None = None,
    tallies_only: bool = False,
) -> SummaryRows:
    """The rows of incidents overlapping ``date_from``..``date_to``: in the governorate(s)
    ``admin1`` (by name; and district ``admin2``) or at one of ``place_ids`` when given, and
    inside ``bbox`` when given; only incidents and tallies when ``tallies_only``."""
    c = incidents.c
    # two windows, one query each: the incidents that start in the dates (one range of
    # ix_incidents_admin1_dates per governorate), and those that span days, started before
    # the dates (at most LONGEST_SPAN_DAYS) and reach into them (ix_incidents_spans)
    windows = [
        [
            c.first_date >= date_from,
            c.first_date <= date_to,
            sa.func.coalesce(c.last_date, c.first_date) >= date_from,
        ],
        [
            c.last_date > c.first_date,
            c.first_date >= date_from - timedelta(days=LONGEST_SPAN_DAYS),
            c.first_date < date_from,
            c.last_date >= date_from,
        ],
    ]
    box: list[sa.ColumnElement[bool]] = []
    if bbox is not None:
        south, west, north, east = bbox
        box = [c.lat.between(south, north), c.lon.between(west, east)]
    columns = (
        c.id, c.first_date, c.last_date, c.time_precision, c.grade, c.place_id, c.place_name,
        c.lat, c.lon, c.admin1, c.admin2,
    )  # fmt: skip
    rows: list[Any] = []
    for window in windows:
        for area in _area(admin1, admin2, place_ids):
            where = [*window, *box] if area is None else [*window, *box, area]
            rows.extend(connection.execute(sa.select(*columns).where(*where)).all())
    ids = sorted(row[0] for row in rows)  # in index order

    def side(table: sa.Table, *columns: str) -> list[Any]:
        """The side table's rows of the chosen incidents. Their ids are integers the store
        gave, written into the statement: a bound parameter each costs more than the query."""
        select = sa.select(table.c.incident_id, *(table.c[name] for name in columns))
        out: list[Any] = []
        for start in range(0, len(ids), _CHUNK):
            listed = ",".join(str(int(i)) for i in ids[start : start + _CHUNK])
            where = sa.text(f"{table.name}.incident_id IN ({listed})")
            out.extend(connection.execute(select.where(where)).all())
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


def read_daily_counts(
    connection: Connection,
    *,
    date_from: date,
    date_to: date,
    admin1: str | Sequence[str] | None = None,
    admin2: str | None = None,
    place_ids: Sequence[str] = (),
) -> list[tuple[date, str | None, int, int]]:
    """Per first date and grade: how many incidents, and how many killed by the toll rule
    (the 'people' figure, else civilians + fighters, else the largest group), of the incidents
    that lie wholly within ``date_from``..``date_to`` and whose governorate is one of
    ``admin1`` (and district ``admin2``), or whose place is one of ``place_ids``."""
    c = incidents.c
    where = [
        c.first_date >= date_from,
        c.first_date <= date_to,
        sa.func.coalesce(c.last_date, c.first_date) <= date_to,
    ]
    totals: dict[tuple[date, str | None], tuple[int, int]] = {}
    for area in _area(admin1, admin2, place_ids):
        for day, grade, count, killed in connection.execute(
            _daily(where if area is None else [*where, area])
        ):
            n, k = totals.get((day, grade), (0, 0))
            totals[(day, grade)] = (n + int(count), k + int(killed or 0))
    return [(day, grade, n, k) for (day, grade), (n, k) in totals.items()]


def _daily(where: Sequence[sa.ColumnElement[bool]]) -> sa.Select[Any]:
    """(first date, grade, incidents, killed) of the incidents chosen by ``where``."""
    c, t = incidents.c, incident_tallies.c
    per_incident = (
        sa.select(
            c.id,
            c.first_date,
            c.grade,
            sa.func.max(sa.case((t.subject == "people", t.best))).label("people"),
            sa.func.sum(sa.case((t.subject.in_(("civilians", "fighters")), t.best))).label("cf"),
            sa.func.max(t.best).label("largest"),
        )
        .select_from(
            incidents.outerjoin(
                incident_tallies, sa.and_(t.incident_id == c.id, t.kind == "killed")
            )
        )
        .where(*where)
        .group_by(c.id, c.first_date, c.grade)
        .subquery()
    )
    p = per_incident.c
    killed = sa.func.coalesce(p.people, p.cf, p.largest, 0)
    return sa.select(p.first_date, p.grade, sa.func.count(), sa.func.sum(killed)).group_by(
        p.first_date, p.grade
    )
