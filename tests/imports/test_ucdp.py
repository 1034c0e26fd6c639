"""UCDP GED: best/low/high kept as given, a row where low <= best <= high fails imported with a
warning, precision codes as ACLED's."""

from __future__ import annotations

from datetime import date

from builders import a_csv

from harmwatch.ingest import read_table

GED = (
    "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,conflict_new_id,"
    "conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,side_a_new_id,side_a,"
    "side_b_dset_id,side_b_new_id,side_b,number_of_sources,source_article,source_office,"
    "source_date,source_headline,source_original,where_prec,where_coordinates,"
    "where_description,adm_1,adm_2,latitude,longitude,geom_wkt,priogrid_gid,country,"
    "country_id,region,event_clarity,date_prec,date_start,date_end,deaths_a,deaths_b,"
    "deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob"
).split(",")


def _row(**values: str) -> list[str]:
    defaults = {
        "id": "1", "relid": "SYR-2016-3-1-1", "type_of_violence": "3",
        "side_a": "Government of Syria", "side_b": "Civilians", "source_original": "A; B",
        "where_prec": "4", "where_coordinates": "Example town", "adm_1": "Idlib governorate",
        "latitude": "35.9", "longitude": "36.6", "country": "Syria", "date_prec": "4",
        "date_start": "2016-02-01", "date_end": "2016-02-03", "deaths_civilians": "4",
        "best": "4", "low": "4", "high": "6",
    }  # fmt: skip
    defaults.update(values)
    return [defaults.get(name, "") for name in GED]


def test_best_low_and_high_are_kept_as_given_with_precisions_as_acleds() -> None:
    table = read_table(a_csv(GED, _row()), source="ged.csv")

    assert table.format == "ucdp"
    (report,) = table.reports
    killed = {f.subject: f for f in report.figures}
    assert (killed["people"].value, killed["people"].low, killed["people"].high) == (4, 4, 6)
    assert killed["civilians"].value == 4
    assert report.perpetrators == ("Syrian government",)  # side_b "Civilians" is the victim
    assert report.event_type == "one-sided violence"
    assert (report.date_start, report.date_end) == (date(2016, 2, 1), date(2016, 2, 3))
    assert report.time_precision == 3  # a known month
    assert report.geo_precision == 3  # a province's centroid
    assert report.external_id == "SYR-2016-3-1-1"
    assert report.cited_sources == ("A", "B")


def test_a_row_where_low_best_high_do_not_hold_is_imported_with_a_warning() -> None:
    table = read_table(a_csv(GED, _row(best="4", low="5", high="5")), source="ged.csv")

    (report,) = table.reports
    people = next(f for f in report.figures if f.subject == "people")
    assert (people.low, people.value, people.high) == (5, 4, 5)
    (warning,) = table.problems
    assert not warning.error
    assert warning.format("ged.csv") == (
        "ged.csv: row 2: killed people: low <= best <= high does not hold "
        "(low 5, best 4, high 5); imported as given"
    )


def test_an_unknown_type_of_violence_follows_the_unknown_policy() -> None:
    raw = a_csv(GED, _row(type_of_violence="9"), _row(relid="SYR-2"))

    kept = read_table(raw, source="ged.csv")
    rejected = read_table(raw, source="ged.csv", unknown="reject")

    assert [r.event_type for r in kept.reports] == ["9", "one-sided violence"]
    assert [p.reason for p in kept.problems] == ["unknown event_type, kept as given"]
    assert [r.row for r in rejected.reports] == [3]
    assert rejected.problems[0].reason.startswith("unknown event_type: not in the map")
