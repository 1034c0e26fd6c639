"""``harmwatch geocode``, ``harmwatch gazetteer import``, ``harmwatch zones add|list|check``."""

from __future__ import annotations

import getpass
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from harmwatch.cli._app import app, existing_store, group, settings
from harmwatch.cli._output import cell, fail, json_line, say, show
from harmwatch.errors import InputError

if TYPE_CHECKING:
    from harmwatch.geo import Match, Zones

gazetteer_app = group(help="Add places to the gazetteer.")
zones_app = group(help="Named zones with the dates they were in force.")
app.add_typer(gazetteer_app, name="gazetteer")
app.add_typer(zones_app, name="zones")

_FIELDS = ("name", "id", "country", "lat", "lon", "admin1", "admin2", "feature", "score", "review")


def _default_format(fmt: str | None) -> str:
    if fmt is None:
        return "jsonl" if not sys.stdout.isatty() else "table"
    if fmt not in ("jsonl", "table"):
        raise InputError(f"--format {fmt!r}: use jsonl or table")
    return fmt


def format_match(match: Match) -> dict[str, object]:
    """One geocoding answer as the JSON line ``harmwatch geocode`` prints (``review``: the
    match is weak, a fuzzy spelling or a namesake outside --country; ``geo_precision``: 1 a
    town, camp or neighbourhood, 2 part of or near a town, 3 a region)."""
    from harmwatch.geo import REVIEW
    from harmwatch.serialize import place_to_dict

    if match.place is None:
        return {
            "query": match.query,
            "found": False,
            "candidates": [
                {
                    "name": c.place.name,
                    "id": c.place.id,
                    "country": c.place.country,
                    "admin1": c.place.admin1,
                    "feature": c.place.feature,
                    "score": c.score,
                }
                for c in match.candidates
            ],
        }
    return {
        "query": match.query,
        "found": True,
        **place_to_dict(match.place),
        "score": match.score,
        "review": match.score < REVIEW,
        "geo_precision": match.geo_precision,
    }


@app.command()
def geocode(
    ctx: typer.Context,
    names: Annotated[list[str], typer.Argument(help="Place names, in any spelling or in Arabic.")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="jsonl (default when piped) or table.")
    ] = None,
    context: Annotated[
        list[str] | None,
        typer.Option("--context", help="A governorate the names are in (repeatable), e.g. Idlib."),
    ] = None,
    country: Annotated[
        list[str] | None,
        typer.Option(
            "--country", help="ISO code of a country the names are in (repeatable), e.g. YE."
        ),
    ] = None,
) -> None:
    """Resolve place names to gazetteer entries (offline), worldwide.

    Without --country the most populous or most important place of that name wins, and its
    country is in the output; a namesake outside the --country scores lower and is marked for
    review, as is a spelling of a namesake outside the --context's country. Exits with status 1
    when a name is not found.

    Example: harmwatch geocode "Maarrat al-Nouman" Latamneh --context Hama
    """
    from rich.table import Table

    from harmwatch.pipeline import load_gazetteer

    fmt = _default_format(fmt)
    context = context or []
    countries = [c.strip().upper() for c in country or []]
    bad = [c for c in countries if len(c) != 2 or not c.isalpha()]
    if bad:
        raise InputError(f"--country {bad[0]!r} is not a two-letter ISO country code, e.g. YE")
    run = settings(ctx)
    with existing_store(run) as store:
        gazetteer = load_gazetteer(store=store, data_dir=Path(run.data_dir))
    unknown = [c for c in context if not gazetteer.knows_admin1(c)]
    if unknown:
        raise InputError(f"--context {unknown[0]!r} is not a governorate in the gazetteer")
    matches = [gazetteer.geocode(name, context=context, countries=countries) for name in names]
    missing = sum(1 for m in matches if m.place is None)
    if fmt == "jsonl":
        for match in matches:
            json_line(format_match(match))
    else:
        table = Table("query", *_FIELDS)
        for match in matches:
            if match.place is not None:
                row = format_match(match)
                table.add_row(cell(match.query), *(cell(row[f]) for f in _FIELDS))
        if table.row_count:
            show(table)
        for match in matches:
            if match.place is None:
                near = "; ".join(
                    f"{c.place.name} ({c.place.admin1 or c.place.country})"
                    for c in match.candidates[:3]
                )
                hint = f"; nearest: {near}" if near else ""
                say(f"{match.query}: not found{hint}")
    if missing:
        fail(f"{missing} of {len(matches)} names not found")
        raise typer.Exit(1)


@gazetteer_app.command("import")
def gazetteer_import(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A GeoNames dump (e.g. YE.txt) or a CSV of places.")],
) -> None:
    """Add places to the gazetteer kept in the database (--db), for everyone who uses it.

    A CSV needs name, lat, lon and may have admin1, admin2, feature, name_ar,
    alternate_names (separated by |), population, country, id. Importing a file of the same
    name again replaces the places it added.

    Example: harmwatch gazetteer import YE.txt
    """
    from harmwatch.geo import origin_of, read_added_places
    from harmwatch.pipeline import import_data_folder
    from harmwatch.store import Store

    run = settings(ctx)
    places = read_added_places(path)
    with Store.open(run.db) as store:
        import_data_folder(store, Path(run.data_dir))
        changed = store.add_places(origin_of(path), places, actor=_actor("gazetteer import"))
        where = store.url
    if changed:
        say(f"imported {len(places)} places from {path} into {where}")
    else:
        say(f"{path}: its {len(places)} places are stored already")


@zones_app.command("add")
def zones_add(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="GeoJSON: polygons with name, in_force_from/to.")],
) -> None:
    """Store zones (named polygons with the dates they were in force) in the database (--db).

    Adding a file of the same name again replaces the zones it added.

    Example: harmwatch zones add ceasefire-2020.geojson
    """
    from harmwatch.geo import read_zone_features
    from harmwatch.pipeline import import_data_folder
    from harmwatch.store import Store

    run = settings(ctx)
    features = read_zone_features(path)
    if not features:
        raise InputError(f"{path}: has no zone with a polygon")
    with Store.open(run.db) as store:
        import_data_folder(store, Path(run.data_dir))
        changed = store.add_zones(path.stem, features, actor=_actor("zones add"))
        where = store.url
    if changed:
        say(f"added {len(features)} zones from {path} into {where}")
    else:
        say(f"{path}: its {len(features)} zones are stored already")


def _actor(command: str) -> str:
    try:
        return f"{getpass.getuser()} (harmwatch {command})"
    except (KeyError, OSError):
        return f"harmwatch {command}"


def _zones(ctx: typer.Context) -> Zones:
    from harmwatch.pipeline import load_zones

    run = settings(ctx)
    with existing_store(run) as store:
        return load_zones(store=store, data_dir=Path(run.data_dir))


def _check_coordinate(name: str, value: float, limit: float) -> None:
    if not -limit <= value <= limit:  # NaN fails too
        raise InputError(
            f"{name} {value:g} is out of range: it must be between -{limit} and {limit}"
        )


def _zone_rows(zones: Zones, fmt: str, on: date | None = None) -> None:
    from rich.table import Table

    if fmt == "jsonl":
        for zone in zones.zones:
            json_line(zone.to_dict())
        return
    table = Table("id", "name", "kind", "from", "to", "approximate")
    for zone in zones.zones:
        d = zone.to_dict()
        table.add_row(
            *(
                cell(d[k])
                for k in ("id", "name", "kind", "in_force_from", "in_force_to", "approximate")
            )
        )
    show(table)


@zones_app.command("list")
def zones_list(
    ctx: typer.Context,
    fmt: Annotated[
        str | None, typer.Option("--format", help="jsonl (default when piped) or table.")
    ] = None,
) -> None:
    """List the zones: the packaged ones and those added to the database.

    Example: harmwatch zones list --format table
    """
    _zone_rows(_zones(ctx), _default_format(fmt))


@zones_app.command("check")
def zones_check(
    ctx: typer.Context,
    lat: Annotated[float, typer.Argument(help="Latitude, -90 to 90.")],
    lon: Annotated[float, typer.Argument(help="Longitude, -180 to 180.")],
    on: Annotated[
        str | None, typer.Option("--date", help="YYYY-MM-DD: only zones in force then.")
    ] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", help="jsonl (default when piped) or table.")
    ] = None,
) -> None:
    """Which zones held a point (on a date).

    Example: harmwatch zones check 35.93 36.63 --date 2018-01-10
    """
    from harmwatch.geo import Zones

    _check_coordinate("latitude", lat, 90)
    _check_coordinate("longitude", lon, 180)
    when = None
    if on is not None:
        try:
            when = date.fromisoformat(on)
        except ValueError:
            raise InputError(f"--date {on!r} is not YYYY-MM-DD") from None
    zones = _zones(ctx)
    _zone_rows(Zones(zones.at(lat, lon, on=when)), _default_format(fmt))
