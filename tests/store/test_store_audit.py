"""The audit log: one entry per change, append-only, each entry's hash covering the last."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from builders import a_claim, a_document, an_extraction, tamper

from harmwatch.errors import Conflict, NotFound
from harmwatch.store import EXTRACTOR_VERSION, Store
from harmwatch.store._engine import make_engine, normalise_url
from harmwatch.store._schema import APPEND_ONLY_TABLES


def test_adding_a_document_writes_one_chained_audit_entry(store: Store) -> None:
    first, second = a_document("first report"), a_document("second report")
    store.add_document(first, an_extraction(), actor="analyst")
    store.add_document(second)
    store.add_document(second)  # already stored: no entry

    entries = list(store.iter_audit())
    assert [(e.seq, e.action, e.entity, e.actor) for e in entries] == [
        (1, "document.add", f"document:{first.sha256}", "analyst"),
        (2, "document.add", f"document:{second.sha256}", "harmwatch"),
    ]
    assert entries[0].prev_hash == "0" * 64
    assert entries[1].prev_hash == entries[0].hash
    assert entries[0].before is None
    assert entries[0].after is not None
    assert entries[0].after["sha256"] == first.sha256
    assert entries[0].after["extraction"]["claims"] == 1
    assert len(entries[0].after["row_sha256"]) == 64
    assert len(entries[0].after["extraction"]["claims_sha256"]) == 64
    assert store.verify_audit() == 2


def test_saving_an_extraction_is_audited_with_digests_of_its_rows(store: Store) -> None:
    document = a_document()
    store.add_document(document)
    store.save_extraction(document.sha256, an_extraction(), extractor_version="v9")

    last = list(store.iter_audit(entity=f"document:{document.sha256}"))[-1]
    assert last.action == "extraction.add"
    assert last.after is not None
    assert {k: last.after[k] for k in ("extractor_version", "claims", "places")} == {
        "extractor_version": "v9",
        "claims": 1,
        "places": 1,
    }
    assert {"fields_sha256", "claims_sha256", "places_sha256"} <= set(last.after)
    assert store.verify_audit() == 2


@pytest.mark.parametrize("table", APPEND_ONLY_TABLES)
@pytest.mark.parametrize(
    "statement", ["UPDATE {table} SET {column} = {column}", "DELETE FROM {table}"]
)
def test_the_database_refuses_to_change_or_delete_evidence(
    store: Store, db_url: str, table: str, statement: str
) -> None:
    store.add_document(a_document(), an_extraction())
    column = {
        "audit_log": "actor",
        "documents": "title",
        "claims": "value",
        "review_entries": "reason",
    }[table]
    engine = make_engine(normalise_url(db_url))
    try:
        with engine.connect() as connection, connection.begin():  # inserting is allowed
            connection.execute(
                sa.text(
                    "INSERT INTO review_entries (incident_id, action, reason, confidential, "
                    "actor, at, salt) VALUES (1, 'note', '', false, 'rima', '2026-01-01', 'x')"
                )
            )
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            with engine.connect() as connection, connection.begin():
                connection.exec_driver_sql(statement.format(table=table, column=column))
    finally:
        engine.dispose()
    assert store.counts()[table] >= 1


def test_postgresql_refuses_to_truncate_evidence(pg_url: str) -> None:
    with Store.open(pg_url) as store:
        store.add_document(a_document())
    engine = make_engine(normalise_url(pg_url))
    try:
        with pytest.raises(sa.exc.DBAPIError, match="append-only"):
            with engine.connect() as connection, connection.begin():
                connection.exec_driver_sql("TRUNCATE documents CASCADE")
    finally:
        engine.dispose()


def test_a_write_after_the_last_entry_was_edited_is_refused_and_changes_nothing(
    store: Store, db_url: str
) -> None:
    store.add_document(a_document("one"))
    store.add_document(a_document("two"))
    tamper(db_url, "UPDATE audit_log SET actor = 'someone else' WHERE seq = 2")

    with pytest.raises(Conflict) as refused:
        store.add_document(a_document("three"), an_extraction(a_claim()))

    assert str(refused.value) == (
        "the audit log is broken at entry 2 (its content no longer matches its hash); nothing "
        "was written. Run `harmwatch audit verify` and restore the database from a backup"
    )
    assert store.count_documents() == 2
    assert store.counts()["audit_log"] == 2


def test_a_write_after_the_last_entry_was_unlinked_is_refused(store: Store, db_url: str) -> None:
    for text in ("one", "two", "three"):
        store.add_document(a_document(text))
    tamper(db_url, "DELETE FROM audit_log WHERE seq = 2")

    with pytest.raises(Conflict, match=r"broken at entry 3 \(it does not follow entry 1\)"):
        store.add_document(a_document("four"))


def test_audit_entries_can_be_filtered_by_entity_actor_and_time(store: Store) -> None:
    first, second = a_document("first"), a_document("second")
    store.add_document(first, actor="rima")
    store.add_document(second, actor="omar")
    store.add_user("rima", "admin", actor="root (os user)")

    assert [e.seq for e in store.iter_audit(actor="omar")] == [2]
    assert [e.seq for e in store.iter_audit(entity=f"document:{first.sha256}")] == [1]
    assert [e.seq for e in store.iter_audit(entity="document:")] == [1, 2]
    assert [e.seq for e in store.iter_audit(entity="user:")] == [3]
    entries = list(store.iter_audit())
    assert [e.seq for e in store.iter_audit(since=entries[1].at)] == [2, 3]
    head = store.audit_head()
    assert head is not None and head.hash == entries[-1].hash


def test_a_confidential_documents_source_and_title_stay_out_of_the_log(store: Store) -> None:
    document = a_document(
        "A witness in Kafranbel said 4 were killed.",
        source="file:///witnesses/ahmad-phone.txt",
        title="Call with Ahmad",
        confidential=True,
    )
    store.add_document(document)
    [entry] = store.iter_audit()
    assert "ahmad" not in str(entry.after).lower()
    assert entry.after is not None and entry.after["confidential"] is True
    assert store.verify_audit() == 1


def test_a_failed_analysis_is_recorded_in_the_chain(store: Store) -> None:
    document = a_document()
    store.add_document(document)

    store.record_analysis_failure(document.sha256, "analysis stopped after 60 s \udcff", actor="t")

    entries = list(store.iter_audit(entity=f"document:{document.sha256}"))
    assert [e.action for e in entries] == ["document.add", "extraction.fail"]
    assert entries[1].after == {
        "extractor_version": EXTRACTOR_VERSION,
        "reason": "analysis stopped after 60 s \\udcff",
    }
    assert store.verify_audit() == 2
    assert not store.has_extraction(document.sha256)
    with pytest.raises(NotFound):
        store.record_analysis_failure("0" * 64, "x")
