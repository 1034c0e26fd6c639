"""An imported row is a report like any other: an ACLED row and a news report of the same
strike link into one incident that lists both sources (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest
from acled_examples import BEFORE_2023, STRIKE, a_row
from builders import a_csv
from typer.testing import CliRunner

from harmwatch import pipeline
from harmwatch.cli import app
from harmwatch.store import Store

runner = CliRunner()
# linking (the incidents work) reaches main on its own branch; until then there is nothing to test
pytestmark = pytest.mark.skipif(
    not hasattr(pipeline, "link_store"), reason="linking (harmwatch link) is not in this tree"
)

NEWS = (
    "Russian airstrikes killed 7 civilians in Saraqib on Sunday 19 May 2019, the civil "
    "defence said.\n"
)
SAME_STRIKE = {
    **STRIKE,
    "event_date": "19 May 2019",
    "location": "Saraqib",
    "admin1": "Idleb",
    "admin2": "Idleb",
    "latitude": "35.8645",
    "longitude": "36.8059",
    "geo_precision": "1",
    "actor1": "Military Forces of Russia (2015-)",
    "assoc_actor_1": "",
    "fatalities": "7",
}


def test_an_acled_row_and_a_news_report_of_one_strike_become_one_incident(
    tmp_path: Path, db_url: str
) -> None:
    news = tmp_path / "news.txt"
    news.write_text(NEWS)
    acled = tmp_path / "acled.csv"
    acled.write_bytes(a_csv(BEFORE_2023, a_row(BEFORE_2023, **SAME_STRIKE)))

    ingested = runner.invoke(
        app, ["--db", db_url, "ingest", str(news), "--published", "2019-05-20"]
    )
    imported = runner.invoke(app, ["--db", db_url, "import", str(acled)])

    assert ingested.exit_code == 0, ingested.output
    assert imported.exit_code == 0, imported.output
    assert imported.stdout.splitlines()[-1].startswith("linked")
    with Store.open(db_url) as store:
        (incident,) = store.incidents()
    sources = {source.source for source in incident.sources}
    assert sources == {news.absolute().as_uri(), "ACLED"}
    assert incident.first_date is not None and incident.first_date.isoformat() == "2019-05-19"
    killed = {(t.subject, t.best) for t in incident.tallies if t.kind == "killed"}
    assert ("people", 7) in killed and ("civilians", 7) in killed


def test_no_link_leaves_the_imported_reports_for_harmwatch_link(
    tmp_path: Path, sqlite_url: str
) -> None:
    acled = tmp_path / "acled.csv"
    acled.write_bytes(a_csv(BEFORE_2023, a_row(BEFORE_2023, **SAME_STRIKE)))

    imported = runner.invoke(app, ["--db", sqlite_url, "import", str(acled), "--no-link"])

    assert imported.exit_code == 0
    with Store.open(sqlite_url) as store:
        assert store.incidents() == []
        assert len(list(store.iter_reports())) == 1
