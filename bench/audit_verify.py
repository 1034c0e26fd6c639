"""Cost of ``harmwatch audit verify``: seconds and memory per 10,000 audit entries.

Fills a fresh database with documents (each a few KB of text with an extraction of a few claims
and places, one audit entry each), then times the whole verification (chain + every row) and the
cheap tail check every write does. Prints the figures per 10,000 entries.

    python bench/audit_verify.py [--entries 10000] [--db sqlite|postgresql://...]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import tempfile
import time
from datetime import date
from pathlib import Path

from harmwatch.model import Claim, Document, Extraction, Period, Place, PlaceMention
from harmwatch.store import Store
from harmwatch.store._audit import check_tail

SENTENCE = "At least {n} civilians were killed in airstrikes on {place} on Sunday, rescuers said. "
PLACES = ["Idlib", "Saraqib", "Ariha", "Kafranbel", "Hama", "Douma"]


def _document(index: int, rng: random.Random) -> tuple[Document, Extraction]:
    text = (
        "".join(SENTENCE.format(n=rng.randint(2, 90), place=rng.choice(PLACES)) for _ in range(40))
        + f"Report {index}."
    )
    raw = text.encode("utf-8")
    claims = tuple(
        Claim(
            kind="killed",
            subject="civilians",
            value=rng.randint(2, 90),
            start=i * 10,
            end=i * 10 + 5,
            text=text[i * 10 : i * 10 + 5],
            sentence=i,
            bound="at_least",
            weapon="airstrike",
            date=date(2019, 5, 19),
            confidence=0.9,
        )
        for i in range(4)
    )
    place = Place(id="geonames:1", name="Idlib", lat=35.9, lon=36.6, feature="city")
    places = tuple(PlaceMention("Idlib", 0, 5, 0, place, 0.9) for _ in range(2))
    extraction = Extraction(
        lang="en",
        published=date(2019, 5, 20),
        period=Period(date(2019, 5, 19), date(2019, 5, 19)),
        claims=claims,
        places=places,
        weapons=("airstrike",),
    )
    document = Document(
        sha256=hashlib.sha256(raw).hexdigest(),
        source=f"file:///reports/{index}.txt",
        raw=raw,
        text=text,
        published=date(2019, 5, 20),
        lang="en",
    )
    return document, extraction


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--db", default="sqlite", help="sqlite (a temp file) or a PostgreSQL URL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}" if args.db == "sqlite" else args.db
        rng = random.Random(2017)
        started = time.perf_counter()
        with Store.open(url) as store:
            for index in range(args.entries):
                store.add_document(*_document(index, rng))
            filled = time.perf_counter() - started
            size = sum(len(d.raw) for d in store.iter_documents())
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            started = time.perf_counter()
            report = store.check_audit()
            verify = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            assert report.ok, report.problems[:3]
            started = time.perf_counter()
            with store._read() as connection:  # the check every write makes
                for _ in range(100):
                    check_tail(connection)
            tail = (time.perf_counter() - started) / 100
    per = 10_000 / args.entries
    print(f"database: {args.db}; {args.entries} entries, {size / 1e6:.1f} MB of documents")
    print(f"  filled in {filled:.1f} s")
    print(
        f"  audit verify: {verify:.2f} s in all, {verify * per:.2f} s per 10,000 entries "
        f"(each with a document, 4 claims, 2 places)"
    )
    print(f"  peak memory: {peak / 1024:.0f} MB (was {before / 1024:.0f} MB before verify)")
    print(f"  tail check on each write: {tail * 1000:.2f} ms")


if __name__ == "__main__":
    main()
