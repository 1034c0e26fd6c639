"""Word (.docx) files: paragraphs and tables in document order, tables as lines.

Read with python-docx. Pages are where Word last laid them out (the page breaks it records when
it saves) plus hard page breaks; a file that records none (one written by a program, not Word)
is unpaged.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import UTC, datetime

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph

from harmwatch.errors import InputError
from harmwatch.extract import UNDETERMINED, detect_language
from harmwatch.ingest._grid import flatten_row, is_number_cell
from harmwatch.ingest._media import DOCX
from harmwatch.model import Document

__all__ = ["DOCX", "read_docx"]

_TITLE_MAX = 300
_BREAKS = './/w:br[@w:type="page"] | .//w:lastRenderedPageBreak'


def read_docx(raw: bytes, *, source: str, retrieved_at: datetime | None = None) -> Document:
    """A Document from a .docx file's bytes: its paragraphs and tables, in order.

    Raises:
        InputError: not a .docx (a damaged ZIP, an old .doc, another Office file) or no text.
    """
    try:
        word = docx.Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InputError(f"{source}: not a readable .docx file ({error})") from None
    blocks: list[str] = []
    starts: list[int] = [0]
    offset = 0
    paged = False
    for item in word.iter_inner_content():
        if isinstance(item, Paragraph):
            if item._p.xpath(_BREAKS):
                paged = True
                if offset > starts[-1]:
                    starts.append(offset)
            block = item.text.strip()
        else:
            block = "\n".join(_table_lines(item))
        if block:
            blocks.append(block)
            offset += len(block) + 1
    text = "\n".join(blocks)
    if not text.strip():
        raise InputError(f"{source}: the .docx file has no text")
    title = (word.core_properties.title or "").strip() or blocks[0].split("\n", 1)[0]
    return Document(
        sha256=hashlib.sha256(raw).hexdigest(),
        source=source,
        raw=raw,
        text=text,
        media_type=DOCX,
        title=title[:_TITLE_MAX],
        lang=_language(text),
        retrieved_at=retrieved_at or datetime.now(UTC),
        pages=tuple(starts) if paged else (),
    )


def _table_lines(table: Table) -> list[str]:
    """A Word table as lines: a count table's rows as ``Label – Header: value; ...``, any other
    table's rows as ``Header: cell; Header: cell``."""
    rows = [[_cell_text(cell.text) for cell in row.cells] for row in table.rows]
    rows = [_dedupe_merged(row) for row in rows if any(row)]
    if not rows:
        return []
    header, body = (rows[0], rows[1:]) if len(rows) > 1 and _is_header(rows[0]) else ([], rows)
    lines: list[str] = []
    counts = [sum(1 for v in row[1:] if v) for row in body if _is_count_row(row)]
    if header and counts and all(n == 1 for n in counts):
        # one value column: its header stays a line above, as in a PDF ("Government forces: 126")
        lines.append(" ".join(cell for cell in header if cell))
        header = []
    for row in body:
        names = [header[n] if n < len(header) else "" for n in range(len(row))]
        label, values = row[0], row[1:]
        if _is_count_row(row):
            cells = [(names[n + 1], v) for n, v in enumerate(values) if v]
            lines.append(flatten_row(label, cells, label_header=names[0]))
        else:
            pairs = zip(names, row, strict=True)
            lines.append("; ".join(f"{n}: {v}" if n else v for n, v in pairs if v))
    return lines


def _is_count_row(row: list[str]) -> bool:
    """A label followed by cells of which some hold numbers."""
    values = row[1:]
    return bool(values) and any(is_number_cell(v) for v in values) and not is_number_cell(row[0])


def _cell_text(text: str) -> str:
    return " ".join(text.split())


def _dedupe_merged(row: list[str]) -> list[str]:
    """python-docx repeats a merged cell's text in every column it spans: keep it once."""
    out: list[str] = []
    for n, cell in enumerate(row):
        out.append("" if n and cell and cell == row[n - 1] else cell)
    return out


def _is_header(row: list[str]) -> bool:
    """A first row whose cells are words, not numbers."""
    filled = [cell for cell in row if cell]
    return bool(filled) and not any(is_number_cell(cell) for cell in filled)


def _language(text: str) -> str | None:
    lang = detect_language(text)
    return None if lang == UNDETERMINED else lang
