"""``harmwatch link``, ``incidents``, ``incident ID`` and ``facilities`` as a user runs them."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest
from link_examples import Analysed, store_examples
from typer.testing import CliRunner

from harmwatch.cli import app
from harmwatch.store import Store


@pytest.fixture
def linked(tmp_path: Path, examples: Analysed) -> str:
    """A SQLite file holding the example reports, linked by ``harmwatch link``."""
    url = f"sqlite:///{tmp_path / 'harmwatch.db'}"
    with Store.open(url) as store:
        store_examples(store, examples)
    result = CliRunner().invoke(app, ["--db", url, "link"])
    assert result.exit_code == 0, result.output
    return url


def _run(url: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["--db", url, *args])
    return result.exit_code, result.stdout, result.stderr


def test_link_says_what_it_assembled_and_linked(tmp_path: Path, examples: Analysed) -> None:
    url = f"sqlite:///{tmp_path / 'harmwatch.db'}"
    with Store.open(url) as store:
        store_examples(store, examples)

    code, out, _ = _run(url, "link")
    again_code, again, _ = _run(url, "link")

    assert code == 0 and again_code == 0
    lines = out.splitlines()
    assert lines[0].startswith("assembled ") and lines[0].endswith(" reports from 18 documents")
    assert " new, 0 changed, 0 unchanged, 0 retired); 8 period totals kept apart" in lines[1]
    assert again.startswith("linked ")
    assert "(0 new, 0 changed, 16 unchanged, 0 retired)" in again


def test_incidents_as_jsonl_carry_every_source_with_its_document(linked: str) -> None:
    code, out, _ = _run(linked, "incidents", "--place", "Maarrat al-Nouman", "--format", "jsonl")

    assert code == 0
    # the market strike of 1 October; the maternity unit hit on 22 September is another
    by_day = {i["first_date"]: i for i in map(json.loads, out.splitlines())}
    assert set(by_day) == {"2017-09-22", "2017-10-01"}
    incident = by_day["2017-10-01"]
    assert len(incident["sources"]) == 4
    for source in incident["sources"]:
        assert len(source["document_sha256"]) == 64
        assert source["source"].endswith((".txt", ".html"))
    killed = next(t for t in incident["tallies"] if t["subject"] == "civilians")
    assert [f["value"] for f in killed["figures"]] == [10, 9, 9]


def test_incidents_filter_by_admin1_perpetrator_weapon_and_facility(linked: str) -> None:
    def ids(*args: str) -> list[int]:
        code, out, _ = _run(linked, "incidents", "--format", "jsonl", *args)
        assert code == 0
        return [json.loads(line)["id"] for line in out.splitlines()]

    everything = ids()
    assert len(everything) == 16  # the two reports of the Kramatorsk station strike are one
    assert len(ids("--admin1", "Aleppo")) == 1
    assert set(ids("--admin1", "idlib")) < set(everything)
    assert ids("--perpetrator", "Saudi-led coalition") != []
    assert set(ids("--weapon", "barrel_bomb")) <= set(ids("--admin1", "Idlib"))
    # Kafr Nabl three times, Jisr, the Ariha centre, the Maarat maternity unit
    assert len(ids("--facility", "medical")) == 6
    assert ids("--from", "2022-01-01") == ids("--perpetrator", "russia", "--from", "2022-01-01")
    assert ids("--grade", "confirmed") == []


def test_incidents_as_csv_and_geojson(linked: str) -> None:
    code, out, _ = _run(linked, "incidents", "--admin1", "Aleppo", "--format", "csv")
    assert code == 0
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert (row["first_date"], row["killed_low"], row["killed_high"]) == ("2017-11-13", "53", "61")
    assert row["n_sources"] == "2"

    code, out, _ = _run(linked, "incidents", "--admin1", "Aleppo", "--format", "geojson")
    assert code == 0
    collection = json.loads(out)
    [feature] = collection["features"]
    assert feature["geometry"]["type"] == "Point"
    assert feature["properties"]["sources"][0]["document_sha256"]


def test_incidents_table_for_people(linked: str) -> None:
    code, out, _ = _run(linked, "incidents", "--format", "table", "--admin1", "Aleppo")

    assert code == 0
    assert "1 incidents" in out and "53 (53-61)" in out


def test_one_incident_shows_its_sources_claims_and_quoted_sentences(linked: str) -> None:
    code, out, _ = _run(linked, "incidents", "--place", "Atarib", "--format", "jsonl")
    incident_id = json.loads(out)["id"]

    code, out, _ = _run(linked, "incident", str(incident_id))

    assert code == 0
    assert out.startswith(f"Incident {incident_id} (version 1): 2017-11-13, Al Atārib, Aleppo")
    assert "Killed people: best 53 (lower of 2 sources), range 53-61" in out
    assert "Sources (2):" in out
    assert '"at least 53 people" in: BEIRUT, Nov 13 (Levant Wire) - Air strikes' in out

    code, out, _ = _run(linked, "incident", str(incident_id), "--format", "json")
    body = json.loads(out)
    assert {e["source"].rsplit("/", 1)[-1] for e in body["evidence"]} == {
        "atareb-2017-11-13-wire.txt",
        "atarib-2017-11-14-civil-defence.html",
    }


def test_facilities_list_attack_counts(linked: str) -> None:
    code, out, _ = _run(linked, "facilities", "--type", "medical", "--format", "jsonl")

    assert code == 0
    found = [json.loads(line) for line in out.splitlines()]
    assert found[0]["attacks"] == 3 and "surgical" in found[0]["name"].lower()
    assert found[0]["status"] == "out_of_service"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("incident", "999"), "Error: no incident 999; `harmwatch incidents` lists them"),
        (("incidents", "--weapon", "napalm"), "Error: --weapon must be one of airstrike"),
        (("incidents", "--format", "xml"), "Error: --format must be one of table, jsonl"),
        (("incidents", "--from", "1 Oct"), "Error: --from must be a date as YYYY-MM-DD"),
        (("incidents", "--facility", "hospital"), "Error: --facility must be a facility type"),
        (("facilities", "--type", "castle"), "Error: --type must be one of any, medical"),
    ],
)
def test_bad_options_get_one_clear_line(linked: str, args: tuple[str, ...], message: str) -> None:
    code, _out, err = _run(linked, *args)

    assert code == 1
    assert err.startswith(message)
    assert len(err.strip().splitlines()) == 1


def test_a_confidential_source_is_left_out_for_a_viewer(tmp_path: Path, examples: Analysed) -> None:
    url = f"sqlite:///{tmp_path / 'harmwatch.db'}"
    secret = "maarrat-al-nouman-2017-10-02-local-media.txt"
    with Store.open(url) as store:
        for name, document, extraction in examples:
            if name == secret:
                document = dataclasses.replace(document, confidential=True)
            store.add_document(document, extraction)
        secret_sha = next(d.sha256 for n, d, _ in examples if n == secret)
    assert _run(url, "link")[0] == 0

    code, out, _ = _run(url, "incidents", "--place", "Maarat al-Numan", "--format", "jsonl")
    assert code == 0
    [incident] = [i for i in map(json.loads, out.splitlines()) if i["first_date"] == "2017-10-01"]
    assert secret_sha not in out
    assert len(incident["sources"]) == 3

    code, out, _ = _run(url, "incident", str(incident["id"]))
    assert code == 0
    assert secret_sha not in out and "local-media" not in out
    assert "withheld from you: 1 confidential sources" in out
