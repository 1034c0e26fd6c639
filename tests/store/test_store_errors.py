"""Errors of the database and its driver leave the store as harmwatch errors, one line each."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from builders import a_document

from harmwatch.errors import ConfigError, Conflict, HarmwatchError, InputError
from harmwatch.store import Store
from harmwatch.store._engine import translate_errors


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("INSERT INTO t VALUES (1)", Conflict),  # IntegrityError: duplicate key
        ("SELECT * FROM no_such_table", ConfigError),  # OperationalError
    ],
)
def test_driver_errors_become_harmwatch_errors(
    tmp_path: Path, statement: str, expected: type[HarmwatchError]
) -> None:
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE t (id INTEGER PRIMARY KEY)")
        connection.exec_driver_sql("INSERT INTO t VALUES (1)")
    try:
        with pytest.raises(expected) as raised, translate_errors("x.db"):
            with engine.begin() as connection:
                connection.exec_driver_sql(statement)
    finally:
        engine.dispose()
    assert str(raised.value).startswith(
        f"{'conflicts with what is stored in ' if expected is Conflict else 'database '}x.db"
    )
    assert "\n" not in str(raised.value)


@pytest.mark.postgres
def test_text_postgresql_cannot_hold_is_an_input_error(pg_url: str) -> None:
    with Store.open(pg_url) as store, pytest.raises(InputError, match="cannot store this value"):
        store.add_document(a_document("a NUL \x00 in the text"))
    with Store.open(pg_url) as store:
        assert store.count_documents() == 0
        assert store.verify_audit() == 0
