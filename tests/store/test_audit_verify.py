"""`audit verify` as a third party would use it: every forged change is found and named.

Each test forges one change the way someone with full rights on the database could (the guards
switched off and put back), then checks that verification names the entry or row.
"""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from builders import a_claim, a_document, an_extraction, tamper

from harmwatch.errors import Conflict, InputError
from harmwatch.extract import EXTRACTOR_VERSION
from harmwatch.store import Store
from harmwatch.store._audit import entry_hash


def _fill(store: Store) -> list[str]:
    """Three documents with extractions and a user: entries 1-4."""
    shas = []
    for text in ("At least 23 civilians were killed.", "Eight people were killed.", "A third."):
        document = a_document(text)
        store.add_document(document, an_extraction(a_claim(), a_claim(value=30)))
        shas.append(document.sha256)
    store.add_user("rima", "admin", actor="root (os user)")
    return shas


def _problems(store: Store, head: str | None = None) -> list[str]:
    return [problem.message for problem in store.check_audit(head=head).problems]


def test_an_untouched_database_verifies(store: Store) -> None:
    _fill(store)
    report = store.check_audit()
    assert report.ok
    assert report.entries == 4
    assert report.rows == {
        "documents": 3,
        "extractions": 3,
        "users": 1,
        "review_entries": 0,
        "link_decisions": 0,
    }
    assert report.head == store.audit_head().hash  # type: ignore[union-attr]


def test_an_edited_claim_names_its_extraction_and_entry(store: Store, db_url: str) -> None:
    shas = _fill(store)
    tamper(
        db_url, f"UPDATE claims SET value = 3 WHERE document_sha256 = '{shas[1]}' AND ordinal = 0"
    )

    assert _problems(store) == [
        f"the claims of extraction {EXTRACTOR_VERSION} of document {shas[1]} differ from what "
        "entry 2 recorded"
    ]
    with pytest.raises(Conflict, match="audit log broken: the claims of extraction"):
        store.verify_audit()


def test_a_claim_slipped_into_an_extraction_is_found(store: Store, db_url: str) -> None:
    shas = _fill(store)
    tamper(
        db_url,
        "INSERT INTO claims (extraction_id, document_sha256, extractor_version, ordinal, kind, "
        'subject, value, bound, start, "end", text, sentence, confidence, rule) '
        f"SELECT id, document_sha256, extractor_version, 9, 'killed', 'children', 40, 'exact', "
        f"0, 1, 'x', 0, 1.0, '' FROM extractions WHERE document_sha256 = '{shas[0]}'",
    )
    assert _problems(store) == [
        f"the claims of extraction {EXTRACTOR_VERSION} of document {shas[0]} differ from what "
        "entry 1 recorded"
    ]


def test_rewritten_document_bytes_no_longer_hash_to_their_key(store: Store, db_url: str) -> None:
    shas = _fill(store)
    tamper(
        db_url,
        "UPDATE documents SET raw = :raw WHERE sha256 = :sha",
        params={"raw": b"At least 3 civilians were killed.", "sha": shas[0]},
    )
    assert _problems(store) == [
        f"document {shas[0]}: its bytes no longer hash to its key (they were changed)"
    ]


def test_rewritten_document_text_differs_from_its_entry(store: Store, db_url: str) -> None:
    shas = _fill(store)
    tamper(db_url, f"UPDATE documents SET text = 'Nobody was hurt.' WHERE sha256 = '{shas[2]}'")
    assert _problems(store) == [
        f"document {shas[2]} differs from what entry 3 recorded (its text, source, dates or "
        "flags were changed)"
    ]


def test_a_deleted_document_is_missed_by_its_entry(store: Store, db_url: str) -> None:
    shas = _fill(store)
    tamper(db_url, f"DELETE FROM documents WHERE sha256 = '{shas[1]}'")
    problems = _problems(store)
    assert problems[0] == f"entry 2 added document {shas[1]}, which is gone"


def test_a_document_inserted_without_an_entry_is_found(store: Store, db_url: str) -> None:
    _fill(store)
    raw = b"Forty were killed."
    sha = hashlib.sha256(raw).hexdigest()
    tamper(
        db_url,
        "INSERT INTO documents (sha256, source, stored_at, media_type, text, raw, confidential) "
        "VALUES (:sha, 'file:///x.txt', '2020-01-01 00:00:00', 'text/plain', 'Forty were killed.',"
        " :raw, false)",
        params={"sha": sha, "raw": raw},
    )
    assert _problems(store) == [
        f"document {sha} has no audit entry (it was put into the database outside harmwatch)"
    ]


def test_an_edited_audit_entry_is_named(store: Store, db_url: str) -> None:
    _fill(store)
    tamper(db_url, "UPDATE audit_log SET actor = 'someone else' WHERE seq = 1")
    assert _problems(store) == ["entry 1 was changed: its content no longer matches its hash"]
    with pytest.raises(Conflict, match="audit log broken: entry 1 was changed"):
        store.verify_audit()


def test_a_deleted_audit_entry_is_named(store: Store, db_url: str) -> None:
    shas = _fill(store)
    tamper(db_url, "DELETE FROM audit_log WHERE seq = 2")
    problems = _problems(store)
    assert problems[0] == "entry 2 missing: the log goes from entry 1 to 3"
    assert f"document {shas[1]} has no audit entry" in problems[1]


def test_a_user_promoted_in_the_database_is_found(store: Store, db_url: str) -> None:
    _fill(store)
    store.add_user("omar", "viewer", actor="rima")
    tamper(db_url, "UPDATE users SET role = 'admin' WHERE name = 'omar'")
    assert _problems(store) == [
        "user omar differs from what entry 5 recorded (role, status or token were changed "
        "outside harmwatch)"
    ]


def test_a_dropped_guard_is_reported(store: Store, db_url: str) -> None:
    _fill(store)
    if db_url.startswith("sqlite"):
        with sqlite3.connect(db_url.removeprefix("sqlite:///")) as connection:
            connection.execute("DROP TRIGGER documents_append_only_delete")
    else:
        tamper(db_url, "ALTER TABLE documents DISABLE TRIGGER documents_append_only")
    assert _problems(store) == [
        "the database no longer refuses changes to documents: its append-only trigger is "
        "missing or disabled"
    ]


def test_a_published_head_stays_valid_as_the_log_grows(store: Store) -> None:
    _fill(store)
    published = store.audit_head()
    assert published is not None
    store.add_document(a_document("later"))

    report = store.check_audit(head=published.hash)
    assert report.ok
    assert report.published_head_seq == 4
    assert store.verify_audit(head=published.hash.upper()) == 5


def test_cutting_the_last_entries_passes_alone_but_not_against_a_published_head(
    store: Store, db_url: str
) -> None:
    shas = _fill(store)
    published = store.audit_head()
    assert published is not None
    # A careful forger removes the last document and user with their entries.
    tamper(
        db_url,
        "DELETE FROM audit_log WHERE seq >= 3",
        f"DELETE FROM claims WHERE document_sha256 = '{shas[2]}'",
        f"DELETE FROM place_mentions WHERE document_sha256 = '{shas[2]}'",
        f"DELETE FROM extractions WHERE document_sha256 = '{shas[2]}'",
        f"DELETE FROM documents WHERE sha256 = '{shas[2]}'",
        "DELETE FROM users",
    )
    assert store.check_audit().ok  # the chain inside the database cannot see it

    entry_2 = list(store.iter_audit())[-1]
    assert _problems(store, head=published.hash) == [
        f"published head {published.hash} is not in the audit log: entries were cut, or the log "
        f"was rewritten, after it was published (it now ends at entry 2, hash {entry_2.hash})"
    ]


def test_rewriting_an_entry_and_rehashing_the_chain_is_caught_by_a_published_head(
    store: Store, db_url: str
) -> None:
    _fill(store)
    published = store.audit_head()
    assert published is not None
    entries = list(store.iter_audit())
    # Rewrite who added document 2, then re-hash entries 2, 3 and 4 so the chain holds.
    prev = entries[0].hash
    statements = []
    for entry in entries[1:]:
        actor = "someone else" if entry.seq == 2 else entry.actor
        fields = {
            "seq": entry.seq,
            "at": entry.at,
            "actor": actor,
            "action": entry.action,
            "entity": entry.entity,
            "before": entry.before,
            "after": entry.after,
            "prev_hash": prev,
        }
        new_hash = entry_hash(**fields)
        statements.append(
            f"UPDATE audit_log SET actor = '{actor}', prev_hash = '{prev}', hash = '{new_hash}' "
            f"WHERE seq = {entry.seq}"
        )
        prev = new_hash
    tamper(db_url, *statements)

    assert store.check_audit().ok
    problems = _problems(store, head=published.hash)
    assert len(problems) == 1
    assert problems[0].startswith(f"published head {published.hash} is not in the audit log")


def test_a_head_that_is_not_a_hash_is_one_clear_line(store: Store) -> None:
    with pytest.raises(InputError, match="--head must be a hash of 64 hex digits"):
        store.check_audit(head="latest")


def test_edited_page_offsets_of_a_document_are_found(store: Store, db_url: str) -> None:
    document = a_document("Page one text.\fPage two: 4 killed.", pages=(0, 15))
    store.add_document(document)
    assert store.check_audit().ok

    tamper(db_url, f"UPDATE documents SET pages = '[0, 3]' WHERE sha256 = '{document.sha256}'")

    assert _problems(store) == [
        f"document {document.sha256} differs from what entry 1 recorded (its text, source, "
        "dates or flags were changed)"
    ]


def test_a_claim_flag_added_by_a_later_migration_is_covered_too(store: Store, db_url: str) -> None:
    shas = _fill(store)
    tamper(db_url, f"UPDATE claims SET place_review = true WHERE document_sha256 = '{shas[0]}'")
    assert _problems(store) == [
        f"the claims of extraction {EXTRACTOR_VERSION} of document {shas[0]} differ from what "
        "entry 1 recorded"
    ]
