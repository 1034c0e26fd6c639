"""The gazetteer: places with their names in every spelling, and name lookup (geocoding)."""

from __future__ import annotations

import csv
import functools
import math
import os
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

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
from harmwatch.geo._world import WorldIndex, WorldPlace
from harmwatch.model import AddedPlace, Place

__all__ = [
    "ACCEPT",
    "FEATURES",
    "FOREIGN",
    "REVIEW",
    "Candidate",
    "Gazetteer",
    "Match",
    "distance_km",
    "geo_precision",
]

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
    "country": 0.1,
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
# A match scores 1 for a place's own name, 0.97 for an alternate name, 0.92 for a spelling
# variant (transliteration key), 0.6-0.85 for a fuzzy match; a namesake outside the document's
# countries scores FOREIGN times that (a spelling variant of a place outside the country of the
# context's admin units at most NAMESAKE). Below ACCEPT nothing is found; below REVIEW a match is
# kept but marked for review.
ACCEPT = 0.7
REVIEW = 0.8
FOREIGN = 0.75
NAMESAKE = 0.78  # a spelling variant of a place outside the context's country: for review


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
    """The answer to one geocoding query: the best place (or None) and the runners-up.

    ``qualifier`` says how the query qualified the place: ``part`` ("northern Gaza", "Idlib
    countryside"), ``near`` ("north of Idlib", "outskirts of Aleppo") or "" (the name alone);
    ``geo_precision`` is ACLED's code for how precisely the answer locates (1 town, camp or
    neighbourhood; 2 part of or near a town, a district; 3 a region, governorate or country).
    """

    query: str
    place: Place | None
    score: float
    candidates: tuple[Candidate, ...]
    qualifier: str = ""
    geo_precision: int | None = None

    @property
    def found(self) -> bool:
        return self.place is not None


_REGION_FEATURES = frozenset(("country", "governorate", "region"))
# places whose name alone says which country a longer name is in; matches of a spelling
_IMPLYING = frozenset(("country", "governorate", "region", "city"))
_LOOSE = frozenset(("skeleton", "fuzzy", "arabic-skeleton"))
_PART_FEATURES = frozenset(("district", "subdistrict"))
_DIRECTION = r"(?:north|south|east|west)(?:[- ]?(?:east|west))?"
# Words that qualify a place name (tried in order; ``name`` is the place looked up): "part" of
# the place or "near" it. A whole name that is a place's own ("North Darfur", "Northern Qana",
# "Eastern Ghouta") is tried first and wins.
_QUALIFIERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "near",
        re.compile(
            r"(?:" + _DIRECTION + r"|near|outside|around|outskirts|vicinity|west|east)"
            r"\s+of\s+(?:the\s+)?(?P<name>.+)",
            re.IGNORECASE,
        ),
    ),
    ("near", re.compile(r"(?:near|outside|around)\s+(?:the\s+)?(?P<name>.+)", re.IGNORECASE)),
    (
        "part",
        re.compile(
            r"(?:the\s+)?(?:countryside|suburbs|province|governorate|region)\s+of\s+(?:the\s+)?"
            r"(?P<name>.+)",
            re.IGNORECASE,
        ),
    ),
    (
        "part",
        re.compile(
            r"(?:the\s+)?(?:" + _DIRECTION + r"(?:ern)?|central|upper|lower)\s+(?P<name>.+)",
            re.IGNORECASE,
        ),
    ),
    (
        "part",
        re.compile(
            r"(?P<name>.+?)\s+(?:countryside|region|area|outskirts|suburbs|surroundings|environs)",
            re.IGNORECASE,
        ),
    ),
    (
        "part",
        re.compile(
            r"(?:شمال|جنوب|شرق|غرب|وسط|شمالي|جنوبي|شرقي|غربي)(?:\s+(?:ال)?(?:شرقي|غربي|شرق|غرب))?"
            r"\s+(?P<name>.+)"
        ),
    ),
    ("part", re.compile(r"(?:ريف|أطراف|اطراف|ضواحي)\s+(?P<name>.+)")),
)


def _qualifier(text: str) -> tuple[str, str] | None:
    """(``part`` | ``near``, the place name) when words qualify the name, else None."""
    for kind, pattern in _QUALIFIERS:
        found = pattern.fullmatch(text)
        if found is not None and found.group("name").strip():
            return kind, found.group("name").strip()
    return None


@functools.cache
def _quarters() -> dict[str, tuple[str, int]]:
    """Neighbourhoods' and camps' parent town and geo_precision (``quarters.csv``)."""
    path = _packaged_path("quarters.csv")
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        return {r["id"]: (r["parent"], int(r["precision"])) for r in csv.DictReader(handle)}


def geo_precision(place: Place | None, qualifier: str = "") -> int | None:
    """ACLED's geo_precision of a place a name resolved to, with how the name qualified it."""
    if place is None:
        return None
    if place.feature in _REGION_FEATURES:
        return 3
    if qualifier or place.feature in _PART_FEATURES:
        return 2
    quarter = _quarters().get(place.id)
    return quarter[1] if quarter is not None else 1


_POPULATED = frozenset(("city", "town", "village"))
_FEATURE_WORDS: dict[str, frozenset[str]] = {
    "city": _POPULATED,
    "town": _POPULATED,
    "village": _POPULATED,
    "province": frozenset(("governorate",)),
    "governorate": frozenset(("governorate",)),
    "region": frozenset(("governorate", "region")),
    "oblast": frozenset(("governorate",)),
    "state": frozenset(("governorate",)),
    "division": frozenset(("governorate",)),
    "provinz": frozenset(("governorate",)),
    "область": frozenset(("governorate",)),
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


def _packaged_path(name: str = "gazetteer.tsv.gz") -> Path:
    return Path(str(resources.files("harmwatch") / "data" / "geo" / name))


def _user_files(extra_dir: Path | None) -> list[Path]:
    if extra_dir is None:
        return []
    folder = Path(extra_dir) / "places"
    return sorted(folder.glob("*.tsv.gz")) if folder.is_dir() else []


_CACHE: dict[object, Gazetteer] = {}
_MAX_MEMO = 200_000
_LOCK = threading.Lock()


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

    def __init__(self, entries: Iterable[Entry], *, world: WorldIndex | None = None) -> None:
        self._world = world
        self._world_rows: dict[int, int] = {}
        self._exact_memo: dict[str, list[int]] = {}
        self._translit_memo: dict[str, list[int]] = {}
        self._admin1_by_code: dict[str, str] = {}
        self._entries: list[Entry] = []
        self._by_id: dict[str, int] = {}
        self._keys: dict[str, list[int]] = {}
        self._translit: dict[str, list[int]] = {}
        self._skeletons: dict[str, list[int]] = {}
        self._arabic: dict[str, list[int]] = {}
        self._arabic_skeletons: dict[str, list[int]] = {}
        self._admin: dict[str, str] = {}
        self._cache: dict[tuple[object, ...], Match] = {}
        self._context_memo: dict[str, str | None] = {}
        self._prefixes: set[str] = set()
        self._admin1_names: set[str] = set()
        self._admin1_seen: set[str] = set()
        self.countries: frozenset[str] = frozenset()
        for entry in entries:
            self._insert(entry)
        # the countries it has places of (ISO codes): those in memory and the world index's
        self.countries = frozenset(e.place.country for e in self._entries if e.place.country)
        if world is not None:
            self.countries |= world.countries
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
        # (``_add`` written out: this runs for every key of every place at each start-up)
        for index, keys, prefixes in (
            (self._keys, entry.keys, True),
            (self._translit, entry.translit, False),
            (self._skeletons, entry.skeletons, False),
            (self._arabic, entry.arabic, True),
            (self._arabic_skeletons, entry.arabic_skeletons, False),
        ):
            for key in keys:
                bucket = index.get(key)
                if bucket is None:
                    index[key] = [position]
                elif bucket[-1] != position:
                    bucket.append(position)
                if prefixes and " " in key:
                    self._add_prefixes(key)
        place = entry.place
        if place.feature == "governorate" and place.admin1_pcode and place.admin1:
            self._admin1_by_code.setdefault(place.admin1_pcode, place.admin1)
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
        if key in self._prefixes:
            return True
        return self._world is not None and self._world.is_prefix(key)

    def _from_world(self, place: WorldPlace, row: int | None = None) -> int:
        """The position of a world place, added to the entries on first use."""
        position = self._by_id.get(place.id)
        if position is not None:
            if row is not None:
                self._world_rows[row] = position
            return position
        key = fold_name(place.name)
        tkey = translit_key(key) if not is_arabic(place.name) else ""
        arabic = (fold_arabic(place.name_ar),) if place.name_ar else ()
        entry = Entry(
            place=Place(
                id=place.id,
                name=place.name,
                lat=place.lat,
                lon=place.lon,
                feature=place.feature,
                geonameid=place.geonameid if place.geonameid > 0 else None,
                name_ar=place.name_ar,
                admin1=self._world_admin1(place.admin1_code),
                admin1_pcode=place.admin1_code,
                country=place.country,
                population=place.population,
            ),
            names=(),
            keys=(key,),
            translit=(tkey,) if tkey else (),
            skeletons=(skeleton(tkey),) if tkey else (),
            arabic=arabic,
            arabic_skeletons=(),
        )
        with _LOCK:
            position = self._by_id.get(place.id)
            if position is None:
                position = len(self._entries)
                self._entries.append(entry)
                self._by_id[entry.place.id] = position
            if row is not None:
                self._world_rows[row] = position
        return position

    def _world_admin1(self, code: str | None) -> str | None:
        if not code or self._world is None:
            return None
        return self._world.admin1_names.get(code)

    def _world_lookup(self, rows: list[int]) -> list[int]:
        assert self._world is not None
        missing = [r for r in rows if r not in self._world_rows]
        for row, place in self._world.places(missing):
            self._from_world(place, row)
        return [self._world_rows[r] for r in rows if r in self._world_rows]

    def _exact_positions(self, key: str) -> list[int]:
        found = self._exact_memo.get(key)
        if found is None:
            local = self._arabic.get(key, []) if is_arabic(key) else self._keys.get(key, [])
            found = local
            if self._world is not None:
                rows = self._world.exact(key)
                if rows:
                    extra = self._world_lookup([row for row, _ in rows])
                    found = local + [p for p in extra if p not in local]
            if len(self._exact_memo) > _MAX_MEMO:
                self._exact_memo.clear()
            self._exact_memo[key] = found
        return found

    def _translit_positions(self, key: str) -> list[int]:
        found = self._translit_memo.get(key)
        if found is None:
            found = self._translit.get(key, [])
            if self._world is not None and len(key) >= 3:
                rows = self._world.translit(key)
                if rows:
                    extra = self._world_lookup(rows)
                    found = found + [p for p in extra if p not in found]
            if len(self._translit_memo) > _MAX_MEMO:
                self._translit_memo.clear()
            self._translit_memo[key] = found
        return found

    @classmethod
    def load(
        cls,
        *,
        extra_dir: Path | None = None,
        user_places: Sequence[AddedPlace] = (),
        world: bool = True,
    ) -> Gazetteer:
        """The packaged gazetteer merged with the places users added.

        Args:
            extra_dir: a data folder (``--data-dir``) whose ``places/`` files (written by
                ``import_places``) are merged; for use without a database. Default: none.
            user_places: the places a store holds (``Store.added_places()``). Default: none.
            world: also look names up in the world's towns and villages (``world.bin``);
                False keeps to Syria. Default: True.

        The result is cached until those files or places change.
        """
        files = [_packaged_path(), *_user_files(extra_dir)]
        stamp = (
            tuple((str(f), os.stat(f).st_mtime_ns, os.stat(f).st_size) for f in files),
            tuple(user_places),
            world,
        )
        with _LOCK:
            cached = _CACHE.get(stamp)
            if cached is None:
                entries: list[Entry] = []
                for path in files:
                    entries.extend(read_entries(path))
                entries.extend(Entry.with_keys(p.place, p.names) for p in user_places)
                index = WorldIndex(_packaged_path("world.bin")) if world else None
                cached = cls(entries, world=index)
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
        if position is None and self._world is not None:
            found = self._world.by_ref(place_id)
            if found is not None:
                position = self._from_world(found)
        if position is None:
            raise NotFound(f"no place with id {place_id!r} in the gazetteer")
        return self._entries[position].place

    def admin1_of(self, place: Place) -> Place | None:
        """The first-level admin unit (governorate, province, oblast...) a place lies in."""
        if place.feature in ("country", "governorate") or not place.admin1_pcode:
            return None
        for candidate in (f"ocha:{place.admin1_pcode}", f"admin1:{place.admin1_pcode}"):
            try:
                return self.get(candidate)
            except NotFound:
                continue
        return None

    def parent_of(self, place: Place) -> Place | None:
        """The town a neighbourhood or camp belongs to (or lies by), else None."""
        quarter = _quarters().get(place.id)
        if quarter is None:
            return None
        try:
            return self.get(quarter[0])
        except NotFound:
            return None

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
        return self._exact_positions(folded)

    def translit(self, key: str) -> list[int]:
        """Positions of entries with this ``translit_key`` (used by ``locate``)."""
        return self._translit_positions(key)

    def translit_head(self, head: str) -> bool:
        """Whether some ``translit_key`` starts with these four letters (used by ``locate``)."""
        if head in self._translit_heads:
            return True
        return self._world is not None and self._world.translit_head(head)

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
        countries: Sequence[str] = (),
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
            countries: ISO codes of the countries the document is about (``("YE",)``); places
                there win, and a namesake abroad scores lower (``FOREIGN``). Default: none, and
                the most populous or most important place wins.
            limit: how many candidates to keep in the answer.
            fuzzy: also try consonant-skeleton and fuzzy matches (slower). Default: True.
            scan: with ``fuzzy``, also compare against every name (RapidFuzz, about 1 ms);
                False keeps to key lookups. Default: True.

        Never raises for odd input: empty, very long or foreign-script names are "not found".
        """
        codes = tuple(sorted({c for c in (self._context_code(x) for x in context) if c}))
        home = tuple(sorted({c.upper() for c in countries if c}))
        cache_key = (query, codes, tuple(near), tuple(features), home, limit, fuzzy, scan)
        cached = self._cache.get(cache_key)
        if cached is not None:
            return cached
        match = self._geocode(query, codes, near, frozenset(features), home, limit, fuzzy, scan)
        match = replace(match, geo_precision=geo_precision(match.place, match.qualifier))
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[cache_key] = match
        return match

    def _context_code(self, value: str) -> str | None:
        """A P-code for an admin unit, else ``name:<folded admin1 name>``, else None."""
        memo = self._context_memo
        if value in memo:
            return memo[value]
        code = self._context_code_of(value)
        if len(memo) > _MAX_MEMO:
            memo.clear()
        memo[value] = code
        return code

    def _context_code_of(self, value: str) -> str | None:
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
        home: tuple[str, ...],
        limit: int,
        fuzzy: bool,
        scan: bool,
        qualify: bool = True,
    ) -> Match:
        text = query.strip()
        if not text or len(text) > MAX_QUERY:
            return Match(query, None, 0.0, ())
        qualified = _qualifier(text) if qualify and not features else None
        if qualified is not None:
            return self._qualified(query, text, qualified, codes, near, home, limit, fuzzy, scan)
        bare, kinds = _feature_word(text)
        if bare and not features:  # "Idlib city", "Idlib province", "مدينة إدلب"
            whole = self._geocode(text, codes, near, frozenset(kinds), home, limit, False, False)
            if whole.place is not None and whole.score >= 0.97:
                return Match(query, whole.place, whole.score, whole.candidates)
            match = self._geocode(bare, codes, near, kinds, home, limit, fuzzy, scan)
            if match.place is not None:
                return Match(query, match.place, match.score, match.candidates)
        scores: dict[int, tuple[float, str]] = {}
        implied: frozenset[str] = frozenset()

        def offer(positions: Iterable[int], score: float, how: str) -> None:
            for position in positions:
                if features and self._entries[position].place.feature not in features:
                    continue
                if position not in scores or scores[position][0] < score:
                    scores[position] = (score, how)

        if is_arabic(text):
            key = fold_arabic(text)
            offer(self._exact_positions(key), 1.0, "arabic")
            if not scores and fuzzy and len(key) >= 3:
                stripped = self._strip_arabic_prefix(key)
                if stripped:
                    offer(self._exact_positions(stripped), 0.9, "arabic")
            if not scores and fuzzy and len(key.replace(" ", "")) >= 4:
                skel = skeleton(romanise_arabic(text))
                offer(self._arabic_skeletons.get(skel, ()), 0.8, "arabic-skeleton")
            if not scores and fuzzy and scan and len(key.replace(" ", "")) >= 4:
                from rapidfuzz import fuzz, process  # slow to import: on first fuzzy look-up

                for found, ratio, _ in process.extract(
                    key, self._fuzzy_arabic, scorer=fuzz.ratio, score_cutoff=85, limit=10
                ):
                    offer(self._arabic[found], 0.9 * ratio / 100, "fuzzy")
        else:
            key = fold_name(text)
            if len(key) < 2:
                return Match(query, None, 0.0, ())
            for position in self._exact_positions(key):
                own = self._entries[position].keys[:1] == (key,)
                offer((position,), 1.0 if own else 0.97, "exact" if own else "alternate")
            tkey = translit_key(key)
            if len(tkey) >= 3:
                offer(self._translit_positions(tkey), 0.92, "translit")
            best = max(
                (
                    s
                    for position, (s, _) in scores.items()
                    if not home or self._entries[position].place.country in home
                ),
                default=0.0,
            )
            if fuzzy and best < 0.9 and len(tkey) >= 4:
                self._loose(tkey, offer, scan)
                if not home:
                    implied = self._implied_countries(key if " " in key else "", codes)
            if codes and not home and not implied:
                implied = self._implied_countries("", codes)
        return self._rank(query, scores, codes, near, home, limit, fuzzy and scan, implied)

    def _implied_countries(self, key: str, codes: tuple[str, ...] = ()) -> frozenset[str]:
        """The countries the words of a name point to by themselves (``gaza beach`` -> PS,
        and MZ for its Gaza province) and those of the context's admin units (``SY07`` -> SY);
        a fuzzy match elsewhere is a namesake abroad."""
        found: set[str] = set()
        for code in codes:
            if code.startswith("name:"):
                for position in self._exact_positions(code[5:]):
                    place = self._entries[position].place
                    if place.feature == "governorate" and place.country:
                        found.add(place.country)
            elif code[:2].isalpha():
                found.add(code[:2].upper())
        for word in key.split():
            if len(word) >= 4:
                for position in self._exact_positions(word):
                    place = self._entries[position].place
                    if place.country and place.feature in _IMPLYING:
                        found.add(place.country)
        return frozenset(found)

    def _qualified(
        self,
        query: str,
        text: str,
        qualified: tuple[str, str],
        codes: tuple[str, ...],
        near: Sequence[tuple[float, float]],
        home: tuple[str, ...],
        limit: int,
        fuzzy: bool,
        scan: bool,
    ) -> Match:
        """A qualified name: a place's own whole name ("North Darfur") if there is one, else
        the admin unit or area the rest names ("northern Gaza": the Gaza Strip), else the place
        it names, marked as a part of it or near it; never a fuzzy namesake of the whole."""
        kind, bare = qualified
        whole = self._geocode(text, codes, near, frozenset(), home, limit, False, False, False)
        if whole.place is not None and whole.score >= 0.97:
            return whole
        base = self._geocode(bare, codes, near, frozenset(), home, limit, fuzzy, scan)
        if kind == "part" and (base.place is None or base.place.feature not in _REGION_FEATURES):
            # the admin unit of the place's own country: the Gaza Strip, not Gaza in Mozambique
            where = home or ((base.place.country,) if base.place and base.place.country else ())
            region = self._geocode(bare, codes, near, _REGION_FEATURES, where, limit, False, False)
            if region.place is not None and (
                base.place is None or region.place.country == base.place.country
            ):
                return Match(query, region.place, region.score, region.candidates, kind)
        return Match(query, base.place, base.score, base.candidates, kind)

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
        from rapidfuzz import fuzz, process  # slow to import: on first fuzzy look-up
        from rapidfuzz.distance import Levenshtein

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
            prior += 0.06 * min(1.0, math.log10(place.population + 1) / 7)
        if place.geonameid is not None:
            prior += 0.005
        return prior

    def _rank(
        self,
        query: str,
        scores: dict[int, tuple[float, str]],
        codes: tuple[str, ...],
        near: Sequence[tuple[float, float]],
        home: tuple[str, ...],
        limit: int,
        fuzzy: bool,
        implied: frozenset[str] = frozenset(),
    ) -> Match:
        ranked: list[Candidate] = []
        populated = [
            self._entries[p] for p in scores if self._entries[p].place.feature not in _ADMIN_LEVEL
        ]
        for position, (score, how) in scores.items():
            entry = self._entries[position]
            place = entry.place
            if home and place.country and place.country not in home:
                score, how = score * FOREIGN, how + " abroad"
            elif implied and place.country not in implied and how in _LOOSE:
                score, how = score * FOREIGN, how + " abroad"
            elif implied and place.country not in implied and how == "translit":
                # a spelling of a namesake outside the context's country: kept, for review
                score, how = min(score, NAMESAKE), how + " abroad"
            rank = score + self._prior(place)
            if how == "translit abroad" and implied:
                rank -= 0.1  # below the same spelling of a place in the context's country
            if place.feature == "country" and how not in ("exact", "alternate"):
                rank -= _FEATURE_PRIOR["country"]  # "Qaboun" is no spelling of Gabon
            if home and place.country in home:
                rank += 0.1
            if place.id.startswith("user:"):
                rank += 0.2  # a place a user added means what that user's reports mean
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
        from rapidfuzz import fuzz, process

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
