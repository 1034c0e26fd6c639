"""Language of a text: Arabic by its script, others by py3langid restricted to a sensible set."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

__all__ = ["LANGUAGES", "detect_lang"]

LANGUAGES: tuple[str, ...] = (
    "ar", "de", "en", "es", "fa", "fr", "he", "it", "ku", "nl", "pt", "ru", "tr", "uk",
)  # fmt: skip
"""Languages the detector may answer (what reports on the region are written in)."""

_SAMPLE = 1000
_LANGID_SAMPLE = 400
_MIN_LETTERS = 12


_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile(
    "[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]"
)


# Frequent function words of the Latin-script languages most reports come in: a text where one
# language's words clearly dominate is decided without the (slower) statistical model.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in was were is are that with by for from on at".split()),
    "fr": frozenset("le la les des et dans une est sont du pour par sur qui au aux été".split()),
    "es": frozenset("el la los las del y en una es son por para con que al fueron según".split()),
    "de": frozenset("der die das und ist sind nicht mit von den dem des ein eine wurden".split()),
    "it": frozenset("il lo la gli le dei delle e nel nella una sono per con che di".split()),
    "pt": frozenset("o os as do da dos das e em um uma são foram para com que pelo".split()),
    "nl": frozenset("de het een en van in is zijn met voor op dat die werd".split()),
    "tr": frozenset("ve bir bu da de ile için olarak olan en çok gibi".split()),
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
_MIN_FUNCTION_WORDS = 6


def _by_function_words(sample: str) -> str | None:
    words = _WORD.findall(sample.lower())
    scores = sorted(
        ((sum(1 for word in words if word in vocabulary), language)
         for language, vocabulary in _FUNCTION_WORDS.items()),
        reverse=True,
    )  # fmt: skip
    (best, language), (second, _) = scores[0], scores[1]
    if best >= _MIN_FUNCTION_WORDS and best >= 3 * second and best >= len(words) // 8:
        return language
    return None


@cache
def _identifier() -> Any:
    from py3langid import langid

    identifier = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=False)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detect_lang(text: str) -> str | None:
    """ISO 639-1 code of the text's language; None when there are too few letters to tell."""
    sample = text[:_SAMPLE]
    letters = len(_LETTER.findall(sample))
    if letters < _MIN_LETTERS:
        return None
    if len(_ARABIC_LETTER.findall(sample)) / letters > 0.5:
        return "ar"
    clear = _by_function_words(sample)
    if clear is not None:
        return clear
    language, _score = _identifier().classify(sample[:_LANGID_SAMPLE])
    return str(language)
