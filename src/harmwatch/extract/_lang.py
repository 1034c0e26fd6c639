"""The language of a text: Arabic by its script, others by their commonest small words.

When the small words do not settle it, py3langid decides among the languages reports come in.
This is the one language detector of the package: ingest stores what it answers.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from typing import Any

from harmwatch.extract._languages import DETECTED_ONLY, LANGUAGES, language
from harmwatch.extract._trie import trie_pattern

__all__ = ["UNDETERMINED", "detect_language", "language_note"]

UNDETERMINED = "und"  # ISO 639-2's code for "cannot tell"
_CANDIDATES = [*LANGUAGES, *DETECTED_ONLY]
_SAMPLE = 1200
_FEW_STOPWORDS = 2


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    """Each language's small frequent words, from its module (or the detected-only list)."""
    out = {code: language(code).stopwords for code in LANGUAGES if code != "ar"}
    out.update({code: words for code, (_, words) in DETECTED_ONLY.items()})
    return out


def language_note(code: str) -> str | None:
    """A note for a language harmwatch detects but has no rules for, else None."""
    if code in DETECTED_ONLY:
        name = DETECTED_ONLY[code][0]
        return f"{name} ({code}) detected: harmwatch has no extraction rules for it yet"
    return None


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    ident.set_languages(_CANDIDATES)
    return ident


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` ('und' when there is nothing to tell it by)."""
    return _detect(text[:_SAMPLE])


@lru_cache(maxsize=256)
def _detect(sample: str) -> str:
    """The language of a text's first characters: all detection reads (ingest detects, then
    extraction again on the same text: the second costs a look-up)."""
    head = sample[:600]
    arabic = len(_ARABIC.findall(head)) if _ARABIC.search(head) else 0
    cyrillic = len(_CYRILLIC.findall(head)) if _CYRILLIC.search(head) else 0
    latin = len(_LATIN.findall(head))
    n_letters = arabic + latin + cyrillic
    if n_letters < 8:
        return UNDETERMINED
    if arabic * 2 >= n_letters:
        return "ar"
    if cyrillic * 2 >= n_letters:
        return str(_identifier().classify(sample)[0])
    pattern, by_word = _stopword_pattern()
    counts: Counter[str] = Counter()
    for word in pattern.findall(sample.lower()):
        for lang in by_word[word]:
            counts[lang] += 1
    ranked = counts.most_common(2)
    if ranked and ranked[0][1] >= 5 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    if len(ranked) == 1 and ranked[0][1] >= _FEW_STOPWORDS:
        return ranked[0][0]  # a short text whose small words are all of one language
    try:
        return str(_identifier().classify(sample)[0])
    except Exception:  # a broken model file must not stop extraction
        return ranked[0][0] if ranked else UNDETERMINED


@cache
def _stopword_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    by_word: dict[str, list[str]] = {}
    for lang, words in _stopwords().items():
        for w in words:
            by_word.setdefault(w, []).append(lang)
    pattern = re.compile(rf"\b(?:{trie_pattern(by_word)})\b")
    return pattern, {w: tuple(langs) for w, langs in by_word.items()}
