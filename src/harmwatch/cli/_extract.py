"""``harmwatch extract``: count claims, places, actors and period of documents, as JSON lines."""

from __future__ import annotations

import dataclasses
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from harmwatch.cli._app import app, debugging, parse_published, report_failure, settings
from harmwatch.cli._output import cell, fail, json_line, show
from harmwatch.errors import HarmwatchError, InputError
from harmwatch.extract import SUPPORTED_LANGUAGES, supported_languages_text

if TYPE_CHECKING:
    from harmwatch.model import Document, Extraction

__all__ = ["extract", "format_table_rows"]

_FORMATS = ("jsonl", "table")


def _read(path: str) -> Document:
    from harmwatch.ingest import read_bytes, read_file, sniff_media_type

    if path == "-":
        raw = sys.stdin.buffer.read()
        return read_bytes(raw, source="-", media_type=sniff_media_type(raw))
    if Path(path).is_dir():
        raise InputError(
            f"{path}: is a folder; extract reads files (give them: {path}/*.txt), "
            f"and `harmwatch ingest {path}` stores a whole folder"
        )
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


def _print_table(source: str, extraction: Extraction) -> None:
    from rich.table import Table

    table = Table(title=cell(f"{source} ({extraction.lang}, published {extraction.published})"))
    for col in ("kind", "subject", "value", "perpetrator", "status", "sent.", "text"):
        table.add_column(col)
    for row in format_table_rows(extraction):
        table.add_row(*(cell(value) for value in row))
    show(table)


@app.command()
def extract(
    ctx: typer.Context,
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...", help="Files (.txt, .html/.htm, .md, .pdf, .docx), or - for stdin."
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            metavar="YYYY-MM-DD",
            help="Publication date; relative dates resolve from it.",
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            metavar="CODE",
            help="Language code; default detected. Supported: "
            + ", ".join(f"{code} ({name})" for code, name in SUPPORTED_LANGUAGES.items())
            + ".",
        ),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="jsonl (default when piped: one JSON object per document) or table.",
        ),
    ] = None,
    time_budget: Annotated[
        float,
        typer.Option(
            "--time-budget",
            metavar="SECONDS",
            min=0,
            help="Seconds one document's analysis may take (plus 10 s per MB of text over the "
            "first) before it is stopped and reported as failed. 0: no limit.",
        ),
    ] = 60.0,
) -> None:
    """Count claims (killed, injured, strikes, facilities hit) with their evidence spans.

    HTML (a .html file, or a page on standard input) is reduced to its main text first.

    Example: harmwatch extract --published 2017-10-01 reports/idlib.txt
    """
    from harmwatch.pipeline import AnalysisFailed, Analyzer, BudgetedAnalyzer
    from harmwatch.serialize import extraction_to_dict

    fmt = output_format or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in _FORMATS:
        raise InputError(f"--format must be one of {', '.join(_FORMATS)}; got {fmt!r}")
    if lang is not None and lang.lower() not in SUPPORTED_LANGUAGES:
        raise InputError(f"--lang {lang!r} is not supported; {supported_languages_text()}")
    when = parse_published(published)
    analyzer = BudgetedAnalyzer(
        Analyzer.load(data_dir=Path(settings(ctx).data_dir)),
        budget=time_budget or None,
        reraise=debugging(),
    )
    failed = 0
    with analyzer:
        for path in paths:
            try:
                document = _read(path)
                # the language is the extractor's to detect unless --lang names it
                document = dataclasses.replace(
                    document, lang=lang, published=when or document.published
                )
                extraction = analyzer(document)
            except HarmwatchError as error:
                fail(str(error))
                failed += 1
                continue
            except AnalysisFailed as failure:
                report_failure(ctx, f"{path}: {failure.reason}", failure.traceback)
                failed += 1
                continue
            except Exception as error:  # a bug on one document must not lose the others
                if debugging():
                    raise
                reason = f"{path}: unexpected error ({type(error).__name__}: {error})"
                report_failure(ctx, reason.splitlines()[0][:300], traceback.format_exc())
                failed += 1
                continue
            if fmt == "jsonl":
                json_line(extraction_to_dict(extraction, source=path, pages=document.pages))
            else:
                _print_table(path, extraction)
    if failed:
        raise typer.Exit(1)
