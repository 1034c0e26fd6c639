"""Engines for SQLite and PostgreSQL, the migrations runner, and the translation of driver errors.

SQLite runs in WAL mode with foreign keys on; a write transaction starts with ``BEGIN IMMEDIATE``
so two writers queue on the lock instead of failing half-way. Every error of SQLAlchemy or the
driver leaves this package as a ``harmwatch.errors`` exception with one line of text.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import StaticPool

from harmwatch.errors import ConfigError, Conflict, HarmwatchError, InputError
from harmwatch.store._url import sqlite_file

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
WRITE = "harmwatch_write"
"""Execution option that makes a SQLite transaction start with BEGIN IMMEDIATE."""

_UPGRADE_LOCK_KEY = 0x68776462  # "hwdb": serialises concurrent upgrades on PostgreSQL


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except exc.ArgumentError:
        return url


def missing_sqlite_file(url: str) -> str | None:
    """The path of a SQLite database file that does not exist yet, else None."""
    path = sqlite_file(url)
    return None if path is None or path.exists() else str(path)


def make_engine(url: str) -> Engine:
    """An engine for ``url``; raises ConfigError for a URL harmwatch cannot use."""
    shown = display_url(url)
    try:
        parsed = make_url(url)
    except exc.ArgumentError:
        raise ConfigError(
            f"cannot use database URL {shown!r}: expected sqlite:///path.db or "
            "postgresql://user@host/dbname"
        ) from None
    backend = parsed.get_backend_name()
    try:
        if backend == "sqlite":
            return _sqlite_engine(parsed)
        if backend == "postgresql":
            if parsed.get_driver_name() != "psycopg":
                parsed = parsed.set(drivername="postgresql+psycopg")
            return sa.create_engine(parsed, connect_args={"connect_timeout": 10})
    except exc.ArgumentError as error:  # includes a driver that is not installed
        raise ConfigError(f"cannot use database URL {shown!r}: {_first_line(error)}") from None
    raise ConfigError(
        f"cannot use database URL {shown!r}: harmwatch stores in SQLite (sqlite:///path.db) "
        "or PostgreSQL (postgresql://...)"
    )


def _sqlite_engine(url: sa.URL) -> Engine:
    database = url.database or ""
    in_memory = database in ("", ":memory:") or database.startswith("file::memory:")
    if not in_memory:
        folder = Path(database).expanduser().resolve().parent
        if not folder.is_dir():
            raise ConfigError(f"cannot open database {database}: folder {folder} does not exist")
    options: dict[str, Any] = {"connect_args": {"timeout": 60}}
    if in_memory:
        options["poolclass"] = StaticPool
        options["connect_args"]["check_same_thread"] = False
    engine = sa.create_engine(url, **options)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun below, explicitly
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=60000")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _first_line(error: BaseException) -> str:
    original = getattr(error, "orig", None)
    text = str(original if original is not None else error).strip()
    return text.splitlines()[0].strip() if text else type(error).__name__


@contextmanager
def translate_errors(shown_url: str) -> Iterator[None]:
    """Turn SQLAlchemy and driver errors into harmwatch errors with one line of text."""
    try:
        yield
    except HarmwatchError:
        raise
    except exc.IntegrityError as error:
        raise Conflict(
            f"conflicts with what is stored in {shown_url}: {_first_line(error)}"
        ) from None
    except exc.DataError as error:
        raise InputError(f"cannot store this value in {shown_url}: {_first_line(error)}") from None
    except (exc.OperationalError, exc.InterfaceError, exc.DatabaseError) as error:
        raise ConfigError(f"database {shown_url}: {_first_line(error)}") from None


# --- migrations -------------------------------------------------------------------------------


def _alembic_config(connection: Connection | None = None) -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def head_revision() -> str:
    """The newest schema revision this harmwatch knows."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    """The schema revision recorded in the database, None when it has none."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the schema to the newest revision; returns (revision before, revision after).

    Runs in one transaction holding a lock, so two processes opening a new database at once
    do not both create it.
    """
    from alembic import command

    with engine.connect().execution_options(**{WRITE: True}) as connection:
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.execute(
                    sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPGRADE_LOCK_KEY}
                )
            before = current_revision(connection)
            if before != head_revision():
                command.upgrade(_alembic_config(connection), "head")
            after = current_revision(connection)
    assert after is not None
    return before, after


def table_names(connection: Connection) -> list[str]:
    """Names of the tables in the database's current schema."""
    return sa.inspect(connection).get_table_names()
