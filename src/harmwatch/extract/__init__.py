"""extract stage: a document's text -> count claims with their spans, actors, weapons, period.

>>> from harmwatch.extract import extract_text
>>> [c.text for c in extract_text("At least 26 people were killed.").claims]
['At least 26 people']
"""

from types import MappingProxyType

from harmwatch.extract._lang import UNDETERMINED, detect_language
from harmwatch.extract._languages import LANGUAGES as _LANGUAGES
from harmwatch.extract._pipeline import extract_text, supported_languages_text
from harmwatch.extract._sentences import iter_sentences, split_sentences
from harmwatch.extract._version import EXTRACTOR_VERSION, RULES_VERSION, version_key

SUPPORTED_LANGUAGES = MappingProxyType(_LANGUAGES)
"""Languages with extraction rules: ISO 639-1 code -> English name."""

__all__ = [
    "EXTRACTOR_VERSION",
    "RULES_VERSION",
    "SUPPORTED_LANGUAGES",
    "UNDETERMINED",
    "detect_language",
    "extract_text",
    "iter_sentences",
    "split_sentences",
    "supported_languages_text",
    "version_key",
]
