"""``harmwatch extract``: count claims, places, actors and period of documents, as JSON lines."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from harmwatch.cli._app import app, err_console, out_console, parse_published, settings
from harmwatch.errors import HarmwatchError, InputError
from harmwatch.ingest import read_bytes, read_file
from harmwatch.model import Document, Extraction
from harmwatch.pipeline import Analyzer
from harmwatch.serialize import extraction_to_dict

__all__ = ["extract", "format_table_rows"]

_FORMATS = ("jsonl", "table")


def _read(path: str) -> Document:
    if path == "-":
        raw = sys.stdin.buffer.read()
        return read_bytes(raw, source="-")
    return read_file(Path(path))


def format_table_rows(extraction: Extraction) -> list[tuple[str, ...]]:
    """One row per claim: kind, subject, value (with bound and range), perpetrator, text."""
    rows: list[tuple[str, ...]] = []
    for c in extraction.claims:
        value = str(c.value) if c.max is None else f"{c.value}-{c.max}"
        if c.bound != "exact":
            value = f"{value} ({c.bound})"
        rows.append(
            (c.kind, c.subject, value, c.perpetrator or "", c.status or "", str(c.sentence), c.text)
        )
    return rows


@app.command()
def extract(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(help="Files (.txt, .html/.htm, .md, .pdf, .docx), or - for stdin."),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            "--published", help="Publication date YYYY-MM-DD; relative dates resolve from it."
        ),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Language code; default detected.")
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format", help="jsonl (default when piped: one JSON object per document) or table."
        ),
    ] = None,
) -> None:
    """Count claims (killed, injured, strikes, facilities hit) with their evidence spans.

    Example: harmwatch extract --published 2017-10-01 reports/idlib.txt
    """
    fmt = output_format or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in _FORMATS:
        raise InputError(f"--format must be one of {', '.join(_FORMATS)}; got {fmt!r}")
    when = parse_published(published)
    analyzer = Analyzer.load(data_dir=Path(settings(ctx).data_dir))
    failed = 0
    for path in paths:
        try:
            doc = _read(path)
            # the language is the extractor's to detect unless --lang names it
            doc = dataclasses.replace(doc, lang=lang, published=when or doc.published)
            extraction = analyzer(doc)
        except HarmwatchError as error:
            err_console.print(f"[red]Error:[/red] {escape(str(error))}")
            failed += 1
            continue
        except Exception as error:  # a bug on one document must not lose the others
            if os.environ.get("HARMWATCH_DEBUG"):
                raise
            err_console.print(
                f"[red]Error:[/red] {escape(path)}: extraction failed "
                f"({escape(type(error).__name__)}: {escape(str(error))}); "
                "set HARMWATCH_DEBUG=1 for the traceback"
            )
            failed += 1
            continue
        source = doc.source if path != "-" else "-"
        if fmt == "jsonl":
            data = extraction_to_dict(extraction, source=source, pages=doc.pages)
            line = json.dumps(data, ensure_ascii=False)
            sys.stdout.write(line + "\n")
            sys.stdout.flush()
        else:
            table = Table(title=f"{source} ({extraction.lang}, published {extraction.published})")
            for col in ("kind", "subject", "value", "perpetrator", "status", "sent.", "text"):
                table.add_column(col)
            for row in format_table_rows(extraction):
                table.add_row(*(escape(cell) for cell in row))
            out_console.print(table)
    if failed:
        raise typer.Exit(1)
