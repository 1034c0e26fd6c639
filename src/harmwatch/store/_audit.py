"""The append-only, hash-chained audit log: each entry's hash covers the one before it.

An entry's hash is the SHA-256 of the canonical JSON (``canonical_json``) of the list
``[seq, at, actor, action, entity, before, after, prev_hash]``, ``at`` written as naive UTC
ISO 8601 with microseconds; the first entry's ``prev_hash`` is 64 zeros. docs/review.md spells
this out so that anyone can recompute the chain without harmwatch.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from harmwatch.errors import Conflict
from harmwatch.store._schema import audit_log

__all__ = [
    "GENESIS_HASH",
    "AuditEntry",
    "append_entry",
    "canonical_json",
    "check_tail",
    "entry_from_row",
    "entry_hash",
    "recomputed_hash",
    "sha256_json",
]

GENESIS_HASH = "0" * 64
"""``prev_hash`` of the first entry."""

_INSERT = sa.insert(audit_log)
_TAIL = sa.select(audit_log).order_by(audit_log.c.seq.desc()).limit(2)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One change: who did what to which entity, what it was before and after, and the chain."""

    seq: int
    at: datetime
    actor: str
    action: str
    entity: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    prev_hash: str
    hash: str


def canonical_json(value: Any) -> str:
    """JSON with sorted keys, no spaces, UTF-8 text as is: the form every hash is taken over."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def sha256_json(value: Any) -> str:
    """SHA-256 (hex) of ``value``'s canonical JSON in UTF-8."""
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def _naive(at: datetime) -> datetime:
    return at if at.tzinfo is None else at.astimezone(UTC).replace(tzinfo=None)


def entry_hash(
    *,
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    prev_hash: str,
) -> str:
    """SHA-256 over the entry's canonical JSON (``at`` as naive UTC, microseconds)."""
    stamp = _naive(at).isoformat(timespec="microseconds")
    return sha256_json([seq, stamp, actor, action, entity, before, after, prev_hash])


def entry_from_row(row: Row[Any]) -> AuditEntry:
    """An AuditEntry from an ``audit_log`` row (``at`` given back as aware UTC)."""
    return AuditEntry(
        seq=row.seq,
        at=row.at.replace(tzinfo=UTC),
        actor=row.actor,
        action=row.action,
        entity=row.entity,
        before=row.before,
        after=row.after,
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def recomputed_hash(entry: AuditEntry) -> str:
    """The hash ``entry`` should carry, from its content."""
    return entry_hash(
        seq=entry.seq,
        at=entry.at,
        actor=entry.actor,
        action=entry.action,
        entity=entry.entity,
        before=entry.before,
        after=entry.after,
        prev_hash=entry.prev_hash,
    )


def check_tail(connection: Connection) -> AuditEntry | None:
    """The last entry, after checking it cheaply; raises Conflict when the tail is broken.

    Checks that the last entry's content still gives its hash and that it follows the entry
    before it. It does not re-read the whole chain (``harmwatch audit verify`` does).
    """
    rows = connection.execute(_TAIL).all()
    if not rows:
        return None
    last = entry_from_row(rows[0])
    why = None
    if recomputed_hash(last) != last.hash:
        why = "its content no longer matches its hash"
    elif len(rows) == 2 and (rows[1].seq != last.seq - 1 or rows[1].hash != last.prev_hash):
        why = f"it does not follow entry {rows[1].seq}"
    elif len(rows) == 1 and (last.seq != 1 or last.prev_hash != GENESIS_HASH):
        why = "entries before it are missing"
    if why is not None:
        raise Conflict(
            f"the audit log is broken at entry {last.seq} ({why}); nothing was written. "
            "Run `harmwatch audit verify` and restore the database from a backup"
        )
    return last


def append_entry(
    connection: Connection,
    *,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditEntry:
    """Add an entry after the last one, inside the caller's (write-locked) transaction.

    Refuses (Conflict) to extend a chain whose last entry is broken, so that the caller's whole
    transaction, and with it the change being recorded, is rolled back.
    """
    last = check_tail(connection)
    seq = 1 if last is None else last.seq + 1
    prev_hash = GENESIS_HASH if last is None else last.hash
    fields: dict[str, Any] = {
        "seq": seq,
        "at": _naive(at),
        "actor": actor,
        "action": action,
        "entity": entity,
        "before": before,
        "after": after,
        "prev_hash": prev_hash,
    }
    digest = entry_hash(**fields)
    connection.execute(_INSERT, {**fields, "hash": digest})
    return AuditEntry(**{**fields, "at": fields["at"].replace(tzinfo=UTC)}, hash=digest)
