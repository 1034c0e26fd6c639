"""How the analysis reads one incident: its perpetrator, facilities, tolls, strikes and sources.

Each reading is a named rule whose wording is printed with the results that use it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime

from harmwatch import vocab
from harmwatch.model import Incident, Report, Tally

__all__ = [
    "ALL",
    "FACILITY_TOTAL_RULE",
    "NOT_SPLIT",
    "STRIKES_RULE",
    "TOLL_RULE",
    "UNATTRIBUTED",
    "UNGRADED",
    "day_of",
    "facility_counts",
    "group_toll",
    "incident_strikes",
    "incident_time",
    "perpetrator_of",
    "report_documents",
    "stated_strikes",
    "tally",
    "toll_of",
]

ALL = "all"
UNATTRIBUTED = "unattributed"
UNGRADED = "ungraded"
NOT_SPLIT = None  # a period total's figure that does not name a party

TOLL_RULE = (
    "an incident's total is its 'people' figure; else civilians + fighters; "
    "else its largest single group (a lower bound)"
)
FACILITY_TOTAL_RULE = (
    "an incident's facilities of a type: the facilities it names of that type or its stated "
    "count, whichever is larger; its total adds those of unstated type"
)
STRIKES_RULE = (
    "stated strike counts where a source gives one; an incident without one counts as one strike"
)

_PARTY_GROUPS = ("civilians", "fighters")


def perpetrator_of(incident: Incident) -> str:
    """The party an incident is counted under: its known perpetrator(s), else the suspected.

    Several parties are joined with " or " (as the extractor writes an undecided attribution);
    none gives ``unattributed``.
    """
    known = [a for a in incident.attributions if a.certainty == "known"]
    names = sorted({a.perpetrator for a in (known or incident.attributions)})
    return " or ".join(names) if names else UNATTRIBUTED


def tally(incident: Incident, kind: str, subject: str) -> Tally | None:
    """The incident's tally for one kind and subject, if it has one."""
    for item in incident.tallies:
        if item.kind == kind and item.subject == subject:
            return item
    return None


def report_documents(incident: Incident, report_keys: set[str] | None = None) -> frozenset[str]:
    """The documents behind an incident (or behind some of its reports)."""
    by_report = {ref.report_key: ref.document_sha256 for ref in incident.sources}
    keys = report_keys if report_keys is not None else set(incident.reports)
    return frozenset(by_report.get(key, key.split(":", 1)[0]) for key in keys)


def _tally_documents(incident: Incident, item: Tally) -> frozenset[str]:
    return report_documents(incident, {key for key, _ in item.figures})


def toll_of(incident: Incident, kind: str) -> tuple[int, int, int, frozenset[str]] | None:
    """An incident's total killed (or injured) as (best, low, high, source documents), by
    TOLL_RULE; None when it gives no figure of that kind."""
    people = tally(incident, kind, "people")
    if people is not None:
        return people.best, people.low, people.high, _tally_documents(incident, people)
    parts = [t for s in _PARTY_GROUPS if (t := tally(incident, kind, s)) is not None]
    if parts:
        docs = frozenset().union(*(_tally_documents(incident, t) for t in parts))
        return (
            sum(t.best for t in parts),
            sum(t.low for t in parts),
            sum(t.high for t in parts),
            docs,
        )
    groups = [t for t in incident.tallies if t.kind == kind]
    if not groups:
        return None
    largest = max(groups, key=lambda t: (t.best, t.high))
    return largest.best, largest.low, largest.high, _tally_documents(incident, largest)


def group_toll(incident: Incident, kind: str, group: str) -> tuple[int, int, int, frozenset[str]]:
    """One victim group's (best, low, high, documents); ``people`` is the total by TOLL_RULE."""
    if group == "people":
        total = toll_of(incident, kind)
        return total if total is not None else (0, 0, 0, frozenset())
    item = tally(incident, kind, group)
    if item is None:
        return 0, 0, 0, frozenset()
    return item.best, item.low, item.high, _tally_documents(incident, item)


def facility_counts(incident: Incident) -> dict[str, int]:
    """Facilities hit per type by FACILITY_TOTAL_RULE; ``any`` holds the incident's total."""
    named = Counter(hit.type for hit in incident.facilities)
    counts: dict[str, int] = {}
    for kind in vocab.FACILITY_TYPES:
        if kind == "any":
            continue
        stated = tally(incident, "facilities_hit", kind)
        value = max(named.get(kind, 0), stated.best if stated else 0)
        if value:
            counts[kind] = value
    typed = sum(counts.values())
    stated_total = tally(incident, "facilities_hit", "any")
    total = max(typed + named.get("any", 0), stated_total.best if stated_total else 0)
    if total:
        counts["any"] = total
    return counts


def stated_strikes(incident: Incident) -> dict[str, int]:
    """Strike counts the incident's sources state, per weapon (best values)."""
    return {t.subject: t.best for t in incident.tallies if t.kind == "strikes" and t.best > 0}


def incident_strikes(incident: Incident) -> int:
    """How many strikes an incident counts for, by STRIKES_RULE (the largest stated count)."""
    return max([1, *stated_strikes(incident).values()])


def incident_time(incident: Incident, reports: Mapping[str, Report] | None) -> datetime | None:
    """The earliest time of day any of the incident's reports gives, if one does."""
    if not reports:
        return None
    times = [r.at for key in incident.reports if (r := reports.get(key)) and r.at is not None]
    if not times:
        return None
    if len({t.tzinfo is None for t in times}) > 1:
        return None  # naive and aware times cannot be compared
    return min(times)


def day_of(incident: Incident) -> date | None:
    """The incident's date when it is known to the day, else None."""
    if incident.first_date is None or incident.time_precision not in (None, 1):
        return None
    if incident.last_date is not None and incident.last_date != incident.first_date:
        return None
    return incident.first_date
