"""Gazetteer entries and their compact file form (gzipped TSV with precomputed keys).

The same form holds the packaged Syria gazetteer and every file a user imports, so that
loading is one pass over text with no folding unless the key functions changed since.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from harmwatch.geo._fold import (
    FOLD_VERSION,
    _strip_marks,
    fold_arabic,
    fold_name,
    is_arabic,
    mixes_scripts,
    romanise_arabic,
    skeleton,
    translit_key,
)
from harmwatch.model import Place

__all__ = ["Entry", "read_entries", "write_entries"]

MAGIC = "#harmwatch-gazetteer"
COLUMNS = (
    "id",
    "name",
    "name_ar",
    "feature",
    "lat",
    "lon",
    "population",
    "geonameid",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "admin1_pcode",
    "admin2_pcode",
    "admin3_pcode",
    "names",
    "keys",
    "translit",
    "skeletons",
    "arabic",
    "arabic_skeletons",
)
_PAREN = re.compile(r"\s*\([^)]*\)")
_LATIN_OK = re.compile(r"^[A-Za-z0-9 \-'.,&]+$")
_CLEAN = str.maketrans({"\t": " ", "\n": " ", "\r": " ", "|": " "})


def _useful_name(name: str, all_scripts: bool) -> bool:
    """Latin or Arabic names (any script if asked); GeoNames' all-lowercase romanisations of
    other scripts ("dmshq") are left out."""
    if mixes_scripts(name):  # a broken romanisation: "alhdydہ"
        return False
    if is_arabic(name):
        return True
    if all_scripts and not name.isascii():
        return True
    plain = _strip_marks(name)
    return bool(_LATIN_OK.match(plain)) and not plain.islower()


def _variants(name: str) -> Iterator[str]:
    for part in name.split("/"):
        part = part.strip()
        if part:
            yield part
            bare = _PAREN.sub("", part).strip()
            if bare and bare != part:
                yield bare


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry: the place and every key its names fold to."""

    place: Place
    names: tuple[str, ...]
    keys: tuple[str, ...]
    translit: tuple[str, ...]
    skeletons: tuple[str, ...]
    arabic: tuple[str, ...]
    arabic_skeletons: tuple[str, ...]

    @classmethod
    def build(
        cls, *, names: Iterable[str] = (), all_scripts: bool = False, **fields: object
    ) -> Entry:
        """An entry from Place fields and alternate names, its keys computed.

        Names in scripts other than Latin and Arabic are kept only with ``all_scripts``.
        """
        place = Place(**fields)  # type: ignore[arg-type]
        kept: list[str] = []
        for name in names:
            name = name.translate(_CLEAN).strip()
            if name and name not in kept and name != place.name and _useful_name(name, all_scripts):
                kept.append(name)
        return cls.with_keys(place, tuple(kept))

    @classmethod
    def with_keys(cls, place: Place, names: tuple[str, ...]) -> Entry:
        keys: dict[str, None] = {}
        translit: dict[str, None] = {}
        skeletons: dict[str, None] = {}
        arabic: dict[str, None] = {}
        arabic_skeletons: dict[str, None] = {}
        every = [place.name, *([place.name_ar] if place.name_ar else []), *names]
        for full in every:
            for name in _variants(full):
                if is_arabic(name):
                    key = fold_arabic(name)
                    if key:
                        arabic[key] = None
                        arabic_skeletons[skeleton(romanise_arabic(name))] = None
                    continue
                key = fold_name(name)
                if len(key) < 2:
                    continue
                keys[key] = None
                t = translit_key(key)
                translit[t] = None
                skeletons[skeleton(t)] = None
        return cls(
            place=place,
            names=names,
            keys=tuple(keys),
            translit=tuple(translit),
            skeletons=tuple(s for s in skeletons if s),
            arabic=tuple(arabic),
            arabic_skeletons=tuple(s for s in arabic_skeletons if s),
        )


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".")
    return str(value).translate(_CLEAN)


def write_entries(path: Path, entries: Iterable[Entry]) -> None:
    """Write entries in the compact form (deterministic bytes for the same entries)."""
    lines = [f"{MAGIC}\tfold_version={FOLD_VERSION}", "\t".join(COLUMNS)]
    for entry in entries:
        p = entry.place
        row = [
            p.id,
            p.name,
            p.name_ar,
            p.feature,
            p.lat,
            p.lon,
            p.population,
            p.geonameid,
            p.country,
            p.admin1,
            p.admin2,
            p.admin3,
            p.admin1_pcode,
            p.admin2_pcode,
            p.admin3_pcode,
        ]
        cells = [_text(v) for v in row]
        cells += ["|".join(x.translate(_CLEAN) for x in entry.names)]
        cells += [
            "|".join(group)
            for group in (
                entry.keys,
                entry.translit,
                entry.skeletons,
                entry.arabic,
                entry.arabic_skeletons,
            )
        ]
        lines.append("\t".join(cells))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(data)


def read_entries(path: Path) -> list[Entry]:
    """Read a file written by ``write_entries``; keys are recomputed if folding changed."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    if not lines or not lines[0].startswith(MAGIC):
        raise ValueError(f"{path} is not a harmwatch gazetteer file")
    fresh = lines[0].split("\t")[-1] == f"fold_version={FOLD_VERSION}"
    entries = []
    for line in lines[2:]:
        if not line:
            continue
        c = line.split("\t")
        place = Place(
            id=c[0],
            name=c[1],
            name_ar=c[2] or None,
            feature=c[3],
            lat=float(c[4]),
            lon=float(c[5]),
            population=int(c[6]) if c[6] else None,
            geonameid=int(c[7]) if c[7] else None,
            country=c[8] or None,
            admin1=c[9] or None,
            admin2=c[10] or None,
            admin3=c[11] or None,
            admin1_pcode=c[12] or None,
            admin2_pcode=c[13] or None,
            admin3_pcode=c[14] or None,
        )
        names = tuple(c[15].split("|")) if c[15] else ()
        if fresh:  # (the cells split here, inline: every place, at each start-up)
            entries.append(
                Entry(place, names, *[tuple(x.split("|")) if x else () for x in c[16:21]])
            )
        else:
            entries.append(Entry.with_keys(place, names))
    return entries
