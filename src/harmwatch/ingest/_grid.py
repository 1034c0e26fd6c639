"""Tables as lines a reader (and the extractor) takes in: ``Label: Header 8; Header 62``.

Both the PDF reader (which rebuilds a table from where its words sit) and the DOCX reader (which
is given the cells) flatten a table row here, so that a count table in a report reads as
"Government forces: 126" or "Active hostilities – Killed: 8; Injured: 62" whichever file it came in.
"""

from __future__ import annotations

import re

__all__ = ["flatten_row", "is_number_cell", "join_header_lines"]

_DIGIT = r"[0-9\u0660-\u0669\u06f0-\u06f9]"
_NUMBER_CELL = re.compile(
    rf"""^[(\[]?[-+−–]?[%٪]?\s?{_DIGIT}(?:[{_DIGIT[1:-1]}.,،٫٬'\s]*{_DIGIT})?\s?
    (?:[%٪]|\s?[A-Za-z\u0600-\u06ff]{{1,8}}\.?)?[)\]]?\*{{0,3}}$""",
    re.X,
)


def is_number_cell(text: str) -> bool:
    """True for a table cell that holds one number: ``126``, ``47.0``, ``2.35 M``, ``45%``,
    ``١٣٫١ مليون``, ``(12)``; False for words, dates with month names and empty cells."""
    return bool(_NUMBER_CELL.match(text.strip()))


def join_header_lines(parts: list[str]) -> str:
    """The lines of one header cell as one phrase: ``control-`` + ``led`` -> ``controlled``,
    but ``Government-`` + ``controlled`` -> ``Government-controlled``."""
    text = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if text.endswith("-") and part[:1].islower():
            word = text[:-1].rsplit(" ", 1)[-1].rsplit("-", 1)[-1]
            text = text + part if word[:1].isupper() else text[:-1] + part
        else:
            text = f"{text} {part}" if text else part
    return text


def flatten_row(label: str, cells: list[tuple[str, str]], *, label_header: str = "") -> str:
    """One table row as one line: ``2020, Active hostilities – Killed: 8; Injured: 62``.

    A row with one value and no header reads ``Government forces: 126``; a value without a
    header is given alone.

    Args:
        label: the row's label cell (``Active hostilities``, ``Government forces``).
        cells: (column header, value) for each value cell, in reading order; a header may be
            empty.
        label_header: the header of the label column, if any (``2020``).
    """
    head = f"{label_header}, {label}" if label_header and label else (label or label_header)
    if not any(header for header, _ in cells):
        values = ", ".join(value for _, value in cells)
        return f"{head}: {values}" if head else values
    values = "; ".join(f"{header}: {value}" if header else value for header, value in cells)
    return f"{head} – {values}" if head else values
