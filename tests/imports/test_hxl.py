"""HXL-tagged tables read with libhxl, tolerant of what real files hold: a title row above the
header, spaces before +, upper-case attributes, hashtags outside the core, untagged columns."""

from __future__ import annotations

from datetime import date

from builders import a_csv, an_xlsx

from harmwatch.ingest import XLSX, read_table

HEADER = ["Date", "Notes", "Country", "Governorate", "Lat", "Lon", "Perpetrator class",
          "Perpetrator", "Weapon", "Health workers killed", "Children killed",
          "Kind of site"]  # fmt: skip
TAGS = ["#date", "", "#country +name", "#ADM1 +name", "#geo +lat", "#geo+lon", "#group +perp",
        "#group +perp +name", "#weapons", "#affected +healthworker +killed",
        "#affected+killed+Children", "#site_kind"]  # fmt: skip
ROW = ["2021-03-21", "A clinic was hit.", "Syria", "Idlib", "35.93", "36.63", "State",
       "Example Air Force", "Aerial Bomb: Plane", "2", "1", "clinic"]  # fmt: skip


def test_a_table_whose_hashtag_row_follows_a_title_and_a_header_is_read() -> None:
    raw = a_csv(["Attacks on health care, 2021"], HEADER, TAGS, ROW)

    table = read_table(raw, source="health.csv")

    assert table.format == "hxl"
    (report,) = table.reports
    assert report.row == 4
    assert report.date_start == date(2021, 3, 21)
    assert report.perpetrators == ("Example Air Force",)  # the name, not its class
    assert report.weapons == ("airstrike",)
    assert report.place is not None
    assert (report.place.lat, report.place.admin1, report.place.country) == (
        35.93,
        "Idlib",
        "Syria",
    )
    figures = {(f.kind, f.subject): f.value for f in report.figures}
    assert figures == {("killed", "medical_staff"): 2, ("killed", "children"): 1}
    assert (
        "column 12 (#site_kind): #site_kind has no report field; kept in the file"
        in table.column_notes
    )


def test_an_xlsx_sheet_with_dates_and_numbers_as_cells_is_read() -> None:
    raw = an_xlsx(HEADER, TAGS, [date(2021, 3, 21), *ROW[1:9], 2, 1, "clinic"], [None] * 12)

    table = read_table(raw, source="health.xlsx", media_type=XLSX)

    (report,) = table.reports
    assert report.date_start == date(2021, 3, 21)
    assert {f.subject: f.value for f in report.figures} == {"medical_staff": 2, "children": 1}
    assert table.document.title == "HXL table: health.xlsx (sheet Sheet1)"


def test_a_hashtag_missing_its_plus_is_repaired_and_said_so() -> None:
    tags = [*TAGS[:9], "#affected healthworker +killed", *TAGS[10:]]

    table = read_table(a_csv(HEADER, tags, ROW), source="health.csv")

    assert {f.subject for f in table.reports[0].figures} == {"medical_staff", "children"}
    assert (
        "column 10 (#affected healthworker +killed): read as #affected+healthworker+killed"
        in table.column_notes
    )
