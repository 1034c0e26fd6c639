"""A period summary gives back a monitoring group's numbers, and never adds a period total to
the incident sums beside it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from builders import a_counted_incident, a_place_like, a_source_report

from harmwatch.analyze import (
    Area,
    format_summary_markdown,
    resolve_place,
    summarize,
    summary_to_dict,
)
from harmwatch.errors import InputError
from harmwatch.geo import Gazetteer, Zones
from harmwatch.model import Figure, Report

IDLIB = a_place_like(id="ocha:SY07", name="Idlib", feature="governorate", lat=35.77, lon=36.67,
                geonameid=None, admin2=None, admin2_pcode=None)  # fmt: skip
KHAN_SHAYKHUN = a_place_like(id="geonames:168325", name="Khan Shaykhun", feature="town",
                        lat=35.44208, lon=36.65095, geonameid=168325,
                        admin2_pcode="SY0702")  # fmt: skip
ALEPPO = a_place_like(id="geonames:170063", name="Aleppo", feature="city", lat=36.2, lon=37.16,
                 admin1="Aleppo", admin1_pcode="SY02", admin2_pcode="SY0200")  # fmt: skip
WEEK = {"start": date(2017, 9, 20), "end": date(2017, 10, 1)}


def a_bulletin(**changes: Any) -> Report:
    """A monitoring group's week of strikes on Idlib province as one period total."""
    russia, government = "Russia", "Syrian government"
    figures = (
        Figure("strikes", "airstrike", 714, evidence="714 airstrikes"),
        Figure("strikes", "barrel_bomb", 13, evidence="13 of them", perpetrator=government),
        Figure("facilities_hit", "any", 47, evidence="47 vital civilian facilities"),
        Figure("facilities_hit", "medical", 8, perpetrator=russia),
        Figure("facilities_hit", "school", 5, perpetrator=russia),
        Figure("facilities_hit", "civil_defence", 12, perpetrator=russia),
        Figure("facilities_hit", "medical", 2, perpetrator=government),
        Figure("facilities_hit", "school", 1, perpetrator=government),
        Figure("facilities_hit", "civil_defence", 4, perpetrator=government),
        Figure("killed", "people", 137, "at_least", evidence="At least 137 people"),
        Figure("killed", "children", 23, evidence="23 children"),
        Figure("killed", "women", 24, evidence="24 women"),
        Figure("killed", "fighters", 52, evidence="52 fighters"),
        Figure("killed", "people", 137, "at_least", evidence="137 killed"),  # a repeat
    )
    fields: dict[str, Any] = {
        "key": "b" * 64 + ":0",
        "source": "file:///reports/idlib-monitor-week.txt",
        "date_start": date(2017, 9, 23),
        "date_end": date(2017, 9, 30),
        "time_precision": 2,
        "place": IDLIB,
        "geo_precision": 3,
        "period_total": True,
        "perpetrators": (government, russia),
        "weapons": ("airstrike", "barrel_bomb"),
        "figures": figures,
    }
    fields.update(changes)
    return a_source_report(**fields)


def rescuers_killed(id: int = 7, **changes: Any) -> Any:
    """The strike the bulletin itself tells of: three rescuers killed in Khan Shaykhun."""
    fields: dict[str, Any] = {
        "killed": {"rescuers": 3},
        "place": KHAN_SHAYKHUN,
        "day": date(2017, 9, 27),
        "perpetrators": ("Syrian government",),
    }
    fields.update(changes)
    return a_counted_incident(id, **fields)


def row(rows: list[dict[str, Any]], **match: Any) -> dict[str, Any]:
    found = [r for r in rows if all(r.get(k) == v for k, v in match.items())]
    assert len(found) == 1, (match, rows)
    return found[0]


def values(item: dict[str, Any]) -> list[int]:
    return [f["value"] for f in item["period_totals"]]


def test_a_bulletin_alone_gives_back_its_own_numbers() -> None:
    bulletin = a_bulletin()
    out = summary_to_dict(summarize([], [bulletin], area=Area.of_place(IDLIB), **WEEK))

    assert values(row(out["strikes"], weapon="airstrike")) == [714]
    assert values(row(out["strikes"], weapon="barrel_bomb")) == [13]
    assert values(row(out["facilities"], type="any", perpetrator=None)) == [47]
    for kind, russia, government in (("medical", 8, 2), ("school", 5, 1), ("civil_defence", 12, 4)):
        assert values(row(out["facilities"], type=kind, perpetrator="Russia")) == [russia]
        assert values(row(out["facilities"], type=kind, perpetrator="Syrian government")) == [
            government
        ]
    killed = {r["group"]: values(r) for r in out["casualties"] if r["kind"] == "killed"}
    assert killed == {"people": [137], "children": [23], "women": [24], "fighters": [52]}
    people = row(out["casualties"], kind="killed", group="people")["period_totals"][0]
    assert people["bound"] == "at_least" and people["report"] == bulletin.key
    assert out["period_totals"][0]["report"] == bulletin.key


def test_a_bulletin_names_its_remainders() -> None:
    out = summary_to_dict(summarize([], [a_bulletin()], area=Area.of_place(IDLIB), **WEEK))

    messages = [f["message"] for f in out["consistency"]]
    assert "32 of 47 facilities have a stated type: 15 of unreported type" in messages
    assert (
        "23 children + 24 women + 52 fighters = 99 of at least 137 killed: 38 not broken down"
        in messages
    )
    remainders = sorted(f["remainder"] for f in out["consistency"] if f["check"] == "breakdown")
    assert remainders == [15, 38]


def test_a_period_total_is_never_added_to_the_incidents_it_mentions() -> None:
    out = summary_to_dict(
        summarize([rescuers_killed()], [a_bulletin()], area=Area.of_place(IDLIB), **WEEK)
    )

    people = row(out["casualties"], kind="killed", group="people")
    assert people["incidents"] == {"best": 3, "low": 3, "high": 3, "incidents": [7], "sources": 1}
    assert values(people) == [137]
    assert row(out["casualties"], kind="killed", group="rescuers")["incidents"]["best"] == 3
    assert row(out["strikes"], weapon="all")["incidents"] == {"value": 1, "incidents": [7]}
    assert values(row(out["strikes"], weapon="airstrike")) == [714]
    assert out["incidents"] == {"value": 1, "incidents": [7]}


def test_unverified_incidents_are_left_out_on_request_and_the_summary_says_so() -> None:
    incidents = [rescuers_killed(1), rescuers_killed(2, grade="fair")]

    included = summary_to_dict(summarize(incidents, area=Area.of_place(IDLIB), **WEEK))
    excluded = summary_to_dict(
        summarize(incidents, area=Area.of_place(IDLIB), include_unverified=False, **WEEK)
    )

    assert included["unverified"] == "included" and included["incidents"]["value"] == 2
    assert excluded["unverified"] == "excluded" and excluded["incidents"]["incidents"] == [2]
    assert excluded["left_out"] == [{"grade": "ungraded", "value": 1, "incidents": [1]}]
    assert "ungraded (unverified) incidents excluded" in excluded["counting"]
    assert row(excluded["by_grade"], grade="ungraded")["value"] == 1


def test_discounted_incidents_are_listed_by_grade_but_never_counted() -> None:
    incidents = [rescuers_killed(1, grade="confirmed"), rescuers_killed(2, grade="discounted")]

    out = summary_to_dict(summarize(incidents, area=Area.of_place(IDLIB), **WEEK))

    assert out["incidents"]["incidents"] == [1]
    assert [r["grade"] for r in out["by_grade"]] == ["confirmed", "discounted"]
    assert row(out["casualties"], kind="killed", group="rescuers")["incidents"]["best"] == 3


def test_incidents_outside_the_area_or_the_dates_are_not_counted() -> None:
    incidents = [
        rescuers_killed(1),
        rescuers_killed(2, place=ALEPPO),
        rescuers_killed(3, day=date(2017, 10, 2)),
        rescuers_killed(4, day=date(2017, 9, 19)),
    ]
    late_bulletin = a_bulletin(date_start=date(2017, 10, 5), date_end=date(2017, 10, 12))

    out = summary_to_dict(summarize(incidents, [late_bulletin], area=Area.of_place(IDLIB), **WEEK))

    assert out["incidents"]["incidents"] == [1]
    assert out["period_totals"] == []


def test_a_period_total_reaching_outside_the_dates_is_marked_partial() -> None:
    bulletin = a_bulletin(date_start=date(2017, 9, 15), date_end=date(2017, 9, 22))

    out = summary_to_dict(summarize([], [bulletin], area=Area.of_place(IDLIB), **WEEK))

    assert out["period_totals"][0]["partial"] is True
    assert row(out["strikes"], weapon="airstrike")["period_totals"][0]["partial"] is True


def test_casualties_are_summed_as_best_and_range_with_incidents_and_sources() -> None:
    from builders import a_tally

    day = date(2017, 9, 25)
    disputed = a_counted_incident(
        1,
        day=day,
        reports=("docA:0", "docB:0"),
        tallies=(a_tally("killed", "civilians", ("docA:0", 7), ("docB:0", 9)),),
    )
    other = a_counted_incident(
        2, day=day, killed={"civilians": 4, "children": 2}, injured={"people": 10}
    )

    out = summary_to_dict(summarize([disputed, other], area=Area.of_place(IDLIB), **WEEK))

    civilians = row(out["casualties"], kind="killed", group="civilians")["incidents"]
    assert civilians == {"best": 13, "low": 11, "high": 13, "incidents": [1, 2], "sources": 3}
    people = row(out["casualties"], kind="killed", group="people")["incidents"]
    assert (people["best"], people["incidents"]) == (13, [1, 2])
    assert row(out["casualties"], kind="injured", group="people")["incidents"]["best"] == 10


def test_facilities_are_counted_by_type_and_perpetrator_from_incidents() -> None:
    day = date(2017, 9, 25)
    incidents = [
        a_counted_incident(1, day=day, facility_types=("medical", "school")),
        a_counted_incident(
            2, day=day, facility_types=("medical",), perpetrators=("Syrian government",)
        ),
        a_counted_incident(3, day=day, facility_types=("any",)),
    ]

    out = summary_to_dict(summarize(incidents, area=Area.of_place(IDLIB), **WEEK))

    assert row(out["facilities"], type="medical", perpetrator=None)["hits"] == {
        "value": 2,
        "incidents": [1, 2],
    }
    assert row(out["facilities"], type="medical", perpetrator="Russia")["hits"]["value"] == 1
    assert row(out["facilities"], type="any", perpetrator=None)["hits"]["value"] == 4
    messages = [f["message"] for f in out["consistency"]]
    assert "in incidents: 3 of 4 facilities have a stated type: 1 of unreported type" in messages


def test_incidents_by_perpetrator_grade_day_and_week() -> None:
    incidents = [
        a_counted_incident(1, day=date(2017, 9, 25), killed={"people": 5}),
        a_counted_incident(2, day=date(2017, 9, 25), perpetrators=("Syrian government",)),
        a_counted_incident(3, day=date(2017, 9, 30), perpetrators=(), grade="weak"),
        a_counted_incident(4, day=date(2017, 9, 24), last_date=date(2017, 9, 26), time_precision=2),
    ]

    out = summary_to_dict(summarize(incidents, area=Area.of_place(IDLIB), **WEEK))

    assert [(r["perpetrator"], r["value"]) for r in out["by_perpetrator"]] == [
        ("Russia", 2),
        ("Syrian government", 1),
        ("unattributed", 1),
    ]
    assert [(r["date"], r["incidents"]["value"], r["killed"]["best"]) for r in out["per_day"]] == [
        ("2017-09-25", 2, 28),
        ("2017-09-30", 1, 23),
    ]
    assert [(r["week"], r["incidents"]["value"]) for r in out["per_week"]] == [
        ("2017-W39", 3),
    ]
    assert out["not_in_a_day"] == {"value": 1, "incidents": [4]}


def test_a_zone_or_a_bounding_box_can_be_the_area() -> None:
    zones = Zones.load()
    inside = rescuers_killed(1)
    outside = rescuers_killed(2, place=a_place_like(lat=33.51, lon=36.29, admin1_pcode="SY01"))

    by_zone = summarize([inside, outside], area=Area.of_zone(zones.get("idlib")), **WEEK)
    by_box = summarize([inside, outside], area=Area.of_bbox(35.0, 36.0, 36.5, 37.5), **WEEK)

    assert by_zone.incidents.incidents == (1,)
    assert by_box.incidents.incidents == (1,)
    assert "approximate boundary" in by_zone.area.label


def test_a_place_inside_a_zone_holds_what_is_in_both() -> None:
    zone = Zones.load().get("idlib")
    hama = a_place_like(admin1="Hama", admin1_pcode="SY05", lat=35.3, lon=36.6)  # in the zone
    area = Area.of_place(a_place_like(id="ocha:SY05", feature="governorate", admin1_pcode="SY05"))

    summary = summarize(
        [rescuers_killed(1, place=hama), rescuers_killed(2, place=a_place_like(
            admin1_pcode="SY05", lat=35.13, lon=36.75))],  # Hama city, outside the zone
        area=area.intersect(Area.of_zone(zone)),
        **WEEK,
    )  # fmt: skip

    assert summary.incidents.incidents == (1,)
    assert summary.area.kind == "place+zone"


def test_a_town_area_holds_places_within_its_radius() -> None:
    town = a_place_like()
    near = a_counted_incident(
        1, place=a_place_like(id="x:site", feature="site", lat=35.65, lon=36.68)
    )
    far = a_counted_incident(
        2, place=a_place_like(id="x:far", feature="village", lat=35.8, lon=36.9)
    )

    summary = summarize([near, far], area=Area.of_place(town), **WEEK)

    assert summary.incidents.incidents == (1,)
    assert "within 3 km" in summary.area.label


def test_a_place_without_p_codes_is_placed_by_its_admin_names() -> None:
    bare = a_place_like(admin1_pcode=None, admin2_pcode=None, country=None)
    elsewhere = a_place_like(admin1="Hama", admin1_pcode=None)

    summary = summarize(
        [rescuers_killed(1, place=bare), rescuers_killed(2, place=elsewhere)],
        area=Area.of_place(IDLIB),
        **WEEK,
    )

    assert summary.incidents.incidents == (1,)


def test_place_names_mean_the_broadest_admin_unit_that_matches() -> None:
    gazetteer = Gazetteer.load()

    assert resolve_place(gazetteer, "Idlib").id == "ocha:SY07"
    assert resolve_place(gazetteer, "geonames:169389").feature == "city"
    assert resolve_place(gazetteer, "Khan Sheikhoun").feature == "town"


def test_a_bad_range_or_box_is_refused_with_one_line() -> None:
    with pytest.raises(InputError, match="ends"):
        summarize([], area=Area.of_place(IDLIB), start=date(2017, 10, 1), end=date(2017, 9, 1))
    with pytest.raises(InputError, match="SOUTH,WEST,NORTH,EAST"):
        Area.of_bbox(36.0, 36.0, 35.0, 37.0)


def test_markdown_shows_period_totals_in_their_own_labelled_column() -> None:
    text = format_summary_markdown(
        summarize([rescuers_killed()], [a_bulletin()], area=Area.of_place(IDLIB), **WEEK)
    )

    assert text.startswith("# Summary of Idlib (governorate, ocha:SY07), 2017-09-20 to 2017-10-01")
    assert "period totals (a source's own; not added)" in text
    assert "at least 137 (idlib-monitor-week.txt, 2017-09-23..2017-09-30)" in text
    assert "32 of 47 facilities have a stated type: 15 of unreported type" in text
