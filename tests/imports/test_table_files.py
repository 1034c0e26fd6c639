"""Files that are not readable tables are refused with one reason; a table with only a header
imports nothing and says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from harmwatch.errors import InputError
from harmwatch.ingest import CSV, XLSX, parse_column_map, read_file, read_table


@pytest.mark.parametrize(
    ("raw", "media_type", "reason"),
    [
        (b"PK\x03\x04 damaged", XLSX, "f: not a readable .xlsx file"),
        (b"\x00\x01\x02 binary", CSV, "f: binary content, not a CSV file"),
        (b"", CSV, "f: the table is empty"),
        (b"a,b\n1,2\n", CSV, "f: cannot tell what kind of table this is"),
        (b"\x81\x8d\x8f not text", CSV, "f: neither UTF-8 nor Windows-1252"),
    ],
)
def test_a_file_that_is_not_a_readable_table_is_refused(
    raw: bytes, media_type: str, reason: str
) -> None:
    with pytest.raises(InputError) as error:
        read_table(raw, source="f", media_type=media_type)

    assert str(error.value).startswith(reason)


def test_a_table_with_only_its_header_imports_nothing() -> None:
    table = read_table(b"Date,Killed\r\n", source="f", column_map=parse_column_map('date="Date"'))

    assert (table.rows, table.reports, table.problems) == (0, (), ())


def test_ingest_points_a_table_to_harmwatch_import(tmp_path: Path) -> None:
    path = tmp_path / "incidents.csv"
    path.write_text("Date,Killed\n2020-01-01,3\n")

    with pytest.raises(InputError) as error:
        read_file(path)

    assert str(error.value).endswith("(tables of incidents go through harmwatch import)")
