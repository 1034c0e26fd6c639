"""Reports, incidents, facilities, incident membership and link decisions: the SQL behind them.

Each function runs inside a transaction the Store opened; a write's audit entry is appended by
the Store method that called it, in the same transaction.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from harmwatch import vocab
from harmwatch.errors import Conflict, NotFound
from harmwatch.model import Facility, Incident, LinkDecision, Report
from harmwatch.serialize import (
    facility_from_dict,
    facility_to_dict,
    incident_from_dict,
    incident_to_dict,
    report_from_dict,
    report_to_dict,
)
from harmwatch.store._schema import (
    documents,
    facilities,
    incident_facilities,
    incident_perpetrators,
    incident_tallies,
    incident_weapons,
    incidents,
    link_decisions,
    reports,
)

__all__ = [
    "LONGEST_SPAN_DAYS",
    "IncidentQuery",
    "LinkWrite",
    "delete_reports",
    "facility_attack_counts",
    "insert_decision",
    "insert_reports",
    "keys_near",
    "load_decisions",
    "load_membership",
    "members_of",
    "membership_of",
    "query_incidents",
    "read_facilities",
    "read_incident",
    "read_reports",
    "write_link",
]

_BATCH = 500
# The longest an incident's dates may span (a year, with room): a window's incidents start at
# most this long before it, which lets date queries use the first_date index.
LONGEST_SPAN_DAYS = 400
# Fields of an incident that review and analysis own: a relink never overwrites them.
_KEPT = ("grade", "flags")


@dataclass(frozen=True, slots=True)
class IncidentQuery:
    """Filters for listing incidents; None means "any". Text filters ignore case.

    ``date_from``/``date_to`` keep incidents whose dates overlap the window (an incident whose
    dates span more than LONGEST_SPAN_DAYS is found only from its first date); ``place_ids`` keeps
    those at one of the gazetteer places, ``place`` those whose place name contains the text;
    ``facility`` is a facility id or a facility type (``medical``), ``facility_ids`` keeps
    those that hit one of these facilities; ``bbox`` (south, west, north, east in degrees)
    keeps those placed inside the box.
    """

    date_from: date | None = None
    date_to: date | None = None
    place_ids: tuple[str, ...] | None = None
    place: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    facility_ids: tuple[str, ...] | None = None
    perpetrator: str | None = None
    facility: str | None = None
    weapon: str | None = None
    grade: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class LinkWrite:
    """What one link run changed, once it is stored."""

    incidents: tuple[Incident, ...]
    created: int
    changed: int
    unchanged: int
    retired: int
    membership_sha256: str


# --- reports ------------------------------------------------------------------------------------


def _report_row(report: Report, assembler: str, now: datetime) -> dict[str, Any]:
    place = report.place
    return {
        "key": report.key,
        "document_sha256": report.document_sha256,
        "incident_id": None,
        "source": report.source,
        "date_start": report.date_start,
        "date_end": report.date_end,
        "time_precision": report.time_precision,
        "place_id": None if place is None else place.id,
        "geo_precision": report.geo_precision,
        "admin1": None if place is None else place.admin1,
        "period_total": report.period_total,
        "assembler": assembler,
        "data": report_to_dict(report),
        "created_at": now,
    }


def insert_reports(
    connection: Connection, found: Iterable[Report], *, assembler: str, now: datetime
) -> list[str]:
    """Insert the reports whose key is new; returns the keys inserted.

    Raises NotFound when a report names a document that is not stored.
    """
    wanted = list(found)
    keys = [r.key for r in wanted]
    if len(set(keys)) != len(keys):
        raise Conflict("two reports in one batch share a key; each report needs its own key")
    existing: set[str] = set()
    for chunk in _chunks(keys):
        existing.update(
            connection.execute(sa.select(reports.c.key).where(reports.c.key.in_(chunk))).scalars()
        )
    new = [r for r in wanted if r.key not in existing]
    shas = sorted({r.document_sha256 for r in new})
    stored: set[str] = set()
    for chunk in _chunks(shas):
        stored.update(
            connection.execute(
                sa.select(documents.c.sha256).where(documents.c.sha256.in_(chunk))
            ).scalars()
        )
    missing = [sha for sha in shas if sha not in stored]
    if missing:
        raise NotFound(f"no document with sha256 {missing[0]}; store the document first")
    for chunk in _chunks(new):
        connection.execute(sa.insert(reports), [_report_row(r, assembler, now) for r in chunk])
    return [r.key for r in new]


def delete_reports(connection: Connection, sha256: str) -> list[str]:
    """Remove a document's reports (before it is assembled again); returns their keys."""
    keys = list(
        connection.execute(
            sa.select(reports.c.key).where(reports.c.document_sha256 == sha256)
        ).scalars()
    )
    connection.execute(sa.delete(reports).where(reports.c.document_sha256 == sha256))
    return keys


def read_reports(
    connection: Connection,
    *,
    keys: Sequence[str] | None = None,
    document: str | None = None,
    incident_id: int | None = None,
    period_total: bool | None = None,
    after: str = "",
    limit: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> list[Report]:
    """Reports in key order, chosen by key, document, incident or kind, and whose dates
    overlap ``date_from``..``date_to`` when given (undated reports are then left out)."""
    query = sa.select(reports.c.key, reports.c.data).order_by(reports.c.key)
    if date_from is not None:
        query = query.where(sa.func.coalesce(reports.c.date_end, reports.c.date_start) >= date_from)
    if date_to is not None:
        query = query.where(reports.c.date_start <= date_to)
    if document is not None:
        query = query.where(reports.c.document_sha256 == document)
    if incident_id is not None:
        query = query.where(reports.c.incident_id == incident_id)
    if period_total is not None:
        query = query.where(reports.c.period_total == period_total)
    if after:
        query = query.where(reports.c.key > after)
    if limit is not None:
        query = query.limit(limit)
    if keys is None:
        return [report_from_dict(row.data) for row in connection.execute(query)]
    found: list[Report] = []
    for chunk in _chunks(sorted(set(keys))):
        found.extend(
            report_from_dict(row.data)
            for row in connection.execute(query.where(reports.c.key.in_(chunk)))
        )
    return sorted(found, key=lambda r: r.key)


def keys_near(
    connection: Connection, *, admin1: Sequence[str], date_from: date, date_to: date
) -> list[str]:
    """Keys of the reports in any of these admin1s whose dates touch the window."""
    c = reports.c
    query = (
        sa.select(c.key)
        .where(c.admin1.in_(sorted(set(admin1))))
        .where(c.date_start <= date_to)
        .where(sa.func.coalesce(c.date_end, c.date_start) >= date_from)
        .order_by(c.key)
    )
    return list(connection.execute(query).scalars())


def members_of(connection: Connection, incident_ids: Sequence[int]) -> dict[str, int]:
    """Report key -> incident id for every report of these incidents."""
    out: dict[str, int] = {}
    for chunk in _chunks(sorted(set(incident_ids))):
        for row in connection.execute(
            sa.select(reports.c.key, reports.c.incident_id).where(reports.c.incident_id.in_(chunk))
        ):
            out[row.key] = int(row.incident_id)
    return out


def membership_of(connection: Connection, keys: Sequence[str]) -> dict[str, int]:
    """Report key -> incident id for those of ``keys`` that belong to an incident."""
    out: dict[str, int] = {}
    for chunk in _chunks(sorted(set(keys))):
        for row in connection.execute(
            sa.select(reports.c.key, reports.c.incident_id)
            .where(reports.c.key.in_(chunk))
            .where(reports.c.incident_id.is_not(None))
        ):
            out[row.key] = int(row.incident_id)
    return out


def load_membership(connection: Connection) -> dict[str, int]:
    """Report key -> the incident it belongs to, for every linked report."""
    rows = connection.execute(
        sa.select(reports.c.key, reports.c.incident_id).where(reports.c.incident_id.is_not(None))
    )
    return {row.key: int(row.incident_id) for row in rows}


# --- incidents ----------------------------------------------------------------------------------


def _comparable(data: dict[str, Any]) -> str:
    body = {k: v for k, v in data.items() if k not in ("id", "version", *_KEPT)}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _incident_row(incident: Incident, now: datetime, *, created: bool) -> dict[str, Any]:
    place = incident.place
    row: dict[str, Any] = {
        "first_date": incident.first_date,
        "last_date": incident.last_date,
        "time_precision": incident.time_precision,
        "place_id": None if place is None else place.id,
        "place_name": None if place is None else place.name,
        "geo_precision": incident.geo_precision,
        "admin1": None if place is None else place.admin1,
        "admin2": None if place is None else place.admin2,
        "lat": None if place is None else place.lat,
        "lon": None if place is None else place.lon,
        "grade": incident.grade,
        "n_reports": len(incident.reports),
        "n_sources": len({s.document_sha256 for s in incident.sources}),
        "version": incident.version,
        "data": incident_to_dict(incident),
        "updated_at": now,
    }
    if created:
        row["created_at"] = now
    return row


def _side_rows(incident: Incident) -> tuple[list[dict[str, Any]], ...]:
    assert incident.id is not None
    perpetrators = [
        {
            "incident_id": incident.id,
            "perpetrator": a.perpetrator,
            "sources": a.sources,
            "certainty": a.certainty,
        }
        for a in incident.attributions
    ]
    weapons = [{"incident_id": incident.id, "weapon": w} for w in sorted(set(incident.weapons))]
    hits = [
        {
            "incident_id": incident.id,
            "facility_id": h.facility_id,
            "type": h.type,
            "status": h.status,
        }
        for h in incident.facilities
    ]
    documents = {ref.report_key: ref.document_sha256 for ref in incident.sources}
    tallies = [
        {
            "incident_id": incident.id,
            "kind": t.kind,
            "subject": t.subject,
            "best": t.best,
            "low": t.low,
            "high": t.high,
            "sources": len({documents.get(k, k.split(":", 1)[0]) for k, _ in t.figures}),
        }
        for t in incident.tallies
    ]
    return perpetrators, weapons, hits, tallies


def write_link(
    connection: Connection,
    found: Sequence[Incident],
    *,
    retire: Sequence[int],
    registry: Sequence[Facility],
    now: datetime,
) -> LinkWrite:
    """Store one link run's incidents, their membership and the facility registry.

    An incident with an id replaces the stored one: its version grows when anything but its
    grade and flags changed, and its grade and flags are kept (review and analysis own them).
    An incident without an id is created. ``retire`` names stored incidents that no longer
    exist (their reports went to others).
    """
    _write_facilities(connection, registry, now)
    stored: dict[int, Any] = {}
    ids = sorted({i.id for i in found if i.id is not None} | set(retire))
    for chunk in _chunks(ids):
        for row in connection.execute(
            sa.select(
                incidents.c.id, incidents.c.version, incidents.c.grade, incidents.c.data
            ).where(incidents.c.id.in_(chunk))
        ):
            stored[int(row.id)] = row
    missing = [i for i in ids if i not in stored]
    if missing:
        raise Conflict(
            f"incident {missing[0]} was removed while linking ran; run `harmwatch link` again"
        )
    for incident_id in retire:
        connection.execute(sa.delete(incidents).where(incidents.c.id == incident_id))

    out: list[Incident] = []
    created = changed = unchanged = 0
    touched: list[Incident] = []
    # new incidents in batches; the id lives in its column (the stored JSON has none)
    fresh = [replace(i, version=1) for i in found if i.id is None]
    new_ids: list[int] = []
    insert = sa.insert(incidents).returning(incidents.c.id, sort_by_parameter_order=True)
    for chunk in _chunks(fresh):
        rows = [_incident_row(i, now, created=True) for i in chunk]
        new_ids.extend(int(row.id) for row in connection.execute(insert, rows))
    created_by_position = iter(zip(fresh, new_ids, strict=True))
    for incident in found:
        if incident.id is None:
            made, new_id = next(created_by_position)
            final = replace(made, id=new_id)
            created += 1
            touched.append(final)
            out.append(final)
            continue
        before = stored[incident.id]
        old = dict(before.data)
        kept = replace(
            incident,
            grade=before.grade,
            flags=tuple(old.get("flags", ())),
            version=int(before.version),
        )
        if _comparable(incident_to_dict(kept)) == _comparable(old):
            unchanged += 1
            out.append(kept)
            continue
        final = replace(kept, version=int(before.version) + 1)
        connection.execute(
            sa.update(incidents)
            .where(incidents.c.id == incident.id)
            .values(**_incident_row(final, now, created=False))
        )
        changed += 1
        touched.append(final)
        out.append(final)

    _write_side_tables(connection, touched)
    digest = _write_membership(connection, out)
    return LinkWrite(
        incidents=tuple(out),
        created=created,
        changed=changed,
        unchanged=unchanged,
        retired=len(retire),
        membership_sha256=digest,
    )


def _write_side_tables(connection: Connection, touched: Sequence[Incident]) -> None:
    ids = [i.id for i in touched]
    for table in (incident_perpetrators, incident_weapons, incident_facilities, incident_tallies):
        for chunk in _chunks(ids):
            connection.execute(sa.delete(table).where(table.c.incident_id.in_(chunk)))
    perpetrators: list[dict[str, Any]] = []
    weapons: list[dict[str, Any]] = []
    hits: list[dict[str, Any]] = []
    tallies: list[dict[str, Any]] = []
    for incident in touched:
        p, w, h, t = _side_rows(incident)
        perpetrators += p
        weapons += w
        hits += h
        tallies += t
    for table, rows in (
        (incident_perpetrators, perpetrators),
        (incident_weapons, weapons),
        (incident_facilities, hits),
        (incident_tallies, tallies),
    ):
        for chunk in _chunks(rows):
            connection.execute(sa.insert(table), chunk)


def _write_membership(connection: Connection, found: Sequence[Incident]) -> str:
    wanted = {key: i.id for i in found for key in i.reports}
    current = load_membership(connection)
    changes = [
        {"k": key, "i": incident_id}
        for key, incident_id in wanted.items()
        if current.get(key) != incident_id
    ]
    statement = (
        sa.update(reports)
        .where(reports.c.key == sa.bindparam("k"))
        .values(incident_id=sa.bindparam("i"))
    )
    for chunk in _chunks(changes):
        connection.execute(statement, chunk)
    digest = hashlib.sha256()
    for key in sorted(wanted):
        digest.update(f"{key}\t{wanted[key]}\n".encode())
    return digest.hexdigest()


def _incident_from_row(row: Any) -> Incident:
    incident = incident_from_dict(row.data)
    return replace(incident, id=int(row.id), version=int(row.version), grade=row.grade)


def read_incident(connection: Connection, incident_id: int) -> Incident:
    """One stored incident; raises NotFound."""
    row = connection.execute(
        sa.select(incidents.c.id, incidents.c.version, incidents.c.grade, incidents.c.data).where(
            incidents.c.id == incident_id
        )
    ).first()
    if row is None:
        raise NotFound(f"no incident {incident_id}; `harmwatch incidents` lists them")
    return _incident_from_row(row)


def query_incidents(connection: Connection, query: IncidentQuery) -> list[Incident]:
    """Stored incidents matching every filter of ``query``, by first date then id."""
    c = incidents.c
    select = sa.select(c.id, c.version, c.grade, c.data)
    if query.date_from is not None:
        select = select.where(
            sa.func.coalesce(c.last_date, c.first_date) >= query.date_from,
            # the same condition, in a form the first_date index can serve
            c.first_date >= query.date_from - timedelta(days=LONGEST_SPAN_DAYS),
        )
    if query.date_to is not None:
        select = select.where(c.first_date <= query.date_to)
    if query.place_ids is not None:
        select = select.where(c.place_id.in_(query.place_ids))
    if query.place:
        select = select.where(sa.func.lower(c.place_name).contains(query.place.lower()))
    if query.admin1:
        select = select.where(sa.func.lower(c.admin1) == query.admin1.lower())
    if query.admin2:
        select = select.where(sa.func.lower(c.admin2) == query.admin2.lower())
    if query.bbox is not None:
        south, west, north, east = query.bbox
        select = select.where(c.lat.between(south, north), c.lon.between(west, east))
    if query.grade:
        select = select.where(c.grade == query.grade)
    if query.perpetrator:
        p = incident_perpetrators.c
        select = select.where(
            c.id.in_(
                sa.select(p.incident_id).where(
                    sa.func.lower(p.perpetrator) == query.perpetrator.lower()
                )
            )
        )
    if query.weapon:
        w = incident_weapons.c
        select = select.where(c.id.in_(sa.select(w.incident_id).where(w.weapon == query.weapon)))
    if query.facility_ids is not None:
        f = incident_facilities.c
        select = select.where(
            c.id.in_(sa.select(f.incident_id).where(f.facility_id.in_(query.facility_ids)))
        )
    if query.facility:
        f = incident_facilities.c
        column = f.type if query.facility in vocab.FACILITY_TYPES else f.facility_id
        select = select.where(c.id.in_(sa.select(f.incident_id).where(column == query.facility)))
    select = select.order_by(c.first_date.is_(None), c.first_date, c.id)
    if query.offset:
        select = select.offset(query.offset)
    if query.limit is not None:
        select = select.limit(query.limit)
    return [_incident_from_row(row) for row in connection.execute(select)]


# --- facilities ---------------------------------------------------------------------------------


def _facility_row(facility: Facility, now: datetime) -> dict[str, Any]:
    place = facility.place
    return {
        "id": facility.id,
        "name": facility.name,
        "type": facility.type,
        "place_id": None if place is None else place.id,
        "place_name": None if place is None else place.name,
        "admin1": None if place is None else place.admin1,
        "lat": facility.lat,
        "lon": facility.lon,
        "status": facility.status,
        "data": facility_to_dict(facility),
        "updated_at": now,
    }


def _write_facilities(connection: Connection, registry: Sequence[Facility], now: datetime) -> None:
    stored: dict[str, dict[str, Any]] = {}
    for chunk in _chunks([f.id for f in registry]):
        for row in connection.execute(
            sa.select(facilities.c.id, facilities.c.data).where(facilities.c.id.in_(chunk))
        ):
            stored[row.id] = row.data
    new = [{**_facility_row(f, now), "created_at": now} for f in registry if f.id not in stored]
    for chunk in _chunks(new):
        connection.execute(sa.insert(facilities), chunk)
    for facility in registry:
        if facility.id in stored and stored[facility.id] != facility_to_dict(facility):
            connection.execute(
                sa.update(facilities)
                .where(facilities.c.id == facility.id)
                .values(**_facility_row(facility, now))
            )


def read_facilities(connection: Connection, *, ids: Sequence[str] | None = None) -> list[Facility]:
    """Registry facilities by id (all when ``ids`` is None)."""
    query = sa.select(facilities.c.data).order_by(facilities.c.id)
    if ids is None:
        return [facility_from_dict(row.data) for row in connection.execute(query)]
    out: list[Facility] = []
    for chunk in _chunks(sorted(set(ids))):
        out.extend(
            facility_from_dict(row.data)
            for row in connection.execute(query.where(facilities.c.id.in_(chunk)))
        )
    return out


def facility_attack_counts(connection: Connection) -> dict[str, list[int]]:
    """Facility id -> the incidents that hit it, oldest first."""
    f = incident_facilities.c
    rows = connection.execute(
        sa.select(f.facility_id, f.incident_id)
        .join(incidents, incidents.c.id == f.incident_id)
        .where(f.facility_id.is_not(None))
        .order_by(f.facility_id, incidents.c.first_date, f.incident_id)
    )
    out: dict[str, list[int]] = {}
    for row in rows:
        attacks = out.setdefault(row.facility_id, [])
        if not attacks or attacks[-1] != row.incident_id:
            attacks.append(int(row.incident_id))
    return out


# --- analysts' link decisions ------------------------------------------------------------------


def insert_decision(connection: Connection, decision: LinkDecision, now: datetime) -> int:
    """Store a link decision; returns its id."""
    result = connection.execute(
        sa.insert(link_decisions).values(
            kind=decision.kind,
            reports=list(decision.reports),
            incident_id=decision.incident_id,
            actor=decision.actor,
            reason=decision.reason,
            at=now,
        )
    )
    primary_key = result.inserted_primary_key
    assert primary_key is not None
    return int(primary_key[0])


def load_decisions(connection: Connection) -> list[LinkDecision]:
    """Every stored link decision, oldest first."""
    rows = connection.execute(sa.select(link_decisions).order_by(link_decisions.c.id))
    return [
        LinkDecision(
            kind=row.kind,
            reports=tuple(row.reports),
            incident_id=row.incident_id,
            actor=row.actor,
            reason=row.reason,
            at=row.at,
        )
        for row in rows
    ]


def iter_chunks(items: Sequence[Any], size: int = _BATCH) -> Iterator[Sequence[Any]]:
    """``items`` in slices of ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _chunks(items: Sequence[Any] | list[Any]) -> Iterator[Sequence[Any]]:
    return iter_chunks(items)
