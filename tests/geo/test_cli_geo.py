"""``harmwatch geocode``, ``gazetteer import`` and ``zones`` as a user meets them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from harmwatch.cli import app

runner = CliRunner()


def test_geocode_prints_one_json_line_per_name() -> None:
    result = runner.invoke(app, ["geocode", "Idleb", "Latamneh", "Qwertabad", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    expected = {
        "query": "Idleb",
        "found": True,
        "name": "Idlib",
        "id": "geonames:169389",
        "geonameid": 169389,
        "lat": 35.93062,
        "lon": 36.63393,
        "admin1": "Idlib",
        "admin2": "Idlib",
        "feature": "city",
        "score": 1.0,
    }
    assert {key: lines[0][key] for key in expected} == expected
    assert lines[0]["admin1_pcode"] == "SY07"
    assert lines[1]["id"] == "ocha:C3458"
    assert lines[2]["found"] is False and isinstance(lines[2]["candidates"], list)


def test_geocode_context_picks_the_namesake_in_that_governorate() -> None:
    result = runner.invoke(app, ["geocode", "Abdin", "--context", "Daraa", "--format", "jsonl"])
    assert json.loads(result.output)["id"] == "ocha:C6023"


def test_geocode_table_says_not_found() -> None:
    result = runner.invoke(app, ["geocode", "Qwertabad", "--format", "table"])
    assert result.exit_code == 0
    assert "Qwertabad: not found" in result.output


def test_gazetteer_import_then_geocode_finds_the_new_village(tmp_path: Path) -> None:
    csv_file = tmp_path / "villages.csv"
    csv_file.write_text("name,lat,lon,admin1\nTell Zahra,35.5,36.5,Idlib\n", encoding="utf-8")
    data = str(tmp_path / "data")
    result = runner.invoke(app, ["--data-dir", data, "gazetteer", "import", str(csv_file)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("imported 1 places from")
    found = runner.invoke(app, ["--data-dir", data, "geocode", "Tell Zahra", "--format", "jsonl"])
    assert json.loads(found.output)["id"] == "user:tell-zahra"


def test_gazetteer_import_of_a_bad_file_is_one_error_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon\nX,north,36\n", encoding="utf-8")
    result = runner.invoke(app, ["--data-dir", str(tmp_path), "gazetteer", "import", str(bad)])
    assert result.exit_code == 1
    assert "Error:" in result.output and "row 2" in result.output


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
    added = runner.invoke(app, ["--data-dir", data, "zones", "add", str(zone)])
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["--data-dir", data, "zones", "list", "--format", "jsonl"])
    ids = [json.loads(line)["id"] for line in listed.output.splitlines()]
    assert "truce" in ids and "idlib" in ids
    checked = runner.invoke(
        app,
        [
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
