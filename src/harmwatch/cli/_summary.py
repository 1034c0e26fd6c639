"""``harmwatch summary``: a period summary of an area, as tables, JSON or Markdown."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from harmwatch.cli._app import app, parse_date, settings
from harmwatch.errors import InputError

if TYPE_CHECKING:
    from harmwatch.analyze import Area, Summary

__all__ = ["parse_bbox", "render_summary", "summary"]

FORMATS = ("table", "json", "md")


def parse_bbox(value: str) -> Area:
    """``--bbox SOUTH,WEST,NORTH,EAST`` as an Area; one clear line when it is not that."""
    from harmwatch.analyze import Area

    try:
        south, west, north, east = (float(part) for part in value.split(","))
    except ValueError:
        raise InputError(
            f"--bbox must be SOUTH,WEST,NORTH,EAST in degrees (e.g. 35.2,36.1,36.3,37.0); "
            f"got {value!r}"
        ) from None
    return Area.of_bbox(south, west, north, east)


def render_summary(summary: Summary) -> None:
    """Print the summary's tables with Rich (the ``table`` format)."""
    from rich.table import Table

    from harmwatch.analyze import summary_heading, summary_tables
    from harmwatch.cli._output import cell, out_console, say, show

    heading = summary_heading(summary)
    out_console().print(f"[bold]{cell(heading[0])}[/bold]")
    for line in heading[1:]:
        say(line)
    for text_table in summary_tables(summary):
        say("")
        if not text_table.rows:
            say(f"{text_table.title}: none")
        else:
            table = Table(title=cell(text_table.title), title_justify="left")
            for column in text_table.columns:
                table.add_column(cell(column))
            for row in text_table.rows:
                table.add_row(*(cell(value) for value in row))
            show(table)
        for note in text_table.notes:
            out_console().print(f"[dim]{cell(note)}[/dim]")


@app.command()
def summary(
    ctx: typer.Context,
    start: Annotated[str, typer.Option("--from", metavar="YYYY-MM-DD", help="The first day.")],
    end: Annotated[
        str, typer.Option("--to", metavar="YYYY-MM-DD", help="The last day (inclusive).")
    ],
    place: Annotated[
        str | None,
        typer.Option(
            "--place",
            metavar="NAME|ID",
            help="A place name or gazetteer id; a name that is also an admin unit means the "
            "broadest one (Idlib: the governorate).",
        ),
    ] = None,
    zone: Annotated[
        str | None,
        typer.Option(
            "--zone", metavar="ZONE", help="A zone id (see `harmwatch zones list`): its polygon."
        ),
    ] = None,
    bbox: Annotated[
        str | None,
        typer.Option("--bbox", metavar="S,W,N,E", help="A box: south, west, north, east."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="table, json or md.")
    ] = "table",
    verified_only: Annotated[
        bool,
        typer.Option(
            "--verified-only", help="Leave out ungraded (unverified) incidents; the output says so."
        ),
    ] = False,
    distance: Annotated[
        float,
        typer.Option(
            "--double-tap-distance",
            metavar="METRES",
            help="Most metres between two strikes at sites.",
        ),
    ] = 300.0,
    window: Annotated[
        int,
        typer.Option(
            "--double-tap-window",
            metavar="MINUTES",
            help="Most minutes between two strikes whose times are known.",
        ),
    ] = 60,
    quick: Annotated[
        bool,
        typer.Option(
            "--quick",
            help="Tables, arithmetic checks and surges only, read from the store's flat rows "
            "(fast on large areas); no per-source checks, double taps, zone test or repeats.",
        ),
    ] = False,
) -> None:
    """A period summary of an area: strikes, facilities, casualties, checks, double taps.

    Period totals (a bulletin's "714 airstrikes in eight days") are shown beside the sums over
    incidents, labelled, and never added to them; every number in the JSON names the incidents
    or the report it comes from.

    Example: harmwatch summary --place Idlib --from 2017-09-20 --to 2017-10-01 --format json
    """
    import json
    from pathlib import Path

    from harmwatch.analyze import (
        Area,
        DoubleTapSettings,
        format_summary_markdown,
        resolve_place,
        summary_to_dict,
    )
    from harmwatch.geo import Gazetteer, Zones
    from harmwatch.pipeline import summarize_store
    from harmwatch.store import Store

    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r}: use {', '.join(FORMATS)}")
    if place is None and zone is None and bbox is None:
        raise InputError("say where: --place, --zone or --bbox (they combine)")
    first, last = parse_date("--from", start), parse_date("--to", end)
    assert first is not None and last is not None
    data_dir = Path(settings(ctx).data_dir)
    extra = data_dir if data_dir.is_dir() else None
    zones = Zones.load(extra_dir=extra)
    gazetteer = Gazetteer.load(extra_dir=extra)
    areas: list[Area] = []
    if place is not None:
        areas.append(Area.of_place(resolve_place(gazetteer, place)))
    if zone is not None:
        areas.append(Area.of_zone(zones.get(zone)))
    if bbox is not None:
        areas.append(parse_bbox(bbox))
    area = areas[0]
    for other in areas[1:]:
        area = area.intersect(other)
    try:
        double_tap = DoubleTapSettings(distance_m=distance, window_minutes=window)
    except ValueError as error:
        raise InputError(str(error)) from None
    with Store.open(settings(ctx).db) as store:
        result = summarize_store(
            store,
            area=area,
            start=first,
            end=last,
            include_unverified=not verified_only,
            zones=zones,
            double_tap=double_tap,
            quick=quick,
            gazetteer=gazetteer,
        )
    if fmt == "json":
        sys.stdout.write(json.dumps(summary_to_dict(result), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "md":
        sys.stdout.write(format_summary_markdown(result))
    else:
        render_summary(result)
