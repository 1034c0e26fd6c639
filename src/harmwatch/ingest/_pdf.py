"""PDF files: each page's text in reading order, count tables as lines, image-only pages named.

Read with PDFium (pypdfium2): on the project's real report PDFs it was the one library that gave
Arabic in logical order with its numbers intact, kept two-column pages column by column and
table rows on one line, and it is fifty times faster than the pure-Python readers (the
measurements are in docs/pdf.md; ``bench/pdf_readers.py`` repeats them).

Tables are rebuilt from where their words sit: rows of a label and numbers, under a header, are
written as one line each (``Active hostilities – Killed: 8; Injured: 62``), so that the extractor
reads every cell with its row and column. There is no OCR: a page whose content is an image is
reported as such.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from harmwatch.errors import InputError
from harmwatch.extract import UNDETERMINED, detect_language
from harmwatch.ingest._grid import flatten_row, is_number_cell, join_header_lines
from harmwatch.ingest._media import PDF
from harmwatch.model import Document

__all__ = ["PDF", "PageInfo", "read_pdf"]

PAGE_BREAK = "\n\n"
"""What separates two pages in a PDF document's text (``Document.pages`` says where each starts)."""

_TITLE_MAX = 300
_IMAGE_ONLY_CHARS = 200  # a page with fewer characters than this, mostly image, is image-only
_IMAGE_SHARE = 0.4  # ... where images cover at least this share of the page
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_LETTER = re.compile(r"[^\W\d_]")
_YEAR = re.compile(r"^(?:19|20)[0-9]{2}$")
_SOFT_HYPHEN = re.compile(r"(\S+)\ufffe(?=[^\W\d_])")
_COMPAT = re.compile("[\ufb00-\ufb4f\ufb50-\ufdff\ufe70-\ufeff]")


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What the reader saw on one page: its number, characters of text, share covered by images."""

    number: int
    chars: int
    image_share: float

    @property
    def image_only(self) -> bool:
        """True when the page's content is an image with (almost) no text layer."""
        return self.chars < _IMAGE_ONLY_CHARS and self.image_share >= _IMAGE_SHARE


def read_pdf(raw: bytes, *, source: str, retrieved_at: datetime | None = None) -> Document:
    """A Document from a PDF's bytes: page texts joined, each page's start in ``pages``.

    Pages whose content is only an image (scans, infographics) give no text and are named in
    ``notes``; a PDF with no text at all is refused, since nothing in it can be read without OCR.

    Raises:
        InputError: not a PDF, damaged, password-protected, or without any text layer.
    """
    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as error:
        reason = str(error)
        if "password" in reason.lower():
            raise InputError(f"{source}: the PDF is password-protected; cannot read it") from None
        raise InputError(f"{source}: not a readable PDF ({reason})") from None
    try:
        texts: list[str] = []
        infos: list[PageInfo] = []
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                text, info = _read_page(page, index + 1)
            finally:
                page.close()
            texts.append(text)
            infos.append(info)
        title = _metadata_title(pdf)
    finally:
        pdf.close()
    if not texts:
        raise InputError(f"{source}: the PDF has no pages")
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + len(PAGE_BREAK)
    full = PAGE_BREAK.join(texts)
    if not full.strip():
        what = "a scanned or image-only PDF" if any(i.image_share for i in infos) else "a PDF"
        raise InputError(f"{source}: {what} with no text layer; harmwatch does not OCR")
    return Document(
        sha256=hashlib.sha256(raw).hexdigest(),
        source=source,
        raw=raw,
        text=full,
        media_type=PDF,
        title=title or _first_line(full),
        lang=_language(full),
        retrieved_at=retrieved_at or datetime.now(UTC),
        pages=tuple(starts),
        notes=_notes(infos),
    )


def _notes(infos: list[PageInfo]) -> tuple[str, ...]:
    image_only = [info.number for info in infos if info.image_only]
    if not image_only:
        return ()
    pages = _ranges(image_only)
    noun = "page" if len(image_only) == 1 else "pages"
    return (f"{noun} {pages} of {len(infos)}: image only, no text layer (not OCRed)",)


def _ranges(numbers: list[int]) -> str:
    """``[3, 24, 25, 26]`` -> ``3, 24-26``."""
    parts: list[str] = []
    run = [numbers[0]]
    for number in numbers[1:]:
        if number == run[-1] + 1:
            run.append(number)
            continue
        parts.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
        run = [number]
    parts.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(parts)


def _metadata_title(pdf: pdfium.PdfDocument) -> str | None:
    try:
        title = (pdf.get_metadata_dict(skip_empty=True).get("Title") or "").strip()
    except (pdfium.PdfiumError, UnicodeDecodeError):
        return None
    # Word and InDesign often leave the file name or "Microsoft Word - x.docx" as the title
    if not title or title.lower().endswith((".doc", ".docx", ".indd", ".pdf", ".ai")):
        return None
    if " " not in title and ("_" in title or len(title) < 4):
        return None  # a file name ("HNO_Summary_171127"), not a title
    return title[:_TITLE_MAX]


def _first_line(text: str) -> str | None:
    for line in text.split("\n", 200)[:200]:
        if len(line.strip()) > 3:
            return line.strip()[:_TITLE_MAX]
    return None


# --- one page ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Char:
    index: int
    char: str
    left: float
    bottom: float
    right: float
    top: float

    @property
    def middle(self) -> float:
        return (self.bottom + self.top) / 2

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass(slots=True)
class _Cell:
    chars: list[_Char]
    text: str = ""
    left: float = 0.0
    right: float = 0.0
    number: bool = False

    def __post_init__(self) -> None:
        self.left = min(c.left for c in self.chars)
        self.right = max(c.right for c in self.chars)


@dataclass(slots=True)
class _Row:
    chars: list[_Char]
    middle: float
    height: float
    cells: list[_Cell] = field(default_factory=list)
    rtl: bool = False
    groups: list[tuple[_Cell, list[_Cell]]] | None = None  # (label, values) when a table row


def _read_page(page: pdfium.PdfPage, number: int) -> tuple[str, PageInfo]:
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        stream = textpage.get_text_range() if count else ""
        chars: list[_Char] = []
        if len(stream) == count:  # PDFium keeps one box per character; else no table rebuild
            for index, char in enumerate(stream):
                if not char.isspace():
                    left, bottom, right, top = textpage.get_charbox(index, loose=True)
                    if right > left or top > bottom:
                        chars.append(
                            _Char(
                                index, "-" if char == "\ufffe" else char, left, bottom, right, top
                            )
                        )
    finally:
        textpage.close()
    text = _with_tables(stream, chars) if chars else stream
    text = _clean(text)
    info = PageInfo(number, len(text.strip()), _image_share(page))
    return text, info


def _image_share(page: pdfium.PdfPage) -> float:
    """The share of the page's area covered by image objects (capped at 1)."""
    width, height = page.get_size()
    if width <= 0 or height <= 0:
        return 0.0
    covered = 0.0
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        covered += max(0.0, min(right, width) - max(left, 0.0)) * max(
            0.0, min(top, height) - max(bottom, 0.0)
        )
    return min(1.0, covered / (width * height))


def _join_hyphenated(match: re.Match[str]) -> str:
    """``accumu`` + ``lating`` -> ``accumulating``; ``Government-controlled`` and a URL
    (``civilian-casualties``) keep their hyphen."""
    token = match.group(1)
    word = re.split(r"[-/]", token)[-1]
    keep = "/" in token or not word[:1].isalpha() or word[:1].isupper()
    return token + ("-" if keep else "")


def _clean(text: str) -> str:
    """PDFium's line ends and hyphen marks as plain text; ligatures and Arabic presentation
    forms as the letters they stand for; no trailing spaces; at most one blank line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\ufffe" in text:  # PDFium's mark for a word hyphenated across two lines
        text = _SOFT_HYPHEN.sub(_join_hyphenated, text).replace("\ufffe", "-")
    text = text.replace("\x00", "").replace("\x02", "-")
    if _COMPAT.search(text):
        text = _COMPAT.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


# --- tables: rows of a label and numbers under a header ------------------------------------------


def _with_tables(stream: str, chars: list[_Char]) -> str:
    """The page's text in PDFium's reading order, each count table replaced by its rows as
    lines, placed where the table's first character was."""
    rows = _rows(chars)
    tables = _tables(rows)
    if not tables:
        return stream
    consumed: set[int] = set()
    inserts: dict[int, str] = {}
    for table in tables:
        lines = _flatten(table)
        indexes = [c.index for row in table.header for c in row.chars]
        indexes += [c.index for cells in table.cells for cell in cells for c in cell.chars]
        consumed.update(indexes)
        inserts[min(indexes)] = "\n" + "\n".join(lines) + "\n"
    out: list[str] = []
    for index, char in enumerate(stream):
        if index in inserts:
            out.append(inserts[index])
        if index not in consumed:
            out.append(char)
    text = "".join(out)
    # lines left empty (or holding only spaces) where table cells were taken out
    return re.sub(r"\n[ \t\r]*(?=\n)", "\n", text.replace("\r\n", "\n"))


def _rows(chars: list[_Char]) -> list[_Row]:
    """Characters grouped into visual rows (top of the page first), each split into cells."""
    ordered = sorted(chars, key=lambda c: -c.middle)
    rows: list[_Row] = []
    for char in ordered:
        if rows:
            row = rows[-1]
            if abs(row.middle - char.middle) <= 0.5 * max(row.height, char.height, 1.0):
                row.chars.append(char)
                continue
        rows.append(_Row([char], char.middle, char.height))
    for row in rows:
        row.height = statistics.median(c.height for c in row.chars) or 1.0
        row.middle = statistics.median(c.middle for c in row.chars)
        letters = [c.char for c in row.chars if _LETTER.match(c.char)]
        row.rtl = sum(1 for ch in letters if _RTL.match(ch)) * 2 > len(letters)
        row.cells = _cells(row)
        row.groups = _groups(row.cells)
    return rows


def _cells(row: _Row) -> list[_Cell]:
    """A row's characters split where the gap between them is wider than a word space."""
    by_x = sorted(row.chars, key=lambda c: c.left)
    gap = 1.2 * row.height
    cells: list[_Cell] = []
    current = [by_x[0]]
    for char in by_x[1:]:
        if char.left - max(c.right for c in current[-3:]) > gap:
            cells.append(_Cell(current))
            current = [char]
        else:
            current.append(char)
    cells.append(_Cell(current))
    for cell in cells:
        cell.text = _cell_text(cell.chars)
        cell.number = is_number_cell(cell.text)
    if row.rtl:
        cells.reverse()
    return cells


def _cell_text(chars: list[_Char]) -> str:
    """A cell's words in reading order: PDFium's order, a space wherever PDFium had one or
    jumped to another run of text."""
    ordered = sorted(chars, key=lambda c: c.index)
    out = [ordered[0].char]
    for before, char in itertools.pairwise(ordered):
        out.append((" " if char.index - before.index > 1 else "") + char.char)
    return "".join(out)


def _groups(cells: list[_Cell]) -> list[tuple[_Cell, list[_Cell]]] | None:
    """A table row read as (label, numbers) groups (two tables side by side give two), or None
    when the row is not a label followed by numbers. A year may be a row's label."""
    groups: list[tuple[_Cell, list[_Cell]]] = []
    for position, cell in enumerate(cells):
        if cell.number and not (position == 0 and _YEAR.match(cell.text)):
            if not groups:
                return None
            groups[-1][1].append(cell)
        else:
            if groups and not groups[-1][1]:
                return None
            groups.append((cell, []))
    if not groups or not groups[-1][1]:
        return None
    return groups


def _shape(row: _Row) -> tuple[int, ...]:
    return tuple(len(values) for _, values in row.groups or ())


@dataclass(slots=True)
class _Table:
    """A count table: the rows that name its columns, its rows, and each row's cell columns."""

    header: list[_Row]
    body: list[_Row]
    columns: list[tuple[float, float]]
    cells: list[list[_Cell]]  # per body row: its cells inside the table
    slots: list[list[int]]  # per body row: the column of each of those cells


def _tables(rows: list[_Row]) -> list[_Table]:
    """Every count table on a page: two or more rows of the same shape of labels and numbers,
    one under the other (then rows below with some cells empty), and the rows above that name
    its columns. Text beside the table on the same lines (a map, a box) is left alone."""
    tables: list[_Table] = []
    used: set[int] = set()
    i = 0
    while i < len(rows):
        if rows[i].groups is None or i in used:
            i += 1
            continue
        columns = _columns([rows[i]])
        body, cells, slots = [rows[i]], [rows[i].cells], [list(range(len(columns)))]
        taken = [i]
        for j in range(i + 1, len(rows)):
            row = rows[j]
            if not _near(body[-1], row):
                break
            if not _beside(row, columns):
                continue
            if _shape(row) == _shape(body[0]) and len(row.cells) == len(columns):
                body.append(row)
                cells.append(row.cells)
                slots.append(list(range(len(columns))))
                taken.append(j)
                columns = _columns(body)
                continue
            fitted = _fit(row, columns) if len(body) >= 2 else None
            if fitted is None:
                if len(body) >= 2:
                    continue  # a line of something else in the table's way (a chart label)
                break
            body.append(row)
            cells.append(fitted[0])
            slots.append(fitted[1])
            taken.append(j)
        if len(body) < 2:
            i += 1
            continue
        header = _header_rows(rows, i, body[0], columns, used)
        tables.append(_Table(header, body, columns, cells, slots))
        used.update(taken)
        used.update(range(i - len(header), i))
        i += 1
    return tables


def _beside(row: _Row, columns: list[tuple[float, float]]) -> bool:
    """True if any of the row's cells is within the table's width (else it is other text)."""
    margin = row.height
    left, right = min(a for a, _ in columns) - margin, max(b for _, b in columns) + margin
    return any(cell.right > left and cell.left < right for cell in row.cells)


def _near(above: _Row, below: _Row) -> bool:
    return above.middle - below.middle <= 4 * max(above.height, below.height)


def _columns(body: list[_Row]) -> list[tuple[float, float]]:
    """The x-range of every column of rows of one shape, in reading order: for each group, its
    label, then its values."""
    full = [row for row in body if len(row.cells) == len(body[0].cells)]
    return [
        (min(row.cells[n].left for row in full), max(row.cells[n].right for row in full))
        for n in range(len(body[0].cells))
    ]


def _fit(row: _Row, columns: list[tuple[float, float]]) -> tuple[list[_Cell], list[int]] | None:
    """The cells of a row that sit inside the table and the column of each (a total may lack
    its per cent; a box beside the table may share its lines), or None when they are not a
    label and numbers under the table's columns, in order."""
    margin = row.height
    left, right = min(a for a, _ in columns) - margin, max(b for _, b in columns) + margin
    inside = [cell for cell in row.cells if cell.right > left and cell.left < right]
    slots: list[int] = []
    wide = [(start - margin, end + margin) for start, end in columns]
    for cell in inside:
        scores = [_overlap(cell, column) for column in wide]
        best = max(range(len(columns)), key=scores.__getitem__)
        if scores[best] <= 0.3 or (slots and best <= slots[-1]):
            break  # what follows is beside the table, not in it
        slots.append(best)
    inside = inside[: len(slots)]
    if not inside or _groups(inside) is None:
        return None
    return inside, slots


def _header_rows(
    rows: list[_Row], first: int, top: _Row, columns: list[tuple[float, float]], used: set[int]
) -> list[_Row]:
    """Rows just above a table body whose cells each sit over one of its columns."""
    left, right = min(a for a, _ in columns), max(b for _, b in columns)
    header: list[_Row] = []
    below = top
    k = first - 1
    while k >= 0 and k not in used and len(header) < 5:
        row = rows[k]
        if row.groups is not None or row.middle - below.middle > 3.5 * max(
            row.height, below.height
        ):
            break
        if any(c.right < left - row.height or c.left > right + row.height for c in row.cells):
            break
        if any(sum(1 for col in columns if _overlap(cell, col) > 0.3) > 1 for cell in row.cells):
            break  # a title or a header spanning columns: leave it as text
        header.insert(0, row)
        below = row
        k -= 1
    return header


def _overlap(cell: _Cell, column: tuple[float, float]) -> float:
    """How much of the narrower of the two the other covers (0 to 1)."""
    start, end = max(cell.left, column[0]), min(cell.right, column[1])
    narrower = min(cell.right - cell.left, column[1] - column[0]) or 1.0
    return max(0.0, end - start) / narrower


def _flatten(table: _Table) -> list[str]:
    """The table's rows as lines, group by group (a table on the left before one on its right)."""
    columns = table.columns
    names: list[list[str]] = [[] for _ in columns]
    for row in table.header:
        for cell in row.cells:
            scores = [_overlap(cell, column) for column in columns]
            best = max(range(len(columns)), key=scores.__getitem__)
            if scores[best] > 0:
                names[best].append(cell.text)
    headers = [join_header_lines(parts) for parts in names]
    shape = _shape(table.body[0])
    lines: list[str] = []
    if all(width == 1 for width in shape) and table.header:
        lines.extend(join_header_lines([c.text for c in row.cells]) for row in table.header)
        headers = ["" for _ in headers]  # one value column: its header stays a line above
    starts = [sum(1 + width for width in shape[:g]) for g in range(len(shape))]
    for group, start in enumerate(starts):
        end = start + 1 + shape[group]
        for row_cells, slots in zip(table.cells, table.slots, strict=True):
            label = next((c.text for c, n in zip(row_cells, slots, strict=True) if n == start), "")
            cells = [
                (headers[n], cell.text)
                for cell, n in zip(row_cells, slots, strict=True)
                if start < n < end
            ]
            if cells:
                lines.append(flatten_row(label, cells, label_header=headers[start]))
    return lines


def _language(text: str) -> str | None:
    lang = detect_language(text)
    return None if lang == UNDETERMINED else lang
