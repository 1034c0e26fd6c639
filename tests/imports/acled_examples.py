"""ACLED rows for tests: both column sets and a strike row (made up), shared by test modules."""

from __future__ import annotations

BEFORE_2023 = [
    "data_id", "iso", "event_id_cnty", "event_id_no_cnty", "event_date", "year",
    "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "interaction", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "timestamp", "iso3",
]  # fmt: skip
SINCE_2023 = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]  # fmt: skip


def a_row(header: list[str], **values: str) -> list[str]:
    """A row of ``header`` with the given cells, the others empty."""
    return [values.get(name, "") for name in header]


STRIKE = {
    "event_id_cnty": "SYR9001",
    "time_precision": "2",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike",
    "actor1": "Military Forces of Russia (2015-)",
    "assoc_actor_1": "Military Forces of Syria (2000-); Hezbollah",
    "actor2": "Civilians (Syria)",
    "country": "Syria",
    "admin1": "Idleb",
    "admin2": "Ariha",
    "location": "Example Village",
    "latitude": "35.81",
    "longitude": "36.61",
    "geo_precision": "2",
    "source": "Local Monitor A; Local Monitor B",
    "fatalities": "7",
}
