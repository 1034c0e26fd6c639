"""PDF reports through ``harmwatch extract`` and ``harmwatch ingest``: claims say their page, a
page without text is named, the PDF is stored with its page starts."""

from __future__ import annotations

import json
from pathlib import Path

from builders import a_pdf
from typer.testing import CliRunner

from harmwatch.cli import app
from harmwatch.store import Store

runner = CliRunner()


def test_extract_gives_each_claims_page(tmp_path: Path) -> None:
    path = tmp_path / "bulletin.pdf"
    path.write_bytes(a_pdf("Weekly bulletin.", "At least 12 civilians were killed in Idlib."))

    result = runner.invoke(app, ["extract", "--format", "jsonl", str(path)])

    assert result.exit_code == 0
    (line,) = [json.loads(text) for text in result.stdout.splitlines()]
    assert [(c["value"], c["page"]) for c in line["claims"]] == [(12, 2)]


def test_ingest_stores_a_pdf_with_its_pages_and_names_the_page_without_text(
    tmp_path: Path, sqlite_url: str
) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(a_pdf("Five people were killed.", None))

    result = runner.invoke(app, ["--db", sqlite_url, "ingest", str(path)])

    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        f"stored: {path} (en; page 2 of 2: image only, no text layer (not OCRed))"
    )
    with Store.open(sqlite_url) as store:
        (document,) = store.iter_documents()
    assert document.raw == path.read_bytes()
    assert document.media_type == "application/pdf"
    assert document.pages == (0, len("Five people were killed.") + 2)
