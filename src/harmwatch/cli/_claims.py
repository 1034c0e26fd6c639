"""``harmwatch claims``: what was stored, without SQL, as a table, JSON lines, CSV or GeoJSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from harmwatch.cli._app import app, parse_date, settings
from harmwatch.cli._output import cell, json_line, show, write_csv, write_feature_collection
from harmwatch.errors import InputError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from harmwatch.model import StoredClaim

__all__ = ["claims"]

_FORMATS = ("table", "jsonl", "csv", "geojson")


def _claim_feature(record: StoredClaim) -> dict[str, Any]:
    """A claim as a GeoJSON feature (without coordinates, a null geometry, as GeoJSON allows)."""
    from harmwatch.serialize import stored_claim_to_dict

    properties = stored_claim_to_dict(record)
    lat, lon = properties["lat"], properties["lon"]
    geometry = None if lat is None else {"type": "Point", "coordinates": [lon, lat]}
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def _place_cell(record: StoredClaim) -> str:
    """The place's name, marked when it is a weak match to be checked ("Saada (review)")."""
    if record.place is None:
        return ""
    return record.place.name + (" (review)" if record.claim.place_review else "")


def _show_table(records: Iterable[StoredClaim]) -> None:
    from rich.table import Table

    table = Table("document", "kind", "subject", "value", "perpetrator", "date", "place", "text")
    for record in records:
        claim = record.claim
        value = str(claim.value) if claim.max is None else f"{claim.value}-{claim.max}"
        if claim.bound != "exact":
            value = f"{value} ({claim.bound})"
        day = claim.date or record.published
        table.add_row(
            record.document_sha256[:12],
            claim.kind,
            claim.subject,
            value,
            cell(claim.perpetrator),
            day.isoformat() if day else "",
            cell(_place_cell(record)),
            cell(claim.text),
        )
    show(table)


@app.command()
def claims(
    ctx: typer.Context,
    document: Annotated[
        str | None,
        typer.Option("--document", metavar="SHA", help="A document's sha256 (or its start)."),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option("--kind", metavar="KIND", help="killed, injured, strikes or facilities_hit."),
    ] = None,
    perpetrator: Annotated[
        str | None,
        typer.Option(
            "--perpetrator",
            metavar="ACTOR",
            help="An actor, e.g. Russia (also where a text says 'Russia or Syrian government').",
        ),
    ] = None,
    place: Annotated[
        str | None,
        typer.Option(
            "--place",
            metavar="NAME|ID",
            help="A place in any spelling, or a gazetteer id: claims there or in the "
            "governorate/district of that name.",
        ),
    ] = None,
    date_from: Annotated[
        str | None,
        typer.Option("--from", metavar="YYYY-MM-DD", help="Claims dated on or after this day."),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option("--to", metavar="YYYY-MM-DD", help="Claims dated on or before this day."),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="table (default on a terminal), jsonl (default when piped), csv or geojson; "
            "CSV and GeoJSON carry each claim's place flat: lat, lon, admin names and P-codes.",
        ),
    ] = None,
) -> None:
    """List the stored claims with their documents and places, filtered.

    A claim's date is the day its sentence names, else its document's publication date.

    Example: harmwatch claims --kind killed --place Idlib --from 2017-09-01 --format csv
    """
    from harmwatch.pipeline import list_claims, load_gazetteer
    from harmwatch.serialize import stored_claim_to_dict
    from harmwatch.store import Store

    fmt = output_format or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt not in _FORMATS:
        raise InputError(f"--format must be one of {', '.join(_FORMATS)}; got {fmt!r}")
    start, end = parse_date("--from", date_from), parse_date("--to", date_to)
    with Store.open(settings(ctx).db, upgrade=False) as store:
        gazetteer = None
        if place is not None and ":" not in place:  # with the team's places
            gazetteer = load_gazetteer(store=store, data_dir=Path(settings(ctx).data_dir))
        records = list_claims(
            store,
            document=document,
            kind=kind,
            perpetrator=perpetrator,
            place=place,
            date_from=start,
            date_to=end,
            gazetteer=gazetteer,
        )
        if fmt == "jsonl":
            for record in records:
                json_line(stored_claim_to_dict(record))
        elif fmt == "csv":
            from harmwatch.serialize import STORED_CLAIM_FIELDS, stored_claim_to_dict

            write_csv(STORED_CLAIM_FIELDS, map(stored_claim_to_dict, records))
        elif fmt == "geojson":
            write_feature_collection(map(_claim_feature, records))
        else:
            _show_table(records)
