"""extract stage: a document's text -> count claims with their spans, actors, weapons, period.

>>> from harmwatch.extract import extract_text
>>> [c.text for c in extract_text("At least 26 people were killed.").claims]
['At least 26 people']
"""

from harmwatch.extract._lang import detect_language
from harmwatch.extract._pipeline import extract_text

__all__ = ["detect_language", "extract_text"]
