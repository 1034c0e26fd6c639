"""Analysing one document: extract its claims, then put its places on the map."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeAlias

from harmwatch.extract import extract_text
from harmwatch.geo import Gazetteer, locate
from harmwatch.model import Document, Extraction

__all__ = ["Analyze", "Analyzer", "analyze_document"]

Analyze: TypeAlias = Callable[[Document], Extraction]
"""Anything that turns a document into its extraction: an ``Analyzer``, or a bench's stand-in."""


def analyze_document(
    document: Document,
    *,
    gazetteer: Gazetteer,
    published: date | None = None,
    lang: str | None = None,
) -> Extraction:
    """Claims, places, actors, weapons and period of one document's main text.

    Args:
        document: the document; claim spans are offsets into ``document.text``.
        gazetteer: the places to resolve names against (load it once per run).
        published: the publication date relative dates resolve from (default the document's).
        lang: the language code (default the document's; when neither, the extractor's own
            detection).
    """
    text = document.text
    extraction = extract_text(
        text,
        published=published or document.published,
        lang=lang or document.lang,
    )
    return locate(extraction, text, gazetteer)


class Analyzer:
    """What analysing documents needs, built once per run; call it on each document.

    analyze = Analyzer.load(data_dir=Path("harmwatch-data"))
    extraction = analyze(document)
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    @classmethod
    def load(cls, *, data_dir: Path | None = None) -> Analyzer:
        """The packaged gazetteer, with the places imported into ``data_dir`` (if it exists)."""
        extra = data_dir if data_dir is not None and data_dir.is_dir() else None
        return cls(Gazetteer.load(extra_dir=extra))

    def __call__(self, document: Document) -> Extraction:
        return analyze_document(document, gazetteer=self.gazetteer)

    def __repr__(self) -> str:
        return f"Analyzer({self.gazetteer!r})"
