"""Zones say which areas held a place on a date."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from harmwatch.errors import InputError
from harmwatch.geo import Zones, store_zones

IDLIB_CITY = (35.93062, 36.63393)
DOUMA = (33.5722, 36.4021)


def test_idlib_city_was_in_the_idlib_de_escalation_area_after_may_2017() -> None:
    zones = Zones.load()
    ids = [z.id for z in zones.at(*IDLIB_CITY, on=date(2018, 1, 10))]
    assert ids == ["idlib", "governorate:SY07"]
    assert "idlib" not in [z.id for z in zones.at(*IDLIB_CITY, on=date(2017, 5, 1))]


def test_eastern_ghouta_zone_ended_in_april_2018() -> None:
    zones = Zones.load()
    assert "eastern-ghouta" in [z.id for z in zones.at(*DOUMA, on=date(2018, 3, 1))]
    assert "eastern-ghouta" not in [z.id for z in zones.at(*DOUMA, on=date(2018, 5, 1))]


def test_packaged_de_escalation_zones_are_marked_approximate_with_sources() -> None:
    zones = [z for z in Zones.load().zones if z.kind == "de-escalation area"]
    assert len(zones) == 4
    assert all(z.approximate and z.source and z.in_force_from == date(2017, 5, 6) for z in zones)


def test_many_points_at_once() -> None:
    zones = Zones.load()
    result = zones.at_many([IDLIB_CITY[0], 0.0], [IDLIB_CITY[1], 0.0], on=date(2018, 1, 1))
    assert [z.id for z in result[0]] == ["idlib", "governorate:SY07"]
    assert result[1] == []
    inside = zones.contains("idlib", [IDLIB_CITY[0], DOUMA[0]], [IDLIB_CITY[1], DOUMA[1]])
    assert inside.tolist() == [True, False]


def _feature(name: str, **props: object) -> dict[str, object]:
    ring = [[36.0, 35.0], [37.0, 35.0], [37.0, 36.0], [36.0, 36.0], [36.0, 35.0]]
    return {
        "type": "Feature",
        "properties": {"name": name, **props},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def test_added_zones_are_stored_and_loaded(tmp_path: Path) -> None:
    path = tmp_path / "ceasefire.geojson"
    collection = {
        "type": "FeatureCollection",
        "features": [_feature("Ceasefire 2020", in_force_from="2020-03-06")],
    }
    path.write_text(json.dumps(collection), encoding="utf-8")
    store_zones(path, tmp_path / "data")
    zones = Zones.load(extra_dir=tmp_path / "data")
    assert "ceasefire-2020" in [z.id for z in zones.at(35.5, 36.5, on=date(2020, 4, 1))]
    assert "ceasefire-2020" not in [z.id for z in zones.at(35.5, 36.5, on=date(2020, 1, 1))]


@pytest.mark.parametrize(
    ("feature", "message"),
    [
        (_feature(""), "feature 1: has no 'name' property"),
        (_feature("Z", in_force_from="06/03/2020"), "feature 1: date '06/03/2020'"),
        (_feature("Z", in_force_from="2020-03-06", in_force_to="2020-01-01"), "is before"),
        (
            {
                "type": "Feature",
                "properties": {"name": "P"},
                "geometry": {"type": "Point", "coordinates": [36, 35]},
            },
            "not a polygon",
        ),
    ],
)
def test_bad_zone_files_name_the_file_and_feature(
    tmp_path: Path, feature: dict[str, object], message: str
) -> None:
    path = tmp_path / "bad.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    with pytest.raises(InputError) as error:
        store_zones(path, tmp_path / "data")
    assert str(path) in str(error.value) and message in str(error.value)
