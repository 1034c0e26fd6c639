"""``harmwatch link``, ``incidents``, ``incident ID`` and ``facilities``: the linked view."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from harmwatch.cli._app import app, parse_date, settings
from harmwatch.cli._output import (
    cell,
    err_console,
    json_line,
    say,
    show,
    write_csv,
    write_feature_collection,
)
from harmwatch.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from harmwatch.model import Facility, Incident, Tally
    from harmwatch.pipeline import LinkRun
    from harmwatch.review import SourceEvidence

__all__ = [
    "facilities",
    "format_evidence",
    "format_incident",
    "format_link_run",
    "incident",
    "incidents",
    "link",
]

_LIST_FORMATS = ("table", "jsonl", "csv", "geojson")


def _actor(command: str) -> str:
    import getpass

    try:
        return f"{getpass.getuser()} (harmwatch {command})"
    except (KeyError, OSError):
        return f"harmwatch {command}"


def _check(value: str | None, option: str, allowed: Sequence[str]) -> None:
    if value is not None and value not in allowed:
        raise InputError(f"{option} must be one of {', '.join(allowed)}; got {value!r}")


def format_link_run(run: LinkRun) -> str:
    """What ``harmwatch link`` prints: what was assembled, linked, created and kept apart."""
    lines = []
    if run.documents:
        lines.append(f"assembled {run.reports_added} reports from {run.documents} documents")
    lines.append(
        f"linked {run.reports} reports into {run.incidents} incidents "
        f"({run.created} new, {run.changed} changed, {run.unchanged} unchanged, "
        f"{run.retired} retired); {run.period_totals} period totals kept apart"
    )
    return "\n".join(lines)


@app.command()
def link(ctx: typer.Context) -> None:
    """Link every stored report into incidents (and assemble reports documents still lack).

    Deterministic: linking again changes nothing, an incident keeps its id while its reports
    stay together, and analysts' merges and splits are kept. One audit entry per run.

    Example: harmwatch link
    """
    from rich.markup import escape

    from harmwatch.pipeline import link_store
    from harmwatch.store import Store

    with Store.open(settings(ctx).db) as store:
        run = link_store(store, actor=_actor("link"))
    for conflict in run.conflicts:
        err_console().print(f"[yellow]Warning:[/yellow] {escape(conflict)}")
    for line in format_link_run(run).splitlines():
        say(line)


# --- listing incidents --------------------------------------------------------------------------


def _killed(incident: Incident) -> Tally | None:
    tallies = [t for t in incident.tallies if t.kind == "killed"]
    for subject in ("civilians", "people"):
        for tally in tallies:
            if tally.subject == subject:
                return tally
    return max(tallies, key=lambda t: t.best, default=None)


def _range(tally: Tally | None) -> str:
    if tally is None:
        return ""
    if tally.low == tally.high:
        return str(tally.best)
    return f"{tally.best} ({tally.low}-{tally.high})"


def _dates(incident: Incident) -> str:
    first, last = incident.first_date, incident.last_date
    if first is None:
        return ""
    return first.isoformat() if last in (None, first) else f"{first} to {last}"


def _place_ids(name: str, data_dir: Path) -> tuple[str, ...] | None:
    from harmwatch.geo import Gazetteer

    if ":" in name:  # a gazetteer id
        return (name,)
    extra = data_dir if data_dir.is_dir() else None
    match = Gazetteer.load(extra_dir=extra).geocode(name)
    return None if match.place is None else (match.place.id,)


def _show_table(found: Sequence[Incident]) -> None:
    from rich.table import Table

    table = Table("id", "date", "place", "perpetrators", "killed", "sources", "grade")
    table.title = f"{len(found)} incidents"
    for item in found:
        place = "" if item.place is None else item.place.name
        if item.place is not None and item.place.admin1:
            place += f" ({item.place.admin1})"
        table.add_row(
            str(item.id),
            _dates(item),
            cell(place),
            cell(", ".join(a.perpetrator for a in item.attributions)),
            _range(_killed(item)),
            str(len({s.document_sha256 for s in item.sources})),
            cell(item.grade),
        )
    show(table)


@app.command()
def incidents(
    ctx: typer.Context,
    date_from: Annotated[
        str | None,
        typer.Option("--from", metavar="YYYY-MM-DD", help="Incidents on or after this day."),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option("--to", metavar="YYYY-MM-DD", help="Incidents on or before this day."),
    ] = None,
    place: Annotated[
        str | None,
        typer.Option(
            "--place", metavar="NAME|ID", help="A place in any spelling, or a gazetteer id."
        ),
    ] = None,
    admin1: Annotated[
        str | None,
        typer.Option("--admin1", metavar="NAME", help="Province or governorate (Idlib)."),
    ] = None,
    perpetrator: Annotated[
        str | None, typer.Option("--perpetrator", metavar="ACTOR", help="An actor (Russia).")
    ] = None,
    facility: Annotated[
        str | None,
        typer.Option(
            "--facility", metavar="TYPE|ID", help="A facility type (medical) or a facility id."
        ),
    ] = None,
    weapon: Annotated[
        str | None,
        typer.Option("--weapon", metavar="WEAPON", help="barrel_bomb, airstrike, missile ..."),
    ] = None,
    grade: Annotated[
        str | None,
        typer.Option(
            "--grade", metavar="GRADE", help="confirmed, fair, weak, contested or discounted."
        ),
    ] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", metavar="N", min=1, help="At most N incidents.")
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="table (default on a terminal), jsonl (default when piped), csv or geojson.",
        ),
    ] = None,
) -> None:
    """List incidents with their dates, place, perpetrators, deaths and sources.

    In jsonl and geojson each incident carries its sources (every report's document sha256 and
    source URI) and every source's own figures beside the best one. Analysts' corrections and
    grades are applied; without an analyst's --as, confidential fields and sources are left out.

    Example: harmwatch incidents --admin1 Idlib --from 2017-09-19 --to 2017-10-31 --format csv
    """
    from harmwatch import vocab
    from harmwatch.cli._users import current_user
    from harmwatch.pipeline import list_incidents
    from harmwatch.serialize import incident_to_dict
    from harmwatch.store import IncidentQuery, Store

    fmt = output_format or ("table" if sys.stdout.isatty() else "jsonl")
    _check(fmt, "--format", _LIST_FORMATS)
    _check(weapon, "--weapon", vocab.WEAPONS)
    _check(grade, "--grade", vocab.GRADES)
    if facility is not None and facility not in vocab.FACILITY_TYPES:
        if not facility.startswith("facility:"):
            raise InputError(
                f"--facility must be a facility type ({', '.join(vocab.FACILITY_TYPES)}) "
                f"or a facility id (facility:...); got {facility!r}"
            )
    start, end = parse_date("--from", date_from), parse_date("--to", date_to)
    run = settings(ctx)
    place_ids = _place_ids(place, Path(run.data_dir)) if place else None
    query = IncidentQuery(
        date_from=start,
        date_to=end,
        place_ids=place_ids,
        place=place if place and place_ids is None else None,
        admin1=admin1,
        perpetrator=perpetrator,
        facility=facility,
        weapon=weapon,
        grade=grade,
        limit=limit,
    )
    with Store.open(run.db, upgrade=False) as store:
        found = list_incidents(store, query, user=current_user(store, run))
    if fmt == "jsonl":
        for item in found:
            json_line(incident_to_dict(item))
    elif fmt == "csv":
        from harmwatch.serialize import INCIDENT_COLUMNS, incident_to_row

        write_csv(INCIDENT_COLUMNS, map(incident_to_row, found))
    elif fmt == "geojson":
        from harmwatch.serialize import incident_to_feature

        write_feature_collection(map(incident_to_feature, found))
    else:
        _show_table(found)


# --- one incident --------------------------------------------------------------------------------


def _figure_text(kind: str, subject: str, value: int, bound: str) -> str:
    qualifier = "" if bound == "exact" else f" ({bound.replace('_', ' ')})"
    return f"{kind} {subject.replace('_', ' ')}: {value}{qualifier}"


def _attribution_text(incident: Incident) -> str:
    return ", ".join(
        f"{a.perpetrator} ({a.sources} source{'s' if a.sources != 1 else ''}"
        + (", suspected)" if a.certainty == "suspected" else ")")
        for a in incident.attributions
    )


def format_incident(incident: Incident) -> str:
    """An incident for people: when, where, who, how, the counts with every source's figure."""
    place = incident.place
    where = "unknown place" if place is None else place.name
    if place is not None and place.admin1:
        where += f", {place.admin1}"
    precision = f" [geo precision {incident.geo_precision}]" if incident.geo_precision else ""
    lines = [
        f"Incident {incident.id} (version {incident.version}): "
        f"{_dates(incident) or 'no date'}, {where}{precision}",
        "Perpetrators: " + (_attribution_text(incident) or "not named"),
        "Weapons: " + (", ".join(incident.weapons) or "not named"),
        f"Grade: {incident.grade or 'not graded'}",
    ]
    if incident.flags:
        lines.append("Flags: " + ", ".join(incident.flags))
    for tally in incident.tallies:
        lines.append(
            f"{tally.kind.replace('_', ' ').capitalize()} {tally.subject.replace('_', ' ')}: "
            f"best {tally.best} ({tally.rule}), range {tally.low}-{tally.high}"
        )
        for key, figure in tally.figures:
            said = _figure_text(figure.kind, figure.subject, figure.value, figure.bound)
            lines.append(f'  - {said} "{figure.evidence}" [{key}]')
    for hit in incident.facilities:
        lines.append(
            f"Facility hit: {hit.type}"
            + (f" {hit.name!r}" if hit.name else "")
            + (f", {hit.status.replace('_', ' ')}" if hit.status else "")
            + (f" [{hit.facility_id}]" if hit.facility_id else "")
        )
    return "\n".join(lines)


def format_evidence(sources: Sequence[SourceEvidence]) -> str:
    """Each source with its claims: the quoted words and the sentence they stand in."""
    lines = [f"Sources ({len(sources)}):"]
    for n, item in enumerate(sources, 1):
        title = f" {item.title!r}" if item.title else ""
        lines.append(f"[{n}] {item.source}{title}")
        lines.append(f"    document {item.document_sha256}, report {item.report_key}")
        for evidence in item.evidence:
            mark = "[rejected] " if evidence.rejected else ""
            said = _figure_text(evidence.kind, evidence.subject, evidence.value, evidence.bound)
            lines.append(f"    {mark}{said}")
            lines.append(f'      "{evidence.quote}" in: {evidence.sentence}')
    return "\n".join(lines)


@app.command()
def incident(
    ctx: typer.Context,
    incident_id: Annotated[int, typer.Argument(metavar="ID", help="The incident's id.")],
    output_format: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="text (default) or json.")
    ] = "text",
) -> None:
    """Show one incident: its counts with every source's figure, its sources, their claims and
    the sentences those claims were read from. Analysts' corrections are applied; without an
    analyst's --as, confidential fields and sources are left out (``review show`` gives the
    review history).

    Example: harmwatch incident 12
    """
    from harmwatch import review
    from harmwatch.cli._users import current_user
    from harmwatch.link import build_incident
    from harmwatch.serialize import reviewed_incident_to_dict, source_evidence_to_dict
    from harmwatch.store import Store

    _check(output_format, "--format", ("text", "json"))
    run = settings(ctx)
    with Store.open(run.db, upgrade=False) as store:
        user = current_user(store, run)
        reviewed = review.reviewed_incident(store, incident_id, user=user, rebuild=build_incident)
        evidence = review.incident_evidence(store, reviewed)
    if output_format == "json":
        data = reviewed_incident_to_dict(reviewed)
        data["evidence"] = [source_evidence_to_dict(e) for e in evidence]
        json_line(data)
        return
    text = format_incident(reviewed.incident) + "\n" + format_evidence(evidence)
    if reviewed.withheld:
        text += "\nwithheld from you: " + ", ".join(reviewed.withheld)
    for line in text.splitlines():
        say(line)


# --- facilities ----------------------------------------------------------------------------------


def _facility_json(facility: Facility, attacks: Sequence[int]) -> dict[str, Any]:
    from harmwatch.serialize import facility_to_dict

    return {**facility_to_dict(facility), "attacks": len(attacks), "incidents": list(attacks)}


@app.command()
def facilities(
    ctx: typer.Context,
    facility_type: Annotated[
        str | None,
        typer.Option("--type", metavar="TYPE", help="Only this facility type (medical ...)."),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="table (default on a terminal) or jsonl (default when piped).",
        ),
    ] = None,
) -> None:
    """List the facilities hit, each with how many incidents struck it and its last status.

    Example: harmwatch facilities --type medical
    """
    from harmwatch import vocab
    from harmwatch.store import Store

    fmt = output_format or ("table" if sys.stdout.isatty() else "jsonl")
    _check(fmt, "--format", ("table", "jsonl"))
    _check(facility_type, "--type", vocab.FACILITY_TYPES)
    with Store.open(settings(ctx).db, upgrade=False) as store:
        registry = store.facilities()
        attacks = store.facility_attacks()
    chosen = [f for f in registry if facility_type is None or f.type == facility_type]
    chosen.sort(key=lambda f: (-len(attacks.get(f.id, [])), f.id))
    if fmt == "jsonl":
        for facility in chosen:
            json_line(_facility_json(facility, attacks.get(facility.id, [])))
        return
    from rich.table import Table

    table = Table("id", "name", "type", "place", "attacks", "incidents", "status")
    table.title = f"{len(chosen)} facilities"
    for facility in chosen:
        hits = attacks.get(facility.id, [])
        table.add_row(
            facility.id,
            cell(facility.name),
            facility.type,
            cell("" if facility.place is None else facility.place.name),
            str(len(hits)),
            ", ".join(map(str, hits)),
            (facility.status or "").replace("_", " "),
        )
    show(table)
