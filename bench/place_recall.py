"""Place recall on the shared eval-dev set, per conflict, with every fifth text kept apart.

The texts stay in shared/eval-dev (never copied here). Texts d005, d010, ... form the "unread"
part: their misses are never printed, only their score, so that tuning does not see them.

Run: .venv/bin/python bench/place_recall.py [--misses]
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

from harmwatch.extract import extract_text
from harmwatch.geo import Gazetteer, locate

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval-dev" / "articles"


def _fold(text: str) -> str:  # as the eval-dev scorer compares names
    text = unicodedata.normalize("NFKD", str(text).lower())
    plain = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9\u0600-\u06ff]", "", plain)


def main(argv: list[str]) -> int:
    if not EVAL.is_dir():
        print(f"no eval-dev set at {EVAL}")
        return 0
    show = "--misses" in argv
    gazetteer = Gazetteer.load()
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    began = time.perf_counter()
    for gold_path in sorted(EVAL.glob("d*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        unread = int(gold["id"][1:]) % 5 == 0
        extraction = locate(extract_text(text), text, gazetteer)
        names = [_fold(m.name) for m in extraction.places]
        for place in gold.get("places", []):
            folded = _fold(place)
            found = bool(folded) and any(
                folded == n or (len(folded) > 3 and folded in n) for n in names
            )
            for group in ("all", "unread" if unread else "tuned", gold.get("conflict", "?")):
                totals[group] += 1
                hits[group] += found
            if show and not found and not unread:
                print(f"  miss {gold['id']} ({gold.get('conflict')}): {place!r}")
    elapsed = time.perf_counter() - began
    for group in sorted(totals, key=lambda g: (g not in ("all", "tuned", "unread"), g)):
        print(
            f"place recall {group}: {hits[group] / totals[group]:.3f} "
            f"({hits[group]}/{totals[group]})"
        )
    print(f"time: {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
