"""The facility registry: one id per facility across sources, spellings, languages and runs."""

from __future__ import annotations

import random
from datetime import date

from builders import a_place, a_report

from harmwatch.link import facility_descriptor, find_facility_hits, register_facilities
from harmwatch.model import FacilityHit


def _key(n: int) -> str:
    return f"{n:064x}:0"


def test_one_hospital_in_two_spellings_and_two_languages_gets_one_id() -> None:
    kafranbel = a_place("Kafranbel")
    reports = [
        a_report(
            _key(1),
            place=kafranbel,
            facilities=(FacilityHit("medical", "surgical hospital in Kafr Nabl"),),
        ),
        a_report(
            _key(2),
            place=kafranbel,
            date_start=date(2017, 10, 3),
            date_end=date(2017, 10, 3),
            facilities=(FacilityHit("medical", "المشفى الجراحي", "out_of_service"),),
        ),
        a_report(
            _key(3),
            place=kafranbel,
            date_start=date(2017, 10, 9),
            date_end=date(2017, 10, 9),
            facilities=(FacilityHit("medical", None, "damaged"),),
        ),
    ]

    registry, linked = register_facilities(reports)

    [hospital] = registry
    assert {r.facilities[0].facility_id for r in linked} == {hospital.id}
    assert hospital.name == "surgical hospital in Kafr Nabl"
    assert hospital.aliases == ("المشفى الجراحي",)
    assert [(s.status, s.date) for s in hospital.statuses] == [
        ("out_of_service", date(2017, 10, 3)),
        ("damaged", date(2017, 10, 9)),
    ]
    assert hospital.status == "damaged"


def test_the_registry_is_the_same_whatever_order_reports_come_in() -> None:
    reports = [
        a_report(_key(n), place=a_place(town), facilities=(FacilityHit("school", name),))
        for n, (town, name) in enumerate(
            [("Ariha", None), ("Ariha", "girls' school"), ("Kafranbel", None), ("Ariha", None)]
        )
    ]
    first, _ = register_facilities(reports)
    shuffled = reports[:]
    random.Random(3).shuffle(shuffled)

    again, _ = register_facilities(shuffled, known=first)

    assert again == first
    assert len(first) == 2  # the girls' school of Ariha (the unnamed hits join it), Kafranbel's


def test_two_schools_of_one_town_told_apart_stay_two() -> None:
    reports = [
        a_report(_key(1), facilities=(FacilityHit("school", "primary school"),)),
        a_report(_key(2), facilities=(FacilityHit("school", "secondary school"),)),
        a_report(_key(3), facilities=(FacilityHit("school", None),)),
    ]

    registry, linked = register_facilities(reports)

    assert len(registry) == 3  # the unnamed one cannot be told to be either
    assert len({r.facilities[0].facility_id for r in linked}) == 3


def test_a_facility_id_the_registry_does_not_hold_is_dropped() -> None:
    stray = a_report(
        _key(1),
        place=None,
        geo_precision=None,
        facilities=(FacilityHit("market", None, None, "", "x:1"),),
    )

    registry, [report] = register_facilities([stray])

    assert registry == []
    assert report.facilities[0].facility_id is None


def test_facilities_named_next_to_an_event_with_their_state() -> None:
    text = (
        "Jisr al-Shughour central hospital: struck three times on 25 September. "
        "The hospital is out of service. Patients were moved to a hospital in Idlib."
    )
    start = text.index("three times")

    [hit] = find_facility_hits(text, [(start, start + 11)], lang="en")

    assert (hit.type, hit.name, hit.status) == (
        "medical",
        "Jisr al-Shughour central hospital",
        "out_of_service",
    )
    assert facility_descriptor(hit.name) == "central"
