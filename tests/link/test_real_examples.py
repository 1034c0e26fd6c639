"""The bundled example reports, ingested as a user would (no --published: the dates come from
each document's metadata or its file name), link into one incident per real event with every
outlet that reported it, while distinct strikes stay apart; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from link_examples import EXAMPLES

from harmwatch.model import Incident
from harmwatch.pipeline import Analyzer, date_in_name, ingest_sources, link_store
from harmwatch.store import Store

# (first day, town as the gazetteer names it) -> the files whose reports make that incident
EXPECTED: dict[tuple[str, str], set[str]] = {
    ("2017-09-24", "Kafranbel"): {"jisr-al-shughour-2017-09-26-hospital-alert.txt"},
    ("2017-09-21", "Arīḩā"): {"jisr-al-shughour-2017-09-26-hospital-alert.txt"},  # a health
    # centre's windows, by a strike 40 metres away: a facility hit with no count
    ("2017-09-22", "Ma‘arrat an Nu‘mān"): {"jisr-al-shughour-2017-09-26-hospital-alert.txt"},
    # a maternity unit damaged by a barrel bomb: a facility hit with no count
    ("2017-09-25", "Jisr ash Shughūr"): {
        "jisr-al-shughour-2017-09-26-hospital-alert.txt",  # "central hospital", three strikes
        "nw-syria-2017-10-04-un-flash-update.txt",  # "the national hospital ... was hit"
    },
    ("2017-09-27", "Khān Shaykhūn"): {
        "khan-shaykhun-2017-09-28-monitor.txt",
        "khan-sheikhoun-2017-09-27-civil-defence.txt",
        "idlib-2017-09-30-civil-defence.txt",  # the week's statement names the double tap
        "idlib-2017-10-01-monitor-week.txt",
    },
    ("2017-10-01", "Ma‘arrat an Nu‘mān"): {
        "maarat-al-numan-2017-10-01-wire.txt",
        "maarrat-al-nouman-2017-10-02-local-media.txt",  # "Sunday's air raid", toll rose to 11
        "nw-syria-2017-10-04-un-flash-update.txt",
        "idlib-2017-10-08-monitor-bulletin.txt",
    },
    ("2017-10-01", "Arīḩā"): {"idlib-2017-10-03-arabic-local.txt"},  # barrels, no day given
    ("2017-10-03", "Kafranbel"): {"idlib-2017-10-03-arabic-local.txt"},
    ("2017-10-05", "Arīḩā"): {"idlib-2017-10-08-monitor-bulletin.txt"},
    ("2017-10-05", "Saraqib"): {"idlib-2017-10-07-brief.txt"},
    ("2017-10-05", "Sfuhen"): {"idlib-2017-10-07-brief.txt"},
    ("2017-10-07", "Jisr ash Shughūr"): {
        "idlib-2017-10-07-brief.txt",
        "idlib-2017-10-08-monitor-bulletin.txt",
    },
    ("2017-11-01", "Saḩar"): {"saada-2017-11-01-wire.txt"},
    ("2017-11-13", "Al Atārib"): {
        "atareb-2017-11-13-wire.txt",  # "on Monday", at least 53
        "atarib-2017-11-14-civil-defence.html",  # "yesterday's massacre", 61
    },
    ("2022-04-08", "Kramatorsk"): {
        "kramatorsk-2022-04-08-wire.txt",  # dateline "April 8" without a year
        "kramatorsk-2022-04-12-monitor-update.txt",  # the update raises the toll to 57
    },
}


# The hospital network's story of 9 October ("struck ... at 04:10 this morning, less than two
# weeks after it was first hit on 24 September") is the second attack, dated this morning: the
# date after "first hit on" is the earlier one's.
NETWORK = "kafr-nabl-2017-10-09-hospital-network.html"
SECOND_HIT = {("2017-09-24", "Kafranbel"), ("2017-10-09", "Kafranbel")}
EXPECTED[("2017-10-09", "Kafranbel")] = {NETWORK}


def _file(source: str) -> str:
    return source.rsplit("/", 1)[-1]


def _table(incidents: list[Incident]) -> dict[tuple[str, str], set[str]]:
    return {
        (str(i.first_date), i.place.name if i.place else ""): {_file(s.source) for s in i.sources}
        for i in incidents
    }


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer.load()


@pytest.fixture
def ingested(store: Store, analyzer: Analyzer) -> Iterator[Store]:
    def link(store: Store, documents: object) -> None:
        link_store(store, documents=list(documents))  # type: ignore[call-overload]

    outcomes = list(ingest_sources(store, [str(EXAMPLES)], analyze=analyzer, after=(link,)))
    assert {o.status for o in outcomes} == {"stored"}
    yield store


def test_wire_stories_without_a_year_are_dated_by_their_file_name(ingested: Store) -> None:
    [wire] = [
        d for d in ingested.iter_documents() if d.source.endswith("kramatorsk-2022-04-08-wire.txt")
    ]
    assert wire.published == date(2022, 4, 8)


def test_each_real_event_is_one_incident_with_every_outlet_that_reported_it(
    ingested: Store,
) -> None:
    found = _table(ingested.incidents())
    for key, files in EXPECTED.items():
        assert found.get(key) == files, key


def test_a_hospital_hit_again_this_morning_is_a_second_attack(ingested: Store) -> None:
    found = _table(ingested.incidents())
    assert all(found.get(key) == EXPECTED[key] for key in SECOND_HIT)


def test_distinct_strikes_stay_apart_and_bulletins_stay_period_totals(ingested: Store) -> None:
    found = _table(ingested.incidents())
    assert set(found) == set(EXPECTED)
    totals = {_file(r.source) for r in ingested.iter_reports(period_total=True)}
    assert {
        "idlib-2017-09-29-wire.html",
        "idlib-2017-10-01-monitor-week.txt",
        "idlib-2017-10-08-monitor-bulletin.txt",
        "nw-syria-2017-10-04-un-flash-update.txt",
    } <= totals
    assert not any(
        (t.kind, t.best) in {("strikes", 714), ("killed", 74), ("killed", 150)}
        for i in ingested.incidents()
        for t in i.tallies
    )


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("kramatorsk-2022-04-08-wire.txt", date(2022, 4, 8)),
        ("20171001_bulletin.pdf", date(2017, 10, 1)),
        ("idlib_2017_09_30.html", date(2017, 9, 30)),
        ("report-2017-13-40-then-2017-10-02.txt", date(2017, 10, 2)),
        ("statement-123456789.txt", None),
        ("notes.txt", None),
    ],
)
def test_a_date_in_a_file_name_is_its_publication_date(name: str, found: date | None) -> None:
    assert date_in_name(Path(name)) == found


def test_ingesting_one_file_at_a_time_in_any_order_links_the_same(
    store: Store, analyzer: Analyzer
) -> None:
    def link(store: Store, documents: object) -> None:
        link_store(store, documents=list(documents))  # type: ignore[call-overload]

    for path in sorted(EXAMPLES.iterdir(), reverse=True):
        list(ingest_sources(store, [str(path)], analyze=analyzer, after=(link,)))
    found = _table(store.incidents())

    again = link_store(store)

    assert (again.created, again.changed, again.retired) == (0, 0, 0)
    assert set(found) == set(EXPECTED)
    for key, files in EXPECTED.items():
        assert found[key] == files, key
