"""Words, digits and punctuation of a sentence, with their spans and the forms rules look up.

A token keeps its character span in the document (so claims point back into the text) and a
tuple of ``forms``: the lower-cased word, then the variants the rule tables are written in
(English singular; Arabic without diacritics, without the clitics و ف ب ل ك and the article ال).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from harmwatch.extract._languages import Flags

__all__ = ["INFLECTIONS", "Token", "TokenRules", "compound_forms", "normalise", "tokenize"]


class TokenRules(Protocol):
    """What the tokenizer needs of a language's rules."""

    @property
    def lang(self) -> str: ...
    @property
    def flags(self) -> Flags: ...
    @property
    def forms_of(self) -> Callable[[str], tuple[str, ...]]: ...


_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_DIGITS_FOLD = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٬٫", "01234567890123456789,.")

_WORD_RE = r"|(?P<word>(?:[^\W\d_]|[\u064b-\u065f\u0670\u0640])+(?:['’\-](?:[^\W\d_])+)*)"
_PUNCT_RE = r"|(?P<punct>[^\w\s])"
# thousands separated by a (narrow) no-break space everywhere: "1\u202f200"; by a plain space
# too where that is the custom (French, Spanish, Italian, Arabic): "1 200 civils"
_TOKEN = re.compile(
    r"(?P<num>[0-9٠-٩۰-۹]+(?:[,.٬٫][0-9٠-٩۰-۹]+)*(?:[\u00a0\u202f][0-9]{3}(?![0-9]))*)"
    + _WORD_RE
    + _PUNCT_RE
)
_TOKEN_SPACED = re.compile(
    r"(?P<num>(?<![0-9])[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3}(?![0-9]))+"
    r"|[0-9٠-٩۰-۹]+(?:[,.٬٫][0-9٠-٩۰-۹]+)*)" + _WORD_RE + _PUNCT_RE
)
_SPACES = str.maketrans({" ": "", "\u00a0": "", "\u202f": ""})

_AR_CONJ = ("و", "ف")
_AR_PREP = ("ب", "ل", "ك")


_CACHE_MAX = 200_000
_FORMS_CACHE: dict[str, dict[str, tuple[str, ...]]] = {}


class Token:
    """One token: its text, span, kind ('num', 'word' or 'punct') and lookup forms."""

    __slots__ = ("end", "forms", "kind", "norm", "start", "text")

    def __init__(self, text: str, start: int, end: int, kind: str, forms: tuple[str, ...]):
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.norm = forms[0]
        self.forms = forms

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end}, {self.kind})"


def normalise(word: str, fold_arabic: bool = False) -> str:
    """The lower-cased word as the rule tables spell it (Arabic folded where asked)."""
    w = word.lower().replace("’", "'")
    if fold_arabic:
        w = _ARABIC_MARKS.sub("", w).translate(_ARABIC_FOLD)
    return w


def _english_forms(w: str) -> tuple[str, ...]:
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        if w.endswith("ies") and len(w) > 4:
            return (w, w[:-1], w[:-3] + "y")  # "sorties" -> "sortie", "casualties" -> "casualty"
        if w.endswith(("ches", "shes", "xes", "sses")):
            return (w, w[:-2])
        return (w, w[:-1])
    return (w,)


def _arabic_forms(w: str) -> tuple[str, ...]:
    forms = [w]
    stems = [w]
    if len(w) > 2 and w[0] in _AR_CONJ:
        stems.append(w[1:])
    for s in list(stems):
        if len(s) > 3 and s[0] in _AR_PREP:
            stems.append(s[1:])
    for s in list(stems):
        if s.startswith("لل") and len(s) > 4:
            stems.append(s[2:])
            stems.append("ال" + s[2:])
        if s.startswith("ال") and len(s) > 4:
            stems.append(s[2:])
    for s in list(stems):
        if len(s) > 5 and s.endswith(("ها", "هم", "هن")):
            stems.append(s[:-2])
    for s in stems:
        if s not in forms:
            forms.append(s)
    return tuple(forms)


def _romance_forms(w: str) -> tuple[str, ...]:
    if "'" in w:
        head, _, tail = w.partition("'")
        if len(head) <= 2 and tail:
            return (w, tail)
    return (w,)


_GERMAN_ENDINGS = ("ern", "en", "n", "e", "es", "s")


def _german_forms(w: str) -> tuple[str, ...]:
    """The word and its stems without case endings: "toten" -> "tote", "tot"."""
    forms = [w]
    for ending in _GERMAN_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            forms.append(w[: -len(ending)])
    return tuple(dict.fromkeys(forms))


def _plain_forms(w: str) -> tuple[str, ...]:
    return (w,)


INFLECTIONS: dict[str, Callable[[str], tuple[str, ...]]] = {
    "english": _english_forms,
    "arabic": _arabic_forms,
    "romance": _romance_forms,
    "german": _german_forms,
    "plain": _plain_forms,
}

_MIN_HEAD = 4


def compound_forms(
    inflect: Callable[[str], tuple[str, ...]], heads: Collection[str]
) -> Callable[[str], tuple[str, ...]]:
    """Forms that add the last part of a compound word when it is a known head
    ("drohnenangriffen" -> "angriffen", "kinderkrankenhaus" -> "krankenhaus")."""
    longest = max((len(h) for h in heads), default=0)

    def forms(w: str) -> tuple[str, ...]:
        base = inflect(w)
        if len(w) <= _MIN_HEAD + 2:
            return base
        out = list(base)
        for form in base:
            for cut in range(max(1, len(form) - longest), len(form) - _MIN_HEAD + 1):
                if form[cut:] in heads:
                    out.append(form[cut:])
                    break
        return tuple(dict.fromkeys(out))

    return forms


def tokenize(text: str, offset: int, rules: TokenRules) -> list[Token]:
    """Tokens of ``text``, their spans shifted by ``offset`` (the text's place in the document)."""
    out: list[Token] = []
    append = out.append
    flags = rules.flags
    cache = _FORMS_CACHE.setdefault(rules.lang, {})
    pattern = _TOKEN_SPACED if flags.spaced_thousands else _TOKEN
    forms_of = rules.forms_of
    fold_arabic = flags.fold_arabic
    for m in pattern.finditer(text):
        kind = m.lastgroup or "punct"
        raw = m.group()
        start = m.start() + offset
        if kind == "num":
            forms: tuple[str, ...] = (raw.translate(_DIGITS_FOLD).translate(_SPACES),)
        elif kind == "word":
            cached = cache.get(raw)
            if cached is None:
                cached = forms_of(normalise(raw, fold_arabic))
                if len(cache) < _CACHE_MAX:
                    cache[raw] = cached
            forms = cached
        else:
            forms = (raw.replace("’", "'"),)
        append(Token(raw, start, start + len(raw), kind, forms))
    return out
