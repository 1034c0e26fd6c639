"""An incident from its reports: dates, place, perpetrators, weapons, facilities, and per victim
group the best / low / high count with every source's own figure beside it.

Each source (document) counts once: when one document has two reports in an incident, its
figure is the larger of the two. ``best`` is chosen by the first rule of ``BEST_RULES`` that
applies, and the tally names it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

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
        sha = report.document_sha256
        for figure in report.figures:
            group = (figure.kind, figure.subject)
            if group in seen:
                continue
            seen.add(group)
            sources = by_group.get(group)
            if sources is None:
                by_group[group] = {sha: (report.key, figure)}
                continue
            held = sources.get(sha)
            if held is None or figure.value > held[1].value:
                sources[sha] = (report.key, figure)
    tallies: list[Tally] = []
    for group in sorted(by_group, key=_SUBJECT_ORDER.__getitem__):
        sources = by_group[group]
        figures = sorted(sources.values()) if len(sources) > 1 else list(sources.values())
        values = [f.value for _, f in figures]
        best, rule = _best(values)
        high = max(
            f.high if f.high is not None and f.high > f.value else f.value for _, f in figures
        )
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
    """The most common place among the most precisely placed reports (first seen on a tie)."""
    precision: int | None = None
    counted: dict[str, list[Any]] = {}
    for report in reports:
        place, level = report.place, report.geo_precision
        if place is None or level is None:
            continue
        if precision is None or level < precision:
            precision, counted = level, {}
        if level == precision:
            held = counted.get(place.id)
            if held is None:
                counted[place.id] = [1, len(counted), place]
            else:
                held[0] += 1
    if precision is None:
        return None, None
    top = max(counted.values(), key=lambda held: (held[0], -held[1]))
    return top[2], precision


def build_incident(
    reports: Sequence[Report], *, incident_id: int | None = None, version: int = 1
) -> Incident:
    """The incident that ``reports`` (one strike's reports from several sources) make up.

    Its dates are those of its most precisely dated reports (first day to last), its place the
    most common place among its most precisely placed reports.
    """
    if len(reports) == 1:
        return _single(reports[0], incident_id, version)
    members = sorted(reports, key=_by_key)
    time_precision: int | None = None
    first = last = None
    for report in members:
        level, start = report.time_precision, report.date_start
        if start is None or level is None:
            continue
        end = report.date_end or start
        if time_precision is None or level < time_precision:
            time_precision, first, last = level, start, end
        elif level == time_precision:
            assert first is not None and last is not None
            first, last = min(first, start), max(last, end)
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


def _by_key(report: Report) -> str:
    return report.key


def _single(report: Report, incident_id: int | None, version: int) -> Incident:
    """The incident of one report (most incidents): the same result, built directly."""
    first: dict[tuple[str, str], Figure] = {}
    for figure in report.figures:
        first.setdefault((figure.kind, figure.subject), figure)
    tallies = tuple(
        Tally(
            kind=kind,
            subject=subject,
            best=figure.value,
            low=figure.value,
            high=max(figure.high or figure.value, figure.value),
            rule="one source",
            figures=((report.key, figure),),
        )
        for (kind, subject), figure in sorted(
            first.items(), key=lambda item: _SUBJECT_ORDER[item[0]]
        )
    )
    dated = report.date_start is not None and report.time_precision is not None
    placed = report.place is not None and report.geo_precision is not None
    return Incident(
        id=incident_id,
        reports=(report.key,),
        sources=(SourceRef(report.key, report.document_sha256, report.source),),
        first_date=report.date_start if dated else None,
        last_date=(report.date_end or report.date_start) if dated else None,
        time_precision=report.time_precision if dated else None,
        place=report.place if placed else None,
        geo_precision=report.geo_precision if placed else None,
        attributions=_attributions((report,)),
        weapons=tuple(dict.fromkeys(report.weapons)),
        tallies=tallies,
        facilities=_facilities((report,)) if len(report.facilities) > 1 else report.facilities,
        version=version,
    )
