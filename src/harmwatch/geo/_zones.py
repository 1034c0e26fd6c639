"""Named zones: polygons with the dates they were in force, and which zones held a point.

The package ships the four 2017 de-escalation areas (approximate, with sources) and the
governorate boundaries; ``harmwatch zones add`` stores more GeoJSON in the data folder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from harmwatch.errors import InputError, NotFound

if TYPE_CHECKING:  # shapely and numpy load on first use: the CLI starts faster
    import numpy as np
    from shapely.geometry.base import BaseGeometry

__all__ = ["Zone", "Zones", "read_zone_features", "read_zones", "store_zones"]

_PACKAGED = ("zones.geojson", "governorates.geojson")


@dataclass(frozen=True, slots=True)
class Zone:
    """A named area with the dates it was in force (``None``: open-ended) and its source."""

    id: str
    name: str
    geometry: BaseGeometry = field(repr=False, compare=False)
    in_force_from: date | None = None
    in_force_to: date | None = None
    kind: str = "zone"
    name_ar: str | None = None
    source: str | None = None
    approximate: bool = False
    properties: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def in_force(self, on: date | None) -> bool:
        """Whether the zone was in force on a date (always, when no date is given)."""
        if on is None:
            return True
        if self.in_force_from is not None and on < self.in_force_from:
            return False
        return not (self.in_force_to is not None and on > self.in_force_to)

    def to_dict(self) -> dict[str, object]:
        """The zone's fields as JSON-ready values (no geometry)."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "in_force_from": self.in_force_from.isoformat() if self.in_force_from else None,
            "in_force_to": self.in_force_to.isoformat() if self.in_force_to else None,
            "approximate": self.approximate,
            "source": self.source,
        }


def _date(value: object, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD") from None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "zone"


def _features(path: Path, label: str) -> list[Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{label}: cannot read GeoJSON ({error})") from None
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = {"type": "FeatureCollection", "features": [data]}
    if not isinstance(data, dict) or not isinstance(data.get("features"), list):
        raise InputError(f"{label}: not a GeoJSON FeatureCollection")
    return list(data["features"])


def read_zones(path: Path, *, origin: str | None = None) -> list[Zone]:
    """Zones from a GeoJSON file: each feature a (Multi)Polygon with at least a ``name``.

    Optional properties: ``id``, ``in_force_from``, ``in_force_to`` (YYYY-MM-DD), ``kind``,
    ``name_ar``, ``source``, ``approximate``. Raises InputError naming the file and feature.
    """
    label = origin or str(path)
    return zones_from_features(_features(path, label), label)


def read_zone_features(path: Path) -> list[dict[str, Any]]:
    """The zone features of a GeoJSON file as a store keeps them, each checked as
    ``read_zones`` checks it (features without a geometry are left out)."""
    label = str(path)
    features = _features(path, label)
    zones_from_features(features, label)
    return [f for f in features if isinstance(f, dict) and f.get("geometry")]


def zones_from_features(features: Sequence[Any], label: str) -> list[Zone]:
    """Zones from GeoJSON features; ``label`` names their file in error messages."""
    import shapely
    from shapely.geometry import shape

    zones = []
    for number, feature in enumerate(features, start=1):
        where = f"{label}: feature {number}"
        if not isinstance(feature, dict):
            raise InputError(f"{where}: not a GeoJSON feature")
        props = feature.get("properties") or {}
        name = str(props.get("name") or "").strip()
        if not name:
            raise InputError(f"{where}: has no 'name' property")
        geometry_data = feature.get("geometry")
        if not geometry_data:
            continue  # an empty geometry (e.g. an unmapped unit) holds no point
        try:
            geometry = shape(geometry_data)
        except (ValueError, TypeError, KeyError, AttributeError, shapely.errors.ShapelyError):
            raise InputError(f"{where}: geometry cannot be read") from None
        if geometry.geom_type not in ("Polygon", "MultiPolygon"):
            raise InputError(f"{where}: geometry is a {geometry.geom_type}, not a polygon")
        if not geometry.is_valid:
            geometry = shapely.make_valid(geometry)
        start = _date(props.get("in_force_from"), where)
        end = _date(props.get("in_force_to"), where)
        if start and end and end < start:
            raise InputError(f"{where}: in_force_to {end} is before in_force_from {start}")
        zones.append(
            Zone(
                id=str(props.get("id") or _slug(name)),
                name=name,
                geometry=geometry,
                in_force_from=start,
                in_force_to=end,
                kind=str(props.get("kind") or "zone"),
                name_ar=props.get("name_ar") or None,
                source=props.get("source") or None,
                approximate=bool(props.get("approximate", False)),
                properties=dict(props),
            )
        )
    return zones


def store_zones(path: Path, data_dir: Path) -> tuple[Path, list[Zone]]:
    """Check a GeoJSON file of zones and copy it into ``data_dir/zones``; returns the copy."""
    zones = read_zones(path)
    if not zones:
        raise InputError(f"{path}: has no zone with a polygon")
    target = Path(data_dir) / "zones" / (_slug(Path(path).stem) + ".geojson")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(Path(path).read_bytes())
    return target, zones


class Zones:
    """A set of zones with a spatial index: which zones held a point on a date."""

    def __init__(self, zones: Sequence[Zone]) -> None:
        import shapely

        self.zones: tuple[Zone, ...] = tuple(zones)
        self._tree = shapely.STRtree([z.geometry for z in self.zones])

    @classmethod
    def load(
        cls,
        *,
        extra_dir: Path | None = None,
        added: Sequence[tuple[str, dict[str, Any]]] = (),
    ) -> Zones:
        """The packaged zones and governorates plus those users added.

        Args:
            extra_dir: a data folder whose ``zones/*.geojson`` files are read (for use without
                a database). Default: none.
            added: (import name, GeoJSON feature) pairs a store holds (``Store.zone_features``).
        """
        zones: list[Zone] = []
        folder = resources.files("harmwatch") / "data" / "geo"
        for name in _PACKAGED:
            zones.extend(read_zones(Path(str(folder / name)), origin=f"harmwatch:{name}"))
        if extra_dir is not None and (Path(extra_dir) / "zones").is_dir():
            for path in sorted((Path(extra_dir) / "zones").glob("*.geojson")):
                zones.extend(read_zones(path))
        for origin, feature in added:
            zones.extend(zones_from_features([feature], f"zones stored as {origin!r}"))
        return cls(zones)

    def __len__(self) -> int:
        return len(self.zones)

    def __repr__(self) -> str:
        return f"<Zones {len(self.zones)}>"

    def get(self, zone_id: str) -> Zone:
        for zone in self.zones:
            if zone.id == zone_id:
                return zone
        raise NotFound(f"no zone with id {zone_id!r}; see `harmwatch zones list`")

    def at(self, lat: float, lon: float, *, on: date | None = None) -> list[Zone]:
        """The zones that contain the point and were in force on ``on`` (any date if None)."""
        import shapely

        hits = self._tree.query(shapely.points(lon, lat), predicate="intersects")
        return [self.zones[i] for i in sorted(hits) if self.zones[i].in_force(on)]

    def contains(self, zone_id: str, lats: Sequence[float], lons: Sequence[float]) -> np.ndarray:
        """A boolean array: which points lie in the zone (vectorised; dates not checked)."""
        import numpy as np
        import shapely

        geometry = self.get(zone_id).geometry
        shapely.prepare(geometry)
        return np.asarray(
            shapely.contains_xy(geometry, np.asarray(lons, float), np.asarray(lats, float))
        )

    def at_many(
        self,
        lats: Sequence[float],
        lons: Sequence[float],
        *,
        on: date | None = None,
        kind: str | None = None,
    ) -> list[list[Zone]]:
        """``at`` for many points at once (vectorised through the spatial index)."""
        import numpy as np
        import shapely

        points = shapely.points(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
        result: list[list[Zone]] = [[] for _ in range(len(points))]
        if len(points) == 0:
            return result
        point_index, zone_index = self._tree.query(points, predicate="intersects")
        for p, z in zip(point_index.tolist(), zone_index.tolist(), strict=True):
            zone = self.zones[z]
            if zone.in_force(on) and (kind is None or zone.kind == kind):
                result[p].append(zone)
        return result
