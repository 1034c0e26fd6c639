"""Closed vocabularies of the field, in one place: every stage imports names from here.

The values are those of the public extract contract (shared/contracts/extract.md); the actor
list is data (``data/actors.csv``) so that a new conflict's actors are added without code.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "BOUNDS",
    "CLAIM_KINDS",
    "FACILITY_STATUSES",
    "FACILITY_TYPES",
    "SUBJECTS_BY_KIND",
    "VICTIM_GROUPS",
    "WEAPONS",
    "Actor",
    "actors",
    "check_value",
]

CLAIM_KINDS: tuple[str, ...] = ("killed", "injured", "strikes", "facilities_hit")

VICTIM_GROUPS: tuple[str, ...] = (
    "people",
    "civilians",
    "children",
    "women",
    "men",
    "fighters",
    "medical_staff",
    "rescuers",
    "patients",
    "family_members",
    "other",
)

WEAPONS: tuple[str, ...] = (
    "airstrike",
    "barrel_bomb",
    "cluster_munition",
    "missile",
    "shelling",
    "drone",
    "chemical",
    "other",
)

FACILITY_TYPES: tuple[str, ...] = (
    "any",
    "medical",
    "school",
    "civil_defence",
    "market",
    "mosque",
    "camp",
    "bakery",
    "residential",
    "water",
    "power",
    "other",
)

BOUNDS: tuple[str, ...] = ("exact", "at_least", "more_than", "about", "up_to")

FACILITY_STATUSES: tuple[str, ...] = ("destroyed", "damaged", "out_of_service")

SUBJECTS_BY_KIND: dict[str, tuple[str, ...]] = {
    "killed": VICTIM_GROUPS,
    "injured": VICTIM_GROUPS,
    "strikes": WEAPONS,
    "facilities_hit": FACILITY_TYPES,
}


def check_value(field: str, value: str, allowed: tuple[str, ...]) -> str:
    """Return ``value`` if it is one of ``allowed``, else raise ValueError listing them."""
    if value not in allowed:
        raise ValueError(f"{field} must be one of {', '.join(allowed)}; got {value!r}")
    return value


@dataclass(frozen=True, slots=True)
class Actor:
    """A party that carries out attacks, with the names reports use for it."""

    name: str
    conflict: str
    aliases: tuple[str, ...]


@cache
def actors() -> tuple[Actor, ...]:
    """The canonical actor list, read once from the packaged ``data/actors.csv``."""
    text = resources.files("harmwatch").joinpath("data/actors.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return tuple(
        Actor(
            name=row["name"],
            conflict=row["conflict"],
            aliases=tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
        )
        for row in rows
    )
