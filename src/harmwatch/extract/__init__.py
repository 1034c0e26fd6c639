"""extract stage: a document's text -> count claims with their spans, actors, weapons, period.

>>> from harmwatch.extract import extract_text
>>> [c.text for c in extract_text("At least 26 people were killed.").claims]
['At least 26 people']

The rule tables load on first use, so that a command which only needs the list of languages
(``--help``) does not pay for them.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from harmwatch.extract._languages import LANGUAGES as _LANGUAGES
from harmwatch.extract._version import EXTRACTOR_VERSION, RULES_VERSION, version_key

if TYPE_CHECKING:
    from harmwatch.extract._dates import sentence_date
    from harmwatch.extract._lang import UNDETERMINED, detect_language
    from harmwatch.extract._pipeline import extract_text
    from harmwatch.extract._sentences import iter_sentences, split_sentences

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
    "sentence_date",
    "split_sentences",
    "supported_languages_text",
    "version_key",
]

_LAZY = {
    "UNDETERMINED": "harmwatch.extract._lang",
    "detect_language": "harmwatch.extract._lang",
    "extract_text": "harmwatch.extract._pipeline",
    "iter_sentences": "harmwatch.extract._sentences",
    "sentence_date": "harmwatch.extract._dates",
    "split_sentences": "harmwatch.extract._sentences",
}


def supported_languages_text() -> str:
    """The supported languages, as one line for messages and help."""
    names = ", ".join(f"{code} ({name})" for code, name in SUPPORTED_LANGUAGES.items())
    return f"supported: {names}"


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'harmwatch.extract' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
