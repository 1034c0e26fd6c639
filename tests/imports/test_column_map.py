"""Field forms and partner spreadsheets read with a TOML column map: counts per victim group,
value maps, a date format, an encoding; unknown values follow --unknown; a map is suggested."""

from __future__ import annotations

from datetime import date

import pytest
from builders import a_csv

from harmwatch.errors import InputError
from harmwatch.ingest import CSV, parse_column_map, read_table, suggest_map

HEADER = ["Incident ID", "Incident date", "Governorate", "Village", "Weapon", "Killed",
          "Children killed", "Women killed", "Injured", "Reported by", ""]  # fmt: skip
MAP = """
encoding = "cp1252"
date_format = "%d/%m/%Y"
id = "Incident ID"
date = "Incident date"
admin1 = "Governorate"
location = "Village"
weapon = "Weapon"
source = "Reported by"
killed.people = "Killed"
killed.children = "Children killed"
killed.women = "Women killed"
injured.people = "Injured"

[constants]
country = "Yemen"
perpetrator = "Saudi-led coalition"

[values.weapon]
"Air strike" = "airstrike"
"Shelling" = "shelling"
"""


def _rows(*rows: list[str]) -> bytes:
    return a_csv(HEADER, *rows, encoding="cp1252")


GOOD = ["17", "03/04/2016", "Sa’dah", "Al-Sa’eid", "Air strike", "5", "2", "1", "", "Field team"]


def test_a_windows_1252_form_export_is_read_with_its_map_and_nothing_mangled() -> None:
    table = read_table(_rows([*GOOD, ""]), source="form.csv", column_map=parse_column_map(MAP))

    (report,) = table.reports
    assert report.place is None  # no coordinates and no gazetteer given
    assert report.date_start == date(2016, 4, 3)
    assert report.external_id == "17"
    assert report.weapons == ("airstrike",)
    assert report.perpetrators == ("Saudi-led coalition",)
    assert report.source == "field form"
    figures = {(f.kind, f.subject): f.value for f in report.figures}
    assert figures == {("killed", "people"): 5, ("killed", "children"): 2, ("killed", "women"): 1}
    assert table.document.encoding == "cp1252"
    assert "Al-Sa’eid" in table.document.text
    assert table.notes == ("decoded as cp1252",)


def test_windows_1252_is_detected_without_a_map_saying_so() -> None:
    column_map = parse_column_map(MAP.replace('encoding = "cp1252"\n', ""))

    table = read_table(_rows([*GOOD, ""]), source="form.csv", column_map=column_map)

    assert table.document.encoding == "cp1252"
    assert len(table.reports) == 1


def test_bad_rows_are_listed_with_row_column_and_value_and_good_rows_imported() -> None:
    raw = _rows(
        [*GOOD, ""],
        ["18", "", "Sa’dah", "X", "Air strike", "1", "", "", "", "", ""],
        ["19", "04/04/2016", "Sa’dah", "X", "Air strike", "five", "", "", "", "", ""],
        ["20", "05/04/2016", "Sa’dah", "X", "Catapult", "1", "", "", "", "", ""],
        ["21", "06/04/2016", "Sa’dah", "X", "Shelling", "2", "", "", "", "", "stray"],
    )

    table = read_table(raw, source="form.csv", column_map=parse_column_map(MAP), unknown="reject")

    assert [r.external_id for r in table.reports] == ["17", "21"]
    assert [p.format("form.csv") for p in table.problems] == [
        "form.csv: row 3, column 'Incident date' = '': missing date",
        "form.csv: row 4, column 'Killed' = 'five': not a whole number",
        "form.csv: row 5, column 'Weapon' = 'Catapult': unknown weapon: not in the map "
        "('air strike', 'shelling')",
        "form.csv: row 6 = 'stray': values in columns without a name, not imported",
    ]
    assert (table.rows, table.skipped, table.warnings) == (5, 3, 1)


def test_an_unknown_value_is_kept_with_a_warning_by_default() -> None:
    raw = _rows(["20", "05/04/2016", "Sa’dah", "X", "Catapult", "1", "", "", "", "", ""])

    table = read_table(raw, source="form.csv", column_map=parse_column_map(MAP))

    assert table.reports[0].weapons == ("other",)
    assert [p.reason for p in table.problems] == ["unknown weapon, kept as given"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('date = "D"\nkilled = "K"', "column map: killed needs a subject"),
        ('date = "D"\nkilled.babies = "K"', "column map: unknown 'killed.babies'"),
        ('date = "D"\nwhere = "W"', "column map: unknown key 'where'"),
        ('location = "V"', "column map: no date column"),
        ('date = "D"\n[values.weapon]\n"Bomb" = "bomb"', "column map: [values.weapon] maps"),
        ("date = ", "column map: not valid TOML"),
    ],
)
def test_a_bad_column_map_is_refused_with_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(InputError) as error:
        parse_column_map(text)

    assert str(error.value).startswith(message)


def test_a_map_naming_a_date_column_the_file_lacks_is_refused() -> None:
    with pytest.raises(InputError) as error:
        read_table(_rows([*GOOD, ""]), source="f.csv", column_map=parse_column_map('date = "When"'))

    assert str(error.value).startswith("f.csv: no column 'When' for the date; its columns are")


def test_a_map_is_suggested_from_the_header_with_encoding_and_date_format() -> None:
    text = suggest_map(_rows([*GOOD, ""]), source="form.csv", media_type=CSV)

    column_map = parse_column_map(text)
    assert column_map.encoding == "cp1252"
    assert column_map.date_formats == ("%d/%m/%Y",)
    assert column_map.fields["date"] == ("Incident date",)
    assert column_map.fields["id"] == ("Incident ID",)
    assert {(f.kind, f.subject): f.best for f in column_map.figures} == {
        ("killed", "people"): ("Killed",),
        ("killed", "children"): ("Children killed",),
        ("killed", "women"): ("Women killed",),
        ("injured", "people"): ("Injured",),
    }
    assert '#   "Reported by"' not in text  # "source" matched it
