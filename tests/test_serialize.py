"""One serializer per domain type: every door's JSON for a claim, place or document is the same
function's output."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from builders import a_claim, a_document, a_place_mention, an_extraction
from typer.testing import CliRunner

from harmwatch.cli import app
from harmwatch.ingest import read_file
from harmwatch.pipeline import Analyzer
from harmwatch.serialize import (
    PLACE_FIELDS,
    claim_to_dict,
    document_to_dict,
    extraction_to_dict,
    mention_to_dict,
    place_to_dict,
)

runner = CliRunner()
REPORT = "At least 23 civilians were killed in airstrikes on Maarat al-Numan on Sunday.\n"


def test_extract_prints_exactly_what_extraction_to_dict_gives(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(path)])
    document = dataclasses.replace(read_file(path), lang=None)
    expected = extraction_to_dict(Analyzer.load()(document), source=str(path))
    assert json.loads(result.stdout) == expected


def test_a_claim_carries_the_contract_fields_and_its_rule_and_confidence() -> None:
    out = claim_to_dict(a_claim(place_id="geonames:169389", geo_precision=1, rule="verb_count"))
    assert list(out) == [
        "kind", "subject", "value", "bound", "perpetrator", "weapon", "status", "date", "start",
        "end", "text", "sentence", "confidence", "rule", "place_id", "geo_precision",
    ]  # fmt: skip
    assert out["date"] == "2019-05-19"
    assert claim_to_dict(a_claim(max=30))["max"] == 30


def test_a_mention_is_flat_with_its_place_and_a_place_has_every_field() -> None:
    mention = a_place_mention()
    out = mention_to_dict(mention)
    assert {k: out[k] for k in ("name", "id", "lat", "lon", "admin1", "place_name")} == {
        "name": "Maarat al-Numan", "id": "geonames:169389", "lat": 35.64, "lon": 36.67,
        "admin1": "Idlib", "place_name": "Maarat al-Numan",
    }  # fmt: skip
    assert mention.place is not None
    assert list(place_to_dict(mention.place)) == list(PLACE_FIELDS)
    unresolved = mention_to_dict(a_place_mention(place=None))
    assert unresolved["id"] is None and unresolved["lat"] is None


def test_a_document_is_its_metadata_not_its_bytes() -> None:
    out = document_to_dict(a_document())
    assert out["bytes"] == len(a_document().raw)
    assert "raw" not in out and "text" not in out
    assert json.dumps(out)


def test_an_extraction_line_is_valid_json() -> None:
    line = extraction_to_dict(an_extraction(), source="a.txt")
    assert json.loads(json.dumps(line)) == line
    assert line["period"] == {"start": "2019-05-19", "end": "2019-05-19"}
