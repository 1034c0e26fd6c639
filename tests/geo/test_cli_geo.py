"""``harmwatch geocode``, ``gazetteer import`` and ``zones`` as a user meets them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from harmwatch.cli import app
from harmwatch.geo import import_places
from harmwatch.store import Store

runner = CliRunner()


def test_geocode_prints_one_json_line_per_name_and_fails_when_one_is_not_found() -> None:
    result = runner.invoke(app, ["geocode", "Idleb", "Latamneh", "Qwertabad", "--format", "jsonl"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    expected = {
        "query": "Idleb",
        "found": True,
        "name": "Idlib",
        "id": "geonames:169389",
        "geonameid": 169389,
        "country": "SY",
        "lat": 35.93062,
        "lon": 36.63393,
        "admin1": "Idlib",
        "admin2": "Idlib",
        "feature": "city",
        "score": 0.97,
        "review": False,
    }
    assert {key: lines[0][key] for key in expected} == expected
    assert lines[0]["admin1_pcode"] == "SY07"
    assert lines[1]["id"] == "ocha:C3458"
    assert lines[2]["found"] is False and isinstance(lines[2]["candidates"], list)
    assert "1 of 3 names not found" in result.stderr


def test_geocode_resolves_places_worldwide_with_their_country() -> None:
    result = runner.invoke(app, ["geocode", "Sanaa", "Kharkiv", "Tyre", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["country"] for line in result.stdout.splitlines()] == [
        "YE",
        "UA",
        "LB",
    ]


def test_geocode_country_hint_prefers_the_place_in_that_country() -> None:
    syria = runner.invoke(app, ["geocode", "Saada", "--country", "SY", "--format", "jsonl"])
    yemen = runner.invoke(app, ["geocode", "Saada", "--country", "ye", "--format", "jsonl"])
    assert json.loads(syria.stdout)["country"] == "SY"
    assert json.loads(yemen.stdout)["id"] == "geonames:71334"


def test_geocode_country_must_be_an_iso_code() -> None:
    result = runner.invoke(app, ["geocode", "Sanaa", "--country", "Yemen"])
    assert result.exit_code == 1
    assert "--country 'YEMEN' is not a two-letter ISO country code" in result.stderr


def test_geocode_context_picks_the_namesake_in_that_governorate() -> None:
    result = runner.invoke(app, ["geocode", "Abdin", "--context", "Daraa", "--format", "jsonl"])
    assert json.loads(result.output)["id"] == "ocha:C6023"


def test_geocode_table_says_not_found() -> None:
    result = runner.invoke(app, ["geocode", "Qwertabad", "--format", "table"])
    assert result.exit_code == 1
    assert "Qwertabad: not found" in result.stdout


def test_gazetteer_import_stores_the_places_in_the_database_for_geocode(tmp_path: Path) -> None:
    csv_file = tmp_path / "villages.csv"
    csv_file.write_text("name,lat,lon,admin1\nTell Zahra,35.5,36.5,Idlib\n", encoding="utf-8")
    db = ["--db", str(tmp_path / "team.db"), "--data-dir", str(tmp_path / "none")]
    result = runner.invoke(app, [*db, "gazetteer", "import", str(csv_file)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("imported 1 places from")
    found = runner.invoke(app, [*db, "geocode", "Tell Zahra", "--format", "jsonl"])
    assert json.loads(found.output)["id"] == "user:tell-zahra"
    again = runner.invoke(app, [*db, "gazetteer", "import", str(csv_file)])
    assert again.exit_code == 0 and "its 1 places are stored already" in again.output
    with Store.open(str(tmp_path / "team.db")) as store:
        assert [p.place.id for p in store.added_places()] == ["user:tell-zahra"]
        assert [e.action for e in store.iter_audit()] == ["places.import"]
    assert not (tmp_path / "none").exists()


def test_places_a_data_folder_holds_are_stored_once_and_the_import_noted(tmp_path: Path) -> None:
    csv_file = tmp_path / "villages.csv"
    csv_file.write_text("name,lat,lon\nTell Zahra,35.5,36.5\n", encoding="utf-8")
    data = tmp_path / "data"
    import_places(csv_file, data)  # as an older harmwatch left it
    db = ["--db", str(tmp_path / "team.db"), "--data-dir", str(data)]
    for _ in range(2):
        found = runner.invoke(app, [*db, "ingest", str(_a_report(tmp_path))])
        assert found.exit_code == 0, found.output
    with Store.open(str(tmp_path / "team.db")) as store:
        assert [p.origin for p in store.added_places()] == ["data-dir:villages"]
        imports = [e for e in store.iter_audit() if e.action == "places.import"]
        assert [e.actor for e in imports] == ["harmwatch (data folder import)"]


def _a_report(folder: Path) -> Path:
    report = folder / "report.txt"
    report.write_text("Two civilians were killed in Tell Zahra on Monday.\n", encoding="utf-8")
    return report


def test_gazetteer_import_of_a_bad_file_is_one_error_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon\nX,north,36\n", encoding="utf-8")
    result = runner.invoke(app, ["--db", str(tmp_path / "h.db"), "gazetteer", "import", str(bad)])
    assert result.exit_code == 1
    assert "Error:" in result.output and "row 2" in result.output
    assert not (tmp_path / "h.db").exists()


def test_zones_add_then_list_and_check(tmp_path: Path) -> None:
    zone = tmp_path / "truce.geojson"
    ring = [[36.0, 35.0], [37.0, 35.0], [37.0, 36.0], [36.0, 36.0], [36.0, 35.0]]
    zone.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"name": "Truce", "in_force_from": "2020-03-06"},
                        "geometry": {"type": "Polygon", "coordinates": [ring]},
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    data = str(tmp_path / "data")
    db = str(tmp_path / "team.db")
    added = runner.invoke(app, ["--db", db, "--data-dir", data, "zones", "add", str(zone)])
    assert added.exit_code == 0, added.output
    assert added.output.startswith("added 1 zones from")
    listed = runner.invoke(
        app, ["--db", db, "--data-dir", data, "zones", "list", "--format", "jsonl"]
    )
    ids = [json.loads(line)["id"] for line in listed.output.splitlines()]
    assert "truce" in ids and "idlib" in ids
    checked = runner.invoke(
        app,
        [
            "--db",
            db,
            "--data-dir",
            data,
            "zones",
            "check",
            "35.93",
            "36.63",
            "--date",
            "2020-04-01",
            "--format",
            "jsonl",
        ],
    )
    assert [json.loads(line)["id"] for line in checked.output.splitlines()] == [
        "idlib",
        "governorate:SY07",
        "truce",
    ]
