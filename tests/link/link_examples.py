"""The project's example reports, read and analysed, and a helper to store them."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

from harmwatch.extract import extract_text
from harmwatch.geo import Gazetteer, locate
from harmwatch.ingest import read_file
from harmwatch.model import Document, Extraction
from harmwatch.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "reports"

Analysed = list[tuple[str, Document, Extraction]]


def analyse_examples() -> Analysed:
    """(file name, document, extraction) of every example report; a file without a
    publication date gets the one in its name, as ``ingest --published`` would give it."""
    gazetteer = Gazetteer.load()
    out: Analysed = []
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix not in (".txt", ".html"):
            continue
        document = read_file(path)
        if document.published is None:
            found = re.search(r"\d{4}-\d\d-\d\d", path.name)
            assert found is not None
            document = dataclasses.replace(document, published=date.fromisoformat(found.group()))
        extraction = extract_text(document.text, published=document.published, lang=document.lang)
        out.append((path.name, document, locate(extraction, document.text, gazetteer)))
    return out


def store_examples(
    store: Store, examples: Analysed, *, skip: tuple[str, ...] = ()
) -> dict[str, str]:
    """Store the examples (but those named in ``skip``); returns file name -> sha256."""
    names: dict[str, str] = {}
    for name, document, extraction in examples:
        names[name] = document.sha256
        if name not in skip:
            store.add_document(document, extraction)
    return names
