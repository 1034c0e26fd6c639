"""The seed test of issue 13: the monitoring group's week of strikes on Idlib, ingested alone
with its publication date, gives back exactly the group's numbers.

    714 strikes, 13 of them barrel bombs; 47 facilities: 8 medical, 5 schools, 12 civil defence
    by Russian forces, 2 / 1 / 4 by the Syrian government; at least 137 killed including 23
    children, 24 women and 52 fighters; remainders 15 facilities and 38 killed.

The first test runs the whole chain (ingest, link, summary). The others assemble the stored
claims into the period total by hand, as assembly does, so that the analysis is checked on the
real extraction apart from report assembly.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from harmwatch.analyze import Area, summarize, summary_to_dict
from harmwatch.cli import app
from harmwatch.geo import Gazetteer
from harmwatch.model import Figure, Report
from harmwatch.store import Store

REPORT = Path(__file__).parents[2] / "examples" / "reports" / "idlib-2017-10-01-monitor-week.txt"
WEEK = ["--place", "Idlib", "--from", "2017-09-20", "--to", "2017-10-01"]
RUSSIA, GOVERNMENT = "Russia", "Syrian government"


def values(rows: list[dict[str, Any]], **match: Any) -> list[int]:
    found = [r for r in rows if all(r.get(k) == v for k, v in match.items())]
    assert len(found) == 1, (match, rows)
    return [f["value"] for f in found[0]["period_totals"]]


def assert_the_groups_numbers(out: dict[str, Any], *, facilities_total: bool = True) -> None:
    assert values(out["strikes"], weapon="airstrike") == [714]
    assert values(out["strikes"], weapon="barrel_bomb") == [13]
    for kind, russia, government in (("medical", 8, 2), ("school", 5, 1), ("civil_defence", 12, 4)):
        assert values(out["facilities"], type=kind, perpetrator=RUSSIA) == [russia]
        assert values(out["facilities"], type=kind, perpetrator=GOVERNMENT) == [government]
    killed = {r["group"]: r for r in out["casualties"] if r["kind"] == "killed"}
    assert [f["value"] for f in killed["people"]["period_totals"]] == [137]
    for group, value in (("children", 23), ("women", 24), ("fighters", 52)):
        assert [f["value"] for f in killed[group]["period_totals"]] == [value]
    messages = [f["message"] for f in out["consistency"]]
    assert (
        "23 children + 24 women + 52 fighters = 99 of at least 137 killed: 38 not broken down"
        in messages
    )
    # the period total is never added to incident sums: those hold only incidents
    assert killed["people"]["incidents"]["best"] < 137
    if facilities_total:
        assert values(out["facilities"], type="any", perpetrator=None) == [47]
        assert "32 of 47 facilities have a stated type: 15 of unreported type" in messages


def test_the_week_ingested_alone_gives_back_the_groups_numbers(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'seed.db'}"
    runner = CliRunner()
    ingest = runner.invoke(app, ["--db", url, "ingest", "--published", "2017-10-01", str(REPORT)])
    assert ingest.exit_code == 0, ingest.output
    linked = runner.invoke(app, ["--db", url, "link"])
    assert linked.exit_code == 0, linked.output

    result = runner.invoke(app, ["--db", url, "summary", *WEEK, "--format", "json"])

    assert result.exit_code == 0, result.output
    assert_the_groups_numbers(json.loads(result.output))


def assembled(store: Store, sha256: str, gazetteer: Gazetteer) -> Report:
    """The week's claims as one period total, as assembly should make it: each claim a figure
    with its own perpetrator, the document's period, its governorate as the place."""
    document = store.get_document(sha256)
    extraction = store.get_extraction(sha256)
    assert extraction is not None and extraction.period is not None
    figures = tuple(
        Figure(c.kind, c.subject, c.value, c.bound, evidence=c.text, claim=n,
               perpetrator=c.perpetrator)
        for n, c in enumerate(extraction.claims)
        if not (c.kind == "killed" and c.date is not None)  # the one strike it tells of
    )  # fmt: skip
    return Report(
        key=f"{sha256}:0",
        document_sha256=sha256,
        source=document.source,
        date_start=extraction.period.start,
        date_end=extraction.period.end,
        time_precision=2,
        place=gazetteer.get("ocha:SY07"),
        geo_precision=3,
        period_total=True,
        perpetrators=extraction.perpetrators,
        weapons=extraction.weapons,
        figures=figures,
    )


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    url = f"sqlite:///{tmp_path_factory.mktemp('seed') / 'seed.db'}"
    result = CliRunner().invoke(
        app, ["--db", url, "ingest", "--published", "2017-10-01", str(REPORT)]
    )
    assert result.exit_code == 0, result.output
    gazetteer = Gazetteer.load()
    with Store.open(url) as store:
        [sha256] = [d.sha256 for d in store.iter_documents()]
        report = assembled(store, sha256, gazetteer)
    summary = summarize(
        [],
        [report],
        area=Area.of_place(gazetteer.get("ocha:SY07")),
        start=date(2017, 9, 20),
        end=date(2017, 10, 1),
    )
    return summary_to_dict(summary)


def test_the_weeks_claims_as_a_period_total_give_back_the_groups_numbers(
    week: dict[str, Any],
) -> None:
    assert_the_groups_numbers(week, facilities_total=False)
    assert week["period_totals"][0]["from"] == "2017-09-23"


def test_the_weeks_facility_total_is_all_parties_with_15_of_unreported_type(
    week: dict[str, Any],
) -> None:
    assert_the_groups_numbers(week)


def test_the_weeks_totals_sit_in_the_province_and_the_total_is_unattributed(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'seed.db'}"
    runner = CliRunner()
    ingest = runner.invoke(app, ["--db", url, "ingest", "--published", "2017-10-01", str(REPORT)])
    assert ingest.exit_code == 0, ingest.output
    result = runner.invoke(app, ["--db", url, "claims"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    claims = {(c["kind"], c["subject"], c["value"]): c for c in rows}
    # "the de-escalation zone agreed in Astana" is no place of the week's counts
    assert {c["admin1_pcode"] for c in claims.values()} == {"SY07"}
    for key in (("facilities_hit", "any", 47), ("killed", "people", 137)):
        assert claims[key]["place_id"] == "ocha:SY07"
    assert claims[("facilities_hit", "any", 47)]["perpetrator"] is None
