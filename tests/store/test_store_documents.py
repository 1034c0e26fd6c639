"""Documents in the store, on SQLite and on PostgreSQL: kept byte for byte, keyed by sha256."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest
from builders import a_claim, a_document, a_place_mention, an_extraction

from harmwatch.errors import Conflict, NotFound
from harmwatch.model import Extraction, Period
from harmwatch.store import Store


def test_a_stored_document_comes_back_byte_for_byte(store: Store) -> None:
    raw = "Titre\r\n23 civils tués à Idlib\x00 \xff".encode("utf-8", "surrogateescape") + b"\xfe"
    document = a_document(
        "Titre\n23 civils tués à Idlib",
        raw=raw,
        title="Titre",
        lang="fr",
        media_type="text/html",
        encoding="utf-8+replace",
        warc=b"WARC/1.1\r\n...",
        confidential=True,
        published=date(2017, 4, 27),
        retrieved_at=datetime(2017, 4, 28, 9, 15, 30, 123456, tzinfo=UTC),
    )

    assert store.add_document(document) is True

    assert store.get_document(document.sha256) == document
    assert store.get_document(document.sha256).raw == raw


def test_adding_the_same_bytes_again_changes_nothing(store: Store) -> None:
    document = a_document()
    assert store.add_document(document, an_extraction()) is True
    before = store.counts()

    again = a_document(source="https://example.org/elsewhere", title="Another title")
    assert store.add_document(again, an_extraction()) is False

    assert store.counts() == before
    assert store.get_document(document.sha256).source == document.source


def test_a_document_whose_sha256_does_not_match_its_bytes_is_refused(store: Store) -> None:
    document = a_document()
    forged = a_document("other text", sha256=document.sha256)
    store.add_document(document)
    with pytest.raises(ValueError, match="sha256 does not match"):
        store.add_document(forged)


def test_counting_and_iterating_documents(store: Store) -> None:
    documents = [a_document(f"Report number {n}: 3 killed.") for n in range(450)]
    for document in documents:
        store.add_document(document)

    assert store.count_documents() == 450
    listed = list(store.iter_documents())
    assert [d.sha256 for d in listed] == sorted(d.sha256 for d in documents)
    assert {d.text for d in listed} == {d.text for d in documents}


def test_an_unknown_document_is_not_found(store: Store) -> None:
    with pytest.raises(NotFound, match="no document with sha256 abc"):
        store.get_document("abc")
    assert store.has_document("abc") is False


def test_every_claim_field_is_kept(store: Store) -> None:
    claims = (
        a_claim(),
        a_claim(
            kind="facilities_hit",
            subject="medical",
            value=8,
            max=12,
            bound="at_least",
            perpetrator="Russia or Syrian government",
            weapon="barrel_bomb",
            status="out_of_service",
            date=None,
            place_id="geonames:169389",
            confidence=0.75,
            start=3,
            end=9,
            text="8 to 1",
            sentence=2,
        ),
    )
    extraction = an_extraction(*claims, perpetrators=("Russia",), weapons=("airstrike", "shelling"))
    document = a_document()
    store.add_document(document, extraction)

    assert store.claims_for(document.sha256) == list(claims)
    assert store.places_for(document.sha256) == [a_place_mention()]
    assert store.get_extraction(document.sha256) == extraction


def test_an_extraction_without_claims_or_period_is_still_recorded(store: Store) -> None:
    document = a_document()
    empty = Extraction(lang="und", published=None, period=None)
    store.add_document(document, empty)

    assert store.has_extraction(document.sha256)
    assert store.get_extraction(document.sha256) == empty
    assert store.claims_for(document.sha256) == []


def test_a_later_extractor_version_adds_its_own_claims(store: Store) -> None:
    document = a_document()
    store.add_document(document, an_extraction(), extractor_version="v1")
    newer = an_extraction(a_claim(value=24), period=Period(None, date(2019, 5, 20)))
    store.save_extraction(document.sha256, newer, extractor_version="v2")

    assert store.claims_for(document.sha256)[0].value == 24
    assert store.claims_for(document.sha256, extractor_version="v1")[0].value == 23
    assert store.get_extraction(document.sha256) == newer


def test_saving_the_same_extractor_version_twice_is_a_conflict(store: Store) -> None:
    document = a_document()
    store.add_document(document, an_extraction(), extractor_version="v1")
    with pytest.raises(Conflict, match="already has an extraction by v1"):
        store.save_extraction(document.sha256, an_extraction(), extractor_version="v1")


def test_an_extraction_of_an_unknown_document_is_refused(store: Store) -> None:
    with pytest.raises(NotFound):
        store.save_extraction("0" * 64, an_extraction())


def test_claims_can_arrive_as_a_stream(store: Store) -> None:
    document = a_document()
    extraction = an_extraction(a_claim(), a_claim(value=40, kind="injured"))
    stream = iter(extraction.claims)

    shell = dataclasses.replace(extraction, claims=(), places=())  # only its other fields
    store.add_document(document, shell, claims=stream, places=iter(extraction.places))

    assert store.get_extraction(document.sha256) == extraction
    (entry,) = store.iter_audit()
    assert entry.after is not None
    assert entry.after["extraction"]["claims"] == 2


def test_a_weak_place_match_stays_marked_for_review_in_stored_data(store: Store) -> None:
    weak = a_place_mention(score=0.72, review=True, geo_precision=1)
    claim = a_claim(place_id="geonames:169389", geo_precision=1, place_review=True)
    document = a_document()
    store.add_document(document, an_extraction(claim, places=(weak,)))
    [stored_mention] = store.places_for(document.sha256)
    [stored_claim] = store.claims_for(document.sha256)
    assert (stored_mention.review, stored_mention.geo_precision) == (True, 1)
    assert (stored_claim.place_review, stored_claim.geo_precision) == (True, 1)
