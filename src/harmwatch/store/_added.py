"""Rows of the places and zones users add: one import (``origin``) replaced as a whole."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from harmwatch.model import AddedPlace, Place
from harmwatch.store._schema import added_places, zones

__all__ = ["place_rows", "read_places", "read_zones", "replace_places", "replace_zones"]

_PLACE_FIELDS = tuple(field.name for field in dataclasses.fields(Place))


def _place_json(place: Place) -> dict[str, Any]:
    return {name: getattr(place, name) for name in _PLACE_FIELDS}


def place_rows(places: Sequence[AddedPlace]) -> list[tuple[dict[str, Any], list[str]]]:
    """The stored form of an import's places (in order): each place's fields and names."""
    return [(_place_json(p.place), list(p.names)) for p in places]


def replace_places(
    connection: Connection, origin: str, places: Sequence[AddedPlace], now: datetime
) -> tuple[int, int] | None:
    """Make ``origin``'s stored places these; (before, after) counts, None when unchanged.

    A place id that repeats within the import is stored once: its names are joined.
    """
    merged: dict[str, tuple[dict[str, Any], list[str]]] = {}
    for fields, names in place_rows(places):
        if fields["id"] in merged:
            kept = merged[fields["id"]][1]
            kept.extend(n for n in names if n not in kept)
        else:
            merged[fields["id"]] = (fields, names)
    old = connection.execute(
        sa.select(added_places.c.place_id, added_places.c.place, added_places.c.names)
        .where(added_places.c.origin == origin)
        .order_by(added_places.c.ordinal)
    ).all()
    if [(r.place, list(r.names)) for r in old] == list(merged.values()):
        return None
    connection.execute(sa.delete(added_places).where(added_places.c.origin == origin))
    if merged:
        connection.execute(
            sa.insert(added_places),
            [
                {
                    "origin": origin,
                    "place_id": place_id,
                    "ordinal": ordinal,
                    "place": fields,
                    "names": names,
                    "added_at": now,
                }
                for ordinal, (place_id, (fields, names)) in enumerate(merged.items())
            ],
        )
    return len(old), len(merged)


def read_places(connection: Connection) -> list[AddedPlace]:
    """Every added place, by import name then order within the import."""
    rows = connection.execute(
        sa.select(added_places).order_by(added_places.c.origin, added_places.c.ordinal)
    ).all()
    return [
        AddedPlace(place=Place(**row.place), names=tuple(row.names), origin=row.origin)
        for row in rows
    ]


def replace_zones(
    connection: Connection, origin: str, features: Sequence[dict[str, Any]], now: datetime
) -> tuple[int, int] | None:
    """Make ``origin``'s stored zones these GeoJSON features; (before, after) counts, None when
    unchanged."""
    old = connection.execute(
        sa.select(zones.c.feature).where(zones.c.origin == origin).order_by(zones.c.ordinal)
    ).all()
    if [r.feature for r in old] == list(features):
        return None
    connection.execute(sa.delete(zones).where(zones.c.origin == origin))
    if features:
        connection.execute(
            sa.insert(zones),
            [
                {
                    "origin": origin,
                    "ordinal": ordinal,
                    "zone_id": str(_props(feature).get("id") or _props(feature).get("name")),
                    "name": str(_props(feature).get("name")),
                    "feature": feature,
                    "added_at": now,
                }
                for ordinal, feature in enumerate(features)
            ],
        )
    return len(old), len(features)


def _props(feature: dict[str, Any]) -> dict[str, Any]:
    props = feature.get("properties")
    return props if isinstance(props, dict) else {}


def read_zones(connection: Connection) -> list[tuple[str, dict[str, Any]]]:
    """Every added zone as (import name, GeoJSON feature), by import name then order."""
    rows = connection.execute(
        sa.select(zones.c.origin, zones.c.feature).order_by(zones.c.origin, zones.c.ordinal)
    ).all()
    return [(row.origin, row.feature) for row in rows]
