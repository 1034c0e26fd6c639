"""ingest stage: files, folders, URLs and RSS/Atom feeds become Documents.

    document = read_file(Path("reports/idlib.html"))   # HTML reduced to its main text
    for path in iter_paths(Path("reports")): ...      # files under a folder, sorted
    for found in walk_paths(Path("reports")): ...     # ... and the links left out (Skipped)
    document = open_url("https://example.org/a.html", deadline=300)  # or a Feed
    table = read_table(read_raw(path), source=str(path), format="acled")  # rows -> reports

Every failure is an InputError naming the file or URL and the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from harmwatch.ingest._decode import encoding_note
from harmwatch.ingest._document import read_bytes, sniff_media_type
from harmwatch.ingest._files import (
    DEFAULT_MAX_BYTES,
    SUFFIXES,
    Skipped,
    iter_paths,
    read_file,
    read_raw,
    walk_paths,
)

if TYPE_CHECKING:
    from harmwatch.ingest._tables import (
        CSV,
        FIELDS,
        FORMATS,
        UNKNOWN_POLICIES,
        XLSX,
        ColumnMap,
        FigureSpec,
        PlaceLookup,
        RowProblem,
        TableImport,
        load_column_map,
        parse_column_map,
        read_table,
        suggest_map,
    )
    from harmwatch.ingest._web import (
        DEFAULT_DEADLINE,
        DEFAULT_TIMEOUT,
        Feed,
        make_client,
        open_url,
        read_feed,
        read_url,
    )

__all__ = [
    "CSV",
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "FIELDS",
    "FORMATS",
    "SUFFIXES",
    "UNKNOWN_POLICIES",
    "XLSX",
    "ColumnMap",
    "Feed",
    "FigureSpec",
    "PlaceLookup",
    "RowProblem",
    "Skipped",
    "TableImport",
    "encoding_note",
    "iter_paths",
    "load_column_map",
    "make_client",
    "open_url",
    "parse_column_map",
    "read_bytes",
    "read_feed",
    "read_file",
    "read_raw",
    "read_table",
    "read_url",
    "sniff_media_type",
    "suggest_map",
    "walk_paths",
]

# tables (openpyxl, libhxl) and the web (httpx) load on first use: reading one text file
# (``harmwatch extract``) needs neither
_LAZY = {
    **dict.fromkeys(
        ["CSV", "FIELDS", "FORMATS", "UNKNOWN_POLICIES", "XLSX", "ColumnMap", "FigureSpec",
         "PlaceLookup", "RowProblem", "TableImport", "load_column_map", "parse_column_map",
         "read_table", "suggest_map"],
        "harmwatch.ingest._tables",
    ),
    **dict.fromkeys(
        ["DEFAULT_DEADLINE", "DEFAULT_TIMEOUT", "Feed", "make_client", "open_url", "read_feed",
         "read_url"],
        "harmwatch.ingest._web",
    ),
}  # fmt: skip


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'harmwatch.ingest' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
