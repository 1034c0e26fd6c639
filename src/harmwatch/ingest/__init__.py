"""ingest stage: files, folders, URLs and RSS/Atom feeds become Documents.

    document = read_file(Path("reports/idlib.html"))   # HTML reduced to its main text
    for path in iter_paths(Path("reports")): ...      # files under a folder, sorted

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
    walk_paths,
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
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "SUFFIXES",
    "Feed",
    "Skipped",
    "encoding_note",
    "iter_paths",
    "make_client",
    "open_url",
    "read_bytes",
    "read_feed",
    "read_file",
    "read_url",
    "sniff_media_type",
    "walk_paths",
]
