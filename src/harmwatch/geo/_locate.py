"""Place names in a text: find candidate spans cheaply, resolve them, tie claims to places.

Scanning folds each capitalised (or Arabic) word once and looks n-grams up in the gazetteer's
key dictionary, extending an n-gram only while it is the prefix of some name. Spelling-tolerant
matching is tried only where the words around a name say it is a place ("the village of X",
"X countryside"). A report about another country than the gazetteer covers keeps only exact
matches of cities and governorates.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace

from harmwatch.errors import NotFound
from harmwatch.geo._fold import fold_arabic, fold_name, translit_key
from harmwatch.geo._gazetteer import (
    FOREIGN,
    REVIEW,
    SPECIFICITY,
    Gazetteer,
    Match,
    distance_km,
    geo_precision,
)
from harmwatch.geo._stopwords import (
    ANY_COMMON_NOUN,
    ARABIC_NOT_PLACES,
    COMMON_NOUNS,
    COUNTRY_WORDS,
    NOT_PLACES,
    SPEAKING_AFTER,
    TRIGGER_AFTER,
    TRIGGER_BEFORE,
    TRIGGER_STRONG_BEFORE,
    VENUE_AFTER,
    VENUE_BEFORE,
)
from harmwatch.model import Extraction, Place, PlaceMention

__all__ = ["find_places", "locate"]

_SplitFn = Callable[[str], list[tuple[int, int]]]


def _sentence_splitter() -> _SplitFn:
    """The extract stage's splitter, so that claim and place sentence indices agree."""
    try:
        from harmwatch.extract import split_sentences  # type: ignore[attr-defined,unused-ignore]

        return split_sentences  # type: ignore[no-any-return,unused-ignore]
    except ImportError:
        pass
    try:  # not exported by extract yet: the lead unifies this
        from harmwatch.extract._sentences import split_sentences as private

        return private
    except ImportError:
        return _split_sentences


_SPANS_AS_LIST = 1_000_000  # characters; a longer text's sentence spans are kept compact


class _CompactSpans:
    """The sentence spans of a huge text in two arrays of 8-byte integers (16 bytes a
    sentence, where a list of tuples takes about 120): read like the list."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.starts = array("q")
        self.ends = array("q")
        for start, end in spans:
            self.starts.append(start)
            self.ends.append(end)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> tuple[int, int]:
        return self.starts[index], self.ends[index]


def _sentence_spans(text: str) -> Sequence[tuple[int, int]] | _CompactSpans:
    """The extract stage's sentence spans: its list (kept from extraction) for an everyday
    text, compact arrays read one sentence at a time for a huge one."""
    if len(text) <= _SPANS_AS_LIST:
        return _sentence_splitter()(text)
    from harmwatch.extract import iter_sentences

    return _CompactSpans(iter_sentences(text))


_FALLBACK_BREAK = re.compile(r"[.!?؟]+[\"'”’»)\]]*(?=\s+[^a-z\s])|\n\s*")


def _split_sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _FALLBACK_BREAK.finditer(text):
        if text[start : m.end()].strip():
            spans.append((start, m.end()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


_MARK = "ʿʾ‘'`’"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u1e00-\u1eff\u0400-\u042f"
_ARTICLE = "(?:al|el|an|ar|as|ash|ad|at|az|ath|adh|ed|en|er|es|et|ez)"
_WORD_BODY = r"[\w" + _MARK + r"]*(?:[-‐][\w" + _MARK + r"]+)*"
_NAME_WORD = (
    r"(?<![\w"
    + _MARK
    + r"-])(?:[dlDL]['’](?=["
    + _UPPER
    + r"]))?["
    + _MARK
    + r"]?(?:["
    + _UPPER
    + r"]|"
    + _ARTICLE
    + r"[-‐]["
    + _MARK
    + r"]?["
    + _UPPER
    + r"])"
    + _WORD_BODY
)
_CONNECTOR_WORD = (
    r"(?:" + _ARTICLE[3:-1] + r"|bin|ibn|abu|umm|um|bani|beni|di|de|del|della|do|da|dos|das)"
)
_AR_LETTERS = "\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0640"
_RUN = re.compile(
    r"(?P<lat>"
    + _NAME_WORD
    + r"(?:[ \u00a0]+(?:"
    + _CONNECTOR_WORD
    + r"[ \u00a0]+)?"
    + _NAME_WORD
    + r")*(?:[ \u00a0]+(?:bank|strip)\b)?)|(?P<ar>["
    + _AR_LETTERS
    + r"]+(?:[ \u00a0]+["
    + _AR_LETTERS
    + r"]+)*)"
)
_TOKEN = re.compile(r"[" + _MARK + r"]?[^\W\d_]" + _WORD_BODY)
_AR_WORD = re.compile("[" + _AR_LETTERS + "]+")
_CONNECTORS = frozenset(_CONNECTOR_WORD[3:-1].split("|"))
_ARTICLE_WORDS = frozenset(_ARTICLE[3:-1].split("|"))
_AR_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
_AR_PLAIN = str.maketrans("أإآىة", "ااايه")
_AR_CLITICS = "وبلفك"
_AR_PROVINCE_WORDS = ("محافظه", "ريف")
_AR_VILLAGE_WORDS = (
    "قريه",
    "بلده",
    "مدينه",
    "مخيم",
    "بلدات",
    "قري",
    "حي",
    "قضاء",
    "ناحيه",
    "مديريه",
    "عزله",
    "منطقه",
    "ضاحيه",
)
# plain forms (hamza kept) and folded keys alike
_AR_PROVINCE = frozenset((*_AR_PROVINCE_WORDS, *map(fold_arabic, _AR_PROVINCE_WORDS)))
_AR_VILLAGE = frozenset((*_AR_VILLAGE_WORDS, *map(fold_arabic, _AR_VILLAGE_WORDS)))
# words an Arabic place name does not run on into ("بلدة X في ...", "قرية X جنوب ...")
_AR_STOP = frozenset(
    "في من على الى إلى عن مع بعد قبل الذي التي الواقعه الواقع قرب جنوب شمال شرق غرب ضمن"
    " و او".split()
)
_QUOTES = "\"'“”«»„‘’"
_STRONG_BEFORE = frozenset(
    [t for t in TRIGGER_BEFORE if t.endswith(" of")] + list(TRIGGER_STRONG_BEFORE)
)
_ARTICLES_BEFORE = ("the", "la", "le", "el", "il", "lo", "die", "der", "das")
_TRIGGER_PHRASES = frozenset(t.lower() for t in (*TRIGGER_BEFORE, *TRIGGER_STRONG_BEFORE))
# ", a village popular with tourists": an apposition that says the name before it is a place
_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:(?:small|large|nearby|remote|border|coastal|mountain)\s+)?"
    r"(?:village|town|city|camp|neighbourhood|neighborhood|district|hamlet|settlement|locality)\b",
    re.IGNORECASE,
)
# lowercase words that go on a capitalised name ("the West bank", "the Gaza strip")
_LOWER_TAILS = frozenset(("bank", "strip"))
_POSSESSIVE = re.compile(r"['’]s\b")
_AFTER = re.compile(r"(?:['’]s)?\s+(" + "|".join(TRIGGER_AFTER) + r")\b", re.IGNORECASE)
_COUNTRYSIDE_OF = re.compile(
    r"(?:countryside|province|governorate)\s+of\s+(?:the\s+)?\Z", re.IGNORECASE
)
_DOUBLE = re.compile(r"(.)\1+")
_MAX_WORDS = 5
_NEAR_KM = 60.0
_MAJOR = frozenset(("city", "governorate"))
_NOTABLE = frozenset(("city", "town", "governorate", "district", "region", "country"))
_REGION_LEVEL = frozenset(("country", "governorate", "region"))
_PART_LEVEL = frozenset(("district", "subdistrict"))
_BIG = frozenset(("country", "governorate", "region", "city"))
_QUARTERS = frozenset(("neighbourhood", "camp"))
# a name that says it is a camp or a quarter ("Nuseirat camp", "مخيم النصيرات")
_QUARTER_WORD = re.compile(
    r"\b(?:camp|neighbou?rhood|quarter|district)\b|(?:^|\s)(?:مخيم|حي)\s", re.IGNORECASE
)
_REGION_AFTER = frozenset(
    ("province", "governorate", "countryside", "region", "oblast", "state", "division")
)
_DIRECTION = re.compile(
    r"(?:\b(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?"
    r"|\bcentral|\bnord(?:-?(?:est|ouest|ovest))?|\bsud|\bsüd|\bnorte|\bsul|\bouest"
    r"|\bovest|\boeste|\bcentre|\bcentro)"
    r"(?:[ -]+(?:of|de|du|des|della|del|di|do|da)(?:\s+(?:the|la|le|l['’]))?)?\s+\Z",
    re.IGNORECASE,
)
_AR_DIRECTION = re.compile(
    r"(?:شمال|جنوب|شرق|غرب|وسط|شمالي|جنوبي|شرقي|غربي)(?:\s+(?:ال)?(?:شرقي|غربي|شرق|غرب))?\s+\Z"
)
_NEAR = re.compile(
    r"\b(?:near|outskirts of|outside|around|countryside of|vicinity of|west of|east of"
    r"|north of|south of)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
_DIRECTION_LAST = frozenset(
    "north south east west northern southern eastern western northeast northwest southeast"
    " southwest northeastern northwestern southeastern southwestern north-east north-west"
    " south-east south-west north-eastern north-western south-eastern south-western central"
    " nord sud süd norte sul ouest ovest oeste centre centro nord-est nord-ouest nord-ovest"
    " of de du des della del di do da the la le l".split()
)
_NEAR_LAST = frozenset("near of outside around the".split())
_DIRECTION_WORDS = frozenset(
    "north south east west northern southern eastern western central upper lower".split()
)
# words after a name that say it is a place but are not part of its name
_NOT_IN_SPAN = frozenset(("area", "outskirts", "directorate", "villager"))
# words before a capitalised name that make it a person's ("President Volodymyr Zelensky")
_TITLES = frozenset(
    "president minister mr mrs ms dr general colonel captain commander spokesman spokeswoman"
    " sheikh imam prime premier chancellor king prince governor mayor envoy ambassador".split()
)
_AFTER_DIRECTION = re.compile(
    r"[ \u00a0]+(?:(?:del|do|da|de)[ \u00a0]+)?(?:Sur|Norte|Sul|Oriental|Occidental|Ocidental"
    r"|Orientale|Occidentale)\b"
)
_IN_PLACE = re.compile(
    r"[ \u00a0]+(?:in|near|of|outside)[ \u00a0]+(?:the[ \u00a0]+)?"
    r"(?:(?:north|south|east|west)\w*[ \u00a0]+)?[A-Z]"
)
# "in Hiwane, south of Mekele", "hit Dedebit, in northwest Tigray", "à Sodari, dans le Nord":
# a name set in a larger place right after it is a place itself
_SET_IN = re.compile(
    r",[ \u00a0]+(?:"
    r"(?:in|dans|en|em|no|na|nel|nella|im)[ \u00a0]+(?:(?:the|le|la|les|o|a)[ \u00a0]+|l['’])?"
    r"(?:(?:north|south|east|west|central|nord|sud|est|ouest)\w*[ \u00a0]+)?[A-Z]"
    r"|(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?[ \u00a0]+of[ \u00a0]+[A-Z]"
    r")"
)
_NEXT_CAP = re.compile(r"[ \u00a0]+[A-Z]")
_AR_SPAN_HEADS = frozenset(("حي", "مخيم"))
_PREFIX_ARTICLE = re.compile(r"\b(?:[aA]l|[eE]l)(?:[-‐]\s*|\s+)\Z|\b[aA][dnrstz]h?[-‐]\s+\Z")
_ACROSS = re.compile(
    r"\b(?:across|throughout|all over|in all of|nationwide|province-wide|countrywide)\b",
    re.IGNORECASE,
)
_REGION_CUE = re.compile(
    r"\b(?:across|throughout|all over|nationwide|province-wide|countrywide|the province"
    r"|the governorate|the region|the country)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Word:
    start: int
    end: int
    kind: str  # "cap", "conn" or "ar"
    key: str  # fold_name / fold_arabic of the word ("" for a connector)
    alt: str  # Arabic: the key without a clitic (بإدلب -> ادلب); else ""


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    key: str
    arabic: bool
    exact: bool
    trigger: str  # "", "weak" or "strong"
    governorate: bool  # "X province", "X countryside", "ريف X"
    positions: list[int]
    fallback: _Candidate | None = None  # a longer unknown name, if this one is left out
    review: bool = False  # resolved by a guess an analyst should check


class _Cache:
    """Folded forms of words, kept across calls (bounded)."""

    def __init__(self) -> None:
        self._latin: dict[str, str] = {}
        self._arabic: dict[str, tuple[str, str, str]] = {}
        self._translit: dict[str, str] = {}

    def fold(self, word: str) -> str:
        key = self._latin.get(word)
        if key is None:
            if len(self._latin) > 200_000:
                self._latin.clear()
            key = self._latin[word] = fold_name(word)
        return key

    def fold_arabic(self, word: str) -> tuple[str, str, str]:
        """(key, key without a clitic or "", plain form with its article) of an Arabic word."""
        found = self._arabic.get(word)
        if found is None:
            if len(self._arabic) > 200_000:
                self._arabic.clear()
            key = fold_arabic(word)
            plain = _AR_DIACRITICS.sub("", word).translate(_AR_PLAIN)
            alt = ""
            if len(plain) > 3 and plain[0] in _AR_CLITICS:
                rest = plain[1:]
                if rest.startswith("ل") and plain[0] == "ل":  # للمدينة
                    rest = "ا" + rest
                alt = fold_arabic(rest)
            found = self._arabic[word] = (key, alt, plain)
        return found

    def translit(self, key: str) -> str:
        value = self._translit.get(key)
        if value is None:
            if len(self._translit) > 200_000:
                self._translit.clear()
            value = self._translit[key] = translit_key(key)
        return value


_CACHE = _Cache()


def _is_place_type(plain: str) -> bool:
    """Whether an Arabic word (plain form) names a kind of place: "قرية", "بمخيم", "وحي"."""
    return (
        plain in _AR_VILLAGE
        or plain in _AR_PROVINCE
        or (plain[:1] in _AR_CLITICS and (plain[1:] in _AR_VILLAGE or plain[1:] in _AR_PROVINCE))
    )


def _arabic_word_before(text: str, offset: int) -> str:
    """The plain form of the Arabic word before ``offset`` (across quotes), or ""."""
    before = text[max(0, offset - 16) : offset]
    for quote in _QUOTES:
        before = before.replace(quote, " ")
    words = before.split()
    if not words:
        return ""
    return _AR_DIACRITICS.sub("", words[-1]).translate(_AR_PLAIN)


def _is_name_word(word: str) -> bool:
    head = word.lstrip(_MARK)
    if not head:
        return False
    if head[0].isupper():
        return True
    prefix, dash, rest = head.partition("-")
    return bool(dash) and prefix in _CONNECTORS and rest.lstrip(_MARK)[:1].isupper()


def _runs(text: str, countries: Counter[str]) -> Iterator[list[_Word]]:
    """Runs of adjacent name-like words, one at a time; country names met on the way are
    counted."""
    for found in _RUN.finditer(text):
        offset = found.start()
        if found.lastgroup == "ar":
            words: list[_Word] = []
            previous = _arabic_word_before(text, offset)
            for m in _AR_WORD.finditer(found.group()):
                key, alt, plain = _CACHE.fold_arabic(m.group())
                country = COUNTRY_WORDS.get(plain)
                if country:
                    countries[country] += 1
                after_type = _is_place_type(previous)
                previous = plain
                if plain in ARABIC_NOT_PLACES and not after_type:
                    if words:
                        yield words
                    words = []
                    continue
                words.append(_Word(offset + m.start(), offset + m.end(), "ar", key, alt))
            if words:
                yield words
            continue
        run: list[_Word] = []
        for m in _TOKEN.finditer(found.group()):
            start, end = offset + m.start(), offset + m.end()
            word = m.group()
            if word.endswith(("'s", "’s")):
                end -= 2
                word = word[:-2]
            if word[1:2] in ("'", "’") and word[:1] in "dlDL" and word[2:3].isupper():
                start += 2  # French elision: d'Alep, l'Idleb
                word = word[2:]
            lower = word.lower()
            country = COUNTRY_WORDS.get(lower)
            if country:
                countries[country] += 1
            if lower in _LOWER_TAILS and run and run[-1].kind == "cap" and word.islower():
                run.append(_Word(start, end, "cap", lower, ""))
                continue
            # "an" of "Maarat an-Numan", and "An" of "Ma'arrat An Nu'man" (OCHA's spellings)
            if word in _CONNECTORS or (run and lower in _ARTICLE_WORDS):
                if run:
                    keep = "" if lower in _ARTICLE_WORDS else word
                    run.append(_Word(start, end, "conn", keep, ""))
                continue
            key = _CACHE.fold(word)
            # "al-Sultan" after a name is part of it, though "sultan" alone is no place
            attached = bool(run) and lower.partition("-")[0] in _ARTICLE_WORDS and "-" in lower
            common = (lower in NOT_PLACES or key in NOT_PLACES) and not attached
            if common or not key or not _is_name_word(word):
                if run:
                    yield run
                run = []
                continue
            run.append(_Word(start, end, "cap", key, ""))
        if run:
            yield run


def _last_word(text: str, start: int) -> str:
    """The lowercased word right before ``start`` ("" after punctuation, "d" after "d'")."""
    window = text[max(0, start - 24) : start]
    if not window or not (window[-1].isspace() or window[-1] in "'’"):
        return ""
    words = window.rstrip(" \u00a0\t\n'’").rsplit(None, 1)
    return words[-1].lower() if words else ""


def _before(pattern: re.Pattern[str], words: frozenset[str], text: str, start: int) -> bool:
    """``pattern`` ends right before ``start``; tried only when the last word can end it."""
    if _last_word(text, start) not in words:
        return False
    return pattern.search(text, max(0, start - 40), start) is not None


def _trigger_phrase(text: str, start: int) -> str | None:
    """The trigger phrase ("village of", "in", "ville d") that ends right before ``start``,
    an article between them allowed ("in the", "de la"); None if there is none."""
    window = text[max(0, start - 40) : start]
    if not window or not (window[-1].isspace() or window[-1] in "'’"):
        return None
    words = window.lower().rstrip(" \u00a0\t\n'’").split()[-4:]
    if len(words) > 1 and words[-1] in _ARTICLES_BEFORE:
        words.pop()
    for n in (3, 2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:])
            if phrase in _TRIGGER_PHRASES:
                return phrase
    return None


def _trigger_before(text: str, start: int) -> tuple[str, bool]:
    """("strong" | "weak" | "", governorate?) from the words before a name."""
    phrase = _trigger_phrase(text, start)
    if phrase is None:
        return "", False
    strength = "strong" if phrase in _STRONG_BEFORE else "weak"
    governorate = _COUNTRYSIDE_OF.search(text, max(0, start - 30), start) is not None
    return strength, governorate


def _trigger(text: str, start: int, end: int) -> tuple[str, bool]:
    strength, governorate = _trigger_before(text, start)
    if _APPOSITION.match(text, end, end + 40):
        strength = "strong"
    a = _AFTER.match(text, end, end + 24)
    if a is not None:
        strength = "strong"
        if a.group(1).lower() in ("province", "governorate", "countryside"):
            governorate = True
    return strength, governorate


def _arabic_trigger(text: str, start: int) -> tuple[str, bool]:
    window = text[max(0, start - 16) : start]
    for quote in _QUOTES:
        window = window.replace(quote, " ")
    before = window.split()
    if not before:
        return "", False
    word = fold_arabic(before[-1])
    if word in _AR_PROVINCE:
        return "strong", True
    if word in _AR_VILLAGE or (word[:1] in _AR_CLITICS and word[1:] in _AR_VILLAGE):
        return "strong", False
    return "", False


def _notable(gazetteer: Gazetteer, positions: list[int]) -> bool:
    """Whether one of the entries is a town or larger, or a Syrian GeoNames place."""
    for position in positions:
        place = gazetteer.entry(position).place
        if place.feature in _NOTABLE or (place.geonameid is not None and place.country == "SY"):
            return True
    return False


def _major(gazetteer: Gazetteer, positions: list[int], key: str) -> bool:
    """A city, governorate or region; or a town called by its own name ("Kafranbel Hospital")."""
    for position in positions:
        entry = gazetteer.entry(position)
        feature = entry.place.feature
        if feature in ("city", "governorate", "region"):
            return True
        if feature == "town" and len(key) >= 5 and entry.keys[:1] == (key,):
            return True
    return False


def _own_name(gazetteer: Gazetteer, positions: list[int], key: str) -> bool:
    """A key of three letters or fewer counts only as a place's own name, not an alias."""
    if len(key) > 3:
        return True
    return any(gazetteer.entry(p).keys[:1] == (key,) for p in positions)


def _scan_arabic(text: str, run: list[_Word], i: int, gazetteer: Gazetteer) -> _Candidate | None:
    best: tuple[int, str, list[int], int] | None = None
    for first, shift in ((run[i].key, 0), (run[i].alt, 1)):
        if not first:
            continue
        key = ""
        for j in range(i, min(i + _MAX_WORDS, len(run))):
            key = first if j == i else key + " " + run[j].key
            positions = gazetteer.exact(key)
            if positions and (best is None or j > best[0]):
                best = (j, key, positions, shift)
            if not gazetteer.is_prefix(key):
                break
        if best is not None:
            break
    if best is None:
        return None
    j, key, positions, shift = best
    start = run[i].start + shift
    strength, governorate = _arabic_trigger(text, run[i].start)
    if not strength and (run[i].key in _AR_VILLAGE or run[i].alt in _AR_VILLAGE):
        strength = "strong"  # the name starts with its kind: "مخيم النصيرات"
    if len(key.replace(" ", "")) < 3 or (key in ARABIC_NOT_PLACES and strength != "strong"):
        return None
    if j == i and not strength and not _notable(gazetteer, positions):
        return None
    return _Candidate(start, run[j].end, key, True, True, strength, governorate, positions)


def _scan_latin(
    text: str, run: list[_Word], i: int, gazetteer: Gazetteer, last_cap: int
) -> _Candidate | None:
    best: tuple[int, str, list[int]] | None = None
    key = ""
    words: list[str] = []
    for j in range(i, min(i + _MAX_WORDS, len(run))):
        if run[j].kind == "conn":
            if run[j].key:  # "Striscia di Gaza", "Faixa de Gaza"
                words.append(run[j].key)
            continue
        words.append(run[j].key)
        key = " ".join(words)
        positions = gazetteer.exact(key)
        if positions:
            best = (j, key, positions)
        if not gazetteer.is_prefix(key):
            break
    exact = best is not None
    if best is not None and best[0] == i and run[i].key in _NAME_HEADS and i < last_cap:
        return _after_head(text, run, i, gazetteer, last_cap)  # not "Tell" of "Tell Mardikh"
    head = _CACHE.translit(run[i].key)
    if best is None and (len(head) < 4 or gazetteer.translit_head(head[:4])):
        # transliteration-tolerant keys of the n-grams, longest first
        caps = [j for j in range(i, min(i + 3, len(run))) if run[j].kind != "conn"]
        for n in range(len(caps), 0, -1):
            key = " ".join(run[j].key for j in caps[:n])
            if n == 1 and len(key) < 6:
                continue
            tkey = _DOUBLE.sub(r"\1", "".join(_CACHE.translit(run[j].key) for j in caps[:n]))
            positions = gazetteer.translit(tkey)
            if positions:
                best = (caps[n - 1], key, positions)
                break
    if best is None:
        return None
    j, key, positions = best
    if len(key.replace(" ", "")) < 3 or key in NOT_PLACES:
        return None
    if exact and (j > i or len(key) >= 6):  # the same name in other spellings, for ranking
        extra = gazetteer.translit(_CACHE.translit(key).replace(" ", ""))
        positions = positions + [p for p in extra if p not in positions]
    start, end = run[i].start, run[j].end
    strength, governorate = _trigger(text, start, end)
    notable = _notable(gazetteer, positions)
    partial = j < last_cap  # "Khan" of "Khan Younis"
    if not strength:
        if partial and not _major(gazetteer, positions, key):
            return None
        if not notable and j == i and len(key) < 5:
            return None
        if not exact and not notable:
            return None
        if not _own_name(gazetteer, positions, key):
            return None
    if not exact and j == i and not strength:
        if all(gazetteer.entry(p).place.country != "SY" for p in positions):
            return None  # "Across" is no spelling of a town abroad
    if not exact and j == i:
        heads = {gazetteer.entry(p).keys[0][:1] for p in positions if gazetteer.entry(p).keys}
        if key[:1] not in heads:  # "Khaama" is not Hama
            return None
    return _Candidate(start, end, key, False, exact, strength, governorate, positions)


# First words of Arabic place names that mean "hill", "village of", "monastery", "spring",
# "house", "bridge"... ("Tell Mardikh", "Kafr Nabl", "Deir Sunbul"): such a word followed by
# another name word is no place by itself, whatever namesake ("At Tall", a "Tal" in India) the
# gazetteer holds.
_NAME_HEADS = frozenset(
    "tell tel tal tall til kafr kfar kafar kefr deir dayr dair ain ein ayn beit bayt bait jisr"
    " ras khirbet khirbat kherbet qasr qalaat qalat marj maarat maaret mazraat mazraa wadi jabal"
    " jebel bir".split()
)


def _after_head(
    text: str, run: list[_Word], i: int, gazetteer: Gazetteer, last_cap: int
) -> _Candidate | None:
    """A name that opens with a generic head word the gazetteer lacks as a whole ("Tell
    Mardikh"): the place the rest of it names, with the head word in the span, for review."""
    k = i + 1
    while k < len(run) and run[k].kind == "conn":
        k += 1
    if k >= len(run) or run[k].kind != "cap" or run[k].key in _NAME_HEADS:
        return None
    rest = _scan_latin(text, run, k, gazetteer, last_cap)
    if rest is None or not rest.exact or rest.start != run[k].start:
        return None
    strength, governorate = _trigger(text, run[i].start, rest.end)
    rest.start, rest.trigger, rest.review = run[i].start, strength, True
    rest.governorate = rest.governorate or governorate
    return rest


def _scan_loose(text: str, run: list[_Word], i: int, gazetteer: Gazetteer) -> _Candidate | None:
    """Spelling-tolerant match of a name the words around call a place ("village of X")."""
    before, governorate_before = _trigger_before(text, run[i].start)
    caps = [j for j in range(i, min(i + 3, len(run))) if run[j].kind != "conn"]
    for n in range(len(caps), 0, -1):
        j = caps[n - 1]
        start, end = run[i].start, run[j].end
        strength, governorate = before, governorate_before
        after = _AFTER.match(text, end, end + 24)
        if after is not None:
            strength = "strong"
            governorate = governorate or after.group(1).lower() in (
                "province",
                "governorate",
                "countryside",
            )
        if not strength:
            continue
        key = " ".join(run[k].key for k in caps[:n])
        if len(_CACHE.translit(key)) < 5:
            continue
        strong = strength == "strong"
        match = gazetteer.geocode(text[start:end], limit=3, scan=strong)
        floor = 0.8 if strong else 0.85
        if match.place is not None and match.score >= floor:
            position = gazetteer.position(match.place.id)
            return _Candidate(start, end, key, False, False, strength, governorate, [position])
    return None


def _country(countries: Counter[str]) -> str | None:
    """The country a report names most by its own words (Syria on a tie), or None."""
    if not countries:
        return None
    country, count = countries.most_common(1)[0]
    if countries.get("SY", 0) == count:
        return "SY"
    return country


def _unknown(text: str, run: list[_Word], i: int) -> _Candidate | None:
    """A name no gazetteer holds that the words around call a place ("the village of Sasit",
    "Homalin Township", "Kuna Masi, a village", "قرية كفرنبودة"): kept, unresolved, for
    review."""
    if run[i].kind == "ar":
        strength, _ = _arabic_trigger(text, run[i].start)
        key = run[i].key
        if strength != "strong" or (len(key) < 3 and key not in _AR_NAME_HEADS):
            return None
        if key in ARABIC_NOT_PLACES and not _is_place_type(_arabic_word_before(text, run[i].start)):
            return None
        j = i
        while (
            j + 1 < len(run)
            and j - i < 3
            and run[j + 1].kind == "ar"
            and _AR_DIACRITICS.sub("", text[run[j + 1].start : run[j + 1].end]) not in _AR_STOP
            and not text[run[j].end : run[j + 1].start].strip()
        ):
            j += 1
        return _Candidate(run[i].start, run[j].end, key, True, False, strength, False, [])
    caps = [j for j in range(i, min(i + 6, len(run))) if run[j].kind != "conn"][:5]
    for n in range(len(caps), 0, -1):
        if not any(run[k].key in NOT_PLACES for k in caps[:n]):
            caps = caps[:n]
            break
    else:
        return None
    j = caps[-1]
    key = " ".join(run[k].key for k in caps)
    strength, governorate = _trigger_before(text, run[i].start)
    after = _AFTER.match(text, run[j].end, run[j].end + 24) or _APPOSITION.match(
        text, run[j].end, run[j].end + 40
    )
    if len(key.replace(" ", "")) < (3 if after is not None else 4):
        return None  # "Saw township" is a name; "Saw" alone may be a verb
    located = strength == "weak" and (
        (j > i and _IN_PLACE.match(text, run[j].end) is not None)
        or _SET_IN.match(text, run[j].end) is not None
    )
    if strength != "strong" and after is None and not located:
        return None  # "strikes on Tal al-Hawa in Gaza City" names a quarter: kept
    return _Candidate(run[i].start, run[j].end, key, False, False, "strong", governorate, [])


def _named_after(text: str, candidate: _Candidate) -> bool:
    """Whether a feature word or an apposition follows the span ("X neighbourhood", "X, a
    village"): the words before it are one name."""
    return bool(
        _AFTER.match(text, candidate.end, candidate.end + 24)
        or _APPOSITION.match(text, candidate.end, candidate.end + 40)
    )


_AR_NAME_HEADS = frozenset(
    "تل دير كفر عين بيت خان جسر راس ابو ام بني حي مخيم جبل وادي بئر قصر مزرعه".split()
)


_RUNS_IN_MEMORY = 1_000_000  # characters; a longer text's name runs are not all kept at once


def _candidates(text: str, gazetteer: Gazetteer, countries: Counter[str]) -> list[_Candidate]:
    found: list[_Candidate] = []
    runs: Iterable[list[_Word]]
    if len(text) > _RUNS_IN_MEMORY:
        # a huge text: a first pass counts its country names (which the scan below needs),
        # a second hands the runs over one at a time, never all at once in memory
        for _ in _runs(text, countries):
            pass
        runs = _runs(text, Counter())
    else:
        runs = list(_runs(text, countries))
    loose = _country(countries) in (None, "SY")
    for run in runs:
        while run and run[-1].kind == "conn":
            run.pop()
        if run and run[0].kind == "cap" and _last_word(text, run[0].start) in _TITLES:
            continue  # a person's name
        last_cap = len(run) - 1
        i = 0
        while i < len(run):
            if run[i].kind == "conn":
                i += 1
                continue
            if run[i].kind == "ar":
                hit = _scan_arabic(text, run, i, gazetteer)
            else:
                hit = _scan_latin(text, run, i, gazetteer, last_cap)
                if hit is None and loose:
                    hit = _scan_loose(text, run, i, gazetteer)
            if hit is None:
                hit = _unknown(text, run, i)
            elif hit.end < run[-1].end:
                # "Tal" of "Tal al-Sultan neighborhood", "Ain" of "the town of Ain Baal"
                longer = None if _POSSESSIVE.match(text, hit.end) else _unknown(text, run, i)
                if longer is not None and longer.end > hit.end:
                    if _named_after(text, longer) and not (hit.exact and _named_after(text, hit)):
                        hit = longer
                    else:
                        hit.fallback = longer
            if hit is None:
                i += 1
                continue
            found.append(hit)
            while i < len(run) and run[i].start < hit.end:
                i += 1
    return found


def _home_countries(
    words: Counter[str], candidates: list[_Candidate], gazetteer: Gazetteer
) -> tuple[str, ...]:
    """The countries a report is about: those its words name ("Yemeni", "Gaza") and those of
    the unambiguous countries, admin units and cities it names, the strongest first."""
    votes: Counter[str] = Counter({country: 2 * n for country, n in words.items()})
    for candidate in candidates:
        if not candidate.exact or not candidate.positions:
            continue
        entries = [gazetteer.entry(p) for p in candidate.positions]
        places = [e.place for e in entries]
        big = {
            e.place.country
            for e in entries
            if e.place.country
            and e.place.feature in _BIG
            and (e.keys[:1] == (candidate.key,) or e.place.feature in _REGION_LEVEL)
        }
        if len(big) == 1:
            votes[big.pop()] += 2
            continue
        every = {p.country for p in places if p.country}
        if len(every) == 1:
            votes[every.pop()] += 1
    if not votes:
        return ()
    top = votes.most_common(1)[0][1]
    return tuple(c for c, n in votes.most_common(3) if n >= top * 0.5)


def _admit(
    candidate: _Candidate, gazetteer: Gazetteer, home: tuple[str, ...], text: str
) -> tuple[list[int], bool]:
    """The candidate's entries worth resolving, and whether they are abroad.

    Entries in the report's countries win; a namesake abroad is kept only when it is a country,
    an admin unit or a city named exactly ("strikes launched from Russia", "Kharkiv").
    """
    positions = candidate.positions
    countries = [
        p
        for p in positions
        if gazetteer.entry(p).place.feature == "country"
        and gazetteer.entry(p).keys[:1] == (candidate.key,)
    ]
    if countries:  # "blamed Russia" is the country, not a village of that name
        positions = countries
    if not home or not positions:
        return positions, False
    inside = [p for p in positions if gazetteer.entry(p).place.country in home]
    if inside:
        return inside, False
    if not candidate.exact or _NEXT_CAP.match(text, candidate.end):
        return [], True  # "Ain" of "Ain Baal" is not the French department
    if candidate.key in _DIRECTION_WORDS and candidate.trigger != "strong":
        return [], True  # "Western governments" is no district of American Samoa
    big = []
    for position in positions:
        entry = gazetteer.entry(position)
        place = entry.place
        own = entry.keys[:1] == (candidate.key,)
        if place.feature in _REGION_LEVEL or (
            own and place.feature == "city" and (place.population or 0) >= 100_000
        ):
            big.append(position)
        elif place.feature == "city" and _called_a_city(text, candidate.start):
            big.append(position)  # "die russische Stadt Wolgograd" in a report on Ukraine
    return big, True


_CITY_WORDS = frozenset(
    ("city of", "stadt", "ville de", "ville d", "città di", "cidade de", "ciudad de")
)


def _called_a_city(text: str, start: int) -> bool:
    """Whether the words before a name call it a city ("the city of X", "der Stadt X")."""
    return _trigger_phrase(text, start) in _CITY_WORDS


def _resolve(
    candidate: _Candidate,
    gazetteer: Gazetteer,
    context: tuple[str, ...],
    near: tuple[tuple[float, float], ...],
    home: tuple[str, ...],
) -> Match:
    key = candidate.key
    allowed = {gazetteer.entry(p).place.id for p in candidate.positions}
    if candidate.governorate:
        match = gazetteer.geocode(
            key, features=("governorate", "region", "country"), countries=home, fuzzy=False
        )
        if match.place is not None and (
            match.place.id in allowed or (home and match.place.country in home)
        ):
            return match  # "northern Gaza": the Gaza Strip, not the city
    match = gazetteer.geocode(
        key, context=context, near=near, countries=home, fuzzy=not candidate.exact
    )
    if match.place is not None and match.place.id in allowed:
        return match
    for alternative in match.candidates:
        if alternative.place.id in allowed:
            return Match(match.query, alternative.place, alternative.score, match.candidates)
    entry = gazetteer.entry(candidate.positions[0])
    score = (1.0 if entry.keys[:1] == (key,) else 0.97) if candidate.exact else 0.92
    if home and entry.place.country not in home:
        score *= FOREIGN
    return Match(key, entry.place, score, ())


def _ambiguous(match: Match) -> bool:
    """Whether a place in another governorate ranks nearly as high as the best one."""
    if not match.candidates or match.place is None:
        return False
    best = match.candidates[0]
    return any(
        c.place.admin1_pcode != best.place.admin1_pcode and c.rank >= best.rank - 0.03
        for c in match.candidates[1:]
    )


def _far_from(place: Place, anchors: list[tuple[float, float]]) -> bool:
    return all(distance_km(place.lat, place.lon, lat, lon) > _NEAR_KM for lat, lon in anchors)


def _widen(text: str, candidate: _Candidate) -> bool:
    """Take a direction ("northern Gaza", "جنوب لبنان"), a stray article ("al- Bab") and a
    trailing feature word ("Kharkiv region", "Zamzam camp") into the span; whether the span now
    names part of a region (a direction)."""
    before = text[max(0, candidate.start - 40) : candidate.start]
    if candidate.arabic:
        direction = _AR_DIRECTION.search(before)
    elif _last_word(text, candidate.start) in _DIRECTION_LAST:
        direction = _DIRECTION.search(before)
    else:
        direction = None
    if direction is not None:
        candidate.start -= len(before) - direction.start()
        candidate.governorate = True
    elif not candidate.arabic:
        last = _last_word(text, candidate.start)
        bare = last.rstrip("-‐")
        maybe = bare in ("al", "el") or (last != bare and len(bare) <= 3 and bare[:1] == "a")
        article = _PREFIX_ARTICLE.search(before) if maybe else None
        if article is not None:
            candidate.start -= len(before) - article.start()
    if candidate.arabic:
        plain = before
        for quote in _QUOTES:
            plain = plain.replace(quote, " ")
        words = plain.split()
        head = fold_arabic(words[-1]) if words else ""
        clitic = head[:1] in _AR_CLITICS and head[1:] in _AR_SPAN_HEADS
        if head in _AR_SPAN_HEADS or clitic:  # "مخيم النصيرات", "بمخيم النصيرات", "وحي السكري"
            candidate.start -= len(before) - plain.rstrip().rfind(words[-1]) - int(clitic)
    else:
        tail = _AFTER_DIRECTION.match(text, candidate.end)
        if tail is not None:  # "Kordufán del Sur", "Ghouta Oriental"
            candidate.end = tail.end()
            candidate.governorate = True
            return True
        after = _AFTER.match(text, candidate.end, candidate.end + 24)
        if after is not None and not after.group(0).startswith(("'", "’")):
            word = after.group(1).lower()
            if word not in _NOT_IN_SPAN and not word.endswith("s"):
                candidate.end = after.end(1)  # "Zamzam camp"; not "Ariha districts"
            if word in _REGION_AFTER:
                candidate.governorate = True
    return direction is not None


def _whole_name(text: str, candidate: _Candidate, gazetteer: Gazetteer) -> bool:
    """Whether the widened span is a place's own name ("Nuseirat camp", "مخيم النصيرات",
    "Northern Qana"): the candidate then names that place and no part of another."""
    span = text[candidate.start : candidate.end]
    key = fold_arabic(span) if candidate.arabic else fold_name(span)
    if key == candidate.key:
        return False
    positions = gazetteer.exact(key)
    if not positions:
        return False
    candidate.key, candidate.positions, candidate.exact = key, positions, True
    candidate.governorate = False
    return True


def _longest(
    candidates: list[_Candidate], abroad: list[bool], parts: list[bool]
) -> tuple[list[_Candidate], list[bool], list[bool]]:
    """Drop candidates inside a longer one's widened span ("Oriental" of "Ghouta Oriental")."""
    keep: list[int] = []
    for index, candidate in enumerate(candidates):
        if keep and candidate.start < candidates[keep[-1]].end:
            last = candidates[keep[-1]]
            if candidate.end - candidate.start > last.end - last.start:
                keep[-1] = index
            continue
        keep.append(index)
    return (
        [candidates[i] for i in keep],
        [abroad[i] for i in keep],
        [parts[i] for i in keep],
    )


def _precision(place: Place | None, text: str, start: int, part: bool) -> int | None:
    """ACLED's geo_precision of a mention: 1 town or site, 2 near a town or part of a region,
    3 a region (country, governorate, area)."""
    if place is None:
        return None
    if place.feature in _REGION_LEVEL:
        return 3
    if place.feature in _PART_LEVEL or part:
        return 2
    if _before(_NEAR, _NEAR_LAST, text, start):
        return 2
    return geo_precision(place)  # 1; 2 for a camp set at the point of the town it lies by


def _language(text: str) -> str:
    from harmwatch.extract import detect_language

    return str(detect_language(text))


def _drop_common_nouns(text: str, candidates: list[_Candidate], language: str) -> list[_Candidate]:
    """Leave out a one-word name that is a common noun of the text's language ("den Markt" in
    German), unless a feature word calls it a place."""
    suspects = {
        id(c)
        for c in candidates
        if not c.arabic and c.trigger != "strong" and " " not in c.key and c.key in ANY_COMMON_NOUN
    }
    if not suspects:
        return candidates
    nouns = COMMON_NOUNS.get(language or _language(text), frozenset())
    return [c for c in candidates if id(c) not in suspects or c.key not in nouns]


def find_places(
    text: str, gazetteer: Gazetteer, *, countries: Sequence[str] = (), language: str = ""
) -> list[PlaceMention]:
    """Every place named in ``text``, with its exact span, sentence index and gazetteer entry.

    Args:
        text: the document's text.
        gazetteer: the places to look names up in.
        countries: ISO codes of the countries the document is about, when known (a feed's or
            a user's hint); otherwise they are read from the text: the countries its words
            name and those of the unambiguous places it names.
        language: the text's ISO 639-1 code, when known; otherwise detected when needed. A
            common noun of that language that villages also bear ("Markt" in German) is no
            place by itself.

    A place the words around call a place ("the village of X") that no gazetteer holds is kept
    with no entry and marked for review, as is a weak (fuzzy or foreign) match.
    """
    if not text:
        return []
    words: Counter[str] = Counter()
    candidates = _drop_common_nouns(text, _candidates(text, gazetteer, words), language)
    if not candidates:
        return []
    home = tuple(c.upper() for c in countries) or _home_countries(words, candidates, gazetteer)
    kept: list[_Candidate] = []
    abroad: list[bool] = []
    for candidate in candidates:
        candidate.positions, foreign = _admit(candidate, gazetteer, home, text)
        if foreign and not candidate.positions and candidate.trigger:
            # "the village of Shannan" in a Syrian report: a spelling of a place at home
            # rather than its namesake abroad
            match = gazetteer.geocode(
                text[candidate.start : candidate.end], countries=home, limit=3
            )
            if match.place is not None and match.place.country in home and match.score >= 0.8:
                candidate.positions = [gazetteer.position(match.place.id)]
                candidate.exact, foreign = False, False
        if foreign and not candidate.positions and candidate.fallback is not None:
            candidate, foreign = candidate.fallback, False  # "the town of Ain Baal"
        if foreign and not candidate.positions:
            if candidate.trigger != "strong":
                continue  # a report on Yemen naming "Saada" does not mean the Syrian village
            foreign = False  # "the village of X" that only a namesake abroad bears: unknown
        kept.append(candidate)
        abroad.append(foreign)
    parts = []
    for candidate in kept:
        part = _widen(text, candidate)
        whole = _whole_name(text, candidate, gazetteer)  # "Nuseirat camp": the camp itself
        parts.append(part and not whole)
    candidates, abroad, parts = _longest(kept, abroad, parts)
    # First pass without context: which governorates and well-known places does the text name?
    first = [
        _resolve(c, gazetteer, (), (), home) if c.positions else Match(c.key, None, 0.0, ())
        for c in candidates
    ]
    codes: Counter[str] = Counter()
    near: list[tuple[float, float]] = []
    for match in first:
        place = match.place
        if place is None or _ambiguous(match) or match.score < REVIEW:
            continue
        if place.admin1_pcode:
            codes[place.admin1_pcode] += 2 if place.feature == "governorate" else 1
        if place.feature in ("city", "town") and len(near) < 12:
            near.append((place.lat, place.lon))
    context = tuple(code for code, _ in codes.most_common(4))
    anchors = list(near)
    for code in context:
        with suppress(NotFound):
            governorate = gazetteer.get(f"ocha:{code}")
            anchors.append((governorate.lat, governorate.lon))
    spans = _sentence_spans(text)
    starts = spans.starts if isinstance(spans, _CompactSpans) else [s for s, _ in spans]
    mentions = []
    for candidate, match, part in zip(candidates, first, parts, strict=True):
        if candidate.positions and _ambiguous(match) and (context or near):
            match = _resolve(candidate, gazetteer, context, tuple(near), home)
        place = match.place
        if candidate.positions and place is None:
            continue
        if (
            place is not None
            and anchors
            and place.country == "SY"
            and place.feature == "village"
            and place.admin1_pcode not in context
            and candidate.trigger != "strong"
            and not _notable(gazetteer, candidate.positions)
            and _far_from(place, anchors)
        ):
            continue  # a report on Aleppo naming "Bustan" means the quarter, not a Hama village
        if (
            place is not None
            and place.feature in _QUARTERS
            and candidate.trigger != "strong"
            and _QUARTER_WORD.search(text[candidate.start : candidate.end]) is None
            and place.country not in home
            and (not anchors or _far_from(place, anchors))
        ):
            continue  # "Zeitoun" in a report on Egypt is no quarter of Gaza City
        sentence = max(0, bisect_right(starts, candidate.start) - 1)
        mentions.append(
            PlaceMention(
                name=text[candidate.start : candidate.end],
                start=candidate.start,
                end=candidate.end,
                sentence=sentence,
                place=place,
                score=round(match.score, 3) if place is not None else 0.0,
                review=place is None or match.score < REVIEW or candidate.review,
                geo_precision=_precision(place, text, candidate.start, part),
            )
        )
    return mentions


def locate(
    extraction: Extraction,
    text: str,
    gazetteer: Gazetteer,
    *,
    countries: Sequence[str] = (),
) -> Extraction:
    """The extraction with its places filled and each claim's place and ``geo_precision`` set.

    A claim takes a place named in its own sentence: a region the words tie it to ("137 killed
    across Idlib province"), else the most specific place (the nearest one on a tie). A claim
    whose sentence names no place takes the most specific place of the nearest sentence before
    it that names one (the last on a tie) or, when its sentence speaks of a whole region
    ("across the province"), that place's first-level admin unit. In a document that covers a
    period and one region, a place named in an earlier paragraph does not carry over: such a
    claim counts for the region ("Casualties. At least 137 people were killed" in a week's
    report on Idlib province). Countries a report is not about ("strikes launched from
    Russia"), a city speaking for its government ("Moscow denied any involvement"), a foreign
    city where talks were held or an agreement signed ("the zone agreed in Astana") and places
    no gazetteer holds place no claim.
    """
    mentions = find_places(text, gazetteer, countries=countries, language=extraction.lang)
    main = _main_country(mentions)
    venues = {id(m) for m in mentions if _venue(text, m, main)}
    home = {
        m.place.country
        for m in mentions
        if m.place is not None and m.place.feature != "country" and id(m) not in venues
    }
    spans = _sentence_spans(text)
    by_sentence: dict[int, list[PlaceMention]] = {}
    for mention in mentions:
        named = mention.place
        if named is None or (named.feature == "country" and named.country not in home):
            continue
        if _speaking(text, mention, spans) or id(mention) in venues:
            continue
        by_sentence.setdefault(mention.sentence, []).append(mention)
    ordered = sorted(by_sentence)
    region = _document_region(extraction, by_sentence, gazetteer)
    claims = []
    for claim in extraction.claims:
        index = bisect_right(ordered, claim.sentence) - 1
        chosen: PlaceMention | None = None
        widen = False
        if index >= 0:
            sentence = ordered[index]
            here = sentence == claim.sentence
            options = by_sentence[sentence]
            chosen = _tied_region(text, claim.end, options) if here else None
            if chosen is None:
                plain = _plainly_named(text, options)
                chosen = max(
                    options,
                    key=lambda m: (
                        id(m) in plain,
                        _specificity(m),
                        -abs(m.start - claim.start) if here else m.start,
                    ),
                )
            if not here and 0 <= claim.sentence < len(spans):
                start, end = spans[claim.sentence]
                widen = _REGION_CUE.search(text, start, end) is not None
        place: Place | None
        precision: int | None
        if region is not None and (
            chosen is None
            or (claim.date is None and _new_paragraph(text, chosen, claim.sentence, claim.start))
        ):
            place, precision, review = region, 3, False
        else:
            place, precision = _claim_place(chosen, widen, gazetteer)
            review = place is not None and chosen is not None and chosen.review
        place_id = place.id if place is not None else None
        if (claim.place_id, claim.geo_precision, claim.place_review) == (
            place_id,
            precision,
            review,
        ):
            claims.append(claim)  # unchanged (no place): no copy
            continue
        claims.append(
            replace(claim, place_id=place_id, geo_precision=precision, place_review=review)
        )
    return replace(extraction, places=tuple(mentions), claims=tuple(claims))


def _main_country(mentions: Sequence[PlaceMention]) -> str | None:
    """The country most of a document's places lie in (the first named on a tie)."""
    counted = Counter(
        m.place.country for m in mentions if m.place is not None and m.place.feature != "country"
    )
    return counted.most_common(1)[0][0] if counted else None


_VENUE_BEFORE = re.compile(
    r"\b(?:" + "|".join(re.escape(v) for v in VENUE_BEFORE) + r")[ \u00a0]+(?:the[ \u00a0]+)?\Z",
    re.IGNORECASE,
)
_VENUE_AFTER = re.compile(
    r"[ \u00a0]+(?:" + "|".join(re.escape(v) for v in VENUE_AFTER) + r")\b", re.IGNORECASE
)


def _venue(text: str, mention: PlaceMention, main: str | None) -> bool:
    """Whether a foreign place is named as where talks were held or an agreement signed ("the
    de-escalation zone agreed in Astana", "the Astana talks"): a venue, no place of any count."""
    place = mention.place
    if place is None or main is None or place.country == main or place.feature == "country":
        return False
    before = text[max(0, mention.start - 40) : mention.start]
    return (
        _VENUE_BEFORE.search(before) is not None
        or _VENUE_AFTER.match(text, mention.end) is not None
    )


_FIRST_LEVEL = frozenset(("governorate", "region"))


def _document_region(
    extraction: Extraction, by_sentence: dict[int, list[PlaceMention]], gazetteer: Gazetteer
) -> Place | None:
    """The region a period report is about: the first-level region it names ("Idlib
    province") when all its places lie in it. None when the document covers a single day,
    names no region, or names places in several."""
    period = extraction.period
    if period is None or period.start is None or period.end is None or period.end <= period.start:
        return None
    named = [
        m.place
        for sentence in sorted(by_sentence)
        for m in by_sentence[sentence]
        if m.place is not None and m.place.feature != "country"
    ]
    regions = [p for p in named if p.feature in _FIRST_LEVEL]
    if not regions or len({p.admin1_pcode for p in named}) != 1:
        return None
    return regions[0]


# a paragraph ends at a line break after a sentence's end or after a heading (a short line)
_PARAGRAPH_BREAK = re.compile(r"(?:[.!?؟:][\"'”’»)\]]*[ \t]*|^[^\n]{1,60})\n", re.MULTILINE)


def _new_paragraph(text: str, chosen: PlaceMention, sentence: int, start: int) -> bool:
    """Whether the place a claim would take from an earlier sentence lies in an earlier
    paragraph than the claim."""
    if chosen.sentence == sentence:
        return False
    return _PARAGRAPH_BREAK.search(text, chosen.end, start) is not None


_SPEAKING = re.compile(
    r"[ \u00a0]+(?:" + "|".join(re.escape(v) for v in SPEAKING_AFTER) + r")\b", re.IGNORECASE
)


def _speaking(
    text: str, mention: PlaceMention, spans: Sequence[tuple[int, int]] | _CompactSpans
) -> bool:
    """Whether a city opens its sentence as the subject of a verb of saying or denying
    ("Moscow denied any involvement"): its government, not a place where anything happened."""
    if mention.place is None or mention.place.feature != "city":
        return False
    if 0 <= mention.sentence < len(spans):
        opening = text[spans[mention.sentence][0] : mention.start]
        if opening.strip(" \u00a0\t\n\"'“‘«(-–—"):
            return False
    return _SPEAKING.match(text, mention.end) is not None


def _plainly_named(text: str, options: list[PlaceMention]) -> set[int]:
    """The ids of a sentence's places named as where something happened, when one of them is a
    town or site and others are named only as landmarks ("in Afis, near Saraqib"): the event
    is in Afis, not near Saraqib. Empty (no preference) otherwise."""
    plain = {
        id(m)
        for m in options
        if m.geo_precision != 2 or not _before(_NEAR, _NEAR_LAST, text, m.start)
    }
    if len(plain) == len(options) or not any(
        m.geo_precision == 1 for m in options if id(m) in plain
    ):
        return set()
    return plain


def _tied_region(text: str, end: int, options: list[PlaceMention]) -> PlaceMention | None:
    """A region named right after the claim with "across", "throughout"... before it."""
    for mention in sorted(options, key=lambda m: m.start):
        if mention.start < end or mention.geo_precision != 3:
            continue
        between = text[end : mention.start]
        if len(between) <= 40 and _ACROSS.search(between):
            return mention
    return None


def _claim_place(
    mention: PlaceMention | None, widen: bool, gazetteer: Gazetteer
) -> tuple[Place | None, int | None]:
    if mention is None or mention.place is None:
        return None, None
    place = mention.place
    if widen and mention.geo_precision != 3:
        region = gazetteer.admin1_of(place)
        if region is not None:
            return region, 3
    return place, mention.geo_precision


def _specificity(mention: PlaceMention) -> int:
    place = mention.place
    return SPECIFICITY.get(place.feature, 0) if place is not None else -1
