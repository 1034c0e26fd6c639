"""Closed vocabularies of the field, in one place: every stage imports names from here.

The values are those of the public extract contract (shared/contracts/extract.md); the actor
list is data (``data/actors.csv``) so that a new conflict's actors are added without code. The
words each language uses for these values live in that language's module of
``harmwatch.extract._languages``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "BOUNDS",
    "CLAIM_KINDS",
    "CONFIDENTIAL_FIELDS",
    "CONFLICT_CUES",
    "CORRECTABLE_FIELDS",
    "FACILITY_STATUSES",
    "FACILITY_TYPES",
    "GEO_PRECISIONS",
    "GRADES",
    "LINK_DECISIONS",
    "PERPETRATOR_CERTAINTIES",
    "REVIEW_ACTIONS",
    "ROLES",
    "SUBJECTS_BY_KIND",
    "TIME_PRECISIONS",
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

# ACLED's precision codes, kept as ACLED defines them so that exports need no translation.
TIME_PRECISIONS: dict[int, str] = {1: "day", 2: "week", 3: "month or longer"}
GEO_PRECISIONS: dict[int, str] = {
    1: "town or site",
    2: "near a town, or part of a region",
    3: "region (admin unit) only",
}

# Airwars' grades of an incident, best supported first (docs/review.md says what each means).
GRADES: tuple[str, ...] = ("confirmed", "fair", "weak", "contested", "discounted")

# How an incident's perpetrator is held: named by a source as the attacker, or only suspected.
PERPETRATOR_CERTAINTIES: tuple[str, ...] = ("known", "suspected")

# Analysts' decisions that every relink keeps (see model.LinkDecision).
LINK_DECISIONS: tuple[str, ...] = ("must_link", "cannot_link", "pin")

# Who may do what: viewers read public data, analysts review, admins manage users.
ROLES: tuple[str, ...] = ("viewer", "analyst", "admin")

# What an analyst can do to an incident; each is one append-only review entry (docs/review.md).
REVIEW_ACTIONS: tuple[str, ...] = (
    "grade",
    "correct",
    "reject_claim",
    "add_claim",
    "merge",
    "split",
    "note",
    "confidential",
)

# Fields of an incident a correction may supersede; ``best`` is one victim group's best value
# (``best:killed:children``).
CORRECTABLE_FIELDS: tuple[str, ...] = ("date", "place", "perpetrator", "best")

# What may be marked confidential (hidden from viewers): a corrected field, the list of
# sources, or one note (``note:<entry id>``).
CONFIDENTIAL_FIELDS: tuple[str, ...] = ("date", "place", "perpetrator", "best", "sources", "note")

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
    # adjectives that name the actor only when joined to another actor ("Russian and Syrian")
    joint_aliases: tuple[str, ...] = ()


@cache
def actors() -> tuple[Actor, ...]:
    """The canonical actor list, read once from the packaged ``data/actors.csv``."""
    text = resources.files("harmwatch").joinpath("data/actors.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    out = []
    for row in rows:
        names = [a.strip() for a in row["aliases"].split("|") if a.strip()]
        out.append(
            Actor(
                name=row["name"],
                conflict=row["conflict"],
                aliases=tuple(a for a in names if not a.startswith("+")),
                joint_aliases=tuple(a[1:] for a in names if a.startswith("+")),
            )
        )
    return tuple(out)


# Words that tell which conflict a document is about; an actor alias shared by several actors
# ("government forces", "the regime") goes to the actor of that conflict.
CONFLICT_CUES: dict[str, tuple[str, ...]] = {
    "Syria": ("Syria", "Syrian", "Idlib", "Idleb", "Aleppo", "Damascus", "Ghouta", "Raqqa",
              "Homs", "Hama", "Deir ez-Zor", "Daraa", "Assad", "barrel bomb", "Daraya", "Douma",
              "Latakia", "Khan Sheikhoun", "Saraqib", "Maarat", "Jisr al-Shughur", "Ariha",
              "سوريا", "سورية", "إدلب", "حلب", "دمشق", "Siria", "Syrie"),
    "Yemen": ("Yemen", "Yemeni", "Sanaa", "Hodeidah", "Saada", "Taiz", "Houthi", "اليمن"),
    "Ukraine": ("Ukraine", "Ukrainian", "Kyiv", "Kharkiv", "Odesa", "Zaporizhzhia", "Dnipro"),
    "Gaza": ("Gaza", "Palestinian", "Palestinians", "Rafah", "Khan Younis", "غزة"),
    "Lebanon": ("Lebanon", "Lebanese", "Beirut", "لبنان", "اللبنانية", "اللبناني"),
    "Sudan": ("Sudan", "Sudanese", "Khartoum", "Darfur", "El Fasher", "Omdurman", "السودان"),
    "Afghanistan": ("Afghanistan", "Afghan", "Kabul", "Helmand", "Kunduz"),
    "Myanmar": ("Myanmar", "Burma", "Sagaing", "Rakhine", "Karenni", "Shan", "Chin State"),
    "Ethiopia": ("Ethiopia", "Ethiopian", "Tigray", "Amhara", "Oromia", "Mekelle"),
    "Iraq": ("Iraq", "Iraqi", "Mosul", "Baghdad", "Fallujah", "العراق"),
}  # fmt: skip
