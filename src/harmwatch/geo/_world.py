"""The world's populated places (GeoNames cities500), looked up on demand in a packaged file.

Syria is loaded into memory (``gazetteer.tsv.gz``); every other country, its first-level admin
units and its 230,000 towns and villages stay in ``world.bin`` and are read one small block at a
time, so that loading stays fast and memory small. Keys are the same folded forms ``_fold``
computes for the in-memory part.

``world.bin`` is a JSON header and zlib-compressed blocks of sorted text lines:

- name blocks: ``<key>\t<rows>``, a name's folded key and the places that bear it (row numbers
  in a fixed width of base-64 digits, ``*`` after a place's own name);
- transliteration blocks: ``<translit key>\t<rows>``;
- place blocks: ``_PLACES_PER_BLOCK`` place rows each, sorted by row key (the geonameid, negative
  for admin units and areas GeoNames gives none); row ``n`` is line ``n % _PLACES_PER_BLOCK``
  of block ``n // _PLACES_PER_BLOCK``.

The header holds each block's first key, so a lookup bisects to one block of about 16 kB,
decompresses it once (it is kept for the next lookups) and finds the line with ``str.find``;
"is this the start of a longer name" is the same search for ``key + " "``. Answers are cached.
"""

from __future__ import annotations

import json
import mmap
import struct
import threading
import zlib
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from harmwatch.geo._fold import FOLD_VERSION, fold_arabic, fold_name, is_arabic, translit_key

__all__ = ["WorldIndex", "WorldPlace", "write_world_index"]

_MAGIC = b"HWWORLD3"
_BLOCK_BYTES = 16_000  # raw text per name or transliteration block, about
_PLACES_PER_BLOCK = 256
_FEATURES = {
    "c": "city",
    "t": "town",
    "v": "village",
    "g": "governorate",
    "k": "country",
    "r": "region",
    "n": "neighbourhood",
    "m": "camp",
}
_FEATURE_LETTERS = {name: letter for letter, name in _FEATURES.items()}
_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
_VALUE = {c: i for i, c in enumerate(_DIGITS)}
_MAX_VALUES = 200_000  # cached answers
_MAX_BLOCKS = 2_048  # decompressed blocks kept (about 30 MB at most)


@dataclass(frozen=True, slots=True)
class WorldPlace:
    """One place of the world index: a GeoNames cities500 row (names filtered), or a country,
    admin unit or area, whose ``ref`` is its gazetteer id and ``geonameid`` a negative row key
    when GeoNames gives it none."""

    geonameid: int
    name: str
    name_ar: str | None
    feature: str
    lat: float
    lon: float
    population: int | None
    country: str
    admin1_code: str | None
    ref: str | None = None
    names: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """The gazetteer id: ``ref``, else ``geonames:<geonameid>``."""
        return self.ref or f"geonames:{self.geonameid}"


def _usable(key: str) -> bool:
    return len(key.replace(" ", "")) >= 2 and "\t" not in key and "\n" not in key


def _encode(row: int, width: int) -> str:
    digits = []
    for _ in range(width):
        row, digit = divmod(row, 64)
        digits.append(_DIGITS[digit])
    return "".join(reversed(digits))


def _decode(text: str) -> int:
    value = 0
    for char in text:
        value = value * 64 + _VALUE[char]
    return value


def _keyspaces(rows: list[WorldPlace], width: int) -> tuple[list[str], list[str]]:
    """The sorted lines of the name and the transliteration keyspace."""
    names: dict[str, dict[str, None]] = {}
    translit: dict[str, dict[str, None]] = {}
    for number, place in enumerate(rows):
        row = _encode(number, width)
        own = ""
        for index, name in enumerate((place.name, *place.names)):
            arabic = is_arabic(name)
            key = fold_arabic(name) if arabic else fold_name(name)
            if not _usable(key):
                continue
            if index == 0:
                own = key
            names.setdefault(key, {})[row + ("*" if key == own else "")] = None
            if not arabic:
                tkey = translit_key(key)
                if len(tkey) >= 3 and _usable(tkey):
                    translit.setdefault(tkey, {})[row] = None

    def lines(space: dict[str, dict[str, None]]) -> list[str]:
        out = []
        for key in sorted(space):
            values = list(space[key])
            marked = {v[:-1] for v in values if v.endswith("*")}
            kept = [v for v in values if v.endswith("*") or v not in marked]
            out.append(key + "\t" + "".join(kept))
        return out

    return lines(names), lines(translit)


def _place_line(place: WorldPlace) -> str:
    cells = (
        str(place.geonameid),
        place.name,
        place.name_ar or "",
        _FEATURE_LETTERS[place.feature],
        f"{place.lat:.5f}".rstrip("0").rstrip("."),
        f"{place.lon:.5f}".rstrip("0").rstrip("."),
        str(place.population or ""),
        place.country,
        place.admin1_code or "",
        place.ref or "",
    )
    return "\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells)


def _chunks(lines: list[str]) -> tuple[list[str], list[bytes]]:
    """Blocks of about ``_BLOCK_BYTES``: each block's first key and its compressed text."""
    firsts: list[str] = []
    blocks: list[bytes] = []
    current: list[str] = []
    size = 0
    for line in [*lines, None]:
        if line is None or (size >= _BLOCK_BYTES and current):
            firsts.append(current[0].split("\t", 1)[0])
            text = "\n" + "\n".join(current) + "\n"
            blocks.append(zlib.compress(text.encode("utf-8"), 9))
            current, size = [], 0
        if line is not None:
            current.append(line)
            size += len(line) + 1
    return firsts, blocks


def write_world_index(
    path: Path, places: Iterable[WorldPlace], admin1: Iterable[tuple[str, str]]
) -> None:
    """Write the world index (the same bytes for the same places); ``admin1`` pairs each
    first-level admin code with its name."""
    rows = sorted(places, key=lambda p: p.geonameid)
    width = 1
    while 64**width < len(rows):
        width += 1
    name_lines, translit_lines = _keyspaces(rows, width)
    name_firsts, name_blocks = _chunks(name_lines)
    translit_firsts, translit_blocks = _chunks(translit_lines)
    place_firsts: list[int] = []
    place_blocks: list[bytes] = []
    for start in range(0, len(rows), _PLACES_PER_BLOCK):
        chunk = rows[start : start + _PLACES_PER_BLOCK]
        place_firsts.append(chunk[0].geonameid)
        text = "\n".join(_place_line(p) for p in chunk)
        place_blocks.append(zlib.compress(text.encode("utf-8"), 9))
    blocks = [*name_blocks, *translit_blocks, *place_blocks]
    offsets = [0]
    for block in blocks:
        offsets.append(offsets[-1] + len(block))
    header = json.dumps(
        {
            "fold_version": FOLD_VERSION,
            "width": width,
            "names": name_firsts,
            "translit": translit_firsts,
            "places": place_firsts,
            "offsets": offsets,
            "refs": {p.ref: n for n, p in enumerate(rows) if p.ref},
            "admin1": dict(sorted(set(admin1))),
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    ).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        out.write(_MAGIC + struct.pack("<I", len(header)) + header)
        for block in blocks:
            out.write(block)


class _Keyspace:
    """One sorted keyspace of the index: its blocks' first keys and where the blocks start."""

    def __init__(self, firsts: list[str], base: int) -> None:
        self.firsts = firsts
        self.base = base  # the number of the keyspace's first block


class WorldIndex:
    """Read-only lookups in ``world.bin``: names and transliteration keys to places."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        with self.path.open("rb") as handle:
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        if self._map[:8] != _MAGIC:
            raise ValueError(f"{self.path} is not a harmwatch world index")
        (size,) = struct.unpack("<I", self._map[8:12])
        header = json.loads(self._map[12 : 12 + size].decode("utf-8"))
        self.fresh = header["fold_version"] == FOLD_VERSION
        self.admin1_names: dict[str, str] = header["admin1"]
        self.countries = frozenset(code.split(".", 1)[0] for code in self.admin1_names)
        self._width: int = header["width"]
        self._names = _Keyspace(header["names"], 0)
        self._translit = _Keyspace(header["translit"], len(header["names"]))
        self._place_base = len(header["names"]) + len(header["translit"])
        self._place_firsts: list[int] = header["places"]
        self._refs: dict[str, int] = header["refs"]
        self._offsets: list[int] = header["offsets"]
        self._data = 12 + size
        self._lock = threading.Lock()
        self._values: dict[tuple[int, str], str | None] = {}
        self._blocks: dict[int, str] = {}
        self._place_blocks: dict[int, list[str]] = {}

    def __repr__(self) -> str:
        return f"<WorldIndex {self.path.name}>"

    def _raw(self, number: int) -> str:
        start = self._data + self._offsets[number]
        end = self._data + self._offsets[number + 1]
        return zlib.decompress(self._map[start:end]).decode("utf-8")

    def _block(self, number: int) -> str:
        text = self._blocks.get(number)
        if text is None:
            text = self._raw(number)
            with self._lock:
                if len(self._blocks) >= _MAX_BLOCKS:
                    del self._blocks[next(iter(self._blocks))]
                self._blocks[number] = text
        return text

    def _lookup(self, space: _Keyspace, key: str) -> str | None:
        """The rows of ``key`` in a keyspace, None if it is not there."""
        cache = (space.base, key)
        if cache in self._values:
            return self._values[cache]
        index = bisect_right(space.firsts, key) - 1
        value = None
        if index >= 0:
            block = self._block(space.base + index)
            at = block.find("\n" + key + "\t")
            if at >= 0:
                begin = at + len(key) + 2
                value = block[begin : block.index("\n", begin)]
        if len(self._values) >= _MAX_VALUES:
            self._values.clear()
        self._values[cache] = value
        return value

    def _starts(self, space: _Keyspace, head: str) -> bool:
        """Whether some key of a keyspace starts with ``head``."""
        cache = (-1 - space.base, head)
        found = self._values.get(cache)
        if found is None:
            index = max(0, bisect_right(space.firsts, head) - 1)
            hit = ("\n" + head) in self._block(space.base + index)
            if not hit and index + 1 < len(space.firsts):
                hit = space.firsts[index + 1].startswith(head)
            found = "1" if hit else ""
            if len(self._values) >= _MAX_VALUES:
                self._values.clear()
            self._values[cache] = found
        return found == "1"

    def _rows(self, value: str) -> list[tuple[int, int]]:
        width = self._width
        out = []
        at = 0
        while at < len(value):
            row = _decode(value[at : at + width])
            at += width
            own = at < len(value) and value[at] == "*"
            at += own
            out.append((row, int(own)))
        return out

    def exact(self, key: str) -> list[tuple[int, int]]:
        """(row, 1 if the key is the place's own name else 0) of places with this key."""
        value = self._lookup(self._names, key)
        return self._rows(value) if value else []

    def translit(self, key: str) -> list[int]:
        """Rows of places with this ``translit_key``."""
        value = self._lookup(self._translit, key)
        return [row for row, _ in self._rows(value)] if value else []

    def is_prefix(self, key: str) -> bool:
        """Whether some name's key is this key followed by more words."""
        return self._starts(self._names, key + " ")

    def translit_head(self, head: str) -> bool:
        """Whether some ``translit_key`` starts with these letters."""
        return self._starts(self._translit, head)

    def _place_block(self, number: int) -> list[str]:
        """The lines of one place block."""
        found = self._place_blocks.get(number)
        if found is None:
            found = self._raw(self._place_base + number).split("\n")
            with self._lock:
                if len(self._place_blocks) >= _MAX_BLOCKS:
                    del self._place_blocks[next(iter(self._place_blocks))]
                self._place_blocks[number] = found
        return found

    def by_ref(self, ref: str) -> WorldPlace | None:
        """The place with this gazetteer id (``geonames:706483``, ``admin1:UA.07``), if any."""
        head, _, tail = ref.partition(":")
        if ref in self._refs:
            return self.places([self._refs[ref]])[0][1]
        if head != "geonames" or not tail.isdigit():
            return None
        gid = int(tail)
        number = bisect_right(self._place_firsts, gid) - 1
        if number < 0:
            return None
        head = f"{gid}\t"
        for line in self._place_block(number):
            if line.startswith(head):
                return _place(line)
        return None

    def places(self, rows: Iterable[int]) -> list[tuple[int, WorldPlace]]:
        """(row, place) of these rows."""
        found = []
        for row in sorted(set(rows)):
            number, at = divmod(row, _PLACES_PER_BLOCK)
            found.append((row, _place(self._place_block(number)[at])))
        return found


def _place(line: str) -> WorldPlace:
    gid, name, name_ar, feature, lat, lon, population, country, admin1, ref = line.split("\t")
    return WorldPlace(
        geonameid=int(gid),
        name=name,
        name_ar=name_ar or None,
        feature=_FEATURES[feature],
        lat=float(lat),
        lon=float(lon),
        population=int(population) if population else None,
        country=country,
        admin1_code=admin1 or None,
        ref=ref or None,
    )
