"""geo stage: the offline gazetteer, place names in any spelling, places in texts, zones.

    gazetteer = Gazetteer.load(extra_dir=data_dir)
    gazetteer.geocode("Maarrat al-Nouman").place      # -> Place(id='geonames:167611', ...)
    gazetteer.geocode("Saada", countries=("YE",))     # -> Sa'dah, Yemen (score 0.97)
    extraction = locate(extraction, text, gazetteer)  # places filled, claims' place set

The gazetteer is worldwide: Syria in detail in memory (GeoNames places, OCHA villages and admin
units), every other country's towns and villages (GeoNames cities500), countries and first-level
admin units (Natural Earth) in a packaged SQLite index read on demand.
    Zones.load().at(35.93, 36.63, on=date(2018, 1, 1))  # -> [Idlib de-escalation area, ...]

What users add lives in the store (``Store.add_places``, ``Store.add_zones``, written by
``harmwatch gazetteer import`` and ``harmwatch zones add`` from ``read_added_places`` and
``read_zone_features``); ``Gazetteer.load(user_places=...)`` and ``Zones.load(added=...)`` merge
it. Without a database, a data folder's ``places/*.tsv.gz`` (``import_places``) and
``zones/*.geojson`` (``store_zones``) serve the same way.

Place names and coordinates © GeoNames (CC BY 4.0); admin names and P-codes, village names:
UN OCHA (CC BY 3.0 IGO) via OpenSyria; boundaries: Natural Earth. See data/geo/NOTICE.md.
"""

from __future__ import annotations

from harmwatch.geo._fold import fold_arabic, fold_name, romanise_arabic, skeleton, translit_key
from harmwatch.geo._gazetteer import (
    ACCEPT,
    FEATURES,
    FOREIGN,
    REVIEW,
    Candidate,
    Gazetteer,
    Match,
)
from harmwatch.geo._import import import_places, origin_of, read_added_places, read_places
from harmwatch.geo._locate import find_places, locate
from harmwatch.geo._zones import (
    Zone,
    Zones,
    read_zone_features,
    read_zones,
    store_zones,
    zones_from_features,
)

__all__ = [
    "ACCEPT",
    "FEATURES",
    "FOREIGN",
    "REVIEW",
    "Candidate",
    "Gazetteer",
    "Match",
    "Zone",
    "Zones",
    "find_places",
    "fold_arabic",
    "fold_name",
    "import_places",
    "locate",
    "origin_of",
    "read_added_places",
    "read_places",
    "read_zone_features",
    "read_zones",
    "romanise_arabic",
    "skeleton",
    "store_zones",
    "translit_key",
    "zones_from_features",
]
