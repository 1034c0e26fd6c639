"""``audit verify``: re-compute the hash chain and check every evidence row against the log.

One pass over the log (in order) re-computes each entry's hash and collects what the entries say
the rows should be (a digest per document, per extraction's fields, claims and place mentions,
per user); one pass over each table then compares. What it finds is a list of problems, the
first broken entry or row first; nothing is repaired.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from harmwatch.errors import InputError
from harmwatch.store._audit import GENESIS_HASH, AuditEntry, entry_from_row, recomputed_hash
from harmwatch.store._digest import (
    CLAIM_COLUMNS,
    CLAIM_LATER_COLUMNS,
    PLACE_MENTION_COLUMNS,
    PLACE_MENTION_LATER_COLUMNS,
    document_digest,
    extraction_digest,
    review_digest,
    rows_digest,
    user_digest,
)
from harmwatch.store._schema import (
    APPEND_ONLY_TABLES,
    audit_log,
    claims,
    documents,
    extractions,
    incidents,
    link_decisions,
    place_mentions,
    review_entries,
    users,
)

__all__ = ["AuditProblem", "AuditReport", "check_head", "missing_guards", "verify_log"]

_HASH = re.compile(r"[0-9a-f]{64}")
_BATCH = 500
_RAW_BATCH = 50  # documents carry their bytes: fewer at a time


@dataclass(frozen=True, slots=True)
class AuditProblem:
    """One thing that does not match: the entry and/or row it is about, and what is wrong.

    ``row`` names the row as ``document:<sha256>``, ``extraction:<sha256>:<extractor version>``,
    ``user:<name>`` or ``table:<name>``.
    """

    message: str
    entry: int | None = None
    row: str | None = None


@dataclass(frozen=True, slots=True)
class AuditReport:
    """What ``audit verify`` found: entries and rows checked, and every problem in order."""

    entries: int
    head: str | None
    rows: dict[str, int] = field(default_factory=dict)
    problems: tuple[AuditProblem, ...] = ()
    notes: tuple[str, ...] = ()
    published_head_seq: int | None = None

    @property
    def ok(self) -> bool:
        """True when the chain is intact and every row matches the log."""
        return not self.problems


def check_head(value: str) -> str:
    """A published head hash as given by ``audit head`` (64 hex digits); InputError otherwise."""
    text = value.strip().lower()
    if not _HASH.fullmatch(text):
        raise InputError(
            f"--head must be a hash of 64 hex digits as `audit head` prints; got {value!r}"
        )
    return text


@dataclass(slots=True)
class _Expected:
    """What the log says the rows should be, collected while the chain is walked."""

    documents: dict[str, tuple[int, str | None]] = field(default_factory=dict)
    extractions: dict[tuple[str, str], tuple[int, dict[str, Any]]] = field(default_factory=dict)
    users: dict[str, tuple[int, dict[str, Any] | None]] = field(default_factory=dict)
    reviews: dict[int, tuple[int, str | None]] = field(default_factory=dict)
    decisions: dict[int, tuple[int, dict[str, Any]]] = field(default_factory=dict)
    problems: list[AuditProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _document_added(entry: AuditEntry, expected: _Expected) -> None:
    sha256 = entry.entity.removeprefix("document:")
    after = entry.after or {}
    if sha256 in expected.documents:
        first = expected.documents[sha256][0]
        expected.problems.append(
            AuditProblem(
                f"entry {entry.seq} adds document {sha256} again (entry {first} added it)",
                entry=entry.seq,
                row=entry.entity,
            )
        )
    expected.documents[sha256] = (entry.seq, after.get("row_sha256"))
    if "row_sha256" not in after:
        expected.notes.append(
            f"entry {entry.seq} records no digest of document {sha256} (written by an older "
            "harmwatch): only its bytes can be checked"
        )
    if isinstance(after.get("extraction"), dict):
        _extraction_added(entry, expected, after["extraction"])


def _extraction_added(
    entry: AuditEntry, expected: _Expected, summary: dict[str, Any] | None = None
) -> None:
    summary = summary if summary is not None else (entry.after or {})
    sha256 = entry.entity.removeprefix("document:")
    version = str(summary.get("extractor_version"))
    expected.extractions[(sha256, version)] = (entry.seq, summary)
    if "claims_sha256" not in summary:
        expected.notes.append(
            f"entry {entry.seq} records no digest of the claims of extraction {version} of "
            f"document {sha256} (written by an older harmwatch): they cannot be checked"
        )


def _user_changed(entry: AuditEntry, expected: _Expected) -> None:
    expected.users[entry.entity.removeprefix("user:")] = (entry.seq, entry.after)


def _reviewed(entry: AuditEntry, expected: _Expected) -> None:
    after = entry.after or {}
    review_id = after.get("review_entry")
    if isinstance(review_id, int):
        expected.reviews[review_id] = (entry.seq, after.get("row_sha256"))


def _decided(entry: AuditEntry, expected: _Expected) -> None:
    decision_id = entry.entity.removeprefix("link_decision:")
    if decision_id.isdigit():
        expected.decisions[int(decision_id)] = (entry.seq, entry.after or {})


# What each action says about the rows (``review.*``: every review action); actions not named
# here describe no checked row.
_EXPECTATIONS: dict[str, Callable[[AuditEntry, _Expected], None]] = {
    "document.add": _document_added,
    "extraction.add": _extraction_added,
    "user.add": _user_changed,
    "user.disable": _user_changed,
    "user.rotate": _user_changed,
    "review.*": _reviewed,
    "link.decision": _decided,
}


def _expectation(action: str) -> Callable[[AuditEntry, _Expected], None] | None:
    found = _EXPECTATIONS.get(action)
    if found is None and "." in action:
        found = _EXPECTATIONS.get(action.split(".", 1)[0] + ".*")
    return found


def _stream(connection: Connection, query: sa.Select[Any], size: int) -> Iterator[Any]:
    yield from connection.execute(query.execution_options(yield_per=size))


def _walk_chain(
    connection: Connection, expected: _Expected, head: str | None
) -> tuple[int, str | None, int | None]:
    """Check every entry's hash and link; returns (entries, last hash, seq of ``head``)."""
    expected_seq, prev_hash = 1, GENESIS_HASH
    count, last_hash, head_seq = 0, None, None
    for row in _stream(connection, sa.select(audit_log).order_by(audit_log.c.seq), _BATCH):
        entry = entry_from_row(row)
        count += 1
        if entry.seq != expected_seq:
            gap = (
                f"entry {expected_seq}"
                if entry.seq == expected_seq + 1
                else (f"entries {expected_seq} to {entry.seq - 1}")
            )
            expected.problems.append(
                AuditProblem(
                    f"{gap} missing: the log goes from entry {expected_seq - 1} to {entry.seq}",
                    entry=expected_seq,
                )
            )
        elif entry.prev_hash != prev_hash:
            expected.problems.append(
                AuditProblem(
                    f"entry {entry.seq} does not follow entry {entry.seq - 1}: entries were "
                    "removed, inserted or re-hashed there",
                    entry=entry.seq,
                )
            )
        if recomputed_hash(entry) != entry.hash:
            expected.problems.append(
                AuditProblem(
                    f"entry {entry.seq} was changed: its content no longer matches its hash",
                    entry=entry.seq,
                )
            )
        if head is not None and entry.hash == head:
            head_seq = entry.seq
        handler = _expectation(entry.action)
        if handler is not None:
            handler(entry, expected)
        expected_seq, prev_hash, last_hash = entry.seq + 1, entry.hash, entry.hash
    return count, last_hash, head_seq


def _check_documents(connection: Connection, expected: _Expected) -> tuple[int, list[AuditProblem]]:
    problems: list[AuditProblem] = []
    count = 0
    for row in _stream(connection, sa.select(documents).order_by(documents.c.sha256), _RAW_BATCH):
        count += 1
        sha256 = row.sha256
        name = f"document:{sha256}"
        if hashlib.sha256(bytes(row.raw)).hexdigest() != sha256:
            problems.append(
                AuditProblem(
                    f"document {sha256}: its bytes no longer hash to its key (they were changed)",
                    row=name,
                )
            )
        logged = expected.documents.pop(sha256, None)
        if logged is None:
            problems.append(
                AuditProblem(
                    f"document {sha256} has no audit entry (it was put into the database "
                    "outside harmwatch)",
                    row=name,
                )
            )
        elif logged[1] is not None and document_digest(row._mapping) != logged[1]:
            problems.append(
                AuditProblem(
                    f"document {sha256} differs from what entry {logged[0]} recorded (its text, "
                    "source, dates or flags were changed)",
                    entry=logged[0],
                    row=name,
                )
            )
    for sha256, (seq, _digest) in sorted(expected.documents.items(), key=lambda i: i[1][0]):
        problems.append(
            AuditProblem(
                f"entry {seq} added document {sha256}, which is gone",
                entry=seq,
                row=f"document:{sha256}",
            )
        )
    return count, problems


def _child_digests(
    connection: Connection, table: sa.Table, columns: tuple[str, ...], later: tuple[str, ...]
) -> dict[int, str]:
    """Digest of each extraction's claims (or place mentions), by extraction id."""
    query = sa.select(table).order_by(table.c.extraction_id, table.c.ordinal)
    rows = (row._mapping for row in _stream(connection, query, _BATCH))
    return {
        extraction_id: rows_digest(group, columns, later)
        for extraction_id, group in groupby(rows, key=lambda m: m["extraction_id"])
    }


_EMPTY_ROWS = rows_digest([], CLAIM_COLUMNS)


def _check_extractions(
    connection: Connection, expected: _Expected
) -> tuple[int, list[AuditProblem]]:
    problems: list[AuditProblem] = []
    claim_digests = _child_digests(connection, claims, CLAIM_COLUMNS, CLAIM_LATER_COLUMNS)
    place_digests = _child_digests(
        connection, place_mentions, PLACE_MENTION_COLUMNS, PLACE_MENTION_LATER_COLUMNS
    )
    count = 0
    query = sa.select(extractions).order_by(extractions.c.id)
    for row in _stream(connection, query, _BATCH):
        count += 1
        key = (row.document_sha256, row.extractor_version)
        what = f"extraction {row.extractor_version} of document {row.document_sha256}"
        name = f"extraction:{row.document_sha256}:{row.extractor_version}"
        logged = expected.extractions.pop(key, None)
        if logged is None:
            problems.append(
                AuditProblem(
                    f"{what} has no audit entry (it was put into the database outside harmwatch)",
                    row=name,
                )
            )
            continue
        seq, summary = logged
        if "claims_sha256" not in summary:
            continue
        found = {
            "fields_sha256": extraction_digest(row._mapping),
            "claims_sha256": claim_digests.get(row.id, _EMPTY_ROWS),
            "places_sha256": place_digests.get(row.id, _EMPTY_ROWS),
        }
        changed = [part for part, digest in found.items() if summary.get(part) != digest]
        if changed:
            words = {
                "fields_sha256": "fields",
                "claims_sha256": "claims",
                "places_sha256": "places",
            }
            parts = " and ".join(words[part] for part in changed)
            problems.append(
                AuditProblem(
                    f"the {parts} of {what} differ from what entry {seq} recorded",
                    entry=seq,
                    row=name,
                )
            )
    for (sha256, version), (seq, _summary) in sorted(
        expected.extractions.items(), key=lambda i: i[1][0]
    ):
        problems.append(
            AuditProblem(
                f"entry {seq} added extraction {version} of document {sha256}, which is gone",
                entry=seq,
                row=f"extraction:{sha256}:{version}",
            )
        )
    return count, problems


def _check_users(connection: Connection, expected: _Expected) -> tuple[int, list[AuditProblem]]:
    problems: list[AuditProblem] = []
    count = 0
    for row in connection.execute(sa.select(users).order_by(users.c.name)):
        count += 1
        logged = expected.users.pop(row.name, None)
        if logged is None:
            problems.append(
                AuditProblem(
                    f"user {row.name} has no audit entry (added outside harmwatch)",
                    row=f"user:{row.name}",
                )
            )
        elif (logged[1] or {}).get("row_sha256") != user_digest(row._asdict()):
            problems.append(
                AuditProblem(
                    f"user {row.name} differs from what entry {logged[0]} recorded (role, status "
                    "or token were changed outside harmwatch)",
                    entry=logged[0],
                    row=f"user:{row.name}",
                )
            )
    for name, (seq, _after) in sorted(expected.users.items(), key=lambda i: i[1][0]):
        problems.append(
            AuditProblem(
                f"entry {seq} changed user {name}, who is gone", entry=seq, row=f"user:{name}"
            )
        )
    return count, problems


def _check_reviews(connection: Connection, expected: _Expected) -> tuple[int, list[AuditProblem]]:
    problems: list[AuditProblem] = []
    count = 0
    last_grade: dict[int, tuple[int, str | None]] = {}
    query = sa.select(review_entries).order_by(review_entries.c.id)
    for row in _stream(connection, query, _BATCH):
        count += 1
        name = f"review:{row.id}"
        logged = expected.reviews.pop(row.id, None)
        if logged is None:
            problems.append(
                AuditProblem(
                    f"review entry {row.id} (incident {row.incident_id}) has no audit entry "
                    "(it was put into the database outside harmwatch)",
                    row=name,
                )
            )
            continue
        if review_digest(row._mapping) != logged[1]:
            problems.append(
                AuditProblem(
                    f"review entry {row.id} (incident {row.incident_id}) differs from what entry "
                    f"{logged[0]} recorded",
                    entry=logged[0],
                    row=name,
                )
            )
            continue
        if row.action == "grade":
            value = row.value.get("grade") if isinstance(row.value, dict) else row.value
            last_grade[int(row.incident_id)] = (logged[0], value)
    for review_id, (seq, _digest) in sorted(expected.reviews.items(), key=lambda i: i[1][0]):
        problems.append(
            AuditProblem(
                f"entry {seq} recorded review entry {review_id}, which is gone",
                entry=seq,
                row=f"review:{review_id}",
            )
        )
    problems += _check_grades(connection, last_grade)
    return count, problems


_DECISION_FIELDS = ("kind", "reports", "incident_id", "actor", "reason")


def _check_decisions(connection: Connection, expected: _Expected) -> tuple[int, list[AuditProblem]]:
    """Analysts' link decisions (merges, splits, pins) are as their entries recorded them."""
    problems: list[AuditProblem] = []
    count = 0
    for row in _stream(connection, sa.select(link_decisions).order_by(link_decisions.c.id), _BATCH):
        count += 1
        name = f"link_decision:{row.id}"
        logged = expected.decisions.pop(int(row.id), None)
        if logged is None:
            problems.append(
                AuditProblem(
                    f"link decision {row.id} has no audit entry (it was put into the database "
                    "outside harmwatch)",
                    row=name,
                )
            )
            continue
        seq, after = logged
        found = {
            "kind": row.kind,
            "reports": list(row.reports),
            "incident_id": row.incident_id,
            "actor": row.actor,
            "reason": row.reason,
        }
        if any(found[k] != after.get(k) for k in _DECISION_FIELDS) or (
            "at" in after and row.at.isoformat() != after["at"]
        ):
            problems.append(
                AuditProblem(
                    f"link decision {row.id} differs from what entry {seq} recorded",
                    entry=seq,
                    row=name,
                )
            )
    for decision_id, (seq, _after) in sorted(expected.decisions.items(), key=lambda i: i[1][0]):
        problems.append(
            AuditProblem(
                f"entry {seq} recorded link decision {decision_id}, which is gone",
                entry=seq,
                row=f"link_decision:{decision_id}",
            )
        )
    return count, problems


def _check_grades(
    connection: Connection, last_grade: dict[int, tuple[int, str | None]]
) -> list[AuditProblem]:
    """A graded incident's grade is the one its last grade entry gave. (An incident no review
    graded may carry a grade from an import; it is not checked here.)"""
    problems = []
    ids = sorted(last_grade)
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        query = sa.select(incidents.c.id, incidents.c.grade).where(incidents.c.id.in_(chunk))
        for row in connection.execute(query):
            seq, wanted = last_grade[int(row.id)]
            if row.grade != wanted:
                problems.append(
                    AuditProblem(
                        f"incident {row.id} has grade {row.grade or 'none'} but entry {seq} "
                        f"graded it {wanted or 'none'}",
                        entry=seq,
                        row=f"incident:{row.id}",
                    )
                )
    return problems


def missing_guards(connection: Connection) -> list[str]:
    """Append-only tables whose refusing triggers are missing or disabled."""
    missing = []
    for table in APPEND_ONLY_TABLES:
        if connection.dialect.name == "postgresql":
            found = connection.execute(
                sa.text(
                    "SELECT count(*) FROM pg_trigger WHERE tgrelid = to_regclass(:table) "
                    "AND tgname = :name AND tgenabled <> 'D'"
                ),
                {"table": table, "name": f"{table}_append_only"},
            ).scalar_one()
            if found != 1:
                missing.append(table)
        else:
            names = set(
                connection.execute(
                    sa.text(
                        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"
                    ),
                    {"t": table},
                ).scalars()
            )
            wanted = {f"{table}_append_only_update", f"{table}_append_only_delete"}
            if not wanted <= names:
                missing.append(table)
    return missing


def verify_log(connection: Connection, *, head: str | None = None) -> AuditReport:
    """Check the chain, the rows it describes and (if given) that ``head`` is still in it."""
    expected = _Expected()
    entries, last_hash, head_seq = _walk_chain(connection, expected, head)
    problems = list(expected.problems)
    rows: dict[str, int] = {}
    for table, check in (
        ("documents", _check_documents),
        ("extractions", _check_extractions),
        ("users", _check_users),
        ("review_entries", _check_reviews),
        ("link_decisions", _check_decisions),
    ):
        rows[table], found = check(connection, expected)
        problems += found
    for table in missing_guards(connection):
        problems.append(
            AuditProblem(
                f"the database no longer refuses changes to {table}: its append-only trigger "
                "is missing or disabled",
                row=f"table:{table}",
            )
        )
    if head is not None and head_seq is None:
        now = f"it now ends at entry {entries}, hash {last_hash}" if entries else "it is empty"
        problems.append(
            AuditProblem(
                f"published head {head} is not in the audit log: entries were cut, or the log "
                f"was rewritten, after it was published ({now})"
            )
        )
    return AuditReport(
        entries=entries,
        head=last_hash,
        rows=rows,
        problems=tuple(problems),
        notes=tuple(expected.notes),
        published_head_seq=head_seq,
    )
