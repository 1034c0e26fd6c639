"""Speed and memory of ``harmwatch.extract.extract_text`` on a generated corpus.

Generates reports from templates with seeded randomness (casualty sentences, breakdowns,
strike counts, facilities, datelines, filler prose without numbers, a little Arabic), runs
extraction on one core, and prints words/second and peak memory for 1,250 / 2,500 / 5,000
reports, to show that time grows linearly with the text.

    .venv/bin/python bench/extract_speed.py            # 5,000 reports
    .venv/bin/python bench/extract_speed.py --docs 1000
    .venv/bin/python bench/extract_speed.py --pathological   # one 20 MB table-heavy text
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import sys
import time

from harmwatch.extract import extract_text

PLACES = ["Idlib", "Saraqib", "Aleppo", "Kharkiv", "Gaza City", "Sanaa", "El Fasher", "Mosul"]
ACTORS = ["Russian", "Syrian government", "Saudi-led coalition", "Israeli", "RSF", "junta"]
GROUPS = ["people", "civilians", "children", "women", "paramedics", "villagers", "patients"]
WEAPONS = ["air strikes", "barrel bombs", "missiles", "drones", "artillery shells", "raids"]
FACILITIES = ["hospitals", "schools", "markets", "mosques", "bakeries", "houses"]
WORDS = ["eight", "twelve", "twenty-three", "a dozen", "two hundred and five", "forty"]
BOUNDS = ["", "at least ", "more than ", "nearly ", "up to ", "some "]
PROSE = [
    "The monitoring group said residents fled toward the border as the bombardment continued "
    "through the night.",
    "Aid agencies warned that access to the area remained limited and that supplies of fuel "
    "and medicine were running low.",
    "Local officials described scenes of destruction in the market district and appealed for "
    "international protection of civilians.",
    "Witnesses said warplanes circled over the town for hours before the first explosions "
    "were heard near the main square.",
    "The government denied targeting civilian areas and said its forces struck only "
    "positions held by armed groups.",
    "Rescue teams worked with their bare hands to reach people trapped under the rubble of "
    "collapsed buildings.",
    "The United Nations called for an independent investigation and urged all parties to "
    "respect international humanitarian law.",
    "Doctors at the remaining clinics said they were overwhelmed and short of blood, "
    "anaesthetics and generators.",
]
ARABIC = "قتل 14 مدنياً على الأقل بينهم ثلاثة أطفال وسيدتان في غارات على ريف إدلب. "


def _count(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(WORDS)
    return f"{rng.randint(2, 2500):,}"


def make_report(rng: random.Random) -> str:
    """One report: a dateline, a few casualty sentences and some prose without numbers."""
    parts = [f"{rng.choice(PLACES).upper()}, {rng.randint(1, 28)} March 20{rng.randint(14, 24)} - "]
    for _ in range(rng.randint(4, 12)):
        r = rng.random()
        if r < 0.25:
            parts.append(
                f"{rng.choice(BOUNDS).capitalize()}{_count(rng)} {rng.choice(GROUPS)} were killed "
                f"in {rng.choice(ACTORS)} {rng.choice(WEAPONS)} on {rng.choice(PLACES)}, "
                f"including {_count(rng)} children and {_count(rng)} women. "
            )
        elif r < 0.33:
            parts.append(
                f"The {rng.choice(ACTORS)} forces carried out {_count(rng)} "
                f"{rng.choice(WEAPONS)} in just {rng.randint(2, 9)} days. "
            )
        elif r < 0.4:
            parts.append(
                f"{_count(rng)} {rng.choice(FACILITIES)} were damaged and "
                f"{_count(rng)} destroyed, the ministry said on Thursday. "
            )
        elif r < 0.47:
            parts.append(
                f"A strike killed {rng.choice(BOUNDS)}{_count(rng)} people and wounded "
                f"{_count(rng)} others, among them a 12-year-old boy, 3 km from the front. "
            )
        elif r < 0.5:
            parts.append(ARABIC)
        else:
            parts.append(" ".join(rng.sample(PROSE, rng.randint(2, 5))) + " ")
    return "".join(parts)


def corpus(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [make_report(rng) for _ in range(n)]


def run(docs: list[str]) -> tuple[int, float, int]:
    words = sum(len(d.split()) for d in docs)
    start = time.perf_counter()
    claims = 0
    for d in docs:
        claims += len(extract_text(d, lang=None).claims)
    return words, time.perf_counter() - start, claims


def pathological(size: int = 20_000_000, seed: int = 3) -> str:
    """A huge report: casualty sentences between long tables of figures and repeated prose."""
    rng = random.Random(seed)
    out = io.StringIO()  # not a list of pieces: the measure is of extraction, not of this
    total = 0
    while total < size:
        r = rng.random()
        if r < 0.4:
            piece = f"At least {rng.randint(2, 900)} people were killed in strikes on Idlib. "
        elif r < 0.6:
            piece = ", ".join(str(rng.randint(0, 99_999)) for _ in range(40)) + ". "
        else:
            piece = "The bombardment continued through the night, residents said. " * 3
        out.write(piece)
        total += len(piece)
    return out.getvalue()


def run_pathological() -> int:
    text = pathological()
    extract_text("Five people were killed.", lang="en")  # lazy imports outside the measure
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    claims = len(extract_text(text).claims)
    secs = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    words = len(text.split())
    print(f"{len(text) / 1e6:.0f} MB, {words} words, {claims} claims in {secs:.1f} s")
    print(f"peak memory (max RSS): {peak:.0f} MB (text and interpreter alone: {before:.0f} MB)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--pathological", action="store_true", help="one 20 MB text instead")
    a = ap.parse_args()
    if a.pathological:
        return run_pathological()
    docs = corpus(a.docs)
    extract_text(docs[0])  # warm caches and lazy imports
    print(f"{'reports':>8} {'words':>10} {'seconds':>8} {'words/s':>10} {'claims':>8} /1k words")
    for n in sorted({max(1, a.docs // 4), max(1, a.docs // 2), a.docs}):
        words, secs, claims = run(docs[:n])
        print(
            f"{n:>8} {words:>10} {secs:>8.2f} {words / secs:>10.0f} {claims:>8} "
            f"{1000 * claims / words:>8.1f}"
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
