"""Strikes inside a zone while it was in force are counted per zone and perpetrator."""

from __future__ import annotations

from datetime import date

from builders import a_counted_incident, a_place_like

from harmwatch.analyze import find_zone_violations
from harmwatch.geo import Zones

IDLIB_CITY = a_place_like(id="geonames:169389", lat=35.93062, lon=36.63393)
DOUMA = a_place_like(id="geonames:170017", name="Douma", lat=33.5722, lon=36.4021,
                     admin1="Rif Dimashq", admin1_pcode="SY03")  # fmt: skip


def test_a_strike_inside_a_zone_in_force_counts_and_one_after_it_lapsed_does_not() -> None:
    zones = Zones.load()
    incidents = [
        a_counted_incident(1, place=IDLIB_CITY, day=date(2017, 9, 27)),
        a_counted_incident(
            2, place=IDLIB_CITY, day=date(2017, 9, 28), perpetrators=("Syrian government",)
        ),
        a_counted_incident(3, place=DOUMA, day=date(2018, 3, 1), strikes={"airstrike": 4}),
        a_counted_incident(
            4, place=DOUMA, day=date(2018, 5, 1)
        ),  # after Eastern Ghouta's zone lapsed
        a_counted_incident(5, place=IDLIB_CITY, day=date(2017, 5, 1)),  # before the zones
    ]

    rows = find_zone_violations(incidents, zones)

    assert [(r.zone_id, r.perpetrator, r.incidents.incidents) for r in rows] == [
        ("eastern-ghouta", "Russia", (3,)),
        ("idlib", "Russia", (1,)),
        ("idlib", "Syrian government", (2,)),
    ]
    ghouta = rows[0]
    assert ghouta.strikes.value == 4
    assert ghouta.in_force_to == date(2018, 4, 14)
    assert ghouta.approximate is True and ghouta.source


def test_a_strike_placed_only_to_its_region_is_not_tested() -> None:
    incident = a_counted_incident(1, place=IDLIB_CITY, day=date(2017, 9, 27), geo_precision=3)

    assert find_zone_violations([incident], Zones.load()) == ()


def test_governorate_outlines_are_not_zones_that_can_be_violated() -> None:
    rows = find_zone_violations(
        [a_counted_incident(1, place=IDLIB_CITY, day=date(2017, 9, 27))], Zones.load()
    )

    assert "governorate:SY07" not in [r.zone_id for r in rows]
