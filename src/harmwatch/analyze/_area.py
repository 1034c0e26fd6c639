"""The area a summary covers: a place at any admin level, a zone, or a bounding box."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from harmwatch.errors import InputError, NotFound
from harmwatch.model import Place

if TYPE_CHECKING:
    from harmwatch.geo import Gazetteer, Zone, Zones

__all__ = ["Area", "AreaBounds", "distance_m", "resolve_place"]

# Admin levels of a place area, broadest first, and the Place field that names each.
_ADMIN_FIELDS: dict[str, str] = {
    "country": "country",
    "governorate": "admin1_pcode",
    "district": "admin2_pcode",
    "subdistrict": "admin3_pcode",
}
_ADMIN_NAMES: dict[str, str] = {
    "governorate": "admin1",
    "district": "admin2",
    "subdistrict": "admin3",
}
_BROADEST_FIRST = ("country", "governorate", "region", "district", "subdistrict")
TOWN_RADIUS_KM = 3.0


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6_371_000.0 * math.asin(min(1.0, math.sqrt(a)))


Box = tuple[float, float, float, float]  # south, west, north, east


@dataclass(frozen=True, slots=True)
class AreaBounds:
    """A coarse filter a store can apply before ``Area.contains`` decides: it never leaves out
    a place the area holds (admin names are used only where no outline is known)."""

    admin1: str | None = None
    bbox: Box | None = None


def _overlap(a: Box | None, b: Box | None) -> Box | None:
    if a is None or b is None:
        return a or b
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def _around(lat: float, lon: float, km: float) -> Box:
    dlat = km / 111.0
    dlon = km / (111.0 * max(math.cos(math.radians(lat)), 0.01))
    return (lat - dlat, lon - dlon, lat + dlat, lon + dlon)


@dataclass(frozen=True, slots=True)
class Area:
    """Where a summary looks: build it with ``of_place``, ``of_zone`` or ``of_bbox``.

    A place area at an admin level holds every place whose admin code matches (a governorate
    holds its towns); a town or site holds places within ``radius_km`` of it. A zone holds the
    points inside its polygon; a bounding box the points inside it.
    """

    label: str
    place: Place | None = None
    zone: Zone | None = field(default=None, compare=False)
    bbox: tuple[float, float, float, float] | None = None  # south, west, north, east
    radius_km: float = TOWN_RADIUS_KM

    @classmethod
    def of_place(cls, place: Place, *, radius_km: float = TOWN_RADIUS_KM) -> Area:
        """The area of a gazetteer place (its admin unit, or a radius around a town)."""
        if place.feature in _ADMIN_FIELDS or place.feature == "region":
            label = f"{place.name} ({place.feature}, {place.id})"
        else:
            label = f"{place.name} ({place.feature}, {place.id}; within {radius_km:g} km)"
        return cls(label=label, place=place, radius_km=radius_km)

    @classmethod
    def of_zone(cls, zone: Zone) -> Area:
        """The area inside a zone's polygon."""
        approximate = ", approximate boundary" if zone.approximate else ""
        return cls(label=f"{zone.name} (zone {zone.id}{approximate})", zone=zone)

    @classmethod
    def of_bbox(cls, south: float, west: float, north: float, east: float) -> Area:
        """A bounding box in degrees; raises InputError if it is empty or out of range."""
        if not (-90 <= south < north <= 90 and -180 <= west < east <= 180):
            raise InputError(
                f"bounding box {south},{west},{north},{east} must be SOUTH,WEST,NORTH,EAST "
                "with south < north and west < east"
            )
        return cls(
            label=f"box {south:g},{west:g},{north:g},{east:g}", bbox=(south, west, north, east)
        )

    def intersect(self, other: Area) -> Area:
        """The part of this area that is also in ``other`` (a place inside a zone, say)."""
        for name in ("place", "zone", "bbox"):
            if getattr(self, name) is not None and getattr(other, name) is not None:
                raise InputError(f"an area can have only one {name}")
        return Area(
            label=f"{self.label} within {other.label}",
            place=self.place or other.place,
            zone=self.zone or other.zone,
            bbox=self.bbox or other.bbox,
            radius_km=self.radius_km if self.place is not None else other.radius_km,
        )

    def bounds(self, zones: Zones | None = None) -> AreaBounds:
        """A coarse filter for a store query: a box around the area (for an admin unit, its
        outline's box where ``zones`` has the outline, ``governorate:<P-code>``), else its
        governorate's name."""
        box = self.bbox
        if self.zone is not None:
            west, south, east, north = self.zone.geometry.bounds
            box = _overlap(box, (south, west, north, east))
        admin1 = None
        place = self.place
        if place is not None:
            if place.feature in _ADMIN_FIELDS or place.feature == "region":
                outline = f"governorate:{place.admin1_pcode}" if place.admin1_pcode else None
                known = outline and zones is not None and any(z.id == outline for z in zones.zones)
                if known and zones is not None and outline is not None:
                    west, south, east, north = zones.get(outline).geometry.bounds
                    margin = 0.05  # a town's point may sit just outside a coarse outline
                    box = _overlap(
                        box, (south - margin, west - margin, north + margin, east + margin)
                    )
                elif place.feature != "country":
                    admin1 = place.admin1
            else:
                box = _overlap(box, _around(place.lat, place.lon, self.radius_km + 0.5))
        return AreaBounds(admin1=admin1, bbox=box)

    @property
    def kind(self) -> str:
        """``place``, ``zone`` or ``bbox``, joined with ``+`` for an intersection."""
        given = [n for n in ("place", "zone", "bbox") if getattr(self, n) is not None]
        return "+".join(given) or "everywhere"

    def contains(self, place: Place | None) -> bool:
        """Whether a place (an incident's or a period total's) lies in this area."""
        if place is None:
            return False
        if self.bbox is not None:
            south, west, north, east = self.bbox
            if not (south <= place.lat <= north and west <= place.lon <= east):
                return False
        if self.zone is not None:
            import shapely

            if not shapely.contains_xy(self.zone.geometry, place.lon, place.lat):
                return False
        return self.place is None or self._holds(place)

    def _holds(self, place: Place) -> bool:
        area = self.place
        assert area is not None
        if place.id == area.id:
            return True
        code_field = _ADMIN_FIELDS.get(area.feature)
        if code_field is not None:
            code, theirs = getattr(area, code_field), getattr(place, code_field)
            if code and theirs:
                return bool(theirs == code)
            name_field = _ADMIN_NAMES.get(area.feature)  # a place without P-codes: by name
            name, their_name = (
                (getattr(area, name_field), getattr(place, name_field))
                if name_field
                else (None, None)
            )
            return bool(name and their_name and name.casefold() == their_name.casefold())
        if area.feature == "region" or place.feature in _ADMIN_FIELDS:
            return False  # a region has no code; a wider unit is not inside a town
        return distance_m(area.lat, area.lon, place.lat, place.lon) <= self.radius_km * 1000


def resolve_place(gazetteer: Gazetteer, name: str) -> Place:
    """The place a summary's ``--place`` means: a gazetteer id, or a name.

    Where a name is both a town and an admin unit ("Idlib": city, governorate, district), the
    broadest admin unit among the best matches is taken, as monitoring groups count by area;
    the summary's label says which was taken. Raises NotFound if nothing matches.
    """
    if ":" in name:
        try:
            return gazetteer.get(name)
        except NotFound:
            pass
    match = gazetteer.geocode(name)
    if match.place is None:
        raise NotFound(f"no place called {name!r} in the gazetteer; try its id or another spelling")
    best = max(c.score for c in match.candidates) if match.candidates else match.score
    tied = [c.place for c in match.candidates if c.score >= best]
    for feature in _BROADEST_FIRST:
        for place in tied:
            if place.feature == feature:
                return place
    return match.place
