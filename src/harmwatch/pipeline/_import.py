"""Importing a table file: the file stored byte for byte, one report per good row, then linked.

with Store.open(url) as store:
    result = import_table(store, Path("acled.csv"), gazetteer=Gazetteer.load())
    print(result.status, len(result.table.reports), result.table.skipped)
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from harmwatch import ingest as ingest_stage
from harmwatch.errors import InputError
from harmwatch.geo import Gazetteer
from harmwatch.ingest import ColumnMap, PlaceLookup, TableImport
from harmwatch.model import Place
from harmwatch.pipeline._ingest import AfterIngest
from harmwatch.store import Store

__all__ = ["TABLE_SUFFIXES", "ImportResult", "gazetteer_lookup", "import_table", "table_type"]

TABLE_SUFFIXES = {".csv": ingest_stage.CSV, ".tsv": ingest_stage.CSV, ".xlsx": ingest_stage.XLSX}
"""File suffixes ``harmwatch import`` reads, and the media type each is read as."""

ImportStatus = Literal["imported", "already imported"]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What one import did: ``added`` reports stored now (0 when the file was imported before)."""

    status: ImportStatus
    table: TableImport
    added: int


def table_type(path: Path) -> str:
    """The media type of a table file from its suffix; InputError for any other file."""
    media_type = TABLE_SUFFIXES.get(path.suffix.lower())
    if media_type is None:
        raise InputError(
            f"{path}: cannot import {path.suffix or 'files without a suffix'}; harmwatch imports "
            + ", ".join(sorted(TABLE_SUFFIXES))
            + " tables (reports go through harmwatch ingest)"
        )
    return media_type


def import_table(
    store: Store,
    path: Path,
    *,
    format: str | None = None,
    column_map: ColumnMap | None = None,
    source_name: str | None = None,
    unknown: Literal["keep", "reject"] = "keep",
    gazetteer: Gazetteer | None = None,
    max_bytes: int = ingest_stage.DEFAULT_MAX_BYTES * 10,
    actor: str = "harmwatch import",
    after: Sequence[AfterIngest] = (),
) -> ImportResult:
    """Read a CSV or XLSX table and store it: the file as a document, its rows as reports.

    Importing the same bytes again changes nothing (documents are keyed by their sha256 and
    reports by ``<sha256>:row<N>``); an import that was cut short is completed. ``after`` steps
    (linking) run with the document's sha256 when reports were added.

    Raises:
        InputError: the file cannot be read as a table (row problems are in the result).
    """
    media_type = table_type(path)
    raw = ingest_stage.read_raw(path, max_bytes=max_bytes)
    table = ingest_stage.read_table(
        raw,
        source=str(path),
        media_type=media_type,
        format=format,
        column_map=column_map,
        source_name=source_name,
        unknown=unknown,
        lookup=gazetteer_lookup(gazetteer) if gazetteer is not None else None,
    )
    document = dataclasses.replace(table.document, source=path.absolute().as_uri())
    table = dataclasses.replace(table, document=document)
    sha256 = document.sha256
    if store.has_document(sha256) and store.reports_for(sha256):
        return ImportResult("already imported", table, 0)
    store.add_document(table.document, None, actor=actor)
    added = store.add_reports(table.reports, assembler=f"import:{table.format}", actor=actor)
    if added:
        for step in after:
            step(store, [sha256])
    return ImportResult("imported", table, added)


# --- finding the place of a row without coordinates -----------------------------------------------

# Names and ISO codes of the countries whose rows a gazetteer may hold; a row from a country
# the gazetteer does not cover is left unplaced rather than matched to a namesake elsewhere.
_COUNTRIES: dict[str, tuple[str, ...]] = {
    "AF": ("afghanistan", "afg"),
    "BF": ("burkina faso", "bfa"),
    "CD": ("democratic republic of congo", "dr congo", "drc", "cod"),
    "CF": ("central african republic", "car", "caf"),
    "CM": ("cameroon", "cmr"),
    "CO": ("colombia", "col"),
    "ET": ("ethiopia", "eth"),
    "IL": ("israel", "isr"),
    "IQ": ("iraq", "irq"),
    "IR": ("iran", "irn"),
    "LB": ("lebanon", "lbn"),
    "LY": ("libya", "lby"),
    "ML": ("mali", "mli"),
    "MM": ("myanmar", "burma", "mmr"),
    "MX": ("mexico", "mex"),
    "MZ": ("mozambique", "moz"),
    "NE": ("niger", "ner"),
    "NG": ("nigeria", "nga"),
    "PK": ("pakistan", "pak"),
    "PS": ("palestine", "opt", "occupied palestinian territory", "pse", "gaza strip"),
    "SD": ("sudan", "sdn"),
    "SO": ("somalia", "som"),
    "SS": ("south sudan", "ssd"),
    "SY": ("syria", "syrian arab republic", "syr"),
    "TR": ("turkey", "türkiye", "turkiye", "tur"),
    "UA": ("ukraine", "ukr"),
    "YE": ("yemen", "yem"),
}
_NEAR_KM = 15.0  # a named place this close to a row's point is taken to be the place it names
_ISO2 = {name: code for code, names in _COUNTRIES.items() for name in (*names, code.lower())}


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def gazetteer_lookup(gazetteer: Gazetteer) -> PlaceLookup:
    """Find a row's place by its names, most precise first (location, then sub-district,
    district, governorate), inside the row's governorate when it names one; a row from a
    country the gazetteer does not cover is not placed."""
    covered = gazetteer.countries

    def lookup(
        *,
        location: str | None,
        admin3: str | None,
        admin2: str | None,
        admin1: str | None,
        country: str | None,
        lat: float | None = None,
        lon: float | None = None,
    ) -> tuple[Place, int] | None:
        if country is not None and _ISO2.get(country.strip().casefold()) not in covered:
            return None
        governorate = None
        if admin1:
            match = gazetteer.geocode(admin1, features=("governorate",), fuzzy=True, scan=False)
            if match.place is None or match.score < 0.8:
                return None  # a governorate the gazetteer does not know: better no place
            governorate = match.place
        context = [name for name in (admin1, admin2) if name]
        near = [(lat, lon)] if lat is not None and lon is not None else []
        for name, precision in ((location, 1), (admin3, 2), (admin2, 2)):
            if not name:
                continue
            match = gazetteer.geocode(name, context=context, near=near, fuzzy=True, scan=False)
            place = match.place
            if place is None or match.score < 0.9:
                continue
            if governorate is not None and place.admin1_pcode != governorate.admin1_pcode:
                continue
            if near and _distance_km(place.lat, place.lon, *near[0]) > _NEAR_KM:
                continue  # a namesake elsewhere: not where the row's point is
            return place, precision
        return (governorate, 3) if governorate is not None else None

    return lookup
