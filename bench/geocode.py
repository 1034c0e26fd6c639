"""How fast the world gazetteer loads, how much memory it takes, how fast it resolves names
(Syrian spellings and places of other conflicts), and how fast places are found in text.

Run: .venv/bin/python bench/geocode.py
"""

from __future__ import annotations

import resource
import time
import tracemalloc

from harmwatch.geo import Gazetteer, find_places
from harmwatch.geo import _gazetteer as gazetteer_module

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
    began = time.perf_counter()
    gazetteer = Gazetteer.load()
    load = time.perf_counter() - began
    print(f"load: {load * 1000:.0f} ms ({len(gazetteer)} places in memory, the world on disk)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    print(f"process peak RSS after load: {rss:.0f} MB")
    gazetteer_module._CACHE.clear()
    tracemalloc.start()
    Gazetteer.load()
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"memory held by one gazetteer: {held / 1e6:.0f} MB (Python objects)")

    began = time.perf_counter()
    for name in WORLD:
        gazetteer.geocode(name)
    cold = time.perf_counter() - began
    print(f"first lookups of places of other conflicts (world index): {len(WORLD) / cold:,.0f} /s")

    names = [place.name for place in gazetteer.places()][:5000]
    began = time.perf_counter()
    for name in names:
        gazetteer.geocode(name)
    cold = time.perf_counter() - began
    print(f"first lookups of gazetteer names (nothing cached): {len(names) / cold:,.0f} lookups/s")

    began = time.perf_counter()
    for name in NAMES:
        gazetteer.geocode(name)
    cold = time.perf_counter() - began
    print(f"first lookups of news spellings (fuzzy where needed): {len(NAMES) / cold:,.0f} /s")

    rounds = 2000
    began = time.perf_counter()
    for _ in range(rounds):
        for name in NAMES:
            gazetteer.geocode(name)
    warm = time.perf_counter() - began
    print(f"repeated lookups (cache of folded keys): {rounds * len(NAMES) / warm:,.0f} lookups/s")

    words = len(TEXT.split())
    find_places(TEXT, gazetteer)
    began = time.perf_counter()
    repeats = 20
    for _ in range(repeats):
        find_places(TEXT, gazetteer)
    scan = time.perf_counter() - began
    print(f"places in text: {words * repeats / scan:,.0f} words/s")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    print(f"process peak RSS at the end: {rss:.0f} MB")


if __name__ == "__main__":
    main()
