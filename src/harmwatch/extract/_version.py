"""The extractor's version: the package's, plus the version of the rules.

Raise ``RULES_VERSION`` whenever a change to the rules or word tables can change what is
extracted from a text: stored documents extracted by an older version are then what
``harmwatch reextract`` runs over (and what ``harmwatch db info`` counts as out of date).
"""

from __future__ import annotations

from harmwatch import __version__

__all__ = ["EXTRACTOR_VERSION", "RULES_VERSION", "version_key"]

RULES_VERSION = 9
EXTRACTOR_VERSION = f"harmwatch-{__version__}+rules{RULES_VERSION}"


def version_key(version: str) -> tuple[int, ...]:
    """An extractor version as numbers that sort by age ("harmwatch-0.1.0+rules2" -> 0, 1, 0, 2;
    the versions before rules were counted, "harmwatch-0.1.0", have rules 0)."""
    name, _, rules = version.partition("+rules")
    numbers: list[int] = []
    for part in name.removeprefix("harmwatch-").split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        numbers.append(int(digits) if digits else 0)
    numbers.append(int(rules) if rules.isdigit() else 0)
    return tuple(numbers)
