"""``harmwatch demo``: the main job on the bundled example reports, into a fresh database.

The demo starts afresh each time, so it deletes its previous database: it does that only in a
folder it created (marked by a ``.harmwatch-demo`` file), never in one a user made.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from harmwatch.cli._app import app, report_failure
from harmwatch.cli._output import cell, say, show
from harmwatch.errors import InputError

if TYPE_CHECKING:
    from rich.table import Table

    from harmwatch.store import Store

__all__ = ["MARKER", "demo", "prepare_folder"]

MARKER = ".harmwatch-demo"
"""The file that marks a folder as the demo's own."""


def prepare_folder(out: Path) -> Path:
    """The demo's folder, ready for a fresh database: made (and marked) if new, emptied of the
    last demo's database if marked; any other folder is refused with InputError."""
    marker = out / MARKER
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: is a file; give --out a folder for the demo")
    if out.is_dir() and not marker.is_file():
        if any(out.iterdir()):
            raise InputError(
                f"{out}: not a folder made by `harmwatch demo` (it has no {MARKER} file) and "
                "not empty; the demo writes only into a folder of its own: give --out a new one"
            )
    out.mkdir(parents=True, exist_ok=True)
    if not marker.is_file():
        marker.write_text(
            "This folder was made by `harmwatch demo`, which replaces harmwatch.db here "
            "each time it runs.\n",
            encoding="utf-8",
        )
    for stale in out.glob("harmwatch.db*"):
        if stale.is_file() or stale.is_symlink():
            stale.unlink()
    return out


@app.command()
def demo(
    ctx: typer.Context,
    examples: Annotated[
        Path,
        typer.Option("--examples", metavar="FOLDER", help="Folder of reports to ingest."),
    ] = Path("examples/reports"),
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            metavar="FOLDER",
            help="Folder for the demo database: a new one, or one the demo made before "
            "(its database is replaced).",
        ),
    ] = Path("demo"),
) -> None:
    """Ingest the example reports into a fresh demo/harmwatch.db and show what was stored.

    Example: harmwatch demo --examples examples/reports --out demo
    """
    from harmwatch.pipeline import Analyzer, ingest_sources
    from harmwatch.store import Store

    if not examples.is_dir():
        raise InputError(f"{examples}: no such folder of example reports; run from the repo root")
    database = prepare_folder(out) / "harmwatch.db"
    url = "sqlite:///" + str(database.resolve())
    stored: list[str] = []
    failed = 0
    with Store.open(url) as store:
        for outcome in ingest_sources(
            store, [str(examples)], analyze=Analyzer.load(), actor="harmwatch demo"
        ):
            if outcome.status == "failed":
                failed += 1
                report_failure(ctx, outcome.reason or outcome.input, outcome.traceback)
            elif outcome.document is not None:
                stored.append(outcome.document.sha256)
        show(format_documents(store, stored))
        show(format_claim_totals(store, stored))
        counts = store.counts()
    say(
        f"Stored {counts['documents']} documents, {counts['claims']} claims and "
        f"{counts['place_mentions']} place mentions in {database}"
    )
    say(f"Look further: harmwatch --db {database} claims")
    if failed:
        raise typer.Exit(1)


def format_documents(store: Store, shas: list[str]) -> Table:
    """One row per stored document: its file, language, date, claims, places and attackers."""
    from rich.table import Table

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
            cell(Path(document.source).name),
            cell(document.lang),
            cell(published.isoformat() if published else ""),
            str(len(claims)),
            cell(", ".join(sorted({p.place.name for p in places if p.place})[:4])),
            cell(", ".join(perpetrators)),
        )
    return table


def format_claim_totals(store: Store, shas: list[str]) -> Table:
    """Claims counted by kind and subject across the stored documents (mentions, not incidents)."""
    from rich.table import Table

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
