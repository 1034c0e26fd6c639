"""Database URLs as users type them: the one place that reads them, without SQLAlchemy, so
that a command can tell whether a database exists before paying for the database layer."""

from __future__ import annotations

import os
from pathlib import Path

from harmwatch.errors import ConfigError

__all__ = ["database_exists", "normalise_url", "sqlite_file"]


def normalise_url(url: str) -> str:
    """A SQLAlchemy URL from what a user types: a file path, sqlite:///..., postgresql://..."""
    url = url.strip()
    if not url:
        raise ConfigError("the database URL is empty; give --db sqlite:///harmwatch.db")
    if "://" not in url:
        return "sqlite:///" + os.path.abspath(url)
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL (or a bare path) names; None for a server or an in-memory database.

    Example: ``sqlite:///data/h.db`` -> ``data/h.db``, ``sqlite:////srv/h.db`` -> ``/srv/h.db``.
    """
    url = normalise_url(url)
    scheme, _, rest = url.partition("://")
    if scheme.split("+", 1)[0] != "sqlite":
        return None
    database = rest[1:] if rest.startswith("/") else rest  # after the empty host
    database = database.split("?", 1)[0]
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database).expanduser()


def database_exists(url: str) -> bool:
    """Whether the database may be opened without creating it: a SQLite file that exists, or
    any server (which answers for itself when opened)."""
    normal = normalise_url(url)
    if normal.split("://", 1)[0].split("+", 1)[0] != "sqlite":
        return True
    path = sqlite_file(normal)
    return path is not None and path.is_file()
