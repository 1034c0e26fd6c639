"""geo stage: the offline gazetteer, place names in any spelling, places in texts, zones.

    gazetteer = Gazetteer.load(extra_dir=data_dir)
    gazetteer.geocode("Maarrat al-Nouman").place      # -> Place(id='geonames:167611', ...)
    extraction = locate(extraction, text, gazetteer)  # places filled, claims' place_id set
    Zones.load().at(35.93, 36.63, on=date(2018, 1, 1))  # -> [Idlib de-escalation area, ...]

The data folder (``--data-dir``) holds what users add: ``places/*.tsv.gz`` written by
``import_places`` (``harmwatch gazetteer import``) and ``zones/*.geojson`` copied by
``store_zones`` (``harmwatch zones add``); ``Gazetteer.load`` and ``Zones.load`` merge them.

Place names and coordinates © GeoNames (CC BY 4.0); admin names and P-codes, village names:
UN OCHA (CC BY 3.0 IGO) via OpenSyria; boundaries: Natural Earth. See data/geo/NOTICE.md.
"""

from __future__ import annotations

from harmwatch.geo._fold import fold_arabic, fold_name, romanise_arabic, skeleton, translit_key
from harmwatch.geo._gazetteer import FEATURES, Candidate, Gazetteer, Match
from harmwatch.geo._import import import_places, read_places
from harmwatch.geo._locate import find_places, locate
from harmwatch.geo._zones import Zone, Zones, read_zones, store_zones

__all__ = [
    "FEATURES",
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
    "read_places",
    "read_zones",
    "romanise_arabic",
    "skeleton",
    "store_zones",
    "translit_key",
]
