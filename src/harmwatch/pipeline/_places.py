"""The places and zones users add: kept in the store, so that a team on one server shares them.

Older harmwatch versions kept them as files in the data folder (``--data-dir``): ``places/*.tsv.gz``
and ``zones/*.geojson``. ``import_data_folder`` stores those once (again only if a file
changed; each import is an audit entry) under the name ``data-dir:<file>``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from harmwatch.geo import (
    Gazetteer,
    Zones,
    origin_of,
    read_added_places,
    read_zone_features,
)

if TYPE_CHECKING:
    from harmwatch.store import Store

__all__ = ["DATA_DIR_ACTOR", "import_data_folder", "load_gazetteer", "load_zones"]

DATA_DIR_ACTOR = "harmwatch (data folder import)"


def import_data_folder(store: Store, data_dir: Path | None) -> list[Path]:
    """Store the places and zones files a data folder holds, each once; the files stored now."""
    if data_dir is None or not Path(data_dir).is_dir():
        return []
    stored: list[Path] = []
    for path in sorted((Path(data_dir) / "places").glob("*.tsv.gz")):
        origin = f"data-dir:{origin_of(path)}"
        if store.add_places(origin, read_added_places(path, origin=origin), actor=DATA_DIR_ACTOR):
            stored.append(path)
    for path in sorted((Path(data_dir) / "zones").glob("*.geojson")):
        origin = f"data-dir:{path.stem}"
        if store.add_zones(origin, read_zone_features(path), actor=DATA_DIR_ACTOR):
            stored.append(path)
    return stored


def load_gazetteer(*, store: Store | None = None, data_dir: Path | None = None) -> Gazetteer:
    """The packaged gazetteer with the places users added: the store's (after importing the
    data folder's files once), or without a store the data folder's files."""
    if store is None:
        folder = data_dir if data_dir is not None and Path(data_dir).is_dir() else None
        return Gazetteer.load(extra_dir=folder)
    import_data_folder(store, data_dir)
    return Gazetteer.load(user_places=store.added_places())


def load_zones(*, store: Store | None = None, data_dir: Path | None = None) -> Zones:
    """The packaged zones with those users added: the store's (after importing the data
    folder's files once), or without a store the data folder's files."""
    if store is None:
        folder = data_dir if data_dir is not None and Path(data_dir).is_dir() else None
        return Zones.load(extra_dir=folder)
    import_data_folder(store, data_dir)
    return Zones.load(added=store.zone_features())
