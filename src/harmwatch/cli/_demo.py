"""``harmwatch demo``: the main job on the bundled example reports, into a fresh database:
ingest (each file with the date its name carries, for reports whose text gives none), link,
and the summary of the example week.

The demo starts afresh each time, so it deletes its previous database: it does that only in a
folder it created (marked by a ``.harmwatch-demo`` file), never in one a user made.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from harmwatch.cli._app import app, report_failure
from harmwatch.cli._output import cell, say, show
from harmwatch.errors import InputError

if TYPE_CHECKING:
    from rich.table import Table

    from harmwatch.store import Store

__all__ = ["EXAMPLE_WEEK", "MARKER", "by_date_in_name", "date_in_name", "demo", "prepare_folder"]

MARKER = ".harmwatch-demo"
"""The file that marks a folder as the demo's own."""

EXAMPLE_WEEK = ("Idlib", date(2017, 9, 20), date(2017, 10, 1))
"""The place and dates of the example week the demo summarises (the monitoring group's week)."""


_NAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def date_in_name(path: Path) -> date | None:
    """The date a file's name carries ("maarat-al-numan-2017-10-01-wire.txt"), if any."""
    found = _NAME_DATE.search(path.name)
    if found is None:
        return None
    try:
        return date(*map(int, found.groups()))
    except ValueError:
        return None


def by_date_in_name(paths: Iterable[Path]) -> dict[date | None, list[str]]:
    """Files grouped by the date their names carry (None for those without), each sorted."""
    groups: defaultdict[date | None, list[str]] = defaultdict(list)
    for path in sorted(paths):
        groups[date_in_name(path)].append(str(path))
    return dict(groups)


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
    """Ingest and link the example reports into a fresh demo/harmwatch.db; summarise the example
    week.

    A report whose text gives no publication date takes the date its file name carries
    ("idlib-2017-09-29-wire.html"). Shows what was stored and linked, then the summary of Idlib
    from 20 September to 1 October 2017.

    Example: harmwatch demo --examples examples/reports --out demo
    """
    from harmwatch.analyze import Area, resolve_place
    from harmwatch.cli._ingest import format_linked
    from harmwatch.cli._summary import render_summary
    from harmwatch.geo import Zones
    from harmwatch.pipeline import (
        Analyzer,
        BudgetedAnalyzer,
        ingest_sources,
        link_store,
        summarize_store,
    )
    from harmwatch.store import Store

    if not examples.is_dir():
        raise InputError(f"{examples}: no such folder of example reports; run from the repo root")
    database = prepare_folder(out) / "harmwatch.db"
    url = "sqlite:///" + str(database.resolve())
    stored: list[str] = []
    failed = 0
    analyzer = Analyzer.load()
    groups = by_date_in_name(p for p in examples.iterdir() if p.is_file())
    with Store.open(url) as store, BudgetedAnalyzer(analyzer) as guarded:
        for published, files in groups.items():
            for outcome in ingest_sources(
                store, files, analyze=guarded, published=published, actor="harmwatch demo"
            ):
                if outcome.status == "failed":
                    failed += 1
                    report_failure(ctx, outcome.reason or outcome.input, outcome.traceback)
                elif outcome.document is not None:
                    stored.append(outcome.document.sha256)
        show(format_documents(store, stored))
        show(format_claim_totals(store, stored))
        say(format_linked(link_store(store, documents=stored, actor="harmwatch demo")))
        counts = store.counts()
        place, start, end = EXAMPLE_WEEK
        say("")
        render_summary(
            summarize_store(
                store,
                area=Area.of_place(resolve_place(analyzer.gazetteer, place)),
                start=start,
                end=end,
                gazetteer=analyzer.gazetteer,
                zones=Zones.load(),
            )
        )
        say("")
    say(
        f"Stored {counts['documents']} documents, {counts['claims']} claims and "
        f"{counts['place_mentions']} place mentions in {database}"
    )
    say(f"Look further: harmwatch --db {database} claims")
    say(
        f"The week again: harmwatch --db {database} summary --place {place} "
        f"--from {start} --to {end} --format md"
    )
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
