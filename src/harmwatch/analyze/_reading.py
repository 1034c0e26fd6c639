"""How the analysis reads one incident: its perpetrator, facilities, tolls, strikes and sources.

Each reading is a named rule whose wording is printed with the results that use it. The rules
take plain values, so that an incident (``facts_of``) and the store's flat rows
(``facts_from_rows``) are read by the same code.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from harmwatch import vocab
from harmwatch.model import Incident, Place, Report, Tally

__all__ = [
    "ALL",
    "FACILITY_TOTAL_RULE",
    "NEVER_COUNTED",
    "STRIKES_RULE",
    "TOLL_RULE",
    "UNATTRIBUTED",
    "UNGRADED",
    "Facts",
    "Group",
    "day_of",
    "facility_rule",
    "facts_from_rows",
    "facts_of",
    "incident_strikes",
    "incident_time",
    "is_counted",
    "perpetrator_label",
    "perpetrator_of",
    "tally",
    "toll_of",
    "toll_rule",
]

ALL = "all"
UNATTRIBUTED = "unattributed"
UNGRADED = "ungraded"

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

# Grades whose incidents are listed but never counted in sums (Airwars: "those killed were
# combatants, or other parties most likely responsible").
NEVER_COUNTED = ("discounted",)


def is_counted(grade: str | None, include_unverified: bool) -> bool:
    """Whether an incident of this grade enters a summary's sums."""
    if grade in NEVER_COUNTED:
        return False
    return grade is not None or include_unverified


Group = tuple[int, int, int, int]
"""One victim group's (best, low, high, sources): sources is how many documents gave it."""


def perpetrator_label(attributions: Iterable[tuple[str, str]]) -> str:
    """The party an incident is counted under, from (perpetrator, certainty) pairs: the known
    perpetrator(s), else the suspected; several joined with " or " (as the extractor writes an
    undecided attribution); none gives ``unattributed``."""
    given = list(attributions)
    known = [name for name, certainty in given if certainty == "known"]
    names = sorted(set(known or [name for name, _ in given]))
    return " or ".join(names) if names else UNATTRIBUTED


def perpetrator_of(incident: Incident) -> str:
    """The party an incident is counted under (``perpetrator_label`` of its attributions)."""
    return perpetrator_label((a.perpetrator, a.certainty) for a in incident.attributions)


def toll_rule(groups: Mapping[str, Group]) -> Group | None:
    """An incident's total killed (or injured) from its groups, by TOLL_RULE; None if none.

    A total made of civilians + fighters has the sources of the better sourced of the two.
    """
    if "people" in groups:
        return groups["people"]
    parts = [groups[s] for s in _PARTY_GROUPS if s in groups]
    if parts:
        return (
            sum(p[0] for p in parts),
            sum(p[1] for p in parts),
            sum(p[2] for p in parts),
            max(p[3] for p in parts),
        )
    if not groups:
        return None
    largest = max(groups, key=lambda s: (groups[s][0], groups[s][2], groups[s][1], s))
    return groups[largest]


def facility_rule(named: Mapping[str, int], stated: Mapping[str, int]) -> dict[str, int]:
    """Facilities hit per type by FACILITY_TOTAL_RULE, from the facilities an incident names
    (per type) and the counts its sources state; ``any`` holds the incident's total."""
    if not named and not stated:
        return {}
    counts: dict[str, int] = {}
    for kind in _FACILITY_ORDER:
        if kind in named or kind in stated:
            value = max(named.get(kind, 0), stated.get(kind, 0))
            if value:
                counts[kind] = value
    total = max(sum(counts.values()) + named.get("any", 0), stated.get("any", 0))
    if total:
        counts["any"] = total
    return counts


_FACILITY_ORDER = tuple(t for t in vocab.FACILITY_TYPES if t != "any")


@dataclass(slots=True)
class Facts:
    """What a summary's tables need of one incident, read by the rules above.

    ``tolls`` maps (kind, group) to a Group; ``(kind, "people")`` is the total by TOLL_RULE.
    ``strikes`` are the counts sources state per weapon; ``facilities`` is FACILITY_TOTAL_RULE's
    reading (``any``: the total).
    """

    id: int
    first_date: date | None
    last_date: date | None
    time_precision: int | None
    grade: str | None
    place: Place | None
    perpetrator: str
    weapons: tuple[str, ...] = ()
    strikes: dict[str, int] = field(default_factory=dict)
    facilities: dict[str, int] = field(default_factory=dict)
    tolls: dict[tuple[str, str], Group] = field(default_factory=dict)

    @property
    def n_strikes(self) -> int:
        """How many strikes the incident counts for, by STRIKES_RULE (the largest stated)."""
        return max([1, *self.strikes.values()])


def _facts(
    base: Facts,
    groups: Mapping[str, Mapping[str, Group]],
    named: Mapping[str, int],
) -> Facts:
    """Fill a Facts' readings from its tallies by kind (subject -> Group) and named facilities."""
    tolls = base.tolls
    for kind in ("killed", "injured"):
        given = groups.get(kind)
        if not given:
            continue
        total = toll_rule(given)
        if total is not None:
            tolls[(kind, "people")] = total
            for subject, group in given.items():
                if subject != "people":
                    tolls[(kind, subject)] = group
    strikes = groups.get("strikes")
    if strikes:
        base.strikes = {s: g[0] for s, g in strikes.items() if g[0] > 0}
    stated = groups.get("facilities_hit")
    if named or stated:
        base.facilities = facility_rule(named, {s: g[0] for s, g in (stated or {}).items()})
    return base


def _documents(incident: Incident) -> dict[str, str]:
    return {ref.report_key: ref.document_sha256 for ref in incident.sources}


def tally_sources(
    incident: Incident, item: Tally, documents: Mapping[str, str] | None = None
) -> int:
    """How many documents gave a figure to a tally."""
    by_report = documents if documents is not None else _documents(incident)
    return len({by_report.get(key, key.split(":", 1)[0]) for key, _ in item.figures})


def facts_of(incident: Incident) -> Facts:
    """The Facts of a stored incident."""
    assert incident.id is not None
    documents = _documents(incident)
    groups: dict[str, dict[str, Group]] = defaultdict(dict)
    for item in incident.tallies:
        groups[item.kind][item.subject] = (
            item.best,
            item.low,
            item.high,
            tally_sources(incident, item, documents),
        )
    base = Facts(
        id=incident.id,
        first_date=incident.first_date,
        last_date=incident.last_date,
        time_precision=incident.time_precision,
        grade=incident.grade,
        place=incident.place,
        perpetrator=perpetrator_of(incident),
        weapons=incident.weapons,
    )
    return _facts(base, groups, Counter(hit.type for hit in incident.facilities))


def facts_from_rows(
    incidents: Iterable[tuple[int, date | None, date | None, int | None, str | None, Place | None]],
    tallies: Iterable[tuple[int, str, str, int, int, int, int]],
    perpetrators: Iterable[tuple[int, str, str]],
    weapons: Iterable[tuple[int, str]],
    facilities: Iterable[tuple[int, str]],
) -> list[Facts]:
    """Facts from the store's flat rows (``Store.summary_rows``), by the same rules.

    Args:
        incidents: (id, first date, last date, time precision, grade, place).
        tallies: (incident id, kind, subject, best, low, high, sources).
        perpetrators: (incident id, perpetrator, certainty).
        weapons: (incident id, weapon).
        facilities: (incident id, facility type), one row per facility named.
    """
    groups: dict[int, dict[str, dict[str, Group]]] = {}
    for incident_id, kind, subject, best, low, high, sources in tallies:
        by_kind = groups.get(incident_id)
        if by_kind is None:
            by_kind = groups[incident_id] = {}
        by_kind.setdefault(kind, {})[subject] = (best, low, high, sources)
    parties: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for incident_id, name, certainty in perpetrators:
        parties[incident_id].append((name, certainty))
    arms: dict[int, list[str]] = defaultdict(list)
    for incident_id, weapon in weapons:
        arms[incident_id].append(weapon)
    named: dict[int, Counter[str]] = defaultdict(Counter)
    for incident_id, kind in facilities:
        named[incident_id][kind] += 1
    nothing: Counter[str] = Counter()
    out = []
    for incident_id, first, last, precision, grade, place in incidents:
        given = parties.get(incident_id)
        base = Facts(
            id=incident_id,
            first_date=first,
            last_date=last,
            time_precision=precision,
            grade=grade,
            place=place,
            perpetrator=perpetrator_label(given) if given else UNATTRIBUTED,
            weapons=tuple(sorted(arms[incident_id])) if incident_id in arms else (),
        )
        out.append(_facts(base, groups.get(incident_id, {}), named.get(incident_id, nothing)))
    return out


def tally(incident: Incident, kind: str, subject: str) -> Tally | None:
    """The incident's tally for one kind and subject, if it has one."""
    for item in incident.tallies:
        if item.kind == kind and item.subject == subject:
            return item
    return None


def toll_of(incident: Incident, kind: str) -> Group | None:
    """An incident's total killed (or injured) as (best, low, high, sources) by TOLL_RULE."""
    documents = _documents(incident)
    groups = {
        t.subject: (t.best, t.low, t.high, tally_sources(incident, t, documents))
        for t in incident.tallies
        if t.kind == kind
    }
    return toll_rule(groups)


def incident_strikes(incident: Incident) -> int:
    """How many strikes an incident counts for, by STRIKES_RULE (the largest stated count)."""
    stated = [t.best for t in incident.tallies if t.kind == "strikes" and t.best > 0]
    return max([1, *stated])


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


def day_of(
    first_date: date | None, last_date: date | None, time_precision: int | None
) -> date | None:
    """An incident's date when it is known to the day, else None."""
    if first_date is None or time_precision not in (None, 1):
        return None
    if last_date is not None and last_date != first_date:
        return None
    return first_date
