"""The audit log: one entry per change, append-only, each entry's hash covering the last."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from builders import a_document, an_extraction, make_store

from harmwatch.errors import Conflict, NotFound
from harmwatch.store import EXTRACTOR_VERSION, Store


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
    assert store.verify_audit() == 2


def test_saving_an_extraction_is_audited(store: Store) -> None:
    document = a_document()
    store.add_document(document)
    store.save_extraction(document.sha256, an_extraction(), extractor_version="v9")

    last = list(store.iter_audit(entity=f"document:{document.sha256}"))[-1]
    assert last.action == "extraction.add"
    assert last.after == {"extractor_version": "v9", "claims": 1, "places": 1}
    assert store.verify_audit() == 2


def test_an_edited_audit_entry_breaks_the_chain(tmp_path: Path) -> None:
    url = make_store(tmp_path, documents=[a_document("one"), a_document("two")])
    with sqlite3.connect(tmp_path / "harmwatch.db") as connection:
        connection.execute("UPDATE audit_log SET actor = 'someone else' WHERE seq = 1")

    with Store.open(url) as store, pytest.raises(Conflict, match="broken at entry 1"):
        store.verify_audit()


def test_a_deleted_audit_entry_breaks_the_chain(tmp_path: Path) -> None:
    url = make_store(tmp_path, documents=[a_document("one"), a_document("two")])
    with sqlite3.connect(tmp_path / "harmwatch.db") as connection:
        connection.execute("DELETE FROM audit_log WHERE seq = 1")

    with Store.open(url) as store, pytest.raises(Conflict, match="audit log broken"):
        store.verify_audit()


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
