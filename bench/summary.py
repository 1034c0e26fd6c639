"""Period summary speed: N generated incidents in SQLite (and PostgreSQL when HARMWATCH_TEST_PG is
set), then a one-month summary of one governorate and of the whole country.

Incidents are stored through the store's own link write (``Store.save_link``), in date order
over twelve years (2012-2023), at real Syrian places from the packaged gazetteer, a quarter of
them in Idlib.
Each summary is timed as ``harmwatch summary`` runs it (``pipeline.summarize_store``), median of
``--runs`` after a warm-up: ``--quick`` (the tables and arithmetic checks, from the store's flat
rows) and full (whole incidents and the 13 weeks before, for double taps, zone violations,
per-source checks, repeat attacks and surges).

    python bench/summary.py [--incidents 1000000] [--runs 5] [--keep] [--no-sqlite]
    python bench/summary.py --reuse /tmp/harmwatch-bench-summary-.../bench.db   # time again

Times are medians of wall and of this process's CPU time: on a shared machine the wall time
waits for other work (the load average is printed). Storing a million incidents through
``save_link`` takes a while (about 9 minutes on two busy cores): ``make bench`` uses 100,000.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

from harmwatch.analyze import Area, resolve_place
from harmwatch.geo import Gazetteer, Zones
from harmwatch.model import Attribution, FacilityHit, Figure, Incident, Place, SourceRef, Tally
from harmwatch.pipeline import summarize_store
from harmwatch.store import Store

FIRST_DAY = date(2012, 1, 1)
DAYS = (date(2023, 12, 31) - FIRST_DAY).days + 1
MONTH = (date(2017, 9, 1), date(2017, 9, 30))
PERPETRATORS = ["Russia", "Syrian government", "ISIS", "US-led coalition", "Turkey"]
WEAPONS = ["airstrike", "barrel_bomb", "missile", "shelling", "cluster_munition", "drone"]
FACILITIES = ["medical", "school", "civil_defence", "market", "mosque", "bakery", "residential"]
GRADES = [None] * 14 + ["fair", "fair", "confirmed", "weak", "contested", "discounted"]


def _places(gazetteer: Gazetteer) -> tuple[list[Place], list[Place]]:
    towns = [
        p
        for p in gazetteer.places()
        if p.feature in ("city", "town", "village") and p.admin1_pcode and p.country == "SY"
    ]
    return towns, [p for p in towns if p.admin1_pcode == "SY07"]


def _tally(kind: str, subject: str, key: str, value: int) -> Tally:
    return Tally(
        kind, subject, value, value, value, "one source", ((key, Figure(kind, subject, value)),)
    )


def generate(
    count: int, towns: list[Place], idlib: list[Place], seed: int = 13
) -> Iterator[Incident]:
    """``count`` incidents with varied places, dates, parties, weapons, tolls and facilities."""
    rng = random.Random(seed)
    for n in range(count):
        key = f"{n:012x}:0"
        place = rng.choice(idlib if rng.random() < 0.25 else towns)
        # in date order, as a monitoring group records them (a few days late at most)
        day = FIRST_DAY + timedelta(days=min(DAYS - 1, n * DAYS // count + rng.randrange(4)))
        tallies = [_tally("killed", "civilians", key, rng.randint(0, 30))]
        if rng.random() < 0.4:
            tallies.append(_tally("killed", "children", key, rng.randint(0, 8)))
        if rng.random() < 0.2:
            tallies.append(_tally("killed", "women", key, rng.randint(0, 6)))
        if rng.random() < 0.5:
            tallies.append(_tally("injured", "people", key, rng.randint(0, 60)))
        weapon = rng.choice(WEAPONS)
        if rng.random() < 0.1:
            tallies.append(_tally("strikes", weapon, key, rng.randint(2, 12)))
        parties = [] if rng.random() < 0.1 else [rng.choice(PERPETRATORS)]
        hits = tuple(FacilityHit(rng.choice(FACILITIES)) for _ in range(rng.random() < 0.15))
        yield Incident(
            id=None,
            reports=(key,),
            sources=(SourceRef(key, key.split(":")[0], f"bench://{n}"),),
            first_date=day,
            last_date=day,
            time_precision=1 if rng.random() < 0.9 else 2,
            place=place,
            geo_precision=1,
            attributions=tuple(Attribution(p, 1) for p in parties),
            weapons=(weapon,),
            tallies=tuple(tallies),
            facilities=hits,
            grade=rng.choice(GRADES),
        )


def fill(url: str, count: int, batch: int, towns: list[Place], idlib: list[Place]) -> float:
    """Store ``count`` incidents in batches; returns the seconds it took."""
    started = time.perf_counter()
    stream = generate(count, towns, idlib)
    with Store.open(url) as store:
        done = 0
        while done < count:
            chunk = [next(stream) for _ in range(min(batch, count - done))]
            store.save_link(chunk, actor="bench")
            done += len(chunk)
            if done % (batch * 10) == 0 or done == count:
                rate = done / (time.perf_counter() - started)
                print(f"  stored {done:,} incidents ({rate:,.0f}/s)", flush=True)
    return time.perf_counter() - started


def timed(call: Callable[[], object], runs: int) -> tuple[float, float, object]:
    """Median wall and CPU seconds over ``runs`` calls (after one warm-up), and the result.

    CPU time is this process's own: on a shared machine it shows the work, wall time the wait.
    """
    result = call()
    wall, cpu = [], []
    for _ in range(runs):
        started, used = time.perf_counter(), time.process_time()
        result = call()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - used)
    return statistics.median(wall), statistics.median(cpu), result


def measure(url: str, runs: int, gazetteer: Gazetteer, zones: Zones) -> None:
    """Time a one-month summary of Idlib governorate and of the whole country, full and quick."""
    start, end = MONTH
    areas = {
        "Idlib governorate": Area.of_place(resolve_place(gazetteer, "Idlib")),
        "the whole country": Area.of_place(resolve_place(gazetteer, "Syria")),
    }
    with Store.open(url) as store:
        for label, area in areas.items():
            for quick in (True, False):
                wall, cpu, summary = timed(
                    lambda area=area, quick=quick: summarize_store(
                        store, area=area, start=start, end=end, zones=zones, quick=quick,
                        gazetteer=gazetteer,
                    ),
                    runs,
                )  # fmt: skip
                counted = summary.incidents.value  # type: ignore[attr-defined]
                kind = "quick summary (tables and checks)" if quick else "full summary"
                print(
                    f"  {label}, {start}..{end}: {counted:,} incidents; {kind} "
                    f"{wall * 1000:,.0f} ms ({cpu * 1000:,.0f} ms CPU)"
                )


def _postgres(conninfo: str) -> tuple[str, Callable[[], None]]:
    import psycopg
    from psycopg import sql

    name = f"harmwatch_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    info = psycopg.conninfo.conninfo_to_dict(conninfo)
    user, host, port = (
        info.get("user", "postgres"),
        info.get("host", "127.0.0.1"),
        info.get("port", 5432),
    )

    def drop() -> None:
        with psycopg.connect(conninfo, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    return f"postgresql://{user}@{host}:{port}/{name}", drop


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the SQLite file")
    parser.add_argument(
        "--reuse", type=Path, help="time summaries on a database a --keep run left (no filling)"
    )
    parser.add_argument(
        "--no-sqlite", action="store_true", help="only PostgreSQL (needs HARMWATCH_TEST_PG)"
    )
    args = parser.parse_args()
    gazetteer, zones = Gazetteer.load(), Zones.load()
    towns, idlib = _places(gazetteer)
    places = f"{len(towns):,} places ({len(idlib):,} in Idlib)"
    print(f"{args.incidents:,} incidents at {places}, 2012-2023")

    if args.reuse is not None:
        Store.upgrade(f"sqlite:///{args.reuse}")
        print(f"SQLite ({args.reuse}, {args.reuse.stat().st_size / 1e6:,.0f} MB):")
        measure(f"sqlite:///{args.reuse}", args.runs, gazetteer, zones)
        print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
        return
    folder = Path(tempfile.mkdtemp(prefix="harmwatch-bench-summary-"))
    url = f"sqlite:///{folder / 'bench.db'}"
    try:
        if not args.no_sqlite:
            print("SQLite:")
            seconds = fill(url, args.incidents, args.batch, towns, idlib)
            size = (folder / "bench.db").stat().st_size / 1e6
            print(f"  stored in {seconds:,.0f} s; {size:,.0f} MB")
            measure(url, args.runs, gazetteer, zones)
        conninfo = os.environ.get("HARMWATCH_TEST_PG")
        if conninfo:
            pg_url, drop = _postgres(conninfo)
            try:
                print("PostgreSQL:")
                seconds = fill(pg_url, args.incidents, args.batch, towns, idlib)
                print(f"  stored in {seconds:,.0f} s")
                measure(pg_url, args.runs, gazetteer, zones)
            finally:
                drop()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory {peak:,.0f} MB")
        print(f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    finally:
        if args.keep:
            print(f"kept {folder / 'bench.db'}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
