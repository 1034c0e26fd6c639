"""What the CLI prints, and how: every name escaped, errors as one line, consoles made on first use.

Names come from outside (file names, URLs, feed items, page titles) and may hold newlines,
terminal escapes, bytes that are not UTF-8 or Rich markup; printed as they are, they forge
output lines or crash a strict terminal. ``printable`` makes any text one safe line; ``say``,
``fail`` and ``cell`` apply it, so commands print through them and never print a name raw.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

__all__ = [
    "append_traceback",
    "cell",
    "err_console",
    "fail",
    "json_line",
    "out_console",
    "printable",
    "say",
    "show",
    "without_surrogates",
]

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings, overrides and isolates
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_control(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _escape_surrogate(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, kept by Python as a surrogate
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def without_surrogates(text: str) -> str:
    """``text`` with lone surrogates (file-name bytes that are not UTF-8) written as ``\\xff``."""
    return _SURROGATE.sub(_escape_surrogate, text) if _SURROGATE.search(text) else text


def printable(text: str) -> str:
    """``text`` as one safe line: controls as ``\\n``/``\\x1b``, stray bytes as ``\\xff``.

    Example: ``printable("a\\nstored: b")`` is ``a\\\\nstored: b`` (one line, not two).
    """
    text = without_surrogates(text)
    return _UNSAFE.sub(_escape_control, text) if _UNSAFE.search(text) else text


@cache
def out_console() -> Console:
    """The console for results (standard output)."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True, emoji=False)


@cache
def err_console() -> Console:
    """The console for errors and progress (standard error)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def say(text: str) -> None:
    """Print one line of plain text (escaped, never read as markup) on standard output."""
    out_console().print(printable(text), markup=False)


def fail(message: str) -> None:
    """Print one error line on standard error (the caller decides the exit status)."""
    from rich.markup import escape

    err_console().print(f"[red]Error:[/red] {escape(printable(message))}")


def cell(value: object) -> str:
    """A table cell: the value's text, escaped for the terminal and for Rich markup."""
    from rich.markup import escape

    return escape(printable("" if value is None else str(value)))


def show(renderable: RenderableType) -> None:
    """Print a table or other Rich renderable on standard output (its cells made by ``cell``)."""
    out_console().print(renderable)


def json_line(obj: Any) -> None:
    """Write one JSON object as one line on standard output, and flush it (for pipes).

    A lone surrogate in a string (a file name's byte that is not UTF-8) is written as the text
    ``\\xff``, so that the line is valid UTF-8 and valid JSON.
    """
    line = json.dumps(obj, ensure_ascii=False)
    if _SURROGATE.search(line):
        line = _SURROGATE.sub(lambda m: _escape_surrogate(m).replace("\\", "\\\\"), line)
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def write_csv(columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> None:
    """CSV on standard output: the header, then one line per row (None as an empty field, a
    lone surrogate escaped), written row by row so memory stays flat."""
    import csv

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            "" if row[key] is None else without_surrogates(str(row[key])) for key in columns
        )


def write_feature_collection(features: Iterable[Mapping[str, Any]]) -> None:
    """A GeoJSON FeatureCollection on standard output, written feature by feature."""
    out = sys.stdout
    out.write('{"type": "FeatureCollection", "features": [')
    separator = "\n"
    for feature in features:
        out.write(separator + without_surrogates(json.dumps(feature, ensure_ascii=False)))
        separator = ",\n"
    out.write("\n]}\n")


def append_traceback(log: Path, what: str, traceback_text: str) -> str:
    """Append an unexpected error's traceback to ``log``; returns the words that name the log
    for the user's one line (``details in /path/errors.log``), or why it could not be written.
    """
    from harmwatch import __version__

    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    entry = (
        f"--- {stamp} harmwatch {__version__} (python {sys.version.split()[0]}): "
        f"{printable(what)}\n{traceback_text.rstrip()}\n\n"
    )
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(entry)
    except OSError as error:
        return f"the traceback could not be written to {log} ({error.strerror or error})"
    return f"details in {log}"
