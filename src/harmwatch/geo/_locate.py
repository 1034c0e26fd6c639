"""Place names in a text: find candidate spans cheaply, resolve them, tie claims to places.

Scanning folds each capitalised (or Arabic) word once and looks n-grams up in the gazetteer's
key dictionary, extending an n-gram only while it is the prefix of some name. Spelling-tolerant
matching is tried only where the words around a name say it is a place ("the village of X",
"X countryside"). A report about another country than the gazetteer covers keeps only exact
matches of cities and governorates.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, replace

from harmwatch.errors import NotFound
from harmwatch.geo._fold import fold_arabic, fold_name, translit_key
from harmwatch.geo._gazetteer import SPECIFICITY, Gazetteer, Match, distance_km
from harmwatch.geo._stopwords import (
    ARABIC_NOT_PLACES,
    COUNTRY_WORDS,
    NOT_PLACES,
    TRIGGER_AFTER,
    TRIGGER_BEFORE,
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
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u1e00-\u1eff"
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
_CONNECTOR_WORD = r"(?:" + _ARTICLE[3:-1] + r"|bin|ibn|abu|umm|um|bani|beni)"
_AR_LETTERS = "\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0640"
_RUN = re.compile(
    r"(?P<lat>"
    + _NAME_WORD
    + r"(?:[ \u00a0]+(?:"
    + _CONNECTOR_WORD
    + r"[ \u00a0]+)?"
    + _NAME_WORD
    + r")*)|(?P<ar>["
    + _AR_LETTERS
    + r"]+(?:[ \u00a0]+["
    + _AR_LETTERS
    + r"]+)*)"
)
_TOKEN = re.compile(r"[" + _MARK + r"]?[^\W\d_]" + _WORD_BODY)
_AR_WORD = re.compile("[" + _AR_LETTERS + "]+")
_CONNECTORS = frozenset(_CONNECTOR_WORD[3:-1].split("|"))
_AR_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
_AR_PLAIN = str.maketrans("أإآىة", "ااايه")
_AR_CLITICS = "وبلفك"
_AR_PROVINCE = frozenset(("محافظه", "ريف"))
_AR_VILLAGE = frozenset(("قريه", "بلده", "مدينه", "مخيم", "بلدات", "قري"))
_STRONG_BEFORE = frozenset(t for t in TRIGGER_BEFORE if t.endswith(" of"))
_BEFORE = re.compile(
    r"\b(" + "|".join(re.escape(t) for t in sorted(TRIGGER_BEFORE, key=len, reverse=True)) + r")"
    r"(?:\s+the)?\s+\Z",
    re.IGNORECASE,
)
_AFTER = re.compile(r"(?:['’]s)?\s+(" + "|".join(TRIGGER_AFTER) + r")\b", re.IGNORECASE)
_COUNTRYSIDE_OF = re.compile(
    r"(?:countryside|province|governorate)\s+of\s+(?:the\s+)?\Z", re.IGNORECASE
)
_DOUBLE = re.compile(r"(.)\1+")
_MAX_WORDS = 5
_NEAR_KM = 60.0
_MAJOR = frozenset(("city", "governorate"))
_NOTABLE = frozenset(("city", "town", "governorate", "district", "region"))


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


def _is_name_word(word: str) -> bool:
    head = word.lstrip(_MARK)
    if not head:
        return False
    if head[0].isupper():
        return True
    prefix, dash, rest = head.partition("-")
    return bool(dash) and prefix in _CONNECTORS and rest.lstrip(_MARK)[:1].isupper()


def _runs(text: str, countries: Counter[str]) -> list[list[_Word]]:
    """Runs of adjacent name-like words; country names met on the way are counted."""
    runs: list[list[_Word]] = []
    for found in _RUN.finditer(text):
        offset = found.start()
        if found.lastgroup == "ar":
            words: list[_Word] = []
            for m in _AR_WORD.finditer(found.group()):
                key, alt, plain = _CACHE.fold_arabic(m.group())
                country = COUNTRY_WORDS.get(plain)
                if country:
                    countries[country] += 1
                if plain in ARABIC_NOT_PLACES:
                    if words:
                        runs.append(words)
                    words = []
                    continue
                words.append(_Word(offset + m.start(), offset + m.end(), "ar", key, alt))
            if words:
                runs.append(words)
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
            if word in _CONNECTORS:
                if run:
                    run.append(_Word(start, end, "conn", "", ""))
                continue
            key = _CACHE.fold(word)
            if lower in NOT_PLACES or key in NOT_PLACES or not key or not _is_name_word(word):
                if run:
                    runs.append(run)
                run = []
                continue
            run.append(_Word(start, end, "cap", key, ""))
        if run:
            runs.append(run)
    return runs


def _trigger_before(text: str, start: int) -> tuple[str, bool]:
    """("strong" | "weak" | "", governorate?) from the words before a name."""
    m = _BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return "", False
    strength = "strong" if m.group(1).lower() in _STRONG_BEFORE else "weak"
    governorate = _COUNTRYSIDE_OF.search(text, max(0, start - 30), start) is not None
    return strength, governorate


def _trigger(text: str, start: int, end: int) -> tuple[str, bool]:
    strength, governorate = _trigger_before(text, start)
    a = _AFTER.match(text, end, end + 24)
    if a is not None:
        strength = "strong"
        if a.group(1).lower() in ("province", "governorate", "countryside"):
            governorate = True
    return strength, governorate


def _arabic_trigger(text: str, start: int) -> tuple[str, bool]:
    before = text[max(0, start - 14) : start].split()
    if not before:
        return "", False
    word = fold_arabic(before[-1])
    if word in _AR_PROVINCE:
        return "strong", True
    if word in _AR_VILLAGE or (word[:1] in _AR_CLITICS and word[1:] in _AR_VILLAGE):
        return "strong", False
    return "", False


def _notable(gazetteer: Gazetteer, positions: list[int]) -> bool:
    """Whether one of the entries is a town or larger, or a GeoNames place."""
    for position in positions:
        place = gazetteer.entry(position).place
        if place.feature in _NOTABLE or place.geonameid is not None:
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
    if len(key.replace(" ", "")) < 3 or key in ARABIC_NOT_PLACES:
        return None
    start = run[i].start + shift
    strength, governorate = _arabic_trigger(text, run[i].start)
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
            continue
        words.append(run[j].key)
        key = " ".join(words)
        positions = gazetteer.exact(key)
        if positions:
            best = (j, key, positions)
        if not gazetteer.is_prefix(key):
            break
    exact = best is not None
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
    if not exact and j == i:
        heads = {gazetteer.entry(p).keys[0][:1] for p in positions if gazetteer.entry(p).keys}
        if key[:1] not in heads:  # "Khaama" is not Hama
            return None
    return _Candidate(start, end, key, False, exact, strength, governorate, positions)


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


def _country(countries: Counter[str], gazetteer: Gazetteer) -> str | None:
    """The country a report is about: the one it names most (Syria on a tie)."""
    if not countries:
        return None
    country, count = countries.most_common(1)[0]
    if countries.get("SY", 0) == count and "SY" in gazetteer.countries:
        return "SY"
    return country


def _candidates(text: str, gazetteer: Gazetteer, countries: Counter[str]) -> list[_Candidate]:
    found: list[_Candidate] = []
    runs = _runs(text, countries)
    country = _country(countries, gazetteer)
    loose = country is None or country in gazetteer.countries
    for run in runs:
        while run and run[-1].kind == "conn":
            run.pop()
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
                i += 1
                continue
            found.append(hit)
            while i < len(run) and run[i].start < hit.end:
                i += 1
    return found


def _resolve(
    candidate: _Candidate,
    gazetteer: Gazetteer,
    context: tuple[str, ...],
    near: tuple[tuple[float, float], ...],
) -> Match:
    key = candidate.key
    if candidate.governorate:
        match = gazetteer.geocode(key, features=("governorate",), fuzzy=False)
        if match.place is not None:
            return match
    match = gazetteer.geocode(key, context=context, near=near, fuzzy=not candidate.exact)
    allowed = {gazetteer.entry(p).place.id for p in candidate.positions}
    if match.place is not None and match.place.id in allowed:
        return match
    for alternative in match.candidates:
        if alternative.place.id in allowed:
            return Match(match.query, alternative.place, alternative.score, match.candidates)
    place = gazetteer.entry(candidate.positions[0]).place
    return Match(key, place, 1.0, ())


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


def find_places(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every place named in ``text``, with its exact span, sentence index and gazetteer entry."""
    if not text:
        return []
    countries: Counter[str] = Counter()
    candidates = _candidates(text, gazetteer, countries)
    if not candidates:
        return []
    country = _country(countries, gazetteer)
    foreign = country is not None and country not in gazetteer.countries
    if country is not None and not foreign and len(gazetteer.countries) > 1:
        for candidate in candidates:  # a report on Yemen means Yemen's Sanaa
            home = [p for p in candidate.positions if gazetteer.entry(p).place.country == country]
            candidate.positions = home or candidate.positions
    # First pass without context: which governorates and well-known places does the text name?
    first = [_resolve(c, gazetteer, (), ()) for c in candidates]
    codes: Counter[str] = Counter()
    near: list[tuple[float, float]] = []
    for match in first:
        place = match.place
        if place is None or _ambiguous(match):
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
    spans = _sentence_splitter()(text)
    starts = [s for s, _ in spans]
    mentions = []
    for candidate, match in zip(candidates, first, strict=True):
        if _ambiguous(match) and (context or near):
            match = _resolve(candidate, gazetteer, context, tuple(near))
        place = match.place
        if place is None:
            continue
        if foreign and not (candidate.exact and place.feature in _MAJOR):
            continue  # a report on Yemen naming "Sanaa" does not mean the Syrian village
        if (
            anchors
            and place.feature == "village"
            and place.admin1_pcode not in context
            and candidate.trigger != "strong"
            and not _notable(gazetteer, candidate.positions)
            and _far_from(place, anchors)
        ):
            continue  # a report on Aleppo naming "Bustan" means the quarter, not a Hama village
        if country and not foreign and place.country and place.country != country:
            continue
        sentence = max(0, bisect_right(starts, candidate.start) - 1)
        mentions.append(
            PlaceMention(
                name=text[candidate.start : candidate.end],
                start=candidate.start,
                end=candidate.end,
                sentence=sentence,
                place=place,
                score=match.score,
            )
        )
    return mentions


def locate(extraction: Extraction, text: str, gazetteer: Gazetteer) -> Extraction:
    """The extraction with its places filled and each claim's ``place_id`` set.

    A claim takes the most specific place named in its own sentence (the nearest one on a
    tie), else the most specific in the nearest sentence before it that names one (the last
    one on a tie), else none.
    """
    mentions = find_places(text, gazetteer)
    by_sentence: dict[int, list[PlaceMention]] = {}
    for mention in mentions:
        if mention.place is not None:
            by_sentence.setdefault(mention.sentence, []).append(mention)
    ordered = sorted(by_sentence)
    claims = []
    for claim in extraction.claims:
        index = bisect_right(ordered, claim.sentence) - 1
        place_id = None
        if index >= 0:
            sentence = ordered[index]
            here = sentence == claim.sentence
            best = max(
                by_sentence[sentence],
                key=lambda m: (
                    _specificity(m),
                    -abs(m.start - claim.start) if here else m.start,
                ),
            )
            place_id = best.place.id if best.place is not None else None
        claims.append(replace(claim, place_id=place_id))
    return replace(extraction, places=tuple(mentions), claims=tuple(claims))


def _specificity(mention: PlaceMention) -> int:
    place = mention.place
    return SPECIFICITY.get(place.feature, 0) if place is not None else -1
