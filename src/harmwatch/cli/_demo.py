"""``harmwatch demo``: the main job on the bundled example reports, into a fresh database."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from harmwatch.cli._app import app, fail, out_console
from harmwatch.errors import InputError
from harmwatch.pipeline import ingest_sources
from harmwatch.store import Store

__all__ = ["demo"]


@app.command()
def demo(
    examples: Annotated[
        Path, typer.Option("--examples", help="Folder of reports to ingest.")
    ] = Path("examples/reports"),
    out: Annotated[
        Path, typer.Option("--out", help="Folder for the demo database (emptied first).")
    ] = Path("demo"),
) -> None:
    """Ingest the example reports into a fresh demo/harmwatch.db and show what was stored.

    Example: harmwatch demo --examples examples/reports --out demo
    """
    if not examples.is_dir():
        raise InputError(f"{examples}: no such folder of example reports; run from the repo root")
    out.mkdir(parents=True, exist_ok=True)
    database = out / "harmwatch.db"
    for stale in out.glob("harmwatch.db*"):
        stale.unlink()
    url = "sqlite:///" + str(database.resolve())
    stored: list[str] = []
    failed = 0
    with Store.open(url) as store:
        for outcome in ingest_sources(store, [str(examples)], actor="harmwatch demo"):
            if outcome.status == "failed":
                failed += 1
                fail(outcome.reason or outcome.input)
            elif outcome.document is not None:
                stored.append(outcome.document.sha256)
        out_console.print(format_documents(store, stored))
        out_console.print(format_claim_totals(store, stored))
        counts = store.counts()
    out_console.print(
        f"Stored {counts['documents']} documents, {counts['claims']} claims and "
        f"{counts['place_mentions']} place mentions in {database}"
    )
    out_console.print(f"Look further: harmwatch --db {database} db info")
    if failed:
        raise typer.Exit(1)


def format_documents(store: Store, shas: list[str]) -> Table:
    """One row per stored document: its file, language, date, claims, places and attackers."""
    table = Table(title="Documents stored", title_justify="left")
    for column in ("document", "lang", "published", "claims", "places", "perpetrators"):
        table.add_column(column)
    for sha in shas:
        document = store.get_document(sha)
        extraction = store.get_extraction(sha)
        claims = list(extraction.claims) if extraction else []
        places = list(extraction.places) if extraction else []
        published = document.published or (extraction.published if extraction else None)
        perpetrators = sorted({c.perpetrator for c in claims if c.perpetrator})
        table.add_row(
            escape(Path(document.source).name),
            document.lang or "",
            published.isoformat() if published else "",
            str(len(claims)),
            escape(", ".join(sorted({p.place.name for p in places if p.place})[:4])),
            escape(", ".join(perpetrators)),
        )
    return table


def format_claim_totals(store: Store, shas: list[str]) -> Table:
    """Claims counted by kind and subject across the stored documents (mentions, not incidents)."""
    totals: Counter[tuple[str, str]] = Counter()
    for sha in shas:
        for claim in store.claims_for(sha):
            totals[(claim.kind, claim.subject)] += 1
    table = Table(title="Claims found, by kind and subject", title_justify="left")
    table.add_column("kind")
    table.add_column("subject")
    table.add_column("claims", justify="right")
    for (kind, subject), n in sorted(totals.items()):
        table.add_row(kind, subject, str(n))
    return table
