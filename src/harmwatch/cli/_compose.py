"""How the commands chain the stages for one document: extract, then locate.

The extract command, ingest and the demo all call ``analyze_text`` so that a document gives the
same claims and places whichever door it came in by.
"""

from __future__ import annotations

from datetime import date

from harmwatch.model import Extraction

__all__ = ["analyze_text"]


def analyze_text(
    text: str, *, published: date | None = None, lang: str | None = None
) -> Extraction:
    """Claims, places, actors, weapons and period of one document's main text."""
    # Wired to harmwatch.extract and harmwatch.geo as those stages land.
    return Extraction(lang=lang or "und", published=published, period=None)
