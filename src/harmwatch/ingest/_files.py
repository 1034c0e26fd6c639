"""Files and folders: which files to read, and reading one with clear reasons when it cannot be."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from harmwatch.errors import InputError
from harmwatch.ingest._document import HTML, MARKDOWN, PLAIN, read_bytes
from harmwatch.ingest._media import DOCX, PDF
from harmwatch.model import Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUFFIXES",
    "Skipped",
    "format_size",
    "iter_paths",
    "read_file",
    "read_raw",
    "walk_paths",
]

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


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or folder under a given folder that was left out, and why (one line).

    ``failed`` is True when it could not be read (a folder without permission), False when it
    was left out on purpose (a link leading outside the folder).
    """

    path: Path
    reason: str
    failed: bool = False


def iter_paths(path: Path, *, follow_symlinks: bool = False) -> Iterator[Path]:
    """The files to read for ``path`` (see ``walk_paths``), without the notes on skipped ones."""
    for found in walk_paths(path, follow_symlinks=follow_symlinks):
        if isinstance(found, Path):
            yield found


def walk_paths(path: Path, *, follow_symlinks: bool = False) -> Iterator[Path | Skipped]:
    """The files to read for ``path``: itself if it is not a folder, else every file under it
    with a readable suffix, at any depth, in sorted order (hidden files and folders skipped).

    A link under the folder that leads outside it (a partner's folder with a link to
    /etc/passwd) is not followed: it comes as ``Skipped`` with the reason, unless
    ``follow_symlinks``. Links to files inside the folder are read; links to folders inside it
    are not walked twice. Broken links and special files are yielded, so that reading them
    reports why; a folder that cannot be listed comes as a failed ``Skipped``. The walk keeps
    its own stack, so no depth of nesting exhausts Python's recursion limit.
    """
    if not path.is_dir():
        yield path
        return
    root = path.resolve()
    found: list[Path | Skipped] = []
    seen = {root}
    stack = [path]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            reason = f"{folder}: cannot list this folder ({error.strerror or error})"
            found.append(Skipped(folder, reason, failed=True))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            item = Path(folder, entry.name)
            if _is_dir(entry):
                if entry.is_symlink():
                    target = item.resolve()
                    if target in seen or _inside(target, root):
                        continue  # a folder walked anyway, or a loop: never twice
                    if not follow_symlinks:
                        found.append(_outside(item, target, path, "folder"))
                        continue
                    seen.add(target)
                stack.append(item)
            elif Path(entry.name).suffix.lower() in SUFFIXES:
                if not follow_symlinks and entry.is_symlink() and item.exists():
                    target = item.resolve()
                    if not _inside(target, root):
                        found.append(_outside(item, target, path, "file"))
                        continue
                found.append(item)
    yield from sorted(found, key=lambda item: item.path if isinstance(item, Skipped) else item)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _inside(target: Path, root: Path) -> bool:
    return target == root or target.is_relative_to(root)


def _outside(link: Path, target: Path, given: Path, what: str) -> Skipped:
    return Skipped(
        link,
        f"{link}: a link to the {what} {target}, outside {given}; not read "
        "(--follow-symlinks reads it)",
    )


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
        with path.open("rb") as handle:  # read what stat says is there (and one byte more)
            raw = handle.read(min(info.st_size, max_bytes) + 1)
            if len(raw) > info.st_size:  # it grew while we read: read on, up to the limit
                raw += handle.read(max_bytes + 1 - len(raw))
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
