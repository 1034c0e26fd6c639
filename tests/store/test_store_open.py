"""Opening a database: schema created on first use, WAL on SQLite, one-line errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from builders import a_document

from harmwatch.errors import ConfigError
from harmwatch.store import Store, normalise_url
from harmwatch.store._engine import head_revision
from harmwatch.store._schema import metadata


def test_a_new_database_gets_the_schema_on_open(db_url: str) -> None:
    with Store.open(db_url) as store:
        assert store.revision() == head_revision()
        assert store.counts()["documents"] == 0


def test_the_migrations_build_exactly_the_declared_schema(db_url: str) -> None:
    Store.open(db_url).close()
    engine = sa.create_engine(normalise_url(db_url))
    try:
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_upgrading_an_up_to_date_database_changes_nothing(db_url: str) -> None:
    head = head_revision()
    assert Store.upgrade(db_url) == (None, head)
    assert Store.upgrade(db_url) == (head, head)


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "wal.db"
    with Store.open(f"sqlite:///{path}") as store:
        store.add_document(a_document())
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_bare_file_path_is_a_sqlite_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with Store.open("reports.db") as store:
        store.add_document(a_document())
    assert (tmp_path / "reports.db").exists()


def test_a_database_without_the_schema_is_not_changed_when_upgrade_is_off(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    with pytest.raises(ConfigError, match="run `harmwatch db upgrade`"):
        Store.open(f"sqlite:///{path}", upgrade=False)


def test_a_missing_database_file_is_not_created_when_upgrade_is_off(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with pytest.raises(ConfigError, match=f"no database at {path}; create it with"):
        Store.open(f"sqlite:///{path}", upgrade=False)
    assert not path.exists()


def test_a_database_with_foreign_tables_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(ConfigError, match="tables that are not harmwatch's"):
        Store.open(f"sqlite:///{path}")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://root@localhost/x", "harmwatch stores in SQLite"),
        ("sqlite:////no/such/folder/h.db", "folder /no/such/folder does not exist"),
        ("postgresql://postgres:secret@127.0.0.1:1/x", "Connection refused"),
        ("", "the database URL is empty"),
    ],
)
def test_a_database_that_cannot_work_is_one_clear_line(url: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as raised:
        Store.open(url)
    assert "\n" not in str(raised.value)
    assert "secret" not in str(raised.value)


def test_postgresql_urls_are_given_the_psycopg_driver() -> None:
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"


def test_a_database_from_an_older_harmwatch_keeps_its_claims_when_upgraded(tmp_path: Path) -> None:
    from alembic import command

    from harmwatch.store._engine import WRITE, _alembic_config, make_engine

    url = normalise_url(str(tmp_path / "old.db"))
    engine = make_engine(url)
    with engine.connect().execution_options(**{WRITE: True}) as connection:
        with connection.begin():
            command.upgrade(_alembic_config(connection), "0001")
            connection.execute(
                sa.text(
                    "INSERT INTO documents (sha256, source, stored_at, media_type, text, raw, "
                    "confidential) VALUES ('a', 's', '2020-01-01', 'text/plain', 't', x'00', 0)"
                )
            )
            connection.execute(
                sa.text(
                    "INSERT INTO extractions (id, document_sha256, extractor_version, extracted_at,"
                    " lang, has_period, perpetrators, weapons) VALUES "
                    "(1, 'a', 'v0', '2020-01-01', 'en', 0, '[]', '[]')"
                )
            )
            connection.execute(
                sa.text(
                    "INSERT INTO claims (extraction_id, document_sha256, extractor_version, "
                    'ordinal, kind, subject, value, bound, start, "end", text, sentence, '
                    "confidence) VALUES (1, 'a', 'v0', 0, 'killed', 'people', 7, 'exact', 0, 1, "
                    "'t', 0, 1.0)"
                )
            )
    engine.dispose()
    assert Store.upgrade(url) == ("0001", head_revision())
    with Store.open(url) as store:
        [claim] = store.claims_for("a")
    assert (claim.value, claim.rule, claim.geo_precision) == (7, "", None)
