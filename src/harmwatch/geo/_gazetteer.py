"""The gazetteer: places with their names in every spelling, and name lookup (geocoding)."""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from harmwatch.errors import NotFound
from harmwatch.geo._fold import (
    fold_arabic,
    fold_name,
    is_arabic,
    romanise_arabic,
    skeleton,
    translit_key,
)
from harmwatch.geo._store import Entry, read_entries
from harmwatch.model import Place

__all__ = ["FEATURES", "Candidate", "Gazetteer", "Match", "distance_km"]

# Feature types from the broadest to the most specific; more specific places win a claim.
FEATURES: tuple[str, ...] = (
    "country",
    "governorate",
    "region",
    "district",
    "subdistrict",
    "city",
    "town",
    "village",
    "neighbourhood",
    "camp",
    "site",
)
SPECIFICITY = {name: rank for rank, name in enumerate(FEATURES)}
# How likely a name in a report means this kind of place when several share it.
_FEATURE_PRIOR = {
    "city": 0.05,
    "governorate": 0.045,
    "town": 0.035,
    "village": 0.02,
    "camp": 0.02,
    "neighbourhood": 0.015,
    "district": 0.015,
    "subdistrict": 0.01,
    "region": 0.03,
}
_ADMIN_LEVEL = {"governorate": 1, "district": 2, "subdistrict": 3}
MAX_QUERY = 120
ACCEPT = 0.7


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry a name may mean, how well the name matched (``score``, 1 = exact)
    and the ranking score with type, population and context (``rank``)."""

    place: Place
    score: float
    rank: float
    how: str


@dataclass(frozen=True, slots=True)
class Match:
    """The answer to one geocoding query: the best place (or None) and the runners-up."""

    query: str
    place: Place | None
    score: float
    candidates: tuple[Candidate, ...]

    @property
    def found(self) -> bool:
        return self.place is not None


_POPULATED = frozenset(("city", "town", "village"))
_FEATURE_WORDS: dict[str, frozenset[str]] = {
    "city": _POPULATED,
    "town": _POPULATED,
    "village": _POPULATED,
    "province": frozenset(("governorate",)),
    "governorate": frozenset(("governorate",)),
    "district": frozenset(("district",)),
    "subdistrict": frozenset(("subdistrict",)),
    "countryside": frozenset(("governorate",)),
    "مدينه": _POPULATED,
    "بلده": _POPULATED,
    "قريه": _POPULATED,
    "محافظه": frozenset(("governorate",)),
    "منطقه": frozenset(("district",)),
    "ناحيه": frozenset(("subdistrict",)),
    "ريف": frozenset(("governorate",)),
}


def _feature_word(text: str) -> tuple[str, frozenset[str]]:
    """A name without a trailing (Latin) or leading (Arabic) feature word, and the features
    that word allows: ``Idlib city`` -> (``Idlib``, city/town/village); else ("", {})."""
    words = text.split()
    if len(words) < 2:
        return "", frozenset()
    if is_arabic(text):
        head = fold_arabic(words[0])
        if head in _FEATURE_WORDS:
            return " ".join(words[1:]), _FEATURE_WORDS[head]
        return "", frozenset()
    tail = words[-1].lower()
    if tail in _FEATURE_WORDS:
        return " ".join(words[:-1]), _FEATURE_WORDS[tail]
    return "", frozenset()


def _packaged_path() -> Path:
    return Path(str(resources.files("harmwatch") / "data" / "geo" / "gazetteer.tsv.gz"))


def _user_files(extra_dir: Path | None) -> list[Path]:
    if extra_dir is None:
        return []
    folder = Path(extra_dir) / "places"
    return sorted(folder.glob("*.tsv.gz")) if folder.is_dir() else []


_CACHE: dict[tuple[object, ...], Gazetteer] = {}
_LOCK = threading.Lock()


def _add(index: dict[str, list[int]], key: str, position: int) -> None:
    bucket = index.get(key)
    if bucket is None:
        index[key] = [position]
    elif bucket[-1] != position:
        bucket.append(position)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Approximate distance in km between two points (equirectangular; fine under 500 km)."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


class Gazetteer:
    """Places and their names, indexed by folded keys for fast offline geocoding.

    Build it with ``Gazetteer.load()`` (packaged Syria data plus places a user imported);
    ``geocode(name)`` resolves one name, ``harmwatch.geo.locate`` finds names in a text.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._entries: list[Entry] = []
        self._by_id: dict[str, int] = {}
        self._keys: dict[str, list[int]] = {}
        self._translit: dict[str, list[int]] = {}
        self._skeletons: dict[str, list[int]] = {}
        self._arabic: dict[str, list[int]] = {}
        self._arabic_skeletons: dict[str, list[int]] = {}
        self._admin: dict[str, str] = {}
        self._cache: dict[tuple[object, ...], Match] = {}
        self._prefixes: set[str] = set()
        self._admin1_names: set[str] = set()
        self._admin1_seen: set[str] = set()
        self.countries: frozenset[str] = frozenset()
        for entry in entries:
            self._insert(entry)
        self.countries = frozenset(e.place.country for e in self._entries if e.place.country)
        self._fuzzy_keys = list(self._translit)
        self._translit_heads = frozenset(k[:4] for k in self._translit if len(k) >= 4)
        self._fuzzy_arabic = list(self._arabic)

    def _insert(self, entry: Entry) -> None:
        existing = self._by_id.get(entry.place.id)
        if existing is None:
            position = len(self._entries)
            self._entries.append(entry)
            self._by_id[entry.place.id] = position
        else:  # the same place imported again: its names are added, the packaged data kept
            position = existing
        for key in entry.keys:
            _add(self._keys, key, position)
            self._add_prefixes(key)
        for key in entry.translit:
            _add(self._translit, key, position)
        for key in entry.skeletons:
            _add(self._skeletons, key, position)
        for key in entry.arabic:
            _add(self._arabic, key, position)
            self._add_prefixes(key)
        for key in entry.arabic_skeletons:
            _add(self._arabic_skeletons, key, position)
        place = entry.place
        if place.admin1 and place.admin1 not in self._admin1_seen:
            self._admin1_seen.add(place.admin1)
            self._admin1_names.add(fold_name(place.admin1))
        if place.feature == "governorate" and place.admin1_pcode:
            for key in entry.keys:
                self._admin.setdefault(key, place.admin1_pcode)
            for key in entry.arabic:
                self._admin.setdefault(key, place.admin1_pcode)
            self._admin.setdefault(place.admin1_pcode.lower(), place.admin1_pcode)
        elif place.feature == "district" and place.admin2_pcode:
            self._admin.setdefault(place.admin2_pcode.lower(), place.admin2_pcode)

    def _add_prefixes(self, key: str) -> None:
        cut = key.rfind(" ")
        while cut > 0:
            key = key[:cut]
            self._prefixes.add(key)
            cut = key.rfind(" ")

    def is_prefix(self, key: str) -> bool:
        """Whether some name's key starts with this key and more words (used by ``locate``)."""
        return key in self._prefixes

    @classmethod
    def load(cls, *, extra_dir: Path | None = None) -> Gazetteer:
        """The packaged gazetteer merged with the places imported into ``extra_dir``.

        Args:
            extra_dir: a data folder (``--data-dir``); files in its ``places/`` subfolder,
                written by ``harmwatch gazetteer import``, are merged. Default: none.

        The result is cached until those files change.
        """
        files = [_packaged_path(), *_user_files(extra_dir)]
        stamp = tuple((str(f), os.stat(f).st_mtime_ns, os.stat(f).st_size) for f in files)
        with _LOCK:
            cached = _CACHE.get(stamp)
            if cached is None:
                entries: list[Entry] = []
                for path in files:
                    entries.extend(read_entries(path))
                cached = cls(entries)
                _CACHE.clear()
                _CACHE[stamp] = cached
            return cached

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self._entries)} places>"

    def get(self, place_id: str) -> Place:
        """The place with this id (``geonames:169389``, ``ocha:C4121``); NotFound otherwise."""
        position = self._by_id.get(place_id)
        if position is None:
            raise NotFound(f"no place with id {place_id!r} in the gazetteer")
        return self._entries[position].place

    def places(self) -> list[Place]:
        """Every place, in load order."""
        return [entry.place for entry in self._entries]

    def admin1_pcode(self, name: str) -> str | None:
        """The P-code of the governorate a name or P-code means (``Idleb`` -> ``SY07``)."""
        key = fold_name(name.strip())
        for suffix in (" province", " governorate"):
            if key.endswith(suffix):
                key = key[: -len(suffix)]
        code = self._admin.get(key) or self._admin.get(translit_key(key))
        if code is None and len(key) >= 4:
            for position in self._translit.get(translit_key(key), ()):
                place = self._entries[position].place
                if place.feature == "governorate":
                    return place.admin1_pcode
        return code

    def exact(self, folded: str) -> list[int]:
        """Positions of entries with this exact ``fold_name`` key (used by ``locate``)."""
        if is_arabic(folded):
            return self._arabic.get(folded, [])
        return self._keys.get(folded, [])

    def translit(self, key: str) -> list[int]:
        """Positions of entries with this ``translit_key`` (used by ``locate``)."""
        return self._translit.get(key, [])

    def translit_head(self, head: str) -> bool:
        """Whether some ``translit_key`` starts with these four letters (used by ``locate``)."""
        return head in self._translit_heads

    def entry(self, position: int) -> Entry:
        """The entry at a position returned by ``exact`` or ``translit``."""
        return self._entries[position]

    def position(self, place_id: str) -> int:
        """The position of the entry with this id (KeyError if none)."""
        return self._by_id[place_id]

    def geocode(
        self,
        query: str,
        *,
        context: Sequence[str] = (),
        near: Sequence[tuple[float, float]] = (),
        features: Sequence[str] = (),
        limit: int = 5,
        fuzzy: bool = True,
        scan: bool = True,
    ) -> Match:
        """Resolve one place name, in any spelling, to the best gazetteer entry.

        Args:
            query: the name as written (Latin or Arabic script).
            context: governorates or districts the document names (names or P-codes); places
                in them rank higher. Default: none.
            near: (lat, lon) of other places the document names; nearby places rank higher.
            features: accept only these feature types (e.g. ``("governorate",)``). Default: any.
            limit: how many candidates to keep in the answer.
            fuzzy: also try consonant-skeleton and fuzzy matches (slower). Default: True.
            scan: with ``fuzzy``, also compare against every name (RapidFuzz, about 1 ms);
                False keeps to key lookups. Default: True.

        Never raises for odd input: empty, very long or foreign-script names are "not found".
        """
        codes = tuple(sorted({c for c in (self._context_code(x) for x in context) if c}))
        cache_key = (query, codes, tuple(near), tuple(features), limit, fuzzy, scan)
        cached = self._cache.get(cache_key)
        if cached is not None:
            return cached
        match = self._geocode(query, codes, near, frozenset(features), limit, fuzzy, scan)
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[cache_key] = match
        return match

    def _context_code(self, value: str) -> str | None:
        """A P-code for an admin unit, else ``name:<folded admin1 name>``, else None."""
        value = value.strip()
        if value[:2].upper() == "SY" and value[2:].isdigit():
            return value.upper()
        code = self.admin1_pcode(value)
        if code is None:
            key = fold_name(value)
            if key in self._admin1_names:
                return "name:" + key
        return code

    def knows_admin1(self, value: str) -> bool:
        """Whether a governorate (admin1) of this name or P-code is in the gazetteer."""
        return self._context_code(value) is not None

    def _geocode(
        self,
        query: str,
        codes: tuple[str, ...],
        near: Sequence[tuple[float, float]],
        features: frozenset[str],
        limit: int,
        fuzzy: bool,
        scan: bool,
    ) -> Match:
        text = query.strip()
        if not text or len(text) > MAX_QUERY:
            return Match(query, None, 0.0, ())
        bare, kinds = _feature_word(text)
        if bare and not features:  # "Idlib city", "Idlib province", "مدينة إدلب"
            whole = self._geocode(text, codes, near, frozenset(kinds), limit, False, False)
            if whole.place is not None and whole.score >= 0.97:
                return Match(query, whole.place, whole.score, whole.candidates)
            match = self._geocode(bare, codes, near, kinds, limit, fuzzy, scan)
            if match.place is not None:
                return Match(query, match.place, match.score, match.candidates)
        scores: dict[int, tuple[float, str]] = {}

        def offer(positions: Iterable[int], score: float, how: str) -> None:
            for position in positions:
                if features and self._entries[position].place.feature not in features:
                    continue
                if position not in scores or scores[position][0] < score:
                    scores[position] = (score, how)

        if is_arabic(text):
            key = fold_arabic(text)
            offer(self._arabic.get(key, ()), 1.0, "arabic")
            if not scores and fuzzy and len(key) >= 3:
                stripped = self._strip_arabic_prefix(key)
                if stripped:
                    offer(self._arabic.get(stripped, ()), 0.9, "arabic")
            if not scores and fuzzy and len(key.replace(" ", "")) >= 4:
                skel = skeleton(romanise_arabic(text))
                offer(self._arabic_skeletons.get(skel, ()), 0.8, "arabic-skeleton")
            if not scores and fuzzy and scan and len(key.replace(" ", "")) >= 4:
                for found, ratio, _ in process.extract(
                    key, self._fuzzy_arabic, scorer=fuzz.ratio, score_cutoff=85, limit=10
                ):
                    offer(self._arabic[found], 0.9 * ratio / 100, "fuzzy")
        else:
            key = fold_name(text)
            if len(key) < 2:
                return Match(query, None, 0.0, ())
            offer(self._keys.get(key, ()), 1.0, "exact")
            tkey = translit_key(key)
            if len(tkey) >= 3:
                offer(self._translit.get(tkey, ()), 0.92, "translit")
            best = max((s for s, _ in scores.values()), default=0.0)
            if fuzzy and best < 0.9 and len(tkey) >= 4:
                self._loose(tkey, offer, scan)
        return self._rank(query, scores, codes, near, limit, fuzzy and scan)

    @staticmethod
    def _strip_arabic_prefix(key: str) -> str | None:
        first, _, rest = key.partition(" ")
        if len(first) > 3 and first[0] in "وبلف":
            word = first[1:]
            if word.startswith("ال"):
                word = word[2:]
            return (word + " " + rest).strip()
        return None

    def _loose(self, tkey: str, offer: object, scan: bool) -> None:
        skel = skeleton(tkey)
        add = offer  # typed below through the callable protocol
        assert callable(add)
        if len(skel) >= 3:
            for position in self._skeletons.get(skel, ()):
                entry = self._entries[position]
                ratio = max((fuzz.ratio(tkey, t) for t in entry.translit), default=0.0)
                if entry.place.name_ar:
                    ratio = max(ratio, fuzz.ratio(tkey, romanise_arabic(entry.place.name_ar)))
                # three consonants say little: "Qaboun" is not "Kobani"
                if ratio >= (60 if len(skel) >= 4 else 80):
                    add((position,), 0.6 + 0.3 * ratio / 100, "skeleton")
            arabic = self._arabic_skeletons.get(skel, ()) if len(skel) >= 4 else ()
            if arabic:
                add(arabic, 0.8, "arabic-skeleton")
        if scan and len(tkey) >= 5 and len(skel) >= 4:
            for found, ratio, _ in process.extract(
                tkey, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=85, limit=10
            ):
                if abs(len(found) - len(tkey)) <= max(2, len(tkey) // 5) and (
                    Levenshtein.distance(skeleton(found), skel) <= 1
                ):
                    add(self._translit[found], 0.85 * ratio / 100, "fuzzy")

    @staticmethod
    def _names_a_place(admin: Entry, populated: list[Entry]) -> bool:
        """Whether a populated place inside this admin unit shares its name (its seat)."""
        level = _ADMIN_LEVEL[admin.place.feature]
        code = (admin.place.admin1_pcode, admin.place.admin2_pcode, admin.place.admin3_pcode)
        names = set(admin.translit)
        for entry in populated:
            place = entry.place
            inside = (place.admin1_pcode, place.admin2_pcode, place.admin3_pcode)[level - 1]
            if inside == code[level - 1] and names.intersection(entry.translit):
                return True
        return False

    def _prior(self, place: Place) -> float:
        prior = _FEATURE_PRIOR.get(place.feature, 0.01)
        if place.population:
            prior += 0.02 * min(1.0, math.log10(place.population + 1) / 7)
        if place.geonameid is not None:
            prior += 0.005
        return prior

    def _rank(
        self,
        query: str,
        scores: dict[int, tuple[float, str]],
        codes: tuple[str, ...],
        near: Sequence[tuple[float, float]],
        limit: int,
        fuzzy: bool,
    ) -> Match:
        ranked: list[Candidate] = []
        populated = [
            self._entries[p] for p in scores if self._entries[p].place.feature not in _ADMIN_LEVEL
        ]
        for position, (score, how) in scores.items():
            entry = self._entries[position]
            place = entry.place
            rank = score + self._prior(place)
            if place.feature in _ADMIN_LEVEL and self._names_a_place(entry, populated):
                rank -= 0.1  # "Idlib" is the city; "Idlib province" the governorate
            if codes and (
                place.admin1_pcode in codes
                or place.admin2_pcode in codes
                or "name:" + fold_name(place.admin1 or "") in codes
            ):
                rank += 0.06
            if near:
                closest = min(distance_km(place.lat, place.lon, lat, lon) for lat, lon in near)
                rank += 0.05 if closest <= 25 else 0.025 if closest <= 60 else 0.0
            ranked.append(Candidate(place, round(score, 3), round(rank, 4), how))
        ranked.sort(key=lambda c: (-c.rank, c.place.id))
        accepted = [c for c in ranked if c.score >= ACCEPT]
        if accepted:
            best = accepted[0]
            return Match(query, best.place, best.score, tuple(accepted[:limit]))
        if fuzzy:
            return Match(query, None, 0.0, self._suggest(query, limit))
        return Match(query, None, 0.0, ())

    def _suggest(self, query: str, limit: int) -> tuple[Candidate, ...]:
        text = query.strip()
        if not text or len(text) > MAX_QUERY:
            return ()
        if is_arabic(text):
            key, choices, index = fold_arabic(text), self._fuzzy_arabic, self._arabic
        else:
            key, choices, index = translit_key(fold_name(text)), self._fuzzy_keys, self._translit
        if len(key) < 2:
            return ()
        found: dict[str, Candidate] = {}
        for choice, ratio, _ in process.extract(
            key, choices, scorer=fuzz.ratio, score_cutoff=55, limit=limit * 3
        ):
            for position in index[choice]:
                place = self._entries[position].place
                if place.id not in found:
                    score = round(0.9 * ratio / 100, 3)
                    found[place.id] = Candidate(place, score, score + self._prior(place), "near")
        ordered = sorted(found.values(), key=lambda c: (-c.rank, c.place.id))
        return tuple(ordered[:limit])
