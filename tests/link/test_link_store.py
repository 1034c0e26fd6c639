"""Linking a store: the example reports of the same strikes from several sources become one
incident each, on SQLite and PostgreSQL, and relinking keeps ids and analysts' decisions."""

from __future__ import annotations

from datetime import date

from link_examples import Analysed, store_examples

from harmwatch.model import Incident, LinkDecision
from harmwatch.pipeline import link_store
from harmwatch.review import incident_evidence, reviewed_incident
from harmwatch.store import IncidentQuery, Store

MARKET = date(2017, 10, 1)


def _at(store: Store, day: date, place_id: str) -> Incident:
    [found] = [
        i
        for i in store.incidents(IncidentQuery(date_from=day, date_to=day))
        if i.place is not None and i.place.id == place_id
    ]
    return found


def _files(incident: Incident, names: dict[str, str]) -> set[str]:
    by_sha = {sha: name for name, sha in names.items()}
    return {by_sha[s.document_sha256] for s in incident.sources}


def test_example_reports_of_one_strike_become_one_incident_with_every_source(
    store: Store, examples: Analysed
) -> None:
    names = store_examples(store, examples)

    run = link_store(store, actor="tester")

    assert run.documents == 18 and run.created == run.incidents
    market = _at(store, MARKET, "geonames:167611")
    assert _files(market, names) == {
        "maarat-al-numan-2017-10-01-wire.txt",
        "maarrat-al-nouman-2017-10-02-local-media.txt",
        "nw-syria-2017-10-04-un-flash-update.txt",
        "idlib-2017-10-08-monitor-bulletin.txt",
    }
    [civilians] = [t for t in market.tallies if (t.kind, t.subject) == ("killed", "civilians")]
    assert (civilians.low, civilians.high) == (9, 10)
    double_tap = _at(store, date(2017, 9, 27), "geonames:168325")
    assert len(_files(double_tap, names)) == 4
    atareb = _at(store, date(2017, 11, 13), "geonames:174030")
    assert _files(atareb, names) == {
        "atareb-2017-11-13-wire.txt",
        "atarib-2017-11-14-civil-defence.html",
    }
    [people] = [t for t in atareb.tallies if (t.kind, t.subject) == ("killed", "people")]
    assert (people.low, people.best, people.high) == (53, 53, 61)
    station = _at(store, date(2022, 4, 8), "geonames:704508")  # Kramatorsk, Ukraine
    assert _files(station, names) == {
        "kramatorsk-2022-04-08-wire.txt",
        "kramatorsk-2022-04-12-monitor-update.txt",
    }


def test_bulletins_stay_period_totals_beside_the_incidents(
    store: Store, examples: Analysed
) -> None:
    names = store_examples(store, examples)
    link_store(store)

    totals = list(store.iter_reports(period_total=True))
    membership = store.membership()

    week = [r for r in totals if r.document_sha256 == names["idlib-2017-10-01-monitor-week.txt"]]
    assert len(week) == 1
    assert {(f.kind, f.subject, f.value) for f in week[0].figures} >= {
        ("strikes", "airstrike", 714),
        ("killed", "people", 137),
    }
    assert all(r.key not in membership for r in totals)
    assert not any(
        (t.kind, t.best) == ("strikes", 714) for i in store.incidents() for t in i.tallies
    )


def test_relinking_changes_nothing_and_keeps_every_id(store: Store, examples: Analysed) -> None:
    store_examples(store, examples)
    link_store(store)
    before = {i.id: i.reports for i in store.incidents()}

    again = link_store(store)

    assert (again.created, again.changed, again.retired) == (0, 0, 0)
    assert {i.id: i.reports for i in store.incidents()} == before
    runs = [e for e in store.iter_audit() if e.action == "link.run"]
    assert len(runs) == 2
    assert runs[1].after is not None and runs[1].after["unchanged"] == len(before)
    assert runs[0].after is not None and runs[0].after["linker"].startswith("harmwatch-link")


def test_a_new_report_joins_its_incident_which_keeps_its_id(
    store: Store, examples: Analysed
) -> None:
    names = store_examples(store, examples, skip=("nw-syria-2017-10-04-un-flash-update.txt",))
    link_store(store)
    market = _at(store, MARKET, "geonames:167611")
    [(_, document, extraction)] = [
        e for e in examples if e[0] == "nw-syria-2017-10-04-un-flash-update.txt"
    ]
    store.add_document(document, extraction)

    run = link_store(store, documents=[document.sha256])

    grown = _at(store, MARKET, "geonames:167611")
    assert grown.id == market.id
    assert grown.version == market.version + 1
    assert "nw-syria-2017-10-04-un-flash-update.txt" in _files(grown, names)
    assert run.created == 0 and run.retired == 0


def test_an_analysts_split_and_merge_survive_relinking(store: Store, examples: Analysed) -> None:
    names = store_examples(store, examples)
    link_store(store)
    market = _at(store, MARKET, "geonames:167611")
    bulletin = next(
        k for k in market.reports if k.startswith(names["idlib-2017-10-08-monitor-bulletin.txt"])
    )
    others = [k for k in market.reports if k != bulletin]
    store.add_link_decision(LinkDecision("cannot_link", (bulletin, others[0])), actor="analyst")
    store.add_link_decision(LinkDecision("cannot_link", (bulletin, others[1])), actor="analyst")
    store.add_link_decision(LinkDecision("cannot_link", (bulletin, others[2])), actor="analyst")
    kafranbel = [i.reports[0] for i in store.incidents() if i.place and i.place.name == "Kafranbel"]
    store.add_link_decision(LinkDecision("must_link", tuple(kafranbel)), actor="analyst")

    link_store(store)
    link_store(store)

    membership = store.membership()
    assert membership[bulletin] != membership[others[0]]
    assert membership[others[0]] == membership[others[1]] == market.id
    assert len({membership[k] for k in kafranbel}) == 1


def test_an_incident_shows_each_sources_quoted_evidence(store: Store, examples: Analysed) -> None:
    store_examples(store, examples)
    link_store(store)
    market = _at(store, MARKET, "geonames:167611")

    assert market.id is not None
    evidence = incident_evidence(store, reviewed_incident(store, market.id, user=None))

    wire = next(e for e in evidence if e.source.endswith("maarat-al-numan-2017-10-01-wire.txt"))
    quotes = {(item.quote, item.sentence.split(",")[0]) for item in wire.evidence}
    assert ("at least nine civilians", "BEIRUT") in quotes


def test_a_hospital_hit_again_lists_every_attack(store: Store, examples: Analysed) -> None:
    store_examples(store, examples)
    link_store(store)

    attacks = store.facility_attacks()
    hospital = next(f for f in store.facilities() if "surgical" in f.name.lower())

    assert hospital.place is not None and hospital.place.name == "Kafranbel"
    # 24 September, its surroundings on 3 October, and "hit for the second time" on 9 October
    assert len(attacks[hospital.id]) == 3
    assert hospital.status == "out_of_service"
    found = store.incidents(IncidentQuery(facility=hospital.id))
    assert [i.id for i in found] == attacks[hospital.id]
