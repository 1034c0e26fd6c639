"""The real exports in ../shared/data/import (licence-restricted: read where they exist, never
copied): each imports without a traceback, with its row count, its bad rows and known values."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from builders import SHARED_DATA

from harmwatch.ingest import CSV, XLSX, TableImport, load_column_map, read_table

IMPORTS = SHARED_DATA / "import"
pytestmark = pytest.mark.skipif(not IMPORTS.is_dir(), reason="../shared/data/import is not here")
YEMEN_MAP = Path(__file__).resolve().parents[2] / "examples" / "maps" / "yemen-data-project.toml"


def _read(name: str, **options: object) -> TableImport:
    media_type = XLSX if name.endswith(".xlsx") else CSV
    return read_table((IMPORTS / name).read_bytes(), source=name, media_type=media_type, **options)  # type: ignore[arg-type]


def _total(table: TableImport, kind: str, subject: str) -> int:
    return sum(
        f.value for r in table.reports for f in r.figures if (f.kind, f.subject) == (kind, subject)
    )


def test_the_acled_export_with_its_cut_short_last_line() -> None:
    table = _read("acled_2020-04-27_to_2020-05-09_global.csv")

    assert (table.format, table.rows, len(table.reports), table.skipped) == ("acled", 5071, 5070, 1)
    assert table.notes == ("ACLED export (columns before March 2023)",)
    (problem,) = table.problems
    assert (problem.row, problem.reason.split(" (")[0]) == (5072, "missing country")
    assert Counter(r.time_precision for r in table.reports) == {1: 4683, 2: 374, 3: 13}
    assert Counter(r.geo_precision for r in table.reports) == {1: 3370, 2: 1608, 3: 92}
    assert sum(1 for r in table.reports if len(r.cited_sources) > 1) == 1255
    assert [r.row for r in table.reports if r.external_id is None] == [243]
    syria_yemen = [r for r in table.reports if r.place and r.place.country in ("Syria", "Yemen")]
    assert sum(f.value for r in syria_yemen for f in r.figures) == 931
    assert sum(1 for r in syria_yemen if r.weapons == ("airstrike",)) == 55


def test_the_ucdp_ged_sample_with_its_inconsistent_ranges() -> None:
    table = _read("ucdp-ged-23.1_sample-1000-events_incl-265-syria.csv")

    assert (table.format, table.rows, len(table.reports), table.skipped) == ("ucdp", 1000, 1000, 0)
    assert table.warnings == 13  # low <= best <= high does not hold: imported as given
    assert sum(1 for r in table.reports if r.place and r.place.country == "Syria") == 265
    assert sum(1 for r in table.reports if r.date_start != r.date_end) == 151
    (first,) = [r for r in table.reports if r.external_id == "SYR-2013-1-11973-99"]
    assert next((f.subject, f.value, f.low, f.high) for f in first.figures) == ("people", 2, 2, 2)


def test_the_hxl_csv_of_attacks_on_health_care() -> None:
    table = _read("insecurity-insight_attacks-on-health-care_SYR-YEM_2016-2023_hxl.csv")

    assert (table.format, table.rows, len(table.reports), table.skipped) == ("hxl", 1109, 1109, 0)
    assert _total(table, "killed", "medical_staff") == 371
    assert _total(table, "injured", "medical_staff") == 370
    assert sum(1 for r in table.reports if r.place is None) == 22  # no coordinates given


@pytest.mark.slow
def test_the_insecurity_insight_workbooks() -> None:
    health = _read("insecurity-insight_2016-2023-attacks-on-health-care-incident-data.xlsx")
    weapons = _read("insecurity-insight_2020-2023-explosive-weapons-monitor-data.xlsx")

    assert (health.format, len(health.reports), health.skipped) == ("hxl", 8854, 0)
    assert (weapons.format, len(weapons.reports), weapons.skipped) == ("hxl", 2083, 0)
    assert any("read as #affected+aidworker+killed" in note for note in weapons.column_notes)


def test_the_yemen_air_raid_table_in_windows_1252_with_a_column_map() -> None:
    table = _read(
        "yemen-data-project_air-raids_2015-03-26_to_2020-12-31.csv",
        column_map=load_column_map(YEMEN_MAP),
    )

    assert (table.rows, len(table.reports), table.skipped) == (22485, 22485, 0)
    assert table.warnings == 125  # stray values in the four unnamed columns
    assert table.document.encoding == "cp1252"
    assert "Al-Sa\u2019eid" in table.document.text
    assert _total(table, "killed", "people") == 8758
    assert _total(table, "injured", "people") == 9810
    assert {r.external_id for r in table.reports} >= {"1", "22486"}
