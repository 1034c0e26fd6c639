"""How fast the world gazetteer loads, how much memory it takes, how fast it resolves names
(Syrian spellings and places of other conflicts), how fast places are found in text (cold, on
the shared eval-dev texts where they exist, and warm), and how much of the Syrian spelling
table resolves.

Times are CPU seconds of this process (``time.process_time``), so that other work on a shared
machine does not count; the load is also given as wall-clock time.

Run: .venv/bin/python bench/geocode.py
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from harmwatch.geo import Gazetteer, find_places
from harmwatch.geo import _gazetteer as gazetteer_module

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval-dev" / "articles"

NAMES = [
    "Idlib",
    "Idleb",
    "Edlib",
    "إدلب",
    "Maarat al-Numan",
    "Ma'arrat an-Nu'man",
    "Maarrat al-Nouman",
    "معرة النعمان",
    "Khan Sheikhoun",
    "Khan Shaykhun",
    "Jisr al-Shughour",
    "Kafranbel",
    "Kafr Nabl",
    "Saraqeb",
    "Latamneh",
    "Sarmada",
    "Ariha",
    "Atareb",
    "Darat Izza",
    "Douma",
    "Harasta",
    "Halab",
    "Hama",
    "Homs",
    "Raqqa",
    "Deir ez-Zor",
    "Daraa",
    "Shannan",
    "Urum al-Kubra",
    "Qwertabad",
]
WORLD = [
    "Sanaa",
    "Saada",
    "Hodeidah",
    "Kharkiv",
    "Kharkov",
    "Харків",
    "Khan Younis",
    "خان يونس",
    "Tyre",
    "El Fasher",
    "Mosul",
    "Kabul",
    "Sagaing",
    "Mekelle",
    "Nuseirat",
    "Zaporizhzhia",
    "Beirut",
    "Marib",
    "Kherson",
    "Omdurman",
]

TEXT = (
    "On Monday, Russian warplanes struck the town of Kafranbel in the southern countryside of "
    "Idlib, killing 5 civilians, the Syrian Civil Defence said. Strikes also hit Latamneh in "
    "northern Hama and the village of Shannan, while Khan Sheikhoun and Maarat al-Numan were "
    "shelled by government forces. A hospital in Saraqeb was put out of service. "
) * 50


def main() -> None:
    gazetteer_module._CACHE.clear()
    began, wall = time.process_time(), time.perf_counter()
    gazetteer = Gazetteer.load()
    load, wall = time.process_time() - began, time.perf_counter() - wall
    print(
        f"load: {load * 1000:.0f} ms CPU, {wall * 1000:.0f} ms wall "
        f"({len(gazetteer)} places in memory, the world on disk)"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    print(f"process peak RSS after load: {rss:.0f} MB")
    gazetteer_module._CACHE.clear()
    tracemalloc.start()
    Gazetteer.load()
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"memory held by one gazetteer: {held / 1e6:.0f} MB (Python objects)")

    times = []
    for name in WORLD:
        began = time.process_time()
        gazetteer.geocode(name)
        times.append(time.process_time() - began)
    print(
        "first lookups of places of other conflicts (world index): "
        f"{len(WORLD) / sum(times):,.0f} /s, median {statistics.median(times) * 1000:.2f} ms"
    )

    names = [place.name for place in gazetteer.places()][:5000]
    began = time.process_time()
    for name in names:
        gazetteer.geocode(name)
    cold = time.process_time() - began
    print(f"first lookups of gazetteer names (nothing cached): {len(names) / cold:,.0f} lookups/s")

    began = time.process_time()
    for name in NAMES:
        gazetteer.geocode(name)
    cold = time.process_time() - began
    print(f"first lookups of news spellings (fuzzy where needed): {len(NAMES) / cold:,.0f} /s")

    rounds = 2000
    began = time.process_time()
    for _ in range(rounds):
        for name in NAMES:
            gazetteer.geocode(name)
    warm = time.process_time() - began
    print(f"repeated lookups (cache of folded keys): {rounds * len(NAMES) / warm:,.0f} lookups/s")

    texts = sorted(EVAL.glob("d*.txt")) if EVAL.is_dir() else []
    if texts:
        bodies = [path.read_text(encoding="utf-8") for path in texts]
        words = sum(len(body.split()) for body in bodies)
        began = time.process_time()
        for body in bodies:
            find_places(body, gazetteer)
        first = time.process_time() - began
        began = time.process_time()
        for body in bodies:
            find_places(body, gazetteer)
        again = time.process_time() - began
        print(
            f"places in {len(bodies)} real reports ({words:,} words): first pass "
            f"{words / first:,.0f} words/s, second pass {words / again:,.0f} words/s"
        )

    words = len(TEXT.split())
    find_places(TEXT, gazetteer)
    began = time.process_time()
    repeats = 20
    for _ in range(repeats):
        find_places(TEXT, gazetteer)
    scan = time.process_time() - began
    print(f"places in text: {words * repeats / scan:,.0f} words/s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    print(f"process peak RSS at the end: {rss:.0f} MB")
    print(f"Syrian spelling table resolved in a report on Syria: {_spelling_share(gazetteer):.1%}")


def _spelling_share(gazetteer: Gazetteer) -> float:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "geo"))
    from test_spellings import SPELLINGS

    right = 0
    for spelling, expected, context in SPELLINGS:
        match = gazetteer.geocode(spelling, context=[context] if context else [], countries=("SY",))
        right += match.place is not None and match.place.id == expected
    return right / len(SPELLINGS)


if __name__ == "__main__":
    main()
