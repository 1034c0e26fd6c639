"""Folding place names into lookup keys that merge transliteration variants.

Three Latin keys, from strict to loose, and one Arabic key:

- ``fold_name``: lower case, no diacritics or apostrophes (ayn/hamza marks), no articles
  (al-/el-/ash-/ad-...), words separated by one space: ``Ma'arrat an-Nu'man`` -> ``maarrat numan``.
- ``translit_key``: ``fold_name`` with spelling variants merged (sh/ch, kh/h, th/dh/z, q/k/g,
  e/a, o/u/w, y/i, ou/oo/ee, doubled letters, a final ``h`` after a vowel) and spaces removed:
  ``Maarrat al-Nouman`` and ``Maaret al-Numaan`` both give ``maratnuman``.
- ``skeleton``: the consonants of ``translit_key`` (``Kafranbel`` and ``Kafr Nabl`` -> ``kfrnbl``).
- ``fold_arabic``: Arabic script without diacritics, hamza forms and ta marbuta folded, article
  removed (``مَعَرَّة النُّعمان`` -> ``معره نعمان``).

``romanise_arabic`` turns Arabic script into the Latin letters of ``translit_key`` so that an
Arabic name can be compared with an English spelling through its skeleton.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

__all__ = [
    "FOLD_VERSION",
    "arabic_name",
    "fold_arabic",
    "fold_name",
    "is_arabic",
    "mixes_scripts",
    "romanise_arabic",
    "skeleton",
    "translit_key",
]

# Bump when any key function changes: stored keys with another version are recomputed.
FOLD_VERSION = 2

ARTICLES = frozenset("al el ar an ash as ad at az ath adh ed er es et ez en ul ud us ut l".split())

_MARKS = "ʿʾʼʻ'`‘’´ʹʽ′″\"" + "\u02bf\u02be"
_DROP_MARKS = {ord(c): None for c in _MARKS}
_LATIN_SPECIAL = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe"}
)
_NON_WORD = re.compile(r"[\W_]+")
_ARABIC_CHAR = re.compile(r"[\u0600-\u06ff]")

_DIGRAPHS = (
    ("sch", "x"),
    ("tch", "x"),
    ("ch", "x"),
    ("sh", "x"),
    ("kh", "h"),
    ("gh", "g"),
    ("th", "z"),
    ("dh", "z"),
    ("dj", "j"),
    ("ph", "f"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
)
_LETTERS = str.maketrans(
    {
        "q": "k",
        "g": "k",
        "c": "k",
        "e": "a",
        "o": "u",
        "w": "u",
        "y": "i",
        "v": "f",
        "p": "b",
    }
)
_FINAL_H = re.compile(r"(?<=[aiu])h\b")
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aiu]+")

# Arabic normalisation: diacritics and tatweel out, hamza carriers and ta marbuta folded.
_AR_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_AR_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ء": None,
        "ی": "ي",
        "ک": "ك",
        "ھ": "ه",
        "ۀ": "ه",
        "پ": "ب",
        "چ": "ج",
        "ڤ": "ف",
        "گ": "ك",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
    }
)
_AR_ROMAN = str.maketrans(
    {
        "ا": "a",
        "ب": "b",
        "ت": "t",
        "ث": "z",
        "ج": "j",
        "ح": "h",
        "خ": "h",
        "د": "d",
        "ذ": "z",
        "ر": "r",
        "ز": "z",
        "س": "s",
        "ش": "x",
        "ص": "s",
        "ض": "d",
        "ط": "t",
        "ظ": "z",
        "ع": None,
        "غ": "k",
        "ف": "f",
        "ق": "k",
        "ك": "k",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ه": "h",
        "و": "u",
        "ي": "i",
    }
)


def is_arabic(text: str) -> bool:
    """Whether the text contains Arabic letters."""
    return _ARABIC_CHAR.search(text) is not None


# Letters of the Arabic alphabet proper (hamza to yeh, alef wasla), and of the Arabic script
# at large (Persian, Urdu, Pashto, Kurdish letters and presentation forms).
_ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671]")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _letters(text: str) -> list[str]:
    return [c for c in text if c.isalpha()]


def mixes_scripts(text: str) -> bool:
    """Whether a name mixes Arabic-script letters with letters of another script: a broken
    romanisation such as GeoNames' ``alhdydہ`` or ``ras alkhymہ``, no usable name."""
    letters = _letters(text)
    arabic = sum(1 for c in letters if _ARABIC_SCRIPT.match(c))
    return 0 < arabic < len(letters)


def arabic_name(names: Iterable[str], *, like: str = "") -> str | None:
    """The Arabic name among ``names``: written in Arabic letters only (else in Arabic script
    only, a Persian or Urdu form), never one mixing scripts; of several, the one that sounds
    most ``like`` the Latin name (``Daraa``: درعا, not the ancient أذرعات), else the first."""
    arabic: list[str] = []
    script_only: list[str] = []
    for name in names:
        letters = _letters(name or "")
        if not letters or not all(_ARABIC_SCRIPT.match(c) for c in letters):
            continue
        (arabic if all(_ARABIC_LETTER.match(c) for c in letters) else script_only).append(name)
    found = arabic or script_only
    if len(found) < 2 or not like:
        return found[0] if found else None
    from rapidfuzz import fuzz

    latin = translit_key(fold_name(like))
    target = skeleton(latin)

    def sound(name: str) -> float:  # consonants first, then the vowels break a tie
        roman = romanise_arabic(fold_arabic(name))
        return fuzz.ratio(skeleton(roman), target) + fuzz.ratio(roman, latin) / 2

    return max(found, key=sound)


def _strip_marks(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_DROP_MARKS))
    return "".join(c for c in text if not unicodedata.combining(c))


_MEMO_LEN = 120  # names up to this long keep their keys: a table or a text repeats them
_MEMO_SIZE = 1 << 14  # names; a few MB at most


def fold_name(name: str) -> str:
    """The strict Latin key of a name: ``Jisr ash-Shughur`` -> ``jisr shughur``.

    Arabic is folded as ``fold_arabic`` does; other scripts (Cyrillic...) are lower-cased and
    stripped of diacritics only.
    """
    return _fold_name_memo(name) if len(name) <= _MEMO_LEN else _fold_name(name)


def _fold_name(name: str) -> str:
    if is_arabic(name):
        return fold_arabic(name)
    text = _strip_marks(name).lower().translate(_LATIN_SPECIAL)
    tokens = _NON_WORD.sub(" ", text).split()
    if len(tokens) > 1:
        kept = [t for t in tokens[:-1] if t not in ARTICLES]
        kept.append(tokens[-1])
        tokens = kept
    return " ".join(tokens)


def translit_key(folded: str) -> str:
    """The transliteration-tolerant key of a ``fold_name`` key (spaces removed)."""
    return _translit_key_memo(folded) if len(folded) <= _MEMO_LEN else _translit_key(folded)


def _translit_key(folded: str) -> str:
    text = folded
    for old, new in _DIGRAPHS:
        text = text.replace(old, new)
    text = text.translate(_LETTERS)
    text = _FINAL_H.sub("", text)
    text = text.replace(" ", "")
    return _DOUBLE.sub(r"\1", text)


_fold_name_memo = lru_cache(maxsize=_MEMO_SIZE)(_fold_name)
_translit_key_memo = lru_cache(maxsize=_MEMO_SIZE)(_translit_key)


def skeleton(key: str) -> str:
    """The consonants of a ``translit_key`` (``kafranbal`` -> ``kfrnbl``)."""
    return _VOWELS.sub("", key)


def fold_arabic(name: str) -> str:
    """The Arabic key: no diacritics, hamza and ta marbuta folded, article removed."""
    text = _AR_DIACRITICS.sub("", name).translate(_AR_FOLD)
    text = _NON_WORD.sub(" ", text)
    words = []
    for word in text.split():
        if word.startswith("ال") and len(word) > 3:
            word = word[2:]
        words.append(word)
    return " ".join(words)


def romanise_arabic(name: str) -> str:
    """Arabic script in the Latin letters of ``translit_key`` (``اللطامنة`` -> ``ltamnah``)."""
    folded = fold_arabic(name).split()
    words = []
    for index, word in enumerate(folded):
        if word.endswith("ه") and len(word) > 1:
            # ta marbuta: "-a" at the end of a name, "-at" before another word (Maarrat).
            word = word[:-1] + ("a" if index == len(folded) - 1 else "at")
        words.append(word.translate(_AR_ROMAN))
    return translit_key(" ".join(w for w in words if w))
