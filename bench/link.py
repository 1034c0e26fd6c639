"""How well and how fast reports are linked into incidents, on synthetic reports with known truth.

Generates N reports of known true incidents: several sources per strike with noisy dates (a day
off, no day at all, a week), places (a nearby town, the district, the province, a wrong
village), perpetrators (missing, suspected, another actor), weapons, rising tolls, facilities;
nearby strikes on the same day and strikes on the same town a day apart; period totals. Prints
pairwise precision, recall and F1 over event reports, the time of ``link_reports`` (wall clock,
and the CPU time of the process: on a machine shared with other work the wall clock overstates
what two free cores take) and the peak memory of the process, for each N (each N runs in a
fresh process).

Run: .venv/bin/python bench/link.py              (N = 10,000, 100,000 and 1,000,000)
     .venv/bin/python bench/link.py --quick      (N = 10,000 and 100,000)
     .venv/bin/python bench/link.py --weights    (m/u of each comparison level, development seed)
     .venv/bin/python bench/link.py --tune       (thresholds on the development seed)
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import random
import subprocess
import sys
import time
from datetime import date, timedelta

import numpy as np

from harmwatch.link import DEFAULT_SETTINGS, LinkSettings, link_reports
from harmwatch.model import FacilityHit, Figure, Place, Report

ACTORS = ("Russia", "Syrian government", "US-led coalition", "Turkey", "ISIS", "SDF")
ACTOR_WEIGHTS = (40, 35, 8, 7, 5, 5)
WEAPONS = ("airstrike", "barrel_bomb", "missile", "shelling", "drone", "cluster_munition")
WEAPON_WEIGHTS = (45, 15, 12, 18, 6, 4)
COMPATIBLE = {
    "airstrike": ("missile", "barrel_bomb"),
    "barrel_bomb": ("airstrike",),
    "missile": ("airstrike",),
    "shelling": ("missile",),
    "drone": ("airstrike", "missile"),
    "cluster_munition": ("airstrike", "missile"),
}
FACILITY_TYPES = ("medical", "school", "market", "mosque", "civil_defence", "bakery")
START = date(2012, 1, 1)
EVAL_SEED = 2
TUNE_SEED = 1


@dataclasses.dataclass(slots=True)
class World:
    towns: list[Place]
    provinces: list[Place]
    districts: dict[tuple[str, str], Place]
    weights: np.ndarray
    days: int


def _world(n: int, rng: random.Random) -> World:
    # as many populated places as a country like Syria (about 5,000 over 330 x 400 km), at
    # every N: only the number of days grows with N
    count = 5_000
    towns: list[Place] = []
    provinces = [
        Place(
            id=f"province:{p}",
            name=f"Province {p}",
            lat=34.0 + (p // 4 + 0.5) * 0.75,
            lon=35.5 + (p % 4 + 0.5) * 1.125,
            feature="governorate",
            admin1=f"Province {p}",
        )
        for p in range(16)
    ]
    districts: dict[tuple[str, str], Place] = {}
    for t in range(count):
        lat = rng.uniform(34.0, 37.0)
        lon = rng.uniform(35.5, 40.0)
        province = int((lat - 34.0) // 0.75) * 4 + int((lon - 35.5) // 1.125)
        admin1 = f"Province {province}"
        admin2 = f"District {int((lat - 34.0) // 0.25)}-{int((lon - 35.5) // 0.3)}"
        towns.append(
            Place(
                id=f"town:{t}",
                name=f"Town {t}",
                lat=lat,
                lon=lon,
                feature="town",
                admin1=admin1,
                admin2=admin2,
            )
        )
        districts.setdefault(
            (admin1, admin2),
            Place(
                id=f"district:{admin1}/{admin2}",
                name=admin2,
                lat=lat,
                lon=lon,
                feature="district",
                admin1=admin1,
                admin2=admin2,
            ),
        )
    # some towns are struck far more often than others (Pareto weights, alpha 2)
    weights = np.array([rng.paretovariate(2.0) for _ in range(count)])
    weights /= weights.sum()
    # the same density at every N: about 0.07 reports per town and day (a town is struck
    # about every five weeks on average, the busiest ones every few days)
    days = max(7, round(n / (count * 0.07)))
    return World(towns, provinces, districts, weights, days)


def _near(world: World, town: Place, rng: random.Random, low_km: float, high_km: float) -> Place:
    for _ in range(50):
        other = world.towns[rng.randrange(len(world.towns))]
        km = _km(town, other)
        if low_km <= km <= high_km:
            return other
    bearing = rng.uniform(0, 2 * math.pi)
    km = rng.uniform(low_km, high_km)
    return dataclasses.replace(
        town,
        id=f"{town.id}:near:{rng.randrange(10**9)}",
        lat=town.lat + km / 110.57 * math.sin(bearing),
        lon=town.lon + km / (111.32 * math.cos(math.radians(town.lat))) * math.cos(bearing),
    )


def _km(a: Place, b: Place) -> float:
    dy = (a.lat - b.lat) * 110.57
    dx = (a.lon - b.lon) * 111.32 * math.cos(math.radians(a.lat))
    return math.hypot(dx, dy)


@dataclasses.dataclass(slots=True)
class Strike:
    town: Place
    day: int
    actor: str
    weapon: str
    killed: int
    injured: int
    facility: tuple[str, str] | None


def _strike(
    world: World, rng: random.Random, town: Place | None = None, day: int | None = None
) -> Strike:
    if town is None:
        town = world.towns[int(np.searchsorted(np.cumsum(world.weights), rng.random()))]
        town = town if town is not None else world.towns[0]
    killed = 0 if rng.random() < 0.2 else max(1, int(rng.expovariate(1 / 6)))
    facility = None
    if rng.random() < 0.3:
        kind = rng.choice(FACILITY_TYPES)
        facility = (kind, f"facility:{town.id}:{kind}:{rng.randrange(2)}")
    return Strike(
        town=town,
        day=rng.randrange(world.days) if day is None else day,
        actor=rng.choices(ACTORS, ACTOR_WEIGHTS)[0],
        weapon=rng.choices(WEAPONS, WEAPON_WEIGHTS)[0],
        killed=killed,
        injured=int(killed * rng.uniform(0.5, 3)) + (0 if rng.random() < 0.5 else rng.randrange(5)),
        facility=facility,
    )


def _report(world: World, strike: Strike, key: str, rng: random.Random) -> Report:
    day = START + timedelta(days=strike.day)
    published = day + timedelta(days=rng.choice((0, 0, 1, 1, 2)))
    roll = rng.random()
    if roll < 0.80:
        start = end = day
        precision = 1
    elif roll < 0.86:
        start = end = day + timedelta(days=rng.choice((-1, 1)))
        precision = 1
    elif roll < 0.97:
        start, end, precision = published - timedelta(days=2), published, 2
    else:
        start = day - timedelta(days=rng.randrange(4))
        end, precision = start + timedelta(days=6), 2

    roll = rng.random()
    place: Place | None = strike.town
    geo = 1
    if roll < 0.85:
        pass
    elif roll < 0.91:
        place, geo = _near(world, strike.town, rng, 0.0, 10.0), 2
    elif roll < 0.94:
        province = next(p for p in world.provinces if p.admin1 == strike.town.admin1)
        place, geo = province, 3
    elif roll < 0.96:
        place = _near(world, strike.town, rng, 3.0, 8.0)
    elif roll < 0.98:
        district = world.districts[(strike.town.admin1 or "", strike.town.admin2 or "")]
        place, geo = district, 2
    else:
        place, geo = None, 0

    roll = rng.random()
    perpetrators: tuple[str, ...] = ()
    suspected: tuple[str, ...] = ()
    if roll < 0.65:
        perpetrators = (strike.actor,)
    elif roll < 0.75:
        other = rng.choice([a for a in ACTORS if a != strike.actor])
        suspected = tuple(sorted((strike.actor, other)))
    elif roll < 0.90:
        pass
    else:
        perpetrators = (rng.choice([a for a in ACTORS if a != strike.actor]),)

    roll = rng.random()
    weapons: tuple[str, ...] = ()
    if roll < 0.6:
        weapons = (strike.weapon,)
    elif roll < 0.85:
        pass
    else:
        weapons = (rng.choice(COMPATIBLE[strike.weapon]),)

    figures: list[Figure] = []
    if strike.killed and rng.random() < 0.8:
        # half the sources give the final toll, some an early lower one, some a higher one
        early = [rng.uniform(0.6, 1.0) for _ in range(3)]
        late = [rng.uniform(1.0, 1.3) for _ in range(2)]
        factor = rng.choice((1.0, 1.0, 1.0, 1.0, 1.0, *early, *late))
        value = max(1, round(strike.killed * factor))
        figures.append(
            Figure(
                "killed",
                rng.choice(("civilians", "civilians", "people")),
                value,
                "at_least" if rng.random() < 0.2 else "exact",
            )
        )
        if strike.killed >= 3 and rng.random() < 0.3:
            figures.append(Figure("killed", "children", max(1, strike.killed // 3)))
    if strike.injured and rng.random() < 0.5:
        figures.append(
            Figure("injured", "civilians", max(1, round(strike.injured * rng.uniform(0.7, 1.3))))
        )
    facilities: tuple[FacilityHit, ...] = ()
    if strike.facility is not None and rng.random() < 0.7:
        kind, facility_id = strike.facility
        facilities = (FacilityHit(kind, facility_id=facility_id if rng.random() < 0.6 else None),)
    return Report(
        key=key,
        document_sha256=key.split(":", 1)[0],
        source="synthetic",
        date_start=start,
        date_end=end,
        time_precision=precision,
        place=place,
        geo_precision=geo if place is not None else None,
        perpetrators=perpetrators,
        suspected=suspected,
        weapons=weapons,
        figures=tuple(figures),
        facilities=facilities,
        published=published,
    )


def _period_total(world: World, key: str, rng: random.Random) -> Report:
    province = rng.choice(world.provinces)
    start = START + timedelta(days=rng.randrange(world.days))
    return Report(
        key=key,
        document_sha256=key.split(":", 1)[0],
        source="synthetic",
        date_start=start,
        date_end=start + timedelta(days=6),
        time_precision=2,
        place=province,
        geo_precision=3,
        period_total=True,
        figures=(
            Figure("strikes", "airstrike", rng.randrange(50, 800)),
            Figure("killed", "civilians", rng.randrange(20, 200)),
        ),
    )


def generate(n: int, seed: int) -> tuple[list[Report], np.ndarray]:
    """``n`` reports and, for each, its true incident (-1 for a period total)."""
    rng = random.Random(seed)
    world = _world(n, rng)
    reports: list[Report] = []
    truth: list[int] = []
    incident = 0
    doc = 0
    while len(reports) < n:
        if rng.random() < 0.03:
            reports.append(_period_total(world, f"{doc:016x}:0", rng))
            truth.append(-1)
            doc += 1
            continue
        strikes = [_strike(world, rng)]
        roll = rng.random()
        if roll < 0.10:  # the same town struck again the next day
            strikes.append(_strike(world, rng, town=strikes[0].town, day=strikes[0].day + 1))
        elif roll < 0.20:  # a neighbouring town struck the same day
            strikes.append(
                _strike(
                    world,
                    rng,
                    town=_near(world, strikes[0].town, rng, 2.0, 8.0),
                    day=strikes[0].day,
                )
            )
        for strike in strikes:
            for _ in range(min(12, 1 + np.random.default_rng(rng.randrange(2**32)).poisson(1.6))):
                if len(reports) >= n:
                    break
                reports.append(_report(world, strike, f"{doc:016x}:0", rng))
                truth.append(incident)
                doc += 1
            incident += 1
    return reports, np.array(truth, dtype=np.int64)


def _pairs(labels: np.ndarray) -> int:
    _, counts = np.unique(labels, return_counts=True)
    return int((counts * (counts - 1) // 2).sum())


def pairwise_scores(predicted: np.ndarray, truth: np.ndarray) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of a clustering against the true one."""
    both = predicted * (truth.max() + 1) + truth
    true_positive = _pairs(both)
    found, real = _pairs(predicted), _pairs(truth)
    precision = true_positive / found if found else 1.0
    recall = true_positive / real if real else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(n: int, seed: int, settings: LinkSettings = DEFAULT_SETTINGS) -> dict[str, float]:
    """Generate, link and score; returns the figures (time of linking alone)."""
    reports, truth = generate(n, seed)
    return score(reports, truth, settings)


def score(
    reports: list[Report], truth: np.ndarray, settings: LinkSettings = DEFAULT_SETTINGS
) -> dict[str, float]:
    """Link ``reports`` and compare with ``truth``: pairwise P/R/F1, time, memory."""
    rss_before = _rss_mb("VmRSS")
    began, cpu = time.perf_counter(), time.process_time()
    result = link_reports(reports, settings=settings)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    row = {key: n for n, key in enumerate(r.key for r in reports)}
    predicted = np.full(len(reports), -1, dtype=np.int64)
    for label, incident in enumerate(result.incidents):
        for key in incident.reports:
            predicted[row[key]] = label
    events = truth >= 0
    precision, recall, f1 = pairwise_scores(predicted[events], truth[events])
    return {
        "n": len(reports),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "pairs": result.pairs,
        "incidents": len(result.incidents),
        "true_incidents": len(np.unique(truth[events])),
        "period_totals": len(result.period_totals),
        "rss_before_mb": rss_before,
        "peak_mb": _rss_mb("VmHWM"),
    }


def _rss_mb(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _one(n: int, seed: int) -> None:
    found = evaluate(n, seed)
    peak, alone = found["peak_mb"] / 1024, found["rss_before_mb"] / 1024
    cpu = found["cpu_seconds"]
    print(
        f"{found['n']:>9,}  P {found['precision']:.3f}  R {found['recall']:.3f}  "
        f"F1 {found['f1']:.3f}  link {found['seconds']:6.1f} s (CPU {cpu:5.1f} s)  "
        f"peak {peak:5.2f} GB (reports alone {alone:4.2f} GB)  pairs {found['pairs']:,}  "
        f"incidents {found['incidents']:,} (true {found['true_incidents']:,})",
        flush=True,
    )


TUNE_GRID: dict[str, tuple[float, ...]] = {
    "link_threshold": (0.5, 1.0, 1.5, 2.0, 2.5, 3.0),
    "merge_below_link": (0.0, 0.5, 1.0, 2.0),
}


def _tune(n: int) -> None:
    """Every combination of TUNE_GRID on the development seed (never the reported one)."""
    import itertools

    reports, truth = generate(n, TUNE_SEED)
    print(f"tuning on seed {TUNE_SEED}, N = {n:,}")
    found: list[tuple[float, str]] = []
    names = list(TUNE_GRID)
    for values in itertools.product(*(TUNE_GRID[name] for name in names)):
        changes = dict(zip(names, values, strict=True))
        label = " ".join(f"{k}={v}" for k, v in changes.items())
        below = changes.pop("merge_below_link")
        changes["merge_threshold"] = changes["link_threshold"] - below
        settings = dataclasses.replace(DEFAULT_SETTINGS, **changes)
        result = score(reports, truth, settings)
        found.append((result["f1"], label))
        print(
            f"{label}: P {result['precision']:.3f} R {result['recall']:.3f} F1 {result['f1']:.3f}",
            flush=True,
        )
    print("best:", max(found))


def _weights(n: int) -> None:
    """m = P(level | same strike), u = P(level | different strikes) of every comparison level,
    over the pairs blocking lets through, on the development seed: log2(m/u) is the weight."""
    from harmwatch.link._blocking import candidate_pairs
    from harmwatch.link._scoring import score_pairs
    from harmwatch.link._table import to_table

    reports, truth = generate(n, TUNE_SEED)
    events = [r for r, t in zip(reports, truth, strict=True) if t >= 0]
    labels = truth[truth >= 0]
    table = to_table(events)
    i, j = candidate_pairs(table, DEFAULT_SETTINGS)
    parts = score_pairs(table, i, j, DEFAULT_SETTINGS, parts=True)
    assert isinstance(parts, dict)
    same = labels[i] == labels[j]
    prior = same.mean()
    print(f"seed {TUNE_SEED}, N = {n:,}: {len(i):,} blocked pairs, {same.sum():,} of one strike")
    print(f"prior log2 odds {np.log2(prior / (1 - prior)):+.2f}")
    for name, weights in parts.items():
        for level in sorted(set(weights.tolist())):
            chosen = weights == level
            m = (chosen & same).sum() / max(same.sum(), 1)
            u = (chosen & ~same).sum() / max((~same).sum(), 1)
            ratio = np.log2((m + 1e-6) / (u + 1e-6))
            print(f"{name:12s} weight now {level:+5.1f}  m {m:.3f}  u {u:.3f}  {ratio:+6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="N = 10,000 and 100,000 only")
    parser.add_argument("--sizes", help="comma-separated N (default 10000,100000,1000000)")
    parser.add_argument("--seed", type=int, default=EVAL_SEED)
    parser.add_argument("--tune", action="store_true", help="threshold grid on the dev seed")
    parser.add_argument("--weights", action="store_true", help="m/u per level on the dev seed")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.one:
        _one(options.one, options.seed)
        return
    if options.tune:
        _tune(20_000)
        return
    if options.weights:
        _weights(20_000)
        return
    sizes = [10_000, 100_000] if options.quick else [10_000, 100_000, 1_000_000]
    if options.sizes:
        sizes = [int(s) for s in options.sizes.split(",")]
    print(f"seed {options.seed}; pairwise scores over event reports (period totals apart)")
    for n in sizes:  # a fresh process each, so that peak memory is that N's own
        subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--seed", str(options.seed)], check=True
        )


if __name__ == "__main__":
    main()
