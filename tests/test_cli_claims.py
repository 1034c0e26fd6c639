"""``harmwatch claims``: what was stored, filtered, as a table, JSON lines, CSV and GeoJSON."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from builders import a_claim, a_document, a_place_mention, an_extraction
from typer.testing import CliRunner

from harmwatch.cli import app
from harmwatch.model import Place
from harmwatch.serialize import STORED_CLAIM_FIELDS
from harmwatch.store import Store

runner = CliRunner()

SARAQIB = Place(
    id="geonames:163270", name="Saraqib", lat=35.86, lon=36.8, feature="city",
    admin1="Idlib", admin2="Idlib", admin3="Saraqab", admin1_pcode="SY07",
)  # fmt: skip
HAMA = Place(id="geonames:170017", name="Hama", lat=35.13, lon=36.75, feature="city", admin1="Hama")


@pytest.fixture
def stored(db_url: str) -> str:
    """Two documents: one in Idlib governorate (Russia, May 2019), one in Hama (no place found
    for one of its claims)."""
    idlib_text = "At least 23 civilians were killed in Saraqib. Russian jets struck 4 times."
    idlib = a_document(idlib_text, published=date(2019, 5, 20))
    idlib_claims = (
        a_claim(value=23, text="At least 23 civilians", start=0, end=21, perpetrator="Russia",
                date=date(2019, 5, 19), place_id=SARAQIB.id),
        a_claim(kind="strikes", subject="other", value=4, text="4 times", start=66, end=73,
                perpetrator="Russia or Syrian government", date=None, place_id=SARAQIB.id,
                weapon=None),
    )  # fmt: skip
    hama_text = "Eight people were killed in Hama on 2 June. Three were injured."
    hama = a_document(hama_text, published=date(2019, 6, 3))
    hama_claims = (
        a_claim(subject="people", value=8, text="Eight people", start=0, end=12, bound="exact",
                perpetrator="Syrian government", date=date(2019, 6, 2), place_id=HAMA.id),
        a_claim(kind="injured", subject="people", value=3, text="Three", start=44, end=49,
                bound="exact", perpetrator=None, date=None, place_id=None),
    )  # fmt: skip
    with Store.open(db_url) as store:
        store.add_document(
            idlib,
            an_extraction(*idlib_claims, places=(a_place_mention(place=SARAQIB, name="Saraqib"),)),
        )
        store.add_document(
            hama,
            an_extraction(
                *hama_claims,
                places=(a_place_mention(place=HAMA, name="Hama"),),
                published=date(2019, 6, 3),
            ),
        )
    return db_url


def claims(db_url: str, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["--db", db_url, "claims", "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_claim_is_listed_with_its_document_and_place(stored: str) -> None:
    found = claims(stored)
    assert [(c["kind"], c["value"], c["place_name"]) for c in found] == [
        ("killed", 23, "Saraqib"),
        ("strikes", 4, "Saraqib"),
        ("killed", 8, "Hama"),
        ("injured", 3, None),
    ]
    first = found[0]
    assert list(first) == list(STORED_CLAIM_FIELDS)
    assert (first["lat"], first["lon"], first["admin1"], first["admin3"]) == (
        35.86, 36.8, "Idlib", "Saraqab",
    )  # fmt: skip
    assert first["text"] == "At least 23 civilians"
    assert first["published"] == "2019-05-20"
    assert len(str(first["document"])) == 64


@pytest.mark.parametrize(
    ("args", "values"),
    [
        (["--kind", "killed"], [23, 8]),
        (["--perpetrator", "russia"], [23, 4]),  # also "Russia or Syrian government"
        (["--perpetrator", "Syrian government"], [4, 8]),
        (["--place", "Idlib"], [23, 4]),  # the governorate
        (["--place", "Saraqeb"], [23, 4]),  # another spelling of the town
        (["--place", "geonames:170017"], [8]),
        (["--from", "2019-05-20"], [4, 8, 3]),  # undated claims take their document's date
        (["--from", "2019-05-01", "--to", "2019-05-31"], [23, 4]),
        (["--kind", "injured", "--to", "2019-06-03"], [3]),
    ],
)
def test_filters(stored: str, args: list[str], values: list[int]) -> None:
    assert [c["value"] for c in claims(stored, *args)] == values


def test_a_document_is_named_by_its_sha256_or_its_start(stored: str) -> None:
    everything = claims(stored)
    sha = str(everything[-1]["document"])
    assert [c["value"] for c in claims(stored, "--document", sha)] == [8, 3]
    assert [c["value"] for c in claims(stored, "--document", sha[:8].upper())] == [8, 3]


def test_csv_has_flat_coordinates_and_admin_names(stored: str) -> None:
    result = runner.invoke(app, ["--db", stored, "claims", "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == list(STORED_CLAIM_FIELDS)
    assert {k: rows[0][k] for k in ("lat", "lon", "place_name", "admin1", "admin1_pcode")} == {
        "lat": "35.86", "lon": "36.8", "place_name": "Saraqib", "admin1": "Idlib",
        "admin1_pcode": "SY07",
    }  # fmt: skip
    assert rows[3]["lat"] == rows[3]["place_name"] == ""


def test_geojson_is_a_feature_collection_of_points(stored: str) -> None:
    result = runner.invoke(app, ["--db", stored, "claims", "--format", "geojson"])
    assert result.exit_code == 0
    collection = json.loads(result.stdout)
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert len(features) == 4
    assert features[0]["geometry"] == {"type": "Point", "coordinates": [36.8, 35.86]}
    assert features[0]["properties"]["admin1"] == "Idlib"
    assert features[3]["geometry"] is None


def test_table_is_for_people(stored: str) -> None:
    result = runner.invoke(
        app, ["--db", stored, "claims", "--format", "table"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0
    assert "At least 23 civilians" in result.stdout
    assert "Saraqib" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "dead"],
         "--kind must be one of killed, injured, strikes, facilities_hit; got 'dead'"),
        (["--document", "xyz"],
         "--document 'xyz': give a document's sha256, or at least its first 4 hexadecimal "
         "characters"),
        (["--from", "May"], "--from must be a date as YYYY-MM-DD; got 'May'"),
        (["--from", "2019-06-01", "--to", "2019-05-01"],
         "--to 2019-05-01 is before --from 2019-06-01"),
        (["--format", "xml"], "--format must be one of table, jsonl, csv, geojson; got 'xml'"),
    ],
)  # fmt: skip
def test_bad_filters_are_one_line(stored: str, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["--db", stored, "claims", *args])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {message}\n"


def test_no_database_yet_says_how_to_make_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["--db", str(tmp_path / "none.db"), "claims"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: no database at {tmp_path}/none.db")
