"""Files and folders: which files to read, and reading one with clear reasons when it cannot be."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from harmwatch.errors import InputError
from harmwatch.ingest._document import HTML, MARKDOWN, PLAIN, read_bytes
from harmwatch.ingest._docx import DOCX
from harmwatch.ingest._pdf import PDF
from harmwatch.model import Document

__all__ = ["DEFAULT_MAX_BYTES", "SUFFIXES", "format_size", "iter_paths", "read_file", "read_raw"]

DEFAULT_MAX_BYTES = 20_000_000
"""Files and downloads over this many bytes are refused (``--max-bytes`` changes it)."""

SUFFIXES: dict[str, str] = {
    ".txt": PLAIN,
    ".text": PLAIN,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".pdf": PDF,
    ".docx": DOCX,
}
"""File suffixes harmwatch reads, and the media type each is read as."""

_TABLES = (".csv", ".tsv", ".xlsx", ".xls")


def format_size(size: int) -> str:
    """A byte count for people: ``20 MB``, ``1.5 kB``, ``12 bytes``."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size} bytes"


def iter_paths(path: Path) -> Iterator[Path]:
    """The files to read for ``path``: itself if it is not a folder, else every file under it
    with a readable suffix, recursively, in sorted order (hidden files and folders skipped).

    Broken links and special files are yielded too, so that reading them reports why.
    """
    if not path.is_dir():
        yield path
        return
    found: list[Path] = []
    for folder, dirnames, filenames in os.walk(path):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                found.append(Path(folder, name))
    yield from sorted(found)


def read_file(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """A Document from a .txt, .md, .html/.htm, .pdf or .docx file (HTML reduced to its main
    text, PDF and DOCX to their pages' text with tables as lines).

    Raises:
        InputError: the message names the file and the reason (missing, unreadable, not a
            regular file, over ``max_bytes``, empty, binary, no main text, unsupported type).
    """
    name = str(path)
    media_type = SUFFIXES.get(path.suffix.lower())
    if media_type is None:
        readable = ", ".join(sorted(SUFFIXES))
        hint = (
            " (tables of incidents go through harmwatch import)"
            if path.suffix.lower() in _TABLES
            else ""
        )
        raise InputError(
            f"{name}: cannot read {path.suffix or 'files without a suffix'}; "
            f"harmwatch reads {readable}{hint}"
        )
    return read_bytes(read_raw(path, max_bytes=max_bytes), source=name, media_type=media_type)


def read_raw(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """A file's bytes, exactly as they are, whatever its kind.

    Raises:
        InputError: missing, unreadable, not a regular file, over ``max_bytes``, or empty.
    """
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(
                f"{name}: broken link to {os.readlink(path)}, which does not exist"
            ) from None
        raise InputError(f"{name}: no such file") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read it ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{name}: is a folder where a file was expected")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{name}: not a regular file ({_kind(info.st_mode)}); cannot read it")
    if info.st_size > max_bytes:
        raise _too_big(name, info.st_size, max_bytes)
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as error:
        raise InputError(f"{name}: cannot read it ({error.strerror or error})") from None
    if len(raw) > max_bytes:
        raise _too_big(name, len(raw), max_bytes)
    if not raw:
        raise InputError(f"{name}: empty file")
    return raw


def _too_big(name: str, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"{name}: {format_size(size)} is over the {format_size(max_bytes)} limit; "
        "raise it with --max-bytes"
    )


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"
