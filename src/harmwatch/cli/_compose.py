"""How the commands chain the stages for one document: extract, then locate.

The extract command, ingest and the demo all call ``analyze_text`` so that a document gives the
same claims and places whichever door it came in by.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from harmwatch.extract import extract_text
from harmwatch.geo import Gazetteer, locate
from harmwatch.model import Extraction

__all__ = ["analyze_text"]


def analyze_text(
    text: str,
    *,
    published: date | None = None,
    lang: str | None = None,
    data_dir: Path | None = None,
) -> Extraction:
    """Claims, places, actors, weapons and period of one document's main text.

    ``data_dir`` is the user's data folder, whose imported places join the packaged gazetteer.
    """
    extraction = extract_text(text, published=published, lang=lang)
    gazetteer = Gazetteer.load(extra_dir=data_dir if data_dir and data_dir.is_dir() else None)
    return locate(extraction, text, gazetteer)
