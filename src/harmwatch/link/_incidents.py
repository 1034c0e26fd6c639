"""An incident from its reports: dates, place, perpetrators, weapons, facilities, and per victim
group the best / low / high count with every source's own figure beside it.

Each source (document) counts once: when one document has two reports in an incident, its
figure is the larger of the two. ``best`` is chosen by the first rule of ``BEST_RULES`` that
applies, and the tally names it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from harmwatch import vocab
from harmwatch.model import (
    Attribution,
    FacilityHit,
    Figure,
    Incident,
    Place,
    Report,
    SourceRef,
    Tally,
)

__all__ = ["BEST_RULES", "build_incident"]

_STATUS_RANK = {None: 0, "damaged": 1, "out_of_service": 2, "destroyed": 3}


def _one_source(values: Sequence[int]) -> tuple[int, str] | None:
    return (values[0], "one source") if len(values) == 1 else None


def _lower_of_two(values: Sequence[int]) -> tuple[int, str] | None:
    """Two sources: the lower figure, the conservative choice (as ACLED codes fatalities)."""
    return (min(values), "lower of 2 sources") if len(values) == 2 else None


def _median(values: Sequence[int]) -> tuple[int, str]:
    """Three or more: the (lower) median, which one outlying source cannot move."""
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2], f"median of {len(values)} sources"


BEST_RULES: tuple[Callable[[Sequence[int]], tuple[int, str] | None], ...] = (
    _one_source,
    _lower_of_two,
    _median,
)


def _best(values: Sequence[int]) -> tuple[int, str]:
    for rule in BEST_RULES:
        found = rule(values)
        if found is not None:
            return found
    raise AssertionError("the median rule always decides")  # pragma: no cover


_KIND_ORDER = {kind: n for n, kind in enumerate(vocab.CLAIM_KINDS)}
_SUBJECT_ORDER = {
    (kind, subject): (_KIND_ORDER[kind], n)
    for kind, subjects in vocab.SUBJECTS_BY_KIND.items()
    for n, subject in enumerate(subjects)
}


def _tallies(reports: Sequence[Report]) -> tuple[Tally, ...]:
    """One tally per kind and victim group: each source document's figure (each report's first
    figure of the group; of one document's reports the largest), best / low / high over them."""
    by_group: dict[tuple[str, str], dict[str, tuple[str, Figure]]] = {}
    for report in reports:
        seen: set[tuple[str, str]] = set()
        for figure in report.figures:
            group = (figure.kind, figure.subject)
            if group in seen:
                continue
            seen.add(group)
            sources = by_group.setdefault(group, {})
            held = sources.get(report.document_sha256)
            if held is None or figure.value > held[1].value:
                sources[report.document_sha256] = (report.key, figure)
    tallies: list[Tally] = []
    for group in sorted(by_group, key=_SUBJECT_ORDER.__getitem__):
        figures = sorted(by_group[group].values(), key=lambda item: item[0])
        values = [f.value for _, f in figures]
        best, rule = _best(values)
        high = max(max(f.high or f.value, f.value) for _, f in figures)
        tallies.append(
            Tally(
                kind=group[0],
                subject=group[1],
                best=best,
                low=min(values),
                high=high,
                rule=rule,
                figures=tuple(figures),
            )
        )
    return tuple(tallies)


def _attributions(reports: Sequence[Report]) -> tuple[Attribution, ...]:
    if len(reports) == 1 and not reports[0].suspected:
        return tuple(Attribution(name, 1) for name in sorted(set(reports[0].perpetrators)))
    named: dict[str, set[str]] = {}
    suspected: dict[str, set[str]] = {}
    for report in reports:
        for name in report.perpetrators:
            named.setdefault(name, set()).add(report.document_sha256)
        for name in report.suspected:
            suspected.setdefault(name, set()).add(report.document_sha256)
    found = [
        Attribution(name, len(docs | suspected.get(name, set()))) for name, docs in named.items()
    ]
    found += [
        Attribution(name, len(docs), "suspected")
        for name, docs in suspected.items()
        if name not in named
    ]
    return tuple(sorted(found, key=lambda a: (-a.sources, a.certainty != "known", a.perpetrator)))


_WEAPON_ORDER = {w: n for n, w in enumerate(vocab.WEAPONS)}


def _weapons(reports: Sequence[Report]) -> tuple[str, ...]:
    if len(reports) == 1:
        return tuple(dict.fromkeys(reports[0].weapons))
    counted: dict[str, int] = {}
    for report in reports:
        for weapon in set(report.weapons):
            counted[weapon] = counted.get(weapon, 0) + 1
    return tuple(sorted(counted, key=lambda w: (-counted[w], _WEAPON_ORDER[w])))


def _facilities(reports: Sequence[Report]) -> tuple[FacilityHit, ...]:
    if not any(r.facilities for r in reports):
        return ()
    merged: dict[tuple[str, str], FacilityHit] = {}
    for report in reports:
        for hit in report.facilities:
            key = (hit.type, hit.facility_id or hit.name or "")
            held = merged.get(key)
            if held is None:
                merged[key] = hit
                continue
            status = held.status
            if _STATUS_RANK[hit.status] > _STATUS_RANK[status]:
                status = hit.status
            merged[key] = FacilityHit(
                type=held.type,
                name=held.name or hit.name,
                status=status,
                evidence=held.evidence,
                facility_id=held.facility_id,
            )
    # a hit of a type without name or registry id, beside a registered one of that type, is it
    for kind, ident in list(merged):
        if ident:
            continue
        others = [k for k in merged if k[0] == kind and k[1]]
        if others:
            del merged[(kind, ident)]
    return tuple(merged[k] for k in sorted(merged))


def _place(reports: Sequence[Report]) -> tuple[Place | None, int | None]:
    if len(reports) == 1:
        only = reports[0]
        if only.place is None or only.geo_precision is None:
            return None, None
        return only.place, only.geo_precision
    placed = [r for r in reports if r.place is not None and r.geo_precision is not None]
    if not placed:
        return None, None
    precision = min(r.geo_precision for r in placed if r.geo_precision is not None)
    finest = [r for r in placed if r.geo_precision == precision]
    counted = Counter(r.place.id for r in finest if r.place is not None)
    top = max(counted.values())
    chosen = next(r.place for r in finest if r.place is not None and counted[r.place.id] == top)
    return chosen, precision


def build_incident(
    reports: Sequence[Report], *, incident_id: int | None = None, version: int = 1
) -> Incident:
    """The incident that ``reports`` (one strike's reports from several sources) make up.

    Its dates are those of its most precisely dated reports (first day to last), its place the
    most common place among its most precisely placed reports.
    """
    members = sorted(reports, key=lambda r: r.key) if len(reports) > 1 else list(reports)
    dated = [r for r in members if r.date_start is not None and r.time_precision is not None]
    first = last = None
    time_precision = None
    if dated:
        time_precision = min(r.time_precision for r in dated if r.time_precision is not None)
        finest = [r for r in dated if r.time_precision == time_precision]
        first = min(r.date_start for r in finest if r.date_start is not None)
        last = max((r.date_end or r.date_start) for r in finest if r.date_start is not None)
    place, geo_precision = _place(members)
    return Incident(
        id=incident_id,
        reports=tuple(r.key for r in members),
        sources=tuple(SourceRef(r.key, r.document_sha256, r.source) for r in members),
        first_date=first,
        last_date=last,
        time_precision=time_precision,
        place=place,
        geo_precision=geo_precision,
        attributions=_attributions(members),
        weapons=_weapons(members),
        tallies=_tallies(members),
        facilities=_facilities(members),
        version=version,
    )
