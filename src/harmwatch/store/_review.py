"""Review entries: analysts' decisions, append-only, each with an audit entry in its transaction.

The audit entry of a review write names the incident, the action, the field and the versions,
and carries a digest of the review row, never its value, reason or note: the log can be shown
to an auditor without what is confidential, and ``audit verify`` checks the rows against it.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from harmwatch.errors import Conflict, NotFound
from harmwatch.model import ReviewEntry
from harmwatch.store._audit import append_entry
from harmwatch.store._digest import review_digest
from harmwatch.store._schema import incidents, review_entries

__all__ = [
    "NEW_INCIDENT",
    "STALE_REVIEW",
    "ReviewWrite",
    "bump_versions",
    "check_versions",
    "insert_review",
    "read_reviews",
    "read_versions",
]

STALE_REVIEW = "incident {id} changed since you opened it; reload and review again"
"""The message of a review write that names a version older than the incident's."""

NEW_INCIDENT = -1
"""In a pin decision given with a split: the incident this very write creates."""


@dataclass(frozen=True, slots=True)
class ReviewWrite:
    """What a review write stored: its entry, each touched incident's new version, and the
    incident a split created."""

    entry: ReviewEntry
    versions: dict[int, int]
    created: tuple[int, ...] = ()


_BATCH = 500


def read_versions(connection: Connection, ids: Iterable[int]) -> dict[int, int]:
    """Incident id -> its stored version (ids that are not stored are left out)."""
    current: dict[int, int] = {}
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), _BATCH):
        chunk = wanted[start : start + _BATCH]
        for row in connection.execute(
            sa.select(incidents.c.id, incidents.c.version).where(incidents.c.id.in_(chunk))
        ):
            current[int(row.id)] = int(row.version)
    return current


def check_versions(connection: Connection, versions: Mapping[int, int]) -> dict[int, int]:
    """The current version of each incident in ``versions``; Conflict when one is not the
    version the reviewer read, NotFound when one is gone."""
    current = read_versions(connection, versions)
    for incident_id in sorted(versions):
        if incident_id not in current:
            raise NotFound(f"no incident {incident_id}; it may have been merged into another")
        if current[incident_id] != versions[incident_id]:
            raise Conflict(STALE_REVIEW.format(id=incident_id))
    return current


def bump_versions(
    connection: Connection,
    current: Mapping[int, int],
    *,
    now: datetime,
    grade: Mapping[int, str | None] | None = None,
) -> dict[int, int]:
    """Raise each incident's version by one (and set its grade where given); returns them."""
    bumped = {}
    for incident_id, version in current.items():
        values: dict[str, Any] = {"version": version + 1, "updated_at": now}
        if grade is not None and incident_id in grade:
            values["grade"] = grade[incident_id]
        connection.execute(
            sa.update(incidents).where(incidents.c.id == incident_id).values(**values)
        )
        bumped[incident_id] = version + 1
    return bumped


def insert_review(
    connection: Connection,
    entry: ReviewEntry,
    *,
    now: datetime,
    versions: Mapping[int, tuple[int, int]] | None = None,
    grades: Mapping[str, str | None] | None = None,
    retired: Sequence[int] = (),
    created: Sequence[int] = (),
) -> ReviewEntry:
    """Store one review entry and its audit entry; returns it with its id and time.

    Args:
        versions: incident id -> (version read, version after this write), for the log.
        grades: for a grade, ``{"before": ..., "after": ...}`` (grades are never confidential).
    """
    row: dict[str, Any] = {
        "incident_id": entry.incident_id,
        "action": entry.action,
        "field": entry.field,
        "target": entry.target,
        "value": entry.value,
        "reason": entry.reason,
        "confidential": entry.confidential,
        "actor": entry.actor,
        "at": now,
        "incident_version": entry.incident_version,
        "salt": secrets.token_hex(16),
    }
    result = connection.execute(sa.insert(review_entries), row)
    primary_key = result.inserted_primary_key
    assert primary_key is not None
    row["id"] = int(primary_key[0])
    after: dict[str, Any] = {
        "review_entry": row["id"],
        "field": entry.field,
        "confidential": entry.confidential,
        "row_sha256": review_digest(row),
    }
    if grades is not None:
        after["grade"] = grades.get("after")
    if versions:
        after["versions"] = {str(i): list(pair) for i, pair in sorted(versions.items())}
    if retired:
        after["retired"] = sorted(retired)
    if created:
        after["created"] = sorted(created)
    append_entry(
        connection,
        at=now,
        actor=entry.actor,
        action=f"review.{entry.action}",
        entity=f"incident:{entry.incident_id}",
        before=None if grades is None else {"grade": grades.get("before")},
        after=after,
    )
    return _entry(row)


def _entry(row: Mapping[str, Any]) -> ReviewEntry:
    at = row["at"]
    return ReviewEntry(
        id=int(row["id"]),
        incident_id=int(row["incident_id"]),
        action=row["action"],
        actor=row["actor"],
        field=row["field"],
        target=row["target"],
        value=row["value"],
        reason=row["reason"],
        confidential=bool(row["confidential"]),
        at=None if at is None else at.replace(tzinfo=UTC),
        incident_version=row["incident_version"],
    )


def read_reviews(
    connection: Connection, incident_ids: Sequence[int] | None = None
) -> dict[int, list[ReviewEntry]]:
    """Review entries by incident, oldest first (every incident's when ``incident_ids`` is
    None)."""
    query = sa.select(review_entries).order_by(review_entries.c.id)
    found: dict[int, list[ReviewEntry]] = {}

    def collect(rows: Iterable[Any]) -> None:
        for row in rows:
            found.setdefault(int(row.incident_id), []).append(_entry(row._mapping))

    if incident_ids is None:
        collect(connection.execute(query))
        return found
    ids = sorted(set(incident_ids))
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        collect(connection.execute(query.where(review_entries.c.incident_id.in_(chunk))))
    for entries in found.values():
        entries.sort(key=lambda e: e.id or 0)
    return found
