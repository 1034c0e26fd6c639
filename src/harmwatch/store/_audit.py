"""The append-only, hash-chained audit log: each entry's hash covers the one before it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from harmwatch.store._schema import audit_log

__all__ = ["GENESIS_HASH", "AuditEntry", "append_entry", "entry_hash"]

GENESIS_HASH = "0" * 64
"""``prev_hash`` of the first entry."""

_INSERT = sa.insert(audit_log)
_LAST = sa.select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)


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
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    body = [seq, at.isoformat(timespec="microseconds"), actor, action, entity, before, after]
    canonical = json.dumps(
        [*body, prev_hash], sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


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
    """Add an entry after the last one, inside the caller's (write-locked) transaction."""
    last = connection.execute(_LAST).first()
    seq = 1 if last is None else last.seq + 1
    prev_hash = GENESIS_HASH if last is None else last.hash
    at = at.replace(tzinfo=None) if at.tzinfo is None else at.astimezone(UTC).replace(tzinfo=None)
    fields: dict[str, Any] = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "action": action,
        "entity": entity,
        "before": before,
        "after": after,
        "prev_hash": prev_hash,
    }
    digest = entry_hash(**fields)
    connection.execute(_INSERT, {**fields, "hash": digest})
    return AuditEntry(**fields, hash=digest)
