"""ingest stage: files, folders, URLs and RSS/Atom feeds become Documents.

    document = read_file(Path("reports/idlib.html"))   # HTML reduced to its main text
    for path in iter_paths(Path("reports")): ...      # files under a folder, sorted
    table = read_table(read_raw(path), source=str(path), format="acled")  # rows -> reports

Every failure is an InputError naming the file or URL and the reason.
"""

from __future__ import annotations

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
