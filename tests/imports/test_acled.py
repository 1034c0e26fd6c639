"""ACLED exports: both column sets, its three date forms, precisions kept, multi-value cells
split, a cut-short last row reported and the good rows imported."""

from __future__ import annotations

from datetime import date

from builders import a_csv

from harmwatch.ingest import read_table

BEFORE_2023 = [
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year",
    "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "interaction", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "timestamp", "iso3",
]  # fmt: skip
SINCE_2023 = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]  # fmt: skip


def _row(header: list[str], **values: str) -> list[str]:
    return [values.get(name, "") for name in header]


STRIKE = {
    "event_id_cnty": "SYR9001",
    "time_precision": "2",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike",
    "actor1": "Military Forces of Russia (2015-)",
    "assoc_actor_1": "Military Forces of Syria (2000-); Hezbollah",
    "actor2": "Civilians (Syria)",
    "country": "Syria",
    "admin1": "Idleb",
    "admin2": "Ariha",
    "location": "Example Village",
    "latitude": "35.81",
    "longitude": "36.61",
    "geo_precision": "2",
    "source": "Local Monitor A; Local Monitor B",
    "fatalities": "7",
}


def test_an_export_with_the_columns_before_march_2023_is_read() -> None:
    raw = a_csv(BEFORE_2023, _row(BEFORE_2023, event_date="9-May-20", **STRIKE))

    table = read_table(raw, source="acled.csv")

    assert table.format == "acled"
    assert table.notes == ("ACLED export (columns before March 2023)",)
    (report,) = table.reports
    assert report.key == f"{table.document.sha256}:row2"
    assert report.row == 2
    assert report.external_id == "SYR9001"
    assert report.source == "ACLED"
    assert (report.date_start, report.date_end) == (date(2020, 5, 9), date(2020, 5, 9))
    assert (report.time_precision, report.geo_precision) == (2, 2)
    assert report.event_type == "Explosions/Remote violence: Air/drone strike"
    assert report.weapons == ("airstrike",)
    assert report.perpetrators == ("Russia", "Syrian government", "Hezbollah")
    assert report.cited_sources == ("Local Monitor A", "Local Monitor B")
    assert report.place_name == "Example Village"
    assert report.place is not None
    assert (report.place.lat, report.place.lon, report.place.name) == (
        35.81,
        36.61,
        "Example Village",
    )
    assert (report.place.admin1, report.place.country) == ("Idleb", "Syria")
    (figure,) = report.figures
    assert (figure.kind, figure.subject, figure.value) == ("killed", "people", 7)
    assert figure.evidence == "row 2, fatalities: 7"


def test_an_export_with_the_columns_since_march_2023_and_acleds_date_forms_is_read() -> None:
    raw = a_csv(
        SINCE_2023,
        _row(SINCE_2023, event_date="09 May 2020", **STRIKE),
        _row(SINCE_2023, event_date="2020-05-10", **{**STRIKE, "event_id_cnty": "SYR9002"}),
    )

    table = read_table(raw, source="acled.csv")

    assert table.notes == ("ACLED export (columns since March 2023)",)
    assert [r.date_start for r in table.reports] == [date(2020, 5, 9), date(2020, 5, 10)]
    assert table.problems == ()


def test_a_cut_short_last_row_is_reported_and_the_rows_before_it_imported() -> None:
    good = _row(BEFORE_2023, event_date="9-May-20", **STRIKE)
    cut = _row(BEFORE_2023, event_date="9-May-20", event_id_cnty="SYR9003", actor1="Police")
    raw = a_csv(BEFORE_2023, good, cut)

    table = read_table(raw, source="acled.csv")

    assert len(table.reports) == 1
    assert table.skipped == 1
    (problem,) = table.problems
    assert problem.format("acled.csv") == (
        "acled.csv: row 3, column 'country' = '': missing country "
        "(the last row: is the file cut short?)"
    )


def test_a_row_whose_date_cannot_be_read_is_skipped_with_its_column_and_value() -> None:
    raw = a_csv(
        BEFORE_2023,
        _row(BEFORE_2023, event_date="the ninth of May", **STRIKE),
        _row(BEFORE_2023, event_date="9-May-20", **STRIKE),
    )

    table = read_table(raw, source="acled.csv")

    assert [r.row for r in table.reports] == [3]
    assert table.problems[0].row == 2
    assert table.problems[0].column == "event_date"
    assert table.problems[0].value == "the ninth of May"
