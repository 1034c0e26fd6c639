"""A CSV or XLSX file's rows as text cells, decoded without loss, with spreadsheet row numbers."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time

from harmwatch.errors import InputError

__all__ = ["CSV", "XLSX", "Sheet", "decode_table", "read_sheet"]

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_ENCODINGS = ("utf-8", "cp1252")  # tried in this order; Windows-1252 is what partners send


@dataclass(frozen=True, slots=True)
class Sheet:
    """The rows of one table, each a list of cell texts; ``rows[0]`` is spreadsheet row 1.

    ``text`` is the table as text (the CSV as decoded; an XLSX sheet as tab-separated lines),
    ``encoding`` how a CSV was decoded (None for XLSX), ``name`` the XLSX sheet's name.
    """

    rows: list[list[str]]
    text: str
    media_type: str
    encoding: str | None = None
    name: str | None = None


def decode_table(raw: bytes, *, source: str, encoding: str | None = None) -> tuple[str, str]:
    """A CSV's text and the encoding it was read in: the one given, else UTF-8 (with or without
    a BOM), else Windows-1252; a file that is neither must be given its encoding."""
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except LookupError:
            raise InputError(f"{source}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise InputError(
                f"{source}: not {encoding}: byte {raw[error.start]:#04x} at offset {error.start}"
            ) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    for name in _ENCODINGS:
        try:
            return raw.decode(name), name
        except UnicodeDecodeError:
            continue
    raise InputError(
        f"{source}: neither UTF-8 nor Windows-1252; give its encoding in the column map "
        '(encoding = "...")'
    )


def read_sheet(
    raw: bytes,
    *,
    source: str,
    media_type: str,
    encoding: str | None = None,
    sheet: str | None = None,
) -> Sheet:
    """The rows of a CSV file or of one XLSX sheet (the first, unless ``sheet`` names one).

    Raises:
        InputError: unreadable file, unknown encoding, missing sheet; the message names
            ``source``.
    """
    if media_type == XLSX:
        return _read_xlsx(raw, source=source, sheet=sheet)
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{source}: binary content, not a CSV file")
    text, used = decode_table(raw, source=source, encoding=encoding)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",;\t|", key=first.count)  # the header row says which one the file uses
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise InputError(f"{source}: not a readable CSV file ({error})") from None
    return Sheet(rows, text, CSV, used)


def _read_xlsx(raw: bytes, *, source: str, sheet: str | None) -> Sheet:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise InputError(f"{source}: not a readable .xlsx file ({error})") from None
    try:
        names = book.sheetnames
        if sheet is None:
            chosen = names[0]
        else:
            matches = [n for n in names if n.strip().casefold() == sheet.strip().casefold()]
            if not matches:
                listed = ", ".join(repr(n) for n in names)
                raise InputError(f"{source}: no sheet {sheet!r}; its sheets are {listed}")
            chosen = matches[0]
        rows = [[_cell(value) for value in row] for row in book[chosen].iter_rows(values_only=True)]
    finally:
        book.close()
    while rows and not any(rows[-1]):
        rows.pop()
    text = "\n".join("\t".join(cell.replace("\t", " ") for cell in row) for row in rows)
    return Sheet(rows, text, XLSX, None, chosen)


def _cell(value: object) -> str:
    """A cell's value as the text a CSV export would hold: dates ISO, whole numbers without
    ``.0``, booleans TRUE/FALSE, empty as ``""``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)
