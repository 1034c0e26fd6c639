"""``harmwatch db upgrade`` and ``harmwatch db info``: the database itself."""

from __future__ import annotations

import typer

from harmwatch.cli._app import app, out_console, settings
from harmwatch.extract import EXTRACTOR_VERSION
from harmwatch.pipeline import count_outdated
from harmwatch.store import Store

db_app = typer.Typer(help="The database: create or upgrade its schema, show what it holds.")
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Create or upgrade the database schema to this harmwatch's version.

    Example: harmwatch --db postgresql://harmwatch@db.example.org/harmwatch db upgrade
    """
    url = settings(ctx).db
    before, after = Store.upgrade(url)
    if before == after:
        out_console.print(f"database is up to date (schema revision {after})")
    else:
        out_console.print(f"database upgraded from schema revision {before or 'none'} to {after}")


@db_app.command("info")
def info(ctx: typer.Context) -> None:
    """Show the database URL, its schema revision, how many rows each table holds and how many
    documents were extracted by an older extractor.

    Example: harmwatch --db harmwatch.db db info
    """
    with Store.open(settings(ctx).db, upgrade=False) as store:
        out_console.print(f"database: {store.url}")
        out_console.print(f"schema revision: {store.revision()}")
        for table, count in store.counts().items():
            out_console.print(f"{table}: {count}")
        outdated = count_outdated(store)
        out_console.print(
            f"documents extracted by a version older than {EXTRACTOR_VERSION}: {outdated}"
            + (" (harmwatch reextract updates them)" if outdated else ""),
            highlight=False,
        )
