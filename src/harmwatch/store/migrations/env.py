"""Alembic environment: run by harmwatch.store on a connection it has already opened.

harmwatch never reads an alembic.ini: ``harmwatch.store.upgrade_database`` builds the config and
passes the connection in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from harmwatch.store._schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    raise RuntimeError("run migrations through `harmwatch db upgrade`")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
