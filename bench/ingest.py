"""Ingest speed and memory: 10,000 varied HTML reports into a fresh SQLite database.

Runs the same code path as ``harmwatch ingest`` (in-process), prints documents per second and
memory at 2,500 / 5,000 / 10,000 documents (memory should stay flat), then where the time goes
(reading + HTML reduction, analysis, storing) on a sample. A second run swaps the analysis for
an empty extraction, to time ingest and store alone.

    python bench/ingest.py [--documents 10000] [--keep]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from harmwatch.ingest import iter_paths, read_file
from harmwatch.model import Document, Extraction
from harmwatch.pipeline import Analyze, Analyzer, ingest_sources
from harmwatch.store import Store

PLACES = ["Idlib", "Saraqib", "Ariha", "Maarat al-Numan", "Kafranbel", "Jisr al-Shughur", "Hama",
          "Khan Shaykhun", "Aleppo", "Douma"]  # fmt: skip
GROUPS = ["civilians", "children", "women", "people", "rescuers", "medical staff"]
WEAPONS = ["airstrikes", "barrel bombs", "artillery shelling", "missiles", "cluster munitions"]
FACILITIES = [
    "a hospital",
    "a school",
    "a market",
    "a bakery",
    "a mosque",
    "a civil defence centre",
]
ARABIC = "قتل {n} مدنيا على الأقل في غارات جوية على {place} يوم الأحد، بحسب الدفاع المدني."


def _paragraph(rng: random.Random) -> str:
    place, group, weapon = rng.choice(PLACES), rng.choice(GROUPS), rng.choice(WEAPONS)
    sentences = [
        f"At least {rng.randint(2, 120)} {group} were killed and {rng.randint(1, 80)} injured "
        f"when {weapon} hit {place} on {rng.choice(['Sunday', 'Monday', 'Thursday'])}.",
        f"Rescuers said {rng.choice(FACILITIES)} was put out of service after the strikes.",
        f"The monitoring group recorded {rng.randint(10, 900)} strikes in the area over the "
        f"past {rng.randint(2, 14)} days.",
        "Residents described the night as the heaviest bombardment in months, and families "
        "fled north towards the border with their belongings loaded onto trucks.",
    ]
    rng.shuffle(sentences)
    return " ".join(sentences[: rng.randint(2, 4)])


def write_documents(folder: Path, count: int, seed: int = 2017) -> None:
    """``count`` HTML pages of varied length and layout, in 100 sub-folders."""
    rng = random.Random(seed)
    for n in range(count):
        place = rng.choice(PLACES)
        paragraphs = [_paragraph(rng) for _ in range(rng.randint(2, 14))]
        if n % 10 == 0:
            paragraphs.append(ARABIC.format(n=rng.randint(2, 60), place="إدلب"))
        menu = "".join(
            f"<li><a href='/s/{i}'>Section {i}</a></li>" for i in range(rng.randint(3, 25))
        )
        related = "".join(
            f"<li><a href='/a/{rng.randint(1, 10**6)}'>{_paragraph(rng)[:60]}</a></li>"
            for _ in range(rng.randint(0, 8))
        )
        banner = (
            "<div class='cookie'>We use cookies to improve your experience. "
            "Accept all cookies</div>"
            if n % 3 == 0
            else ""
        )
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        published = f"2019-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        html = (
            f"<!doctype html><html><head><meta charset='utf-8'><title>{place} report {n}</title>"
            f"<meta property='article:published_time' content='{published}T08:00:00Z'>"
            f"<script>window.analytics = {{id: {n}}};</script><style>p{{margin:0}}</style></head>"
            f"<body><header><ul class='menu'>{menu}</ul></header>{banner}"
            f"<main><article><h1>{place}: report {n}</h1>{body}</article>"
            f"<aside><h3>Related</h3><ul>{related}</ul></aside></main>"
            f"<footer><p>Copyright 2019 Example Monitor. All rights reserved.</p></footer>"
            f"</body></html>"
        )
        target = folder / f"{n % 100:02d}" / f"report-{n:05d}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")


def _rss_mb() -> float:
    """Resident memory now, in MB (Linux)."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 1e6


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # Linux: KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=500, help="documents for the breakdown")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="harmwatch-bench-"))
    try:
        folder = work / "reports"
        started = time.perf_counter()
        write_documents(folder, args.documents)
        size = sum(p.stat().st_size for p in folder.rglob("*.html"))
        print(f"generated {args.documents} HTML documents, {size / 1e6:.1f} MB, "
              f"in {time.perf_counter() - started:.1f} s")  # fmt: skip

        # Warm the lazy imports and models so the figures are about documents, not start-up.
        analyze = Analyzer.load()
        analyze(read_file(next(iter_paths(folder))))
        whole = "the whole path: read, analyze, store"
        _run(folder, work / "bench.db", args.documents, analyze=analyze, title=whole)
        alone = "ingest and store alone (analysis swapped for an empty extraction)"
        _run(folder, work / "alone.db", args.documents, analyze=_no_analysis, title=alone)
        _breakdown(folder, work, args.sample, analyze)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def _no_analysis(document: Document) -> Extraction:
    return Extraction(lang=document.lang or "und", published=document.published, period=None)


def _run(folder: Path, database: Path, count: int, *, analyze: Analyze, title: str) -> None:
    """Ingest the folder into a new database, printing speed and memory at checkpoints."""
    checkpoints = {count // 4, count // 2, count}
    url = f"sqlite:///{database}"
    print(f"\n{title}\ninto a fresh SQLite database ({url})")
    print(f"{'documents':>10} {'seconds':>8} {'docs/s':>8} {'RSS MB':>8} {'peak MB':>8}")
    stored = failed = 0
    with Store.open(url) as store:
        started = time.perf_counter()
        for outcome in ingest_sources(store, [str(folder)], analyze=analyze):
            stored += outcome.status == "stored"
            failed += outcome.status == "failed"
            done = stored + failed
            if done in checkpoints:
                elapsed = time.perf_counter() - started
                print(f"{done:>10} {elapsed:>8.1f} {done / elapsed:>8.0f} "
                      f"{_rss_mb():>8.0f} {_peak_mb():>8.0f}")  # fmt: skip
        total = time.perf_counter() - started
        documents = store.count_documents()
    size = sum(path.stat().st_size for path in database.parent.glob(database.name + "*"))
    print(f"stored {stored}, failed {failed}; {documents} documents in the database "
          f"({size / 1e6:.0f} MB); {stored / total:.0f} documents/second overall")  # fmt: skip


def _breakdown(folder: Path, work: Path, sample_size: int, analyze: Analyze) -> None:
    """Milliseconds per document in each step, on a sample, to show where time goes."""
    print()
    paths = list(iter_paths(folder))[:sample_size]
    started = time.perf_counter()
    documents = [read_file(path) for path in paths]
    reading = time.perf_counter() - started
    started = time.perf_counter()
    extractions = [analyze(d) for d in documents]
    analysing = time.perf_counter() - started
    started = time.perf_counter()
    with Store.open(f"sqlite:///{work / 'breakdown.db'}") as store:
        for document, extraction in zip(documents, extractions, strict=True):
            store.add_document(document, extraction)
    storing = time.perf_counter() - started
    n = len(paths)
    claims = sum(len(e.claims) for e in extractions)
    print(f"per document on {n} documents: read + HTML reduction {reading / n * 1000:.2f} ms, "
          f"analysis {analysing / n * 1000:.2f} ms ({claims / n:.1f} claims each), "
          f"store {storing / n * 1000:.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
