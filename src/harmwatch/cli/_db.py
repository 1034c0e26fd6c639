"""``harmwatch db upgrade`` and ``harmwatch db info``: the database itself."""

from __future__ import annotations

import typer

from harmwatch.cli._app import app, group, settings
from harmwatch.cli._output import say

db_app = group(help="The database: create or upgrade its schema, show what it holds.")
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Create or upgrade the database schema to this harmwatch's version.

    Example: harmwatch --db postgresql://harmwatch@db.example.org/harmwatch db upgrade
    """
    from harmwatch.store import Store

    before, after = Store.upgrade(settings(ctx).db)
    if before == after:
        say(f"database is up to date (schema revision {after})")
    else:
        say(f"database upgraded from schema revision {before or 'none'} to {after}")


@db_app.command("info")
def info(ctx: typer.Context) -> None:
    """Show the database URL, its schema revision and how many rows each table holds.

    Example: harmwatch --db harmwatch.db db info
    """
    from harmwatch.store import Store

    with Store.open(settings(ctx).db, upgrade=False) as store:
        say(f"database: {store.url}")
        say(f"schema revision: {store.revision()}")
        for table, count in store.counts().items():
            say(f"{table}: {count}")
