"""Rows without coordinates are placed with the gazetteer, inside their governorate; a row from
a country or governorate the gazetteer does not cover is left unplaced, never guessed."""

from __future__ import annotations

import pytest
from builders import a_csv

from harmwatch.geo import Gazetteer
from harmwatch.ingest import parse_column_map, read_table
from harmwatch.pipeline import gazetteer_lookup

MAP = """
date = "Date"
country = "Country"
admin1 = "Governorate"
location = "Town"
killed.people = "Killed"
"""
HEADER = ["Date", "Country", "Governorate", "Town", "Killed"]


@pytest.fixture(scope="module")
def lookup() -> object:
    return gazetteer_lookup(Gazetteer.load())


def test_a_town_is_placed_inside_its_governorate_in_any_spelling(lookup: object) -> None:
    raw = a_csv(HEADER, ["2019-05-20", "Syria", "Idleb", "Saraqeb", "3"])

    table = read_table(raw, source="t.csv", column_map=parse_column_map(MAP), lookup=lookup)  # type: ignore[arg-type]

    (report,) = table.reports
    assert report.place is not None
    assert (report.place.name, report.place.admin1) == ("Saraqib", "Idlib")
    assert report.geo_precision == 1
    assert table.problems == ()


def test_a_governorate_alone_places_the_row_at_region_precision(lookup: object) -> None:
    raw = a_csv(HEADER, ["2019-05-20", "SYR", "Hama", "", "3"])

    table = read_table(raw, source="t.csv", column_map=parse_column_map(MAP), lookup=lookup)  # type: ignore[arg-type]

    (report,) = table.reports
    assert report.place is not None and report.place.feature == "governorate"
    assert report.geo_precision == 3


def test_a_row_of_another_country_is_placed_in_its_governorate_there(lookup: object) -> None:
    raw = a_csv(HEADER, ["2019-05-20", "Yemen", "Sanaa", "Bani Al-Harith", "3"])

    table = read_table(raw, source="t.csv", column_map=parse_column_map(MAP), lookup=lookup)  # type: ignore[arg-type]

    (report,) = table.reports
    assert report.place is not None
    assert (report.place.country, report.place.feature) == ("YE", "governorate")
    assert report.geo_precision == 3


@pytest.mark.parametrize(
    "row",
    [
        ["2019-05-20", "Yemen", "Nowhere Province", "Bani Al-Harith", "3"],  # unknown there
        ["2019-05-20", "Syria", "Nowhere Province", "Saraqib", "3"],  # a governorate unknown
    ],
)
def test_a_row_the_gazetteer_cannot_place_is_imported_unplaced_with_a_warning(
    lookup: object, row: list[str]
) -> None:
    table = read_table(
        a_csv(HEADER, row),
        source="t.csv",
        column_map=parse_column_map(MAP),
        lookup=lookup,  # type: ignore[arg-type]
    )

    (report,) = table.reports
    assert report.place is None
    (warning,) = table.problems
    assert (warning.error, warning.reason) == (False, "place not found in the gazetteer")


def test_a_point_is_given_the_gazetteers_admin_names_and_p_codes(lookup: object) -> None:
    column_map = parse_column_map(MAP + 'latitude = "Lat"\nlongitude = "Lon"\n')
    raw = a_csv(
        [*HEADER, "Lat", "Lon"], ["2019-05-20", "Syria", "Idleb", "Saraqeb", "3", "35.86", "36.80"]
    )

    table = read_table(raw, source="t.csv", column_map=column_map, lookup=lookup)  # type: ignore[arg-type]

    place = table.reports[0].place
    assert place is not None
    assert (place.id, place.lat, place.name) == ("point:35.86000,36.80000", 35.86, "Saraqeb")
    assert (place.admin1, place.admin1_pcode, place.country) == ("Idlib", "SY07", "SY")
