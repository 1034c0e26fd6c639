"""``harmwatch summary`` reads incidents and period totals from the store and prints the summary
(SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from builders import a_counted_incident, a_document, a_place_like, a_source_report
from typer.testing import CliRunner

from harmwatch.analyze import Area
from harmwatch.cli import app
from harmwatch.model import Figure
from harmwatch.pipeline import summarize_store
from harmwatch.store import IncidentQuery, Store

IDLIB = a_place_like(id="ocha:SY07", name="Idlib", feature="governorate", lat=35.77, lon=36.67,
                     admin2=None, admin2_pcode=None)  # fmt: skip
KHAN_SHAYKHUN = a_place_like(id="geonames:168325", name="Khan Shaykhun", feature="town",
                             lat=35.44208, lon=36.65095)  # fmt: skip
ALEPPO = a_place_like(id="geonames:170063", name="Aleppo", lat=36.2, lon=37.16, admin1="Aleppo",
                      admin2="Jebel Saman", admin1_pcode="SY02")  # fmt: skip
ARGS = ["--place", "Idlib", "--from", "2017-09-20", "--to", "2017-10-01"]


def fill(store: Store) -> dict[str, Any]:
    """A bulletin (a period total), the strike it tells of, and a strike in Aleppo."""
    document = a_document(
        "Eight days of bombardment in Idlib province.", published=date(2017, 10, 1)
    )
    other = a_document("Strikes on Aleppo.")
    store.add_document(document)
    store.add_document(other)
    bulletin = a_source_report(
        f"{document.sha256}:0",
        source=document.source,
        period_total=True,
        date_start=date(2017, 9, 23),
        date_end=date(2017, 9, 30),
        time_precision=2,
        place=IDLIB,
        geo_precision=3,
        perpetrators=("Russia", "Syrian government"),
        figures=(
            Figure("strikes", "airstrike", 714, evidence="714 airstrikes"),
            Figure("facilities_hit", "any", 47, evidence="47 vital civilian facilities"),
            Figure("facilities_hit", "medical", 8, perpetrator="Russia"),
            Figure("facilities_hit", "medical", 2, perpetrator="Syrian government"),
            Figure("killed", "people", 137, "at_least"),
            Figure("killed", "children", 23),
        ),
    )
    strike = a_source_report(f"{document.sha256}:1", source=document.source, place=KHAN_SHAYKHUN,
                             date_start=date(2017, 9, 27), date_end=date(2017, 9, 27),
                             figures=(Figure("killed", "rescuers", 3),))  # fmt: skip
    aleppo = a_source_report(f"{other.sha256}:0", source=other.source, place=ALEPPO,
                             date_start=date(2017, 9, 27), date_end=date(2017, 9, 27))  # fmt: skip
    store.add_reports([bulletin, strike, aleppo], assembler="test-1")
    incidents = [
        a_counted_incident(0, reports=(strike.key,), place=KHAN_SHAYKHUN, day=date(2017, 9, 27),
                           killed={"rescuers": 3}),
        a_counted_incident(0, reports=(aleppo.key,), place=ALEPPO, day=date(2017, 9, 27)),
    ]  # fmt: skip
    written = store.save_link([replace(i, id=None) for i in incidents])
    return {"bulletin": bulletin, "incidents": written.incidents}


def run(url: str, *args: str) -> Any:
    return CliRunner().invoke(app, ["--db", url, "summary", *args])


def test_the_summary_json_shows_the_bulletin_beside_the_incidents_it_tells_of(db_url: str) -> None:
    with Store.open(db_url) as store:
        stored = fill(store)
    khan_shaykhun = next(i.id for i in stored["incidents"] if i.place.id == KHAN_SHAYKHUN.id)

    result = run(db_url, *ARGS, "--format", "json")

    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["area"]["place"]["id"] == "ocha:SY07"
    assert out["incidents"] == {"value": 1, "incidents": [khan_shaykhun]}
    people = next(r for r in out["casualties"] if r["kind"] == "killed" and r["group"] == "people")
    assert people["incidents"]["best"] == 3
    assert [f["value"] for f in people["period_totals"]] == [137]
    assert people["period_totals"][0]["report"] == stored["bulletin"].key
    medical = {
        r["perpetrator"]: [f["value"] for f in r["period_totals"]]
        for r in out["facilities"]
        if r["type"] == "medical"
    }
    assert medical == {"Russia": [8], "Syrian government": [2]}
    assert "zone_violations" in out and out["zone_violations"]["rows"][0]["zone"] == "idlib"


def test_the_summary_as_tables_and_markdown(sqlite_url: str) -> None:
    with Store.open(sqlite_url) as store:
        fill(store)

    table = run(sqlite_url, *ARGS)
    markdown = run(sqlite_url, *ARGS, "--format", "md")

    assert table.exit_code == 0, table.output
    assert "Summary of Idlib (governorate, ocha:SY07), 2017-09-20 to 2017-10-01" in table.output
    assert "Killed and injured, by victim group" in table.output
    assert markdown.output.startswith("# Summary of Idlib")
    assert "| killed | all (people) | 3 | 1 | 1 | at least 137 (" in markdown.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2017-09-20", "--to", "2017-10-01"], "say where: --place, --zone or --bbox"),
        ([*ARGS[:2], "--from", "20/09/2017", "--to", "2017-10-01"], "--from must be a date"),
        ([*ARGS, "--format", "pdf"], "--format 'pdf': use table, json, md"),
        (["--bbox", "35,36", *ARGS[2:]], "--bbox must be SOUTH,WEST,NORTH,EAST"),
        (["--zone", "atlantis", *ARGS[2:]], "no zone with id 'atlantis'"),
        (["--place", "Nowhereville", *ARGS[2:]], "no place called 'Nowhereville'"),
        ([*ARGS[:2], "--from", "2017-10-01", "--to", "2017-09-01"], "ends (2017-09-01) before"),
    ],
)
def test_bad_options_are_one_line_and_exit_1(
    sqlite_url: str, args: list[str], message: str
) -> None:
    result = run(sqlite_url, *args)

    assert result.exit_code == 1
    assert message in result.output
    assert "Traceback" not in result.output


def test_the_store_finds_incidents_by_box_and_period_totals_by_dates(db_url: str) -> None:
    with Store.open(db_url) as store:
        stored = fill(store)

        boxed = store.incidents(IncidentQuery(bbox=(35.0, 36.0, 36.0, 37.0)))
        in_dates = store.period_totals(date_from=date(2017, 9, 30), date_to=date(2017, 10, 5))
        later = store.period_totals(date_from=date(2017, 10, 2), date_to=date(2017, 10, 5))

    assert [i.place.id for i in boxed if i.place] == [KHAN_SHAYKHUN.id]
    assert [r.key for r in in_dates] == [stored["bulletin"].key]
    assert later == []


def test_the_summary_of_a_zone_reads_the_same_store(db_url: str) -> None:
    from harmwatch.geo import Gazetteer, Zones

    zones = Zones.load()
    with Store.open(db_url) as store:
        fill(store)
        summary = summarize_store(
            store,
            area=Area.of_zone(zones.get("idlib")),
            gazetteer=Gazetteer.load(),
            start=date(2017, 9, 20),
            end=date(2017, 10, 1),
            zones=zones,
        )

    assert summary.incidents.value == 1
    assert [ref.report for ref in summary.period_totals] != []
