"""Reading place files a user adds: GeoNames country dumps and simple CSVs of places."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

from harmwatch.errors import InputError
from harmwatch.geo._store import MAGIC, Entry, read_entries, write_entries
from harmwatch.model import AddedPlace

__all__ = ["import_places", "origin_of", "read_added_places", "read_places"]

_GEONAMES_COLUMNS = 19
_GEONAMES_CLASSES = frozenset("PA")
_ADMIN_CODES = {"ADM1": "governorate", "ADM2": "district", "ADM3": "subdistrict"}
_CITY_CODES = frozenset(("PPLC", "PPLA"))
_CSV_ALIASES = {
    "latitude": "lat",
    "longitude": "lon",
    "lng": "lon",
    "alternate_names": "names",
    "alternatenames": "names",
    "alternates": "names",
    "arabic": "name_ar",
    "type": "feature",
}


def _feature(code: str, population: int) -> str:
    if code in _ADMIN_CODES:
        return _ADMIN_CODES[code]
    if code in _CITY_CODES or population >= 50_000:
        return "city"
    if code.startswith("PPL"):
        return "town" if population >= 5_000 else "village"
    return "village" if code.startswith("PPL") else "site"


def _number(text: str, where: str, what: str, low: float, high: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InputError(f"{where}: {what} {text!r} is not a number") from None
    if not low <= value <= high:
        raise InputError(f"{where}: {what} {value} is outside {low}..{high}")
    return value


def _read_geonames(path: Path, text: str) -> list[Entry]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != _GEONAMES_COLUMNS:
            raise InputError(
                f"{path}: row {number}: {len(cells)} tab-separated columns; "
                f"a GeoNames dump has {_GEONAMES_COLUMNS}"
            )
        rows.append((number, cells))
    admin1: dict[tuple[str, str], str] = {}
    admin2: dict[tuple[str, str, str], str] = {}
    for _, c in rows:
        if c[7] == "ADM1":
            admin1[(c[8], c[10])] = c[1]
        elif c[7] == "ADM2":
            admin2[(c[8], c[10], c[11])] = c[1]
    entries = []
    for number, c in rows:
        if c[6] not in _GEONAMES_CLASSES:
            continue
        where = f"{path}: row {number}"
        if not c[0].isdigit():
            raise InputError(f"{where}: geonameid {c[0]!r} is not a number")
        population = int(c[14]) if c[14].isdigit() else 0
        names = [n for n in c[3].split(",") if n]
        name_ar = next((n for n in names if re.search(r"[\u0600-\u06ff]", n)), None)
        entries.append(
            Entry.build(
                id=f"geonames:{c[0]}",
                name=c[1] or c[2],
                name_ar=name_ar,
                feature=_feature(c[7], population),
                lat=_number(c[4], where, "latitude", -90, 90),
                lon=_number(c[5], where, "longitude", -180, 180),
                population=population or None,
                geonameid=int(c[0]),
                country=c[8] or None,
                admin1=admin1.get((c[8], c[10])),
                admin2=admin2.get((c[8], c[10], c[11])),
                names=[c[2], *names],
                all_scripts=True,
            )
        )
    return entries


def _slug(text: str) -> str:
    from harmwatch.geo._fold import fold_name

    return re.sub(r"[^a-z0-9\u0621-\u064a]+", "-", fold_name(text)).strip("-") or "place"


def _read_csv(path: Path, text: str) -> list[Entry]:
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise InputError(f"{path}: empty file")
    fields = {f: _CSV_ALIASES.get(f.strip().lower(), f.strip().lower()) for f in reader.fieldnames}
    missing = {"name", "lat", "lon"} - set(fields.values())
    if missing:
        raise InputError(
            f"{path}: row 1: missing column(s) {', '.join(sorted(missing))}; "
            "a places CSV needs name, lat, lon (and may have admin1, admin2, feature, "
            "name_ar, alternate_names, population, country, id)"
        )
    entries = []
    seen: set[str] = set()
    for number, raw in enumerate(reader, start=2):
        row = {fields[k]: (v or "").strip() for k, v in raw.items() if k is not None}
        where = f"{path}: row {number}"
        if not row.get("name"):
            raise InputError(f"{where}: name is empty")
        lat = _number(row.get("lat", ""), where, "latitude", -90, 90)
        lon = _number(row.get("lon", ""), where, "longitude", -180, 180)
        base = row.get("id") or _slug(row["name"])
        place_id = base if ":" in base else f"user:{base}"
        if place_id in seen:
            suffix = 2
            while f"{place_id}-{suffix}" in seen:
                suffix += 1
            place_id = f"{place_id}-{suffix}"
        seen.add(place_id)
        population = row.get("population", "")
        geonameid = row.get("geonameid", "")
        entries.append(
            Entry.build(
                id=place_id,
                name=row["name"],
                name_ar=row.get("name_ar") or None,
                feature=(row.get("feature") or "village").lower(),
                lat=lat,
                lon=lon,
                population=int(population) if population.isdigit() else None,
                geonameid=int(geonameid) if geonameid.isdigit() else None,
                country=row.get("country") or None,
                admin1=row.get("admin1") or None,
                admin2=row.get("admin2") or None,
                admin3=row.get("admin3") or None,
                names=re.split(r"[|;]", row.get("names", "")),
                all_scripts=True,
            )
        )
    return entries


def _unzip(path: Path, raw: bytes) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = [
                m
                for m in archive.infolist()
                if m.filename.endswith((".txt", ".csv", ".tsv")) and "readme" not in m.filename
            ]
            if not members:
                raise InputError(f"{path}: the zip file holds no .txt or .csv file of places")
            return archive.read(max(members, key=lambda m: m.file_size))
    except zipfile.BadZipFile:
        raise InputError(f"{path}: damaged zip file") from None


def read_places(path: Path) -> list[Entry]:
    """Places from a GeoNames dump (19 tab-separated columns) or a CSV with a header row.

    Raises InputError naming the file and row for anything it cannot use.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    if raw[:4] == b"PK\x03\x04":  # GeoNames ships country dumps zipped (YE.zip -> YE.txt)
        raw = _unzip(path, raw)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first:
        raise InputError(f"{path}: empty file")
    if first.count("\t") == _GEONAMES_COLUMNS - 1 and first.split("\t")[0].isdigit():
        return _read_geonames(path, text)
    return _read_csv(path, text)


def origin_of(path: Path) -> str:
    """The name an import of this file is stored under: its name without extensions."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", Path(path).name.split(".")[0]) or "places"


def read_added_places(path: Path, *, origin: str | None = None) -> list[AddedPlace]:
    """The places of a file as a store keeps them: a GeoNames dump, a CSV of places, or a
    data folder's compact file (``places/*.tsv.gz``, written by ``import_places``).

    ``origin`` (default ``origin_of(path)``) names the import. Raises InputError naming the
    file and row for anything it cannot use, or when the file holds no place.
    """
    path = Path(path)
    if path.name.endswith(".tsv.gz"):
        try:
            entries = read_entries(path)
        except (OSError, ValueError, EOFError) as error:
            raise InputError(f"{path}: not a {MAGIC} file ({error})") from None
    else:
        entries = read_places(path)
    if not entries:
        raise InputError(f"{path}: no populated places or admin units in the file")
    name = origin or origin_of(path)
    return [AddedPlace(place=e.place, names=e.names, origin=name) for e in entries]


def import_places(path: Path, data_dir: Path) -> tuple[Path, int]:
    """Read a places file and store it in ``data_dir/places`` for ``Gazetteer.load``.

    Importing a file with the same name again replaces the earlier import.
    Returns the stored file and the number of places.
    """
    entries = read_places(path)
    if not entries:
        raise InputError(f"{path}: no populated places or admin units in the file")
    target = Path(data_dir) / "places" / f"{origin_of(path)}.tsv.gz"
    write_entries(target, entries)
    return target, len(entries)
