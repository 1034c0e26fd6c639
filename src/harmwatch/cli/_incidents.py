"""``harmwatch link``, ``incidents``, ``incident ID`` and ``facilities``: the linked view."""

from __future__ import annotations

import csv
import getpass
import io
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from harmwatch import vocab
from harmwatch.cli._app import app, err_console, out_console, settings
from harmwatch.errors import InputError
from harmwatch.model import Facility, Incident, Tally
from harmwatch.pipeline import LinkRun, SourceEvidence, incident_evidence, link_store
from harmwatch.serialize import (
    INCIDENT_COLUMNS,
    facility_to_dict,
    incident_to_dict,
    incident_to_feature,
    incident_to_row,
    report_to_dict,
)
from harmwatch.store import IncidentQuery, Store

__all__ = [
    "format_evidence",
    "format_incident",
    "format_incidents_csv",
    "format_incidents_geojson",
    "format_link_run",
]

_LIST_FORMATS = ("table", "jsonl", "csv", "geojson")


def _actor(command: str) -> str:
    try:
        return f"{getpass.getuser()} (harmwatch {command})"
    except (KeyError, OSError):
        return f"harmwatch {command}"


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
    with Store.open(settings(ctx).db) as store:
        run = link_store(store, actor=_actor("link"))
    for conflict in run.conflicts:
        err_console.print(f"[yellow]Warning:[/yellow] {escape(conflict)}")
    out_console.print(escape(format_link_run(run)))


# --- listing incidents --------------------------------------------------------------------------


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} must be a date as YYYY-MM-DD; got {value!r}") from None


def _check(value: str | None, option: str, allowed: Sequence[str]) -> None:
    if value is not None and value not in allowed:
        raise InputError(f"{option} must be one of {', '.join(allowed)}; got {value!r}")


def _place_ids(name: str, data_dir: Path) -> tuple[str, ...] | None:
    from harmwatch.geo import Gazetteer

    extra = data_dir if data_dir.is_dir() else None
    match = Gazetteer.load(extra_dir=extra).geocode(name)
    return None if match.place is None else (match.place.id,)


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


def format_incidents_csv(incidents: Sequence[Incident]) -> str:
    """Incidents as CSV: one row each, the columns of ``serialize.INCIDENT_COLUMNS``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=INCIDENT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for incident in incidents:
        writer.writerow(incident_to_row(incident))
    return buffer.getvalue()


def format_incidents_geojson(incidents: Sequence[Incident]) -> str:
    """Incidents as one GeoJSON FeatureCollection (a Point per located incident)."""
    collection = {
        "type": "FeatureCollection",
        "features": [incident_to_feature(i) for i in incidents],
    }
    return json.dumps(collection, ensure_ascii=False)


@app.command()
def incidents(
    ctx: typer.Context,
    date_from: Annotated[
        str | None, typer.Option("--from", metavar="YYYY-MM-DD", help="Incidents on or after.")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", metavar="YYYY-MM-DD", help="Incidents on or before.")
    ] = None,
    place: Annotated[
        str | None, typer.Option("--place", help="A place in any spelling (Maarrat al-Nouman).")
    ] = None,
    admin1: Annotated[
        str | None, typer.Option("--admin1", help="Province or governorate (Idlib).")
    ] = None,
    perpetrator: Annotated[
        str | None, typer.Option("--perpetrator", help="An actor name (Russia).")
    ] = None,
    facility: Annotated[
        str | None,
        typer.Option("--facility", help="A facility type (medical) or a facility id."),
    ] = None,
    weapon: Annotated[
        str | None, typer.Option("--weapon", help="A weapon (barrel_bomb, airstrike, ...).")
    ] = None,
    grade: Annotated[
        str | None, typer.Option("--grade", help="confirmed, fair, weak, contested, discounted.")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many.")] = None,
    output_format: Annotated[
        str | None,
        typer.Option("--format", help="table, jsonl (default when piped), csv or geojson."),
    ] = None,
) -> None:
    """List incidents with their dates, place, perpetrators, deaths and sources.

    In jsonl and geojson each incident carries its sources: every report's document sha256
    and source URI, and every source's own figures beside the best one.

    Example: harmwatch incidents --admin1 Idlib --from 2017-09-19 --to 2017-10-31 --format csv
    """
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
    run = settings(ctx)
    place_ids = _place_ids(place, Path(run.data_dir)) if place else None
    query = IncidentQuery(
        date_from=_day(date_from, "--from"),
        date_to=_day(date_to, "--to"),
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
        found = store.incidents(query)
    if fmt == "jsonl":
        for incident in found:
            sys.stdout.write(json.dumps(incident_to_dict(incident), ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        sys.stdout.write(format_incidents_csv(found))
        return
    if fmt == "geojson":
        sys.stdout.write(format_incidents_geojson(found) + "\n")
        return
    table = Table(title=f"{len(found)} incidents")
    for column in ("id", "date", "place", "perpetrators", "killed", "sources", "grade"):
        table.add_column(column)
    for incident in found:
        place_text = "" if incident.place is None else incident.place.name
        if incident.place is not None and incident.place.admin1:
            place_text += f" ({incident.place.admin1})"
        table.add_row(
            str(incident.id),
            _dates(incident),
            escape(place_text),
            escape(", ".join(a.perpetrator for a in incident.attributions)),
            _range(_killed(incident)),
            str(len({s.document_sha256 for s in incident.sources})),
            incident.grade or "",
        )
    out_console.print(table)


# --- one incident --------------------------------------------------------------------------------


def _figure_text(kind: str, subject: str, value: int, bound: str) -> str:
    qualifier = "" if bound == "exact" else f" ({bound.replace('_', ' ')})"
    return f"{kind} {subject.replace('_', ' ')}: {value}{qualifier}"


def format_incident(incident: Incident) -> str:
    """An incident for people: when, where, who, how, the counts with every source's figure."""
    place = incident.place
    where = "unknown place" if place is None else place.name
    if place is not None and place.admin1:
        where += f", {place.admin1}"
    lines = [
        f"Incident {incident.id} (version {incident.version}): {_dates(incident) or 'no date'}, "
        f"{where}"
        + (f" [geo precision {incident.geo_precision}]" if incident.geo_precision else ""),
        "Perpetrators: "
        + (
            ", ".join(
                f"{a.perpetrator} ({a.sources} source{'s' if a.sources != 1 else ''}"
                + (", suspected)" if a.certainty == "suspected" else ")")
                for a in incident.attributions
            )
            or "not named"
        ),
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
            lines.append(
                f"  - {_figure_text(figure.kind, figure.subject, figure.value, figure.bound)}"
                f' "{figure.evidence}" [{key}]'
            )
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
        report = item.report
        published = report.published.isoformat() if report.published else "no date"
        lines.append(f"[{n}] {item.source}")
        lines.append(
            f"    document {item.document_sha256}, report {report.key}, published {published}"
        )
        for evidence in item.evidence:
            f = evidence.figure
            lines.append(f"    {_figure_text(f.kind, f.subject, f.value, f.bound)}")
            lines.append(f'      "{evidence.quote}" in: {evidence.sentence}')
    return "\n".join(lines)


def _evidence_json(item: SourceEvidence) -> dict[str, Any]:
    return {
        "document_sha256": item.document_sha256,
        "source": item.source,
        "title": item.title,
        "report": report_to_dict(item.report),
        "evidence": [
            {"figure": e.figure.evidence, "kind": e.figure.kind, "subject": e.figure.subject,
             "value": e.figure.value, "bound": e.figure.bound, "quote": e.quote,
             "sentence": e.sentence}
            for e in item.evidence
        ],
    }  # fmt: skip


@app.command()
def incident(
    ctx: typer.Context,
    incident_id: Annotated[int, typer.Argument(metavar="ID", help="The incident's id.")],
    output_format: Annotated[
        str, typer.Option("--format", help="text (default) or json.")
    ] = "text",
) -> None:
    """Show one incident: its counts with every source's figure, its sources, their claims and
    the sentences those claims were read from.

    Example: harmwatch incident 12
    """
    _check(output_format, "--format", ("text", "json"))
    with Store.open(settings(ctx).db, upgrade=False) as store:
        found = store.get_incident(incident_id)
        evidence = incident_evidence(store, found)
    if output_format == "json":
        body = {**incident_to_dict(found), "evidence": [_evidence_json(e) for e in evidence]}
        sys.stdout.write(json.dumps(body, ensure_ascii=False) + "\n")
        return
    out_console.print(escape(format_incident(found)))
    out_console.print(escape(format_evidence(evidence)))


# --- facilities ----------------------------------------------------------------------------------


def _facility_json(facility: Facility, attacks: Sequence[int]) -> dict[str, Any]:
    return {**facility_to_dict(facility), "attacks": len(attacks), "incidents": list(attacks)}


@app.command()
def facilities(
    ctx: typer.Context,
    facility_type: Annotated[
        str | None, typer.Option("--type", help="Only this facility type (medical, school...).")
    ] = None,
    output_format: Annotated[
        str | None, typer.Option("--format", help="table or jsonl (default when piped).")
    ] = None,
) -> None:
    """List the facilities hit, each with how many incidents struck it and its last status.

    Example: harmwatch facilities --type medical
    """
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
            line = json.dumps(
                _facility_json(facility, attacks.get(facility.id, [])), ensure_ascii=False
            )
            sys.stdout.write(line + "\n")
        return
    table = Table(title=f"{len(chosen)} facilities")
    for column in ("id", "name", "type", "place", "attacks", "incidents", "status"):
        table.add_column(column)
    for facility in chosen:
        hits = attacks.get(facility.id, [])
        table.add_row(
            facility.id,
            escape(facility.name),
            facility.type,
            escape("" if facility.place is None else facility.place.name),
            str(len(hits)),
            ", ".join(map(str, hits)),
            (facility.status or "").replace("_", " "),
        )
    out_console.print(table)
