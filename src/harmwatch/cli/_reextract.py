"""``harmwatch reextract``: the running extractor over stored documents, beside the old."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from harmwatch.cli._app import app, settings
from harmwatch.cli._output import fail, printable, say

__all__ = ["reextract"]


@app.command()
def reextract(
    ctx: typer.Context,
    everything: Annotated[
        bool,
        typer.Option("--all", help="Also documents never extracted (not only outdated ones)."),
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="VERSION",
            help="Only documents whose newest extraction is by this extractor version or later.",
        ),
    ] = None,
) -> None:
    """Extract stored documents again with this harmwatch's rules, beside the old extraction.

    Documents whose newest extraction is older than the running extractor get a new one; claims
    already stored are never edited or deleted, and the newest extraction is the current one.
    Running it again changes nothing.

    Example: harmwatch reextract --since harmwatch-0.1.0
    """
    from harmwatch.extract import EXTRACTOR_VERSION
    from harmwatch.pipeline import Analyzer, reextract_documents
    from harmwatch.store import Store

    analyzer = Analyzer.load(data_dir=Path(settings(ctx).data_dir))
    done = failed = claims = 0
    with Store.open(settings(ctx).db) as store:
        for outcome in reextract_documents(
            store, analyze=analyzer, since=since, everything=everything
        ):
            if outcome.ok:
                done += 1
                claims += outcome.claims
                if not settings(ctx).quiet:
                    old = outcome.old_version or "none"
                    say(
                        f"reextracted: {printable(outcome.source)} ({old} -> "
                        f"{EXTRACTOR_VERSION}, {outcome.claims} claims)"
                    )
            else:
                failed += 1
                fail(f"{printable(outcome.source)}: {outcome.reason or ''}")
    say(
        f"{done} documents extracted again by {EXTRACTOR_VERSION} ({claims} claims)"
        + (f", {failed} failed" if failed else "")
    )
    if failed:
        raise typer.Exit(1)
