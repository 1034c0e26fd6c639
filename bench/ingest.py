"""Ingest speed and memory: many varied HTML reports, then single huge documents.

1. Throughput: ``--documents`` generated HTML reports into a fresh SQLite database through the
   same code as ``harmwatch ingest`` (``harmwatch.pipeline.ingest_sources``): documents per
   second and memory at a quarter, half and all of them (memory should stay flat). Run three
   times: analysis in its worker process under the time budget (the default), analysis in this
   process (no budget: the difference is the budget's cost), and analysis swapped for an empty
   extraction (reading and storing alone); then where the time goes on a sample.
2. Memory by input size: one plain-text report of each of ``--sizes`` MB (generated report
   prose, dense in counts), each ingested in a fresh process; prints the peak resident memory of
   the ingesting process and of its analysis worker, each less the same process's peak on a
   1 kB report (the constant: interpreter, libraries, gazetteer, language model), per MB of
   input. The aim is under 5x the input in each process.

    python bench/ingest.py [--documents 10000] [--sizes 1,20,200] [--keep]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harmwatch.ingest import iter_paths, read_file
from harmwatch.model import Document, Extraction
from harmwatch.pipeline import (
    DEFAULT_TIME_BUDGET,
    Analyze,
    Analyzer,
    BudgetedAnalyzer,
    ingest_sources,
)
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
    parser.add_argument("--documents", type=int, default=10_000, help="0 skips throughput")
    parser.add_argument("--sample", type=int, default=500, help="documents for the breakdown")
    parser.add_argument("--sizes", default="1,20,200", help="MB per huge document; '' skips")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder")
    parser.add_argument("--peak-of", help=argparse.SUPPRESS)  # internal: one ingest, one process
    args = parser.parse_args()
    if args.peak_of:
        _print_peaks(Path(args.peak_of))
        return

    work = Path(tempfile.mkdtemp(prefix="harmwatch-bench-"))
    try:
        if args.documents:
            _throughput(work, args.documents, args.sample)
        if args.sizes:
            _memory_by_size(work, [float(size) for size in args.sizes.split(",")])
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def _throughput(work: Path, count: int, sample: int) -> None:
    folder = work / "reports"
    started = time.perf_counter()
    write_documents(folder, count)
    size = sum(p.stat().st_size for p in folder.rglob("*.html"))
    print(f"generated {count} HTML documents, {size / 1e6:.1f} MB, "
          f"in {time.perf_counter() - started:.1f} s")  # fmt: skip

    # Warm the lazy imports and models so the figures are about documents, not start-up.
    analyze = Analyzer.load()
    analyze(read_file(next(iter_paths(folder))))
    whole = "the whole path: read, analyse (worker process, time budget), store"
    budgeted, budgeted_cpu = _run(folder, work / "bench.db", count, analyze=analyze, title=whole)
    here = "the whole path, analysis in this process (no time budget)"
    unbudgeted, unbudgeted_cpu = _run(
        folder, work / "here.db", count, analyze=analyze, title=here, budget=None
    )
    print(f"\nthe time budget's cost (worker process, documents sent and extractions returned "
          f"through a pipe), over {count} documents: wall {budgeted - unbudgeted:+.2f} s "
          f"({(budgeted / unbudgeted - 1) * 100:+.1f}%), CPU "
          f"{(budgeted_cpu - unbudgeted_cpu) / count * 1000:+.2f} ms per document "
          f"({(budgeted_cpu / unbudgeted_cpu - 1) * 100:+.1f}%)")  # fmt: skip
    alone = "ingest and store alone (analysis swapped for an empty extraction)"
    _run(folder, work / "alone.db", count, analyze=_no_analysis, title=alone)
    _breakdown(folder, work, sample, analyze)


def write_report_text(path: Path, megabytes: float, seed: int = 2019) -> int:
    """A plain-text report of about ``megabytes`` MB: paragraphs of report prose."""
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            paragraph = _paragraph(rng) + "\n\n"
            out.write(paragraph)
            written += len(paragraph.encode("utf-8"))
    return written


def _status(pid: int | str, field: str) -> float:
    """A memory figure of a process from /proc (VmRSS now, VmHWM its peak), in MB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024 / 1e6
    raise KeyError(field)


def _reset_peak(pid: int | str) -> None:
    with open(f"/proc/{pid}/clear_refs", "w") as clear:
        clear.write("5")  # VmHWM := VmRSS (Linux 4.0+)


def _print_peaks(path: Path) -> None:
    """Ingest one file into a fresh database; print a JSON line of memory and time.

    The worker is forked before the document is read, and a 1 kB report goes first, so that
    both processes have loaded what they load once (libraries, gazetteer, date parser); their
    peaks are reset then, so the figures are the document's alone.
    """
    database = path.with_suffix(".db")
    warm = path.with_name("warm-up.txt")
    write_report_text(warm, 0.001, seed=1)
    budgeted = BudgetedAnalyzer(Analyzer.load(), budget=36_000)
    with Store.open(f"sqlite:///{database}") as store, budgeted:
        budgeted.start()
        worker = budgeted.worker_pid
        assert worker is not None
        list(ingest_sources(store, [str(warm)], analyze=budgeted))
        ours_before, worker_before = _status("self", "VmRSS"), _status(worker, "VmRSS")
        _reset_peak("self")
        _reset_peak(worker)
        started = time.perf_counter()
        outcomes = list(ingest_sources(store, [str(path)], analyze=budgeted, max_bytes=10**10))
        seconds = time.perf_counter() - started
        worker_peak = _status(worker, "VmHWM")
    outcome = outcomes[0]
    print(json.dumps({
        "status": outcome.status, "claims": outcome.claims, "seconds": seconds,
        "ingest_before": ours_before, "ingest_peak": _status("self", "VmHWM"),
        "worker_before": worker_before, "worker_peak": worker_peak,
    }))  # fmt: skip


def _peaks(path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--peak-of", str(path)], capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"ingest of {path} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.splitlines()[-1]))


def _memory_by_size(work: Path, sizes: list[float]) -> None:
    print("\npeak memory of ingest by input size (plain-text report prose, one document each;")
    print("each process's peak resident memory, and its growth over its resident memory before")
    print("the document, per MB of input)")
    print(f"{'input MB':>9} {'claims':>9} {'seconds':>8} {'ingest MB':>10} {'growth':>8} "
          f"{'worker MB':>10} {'growth':>8}")  # fmt: skip
    for megabytes in sizes:
        path = work / f"report-{megabytes:g}mb.txt"
        size = write_report_text(path, megabytes) / 1e6
        peaks = _peaks(path)
        ours = (peaks["ingest_peak"] - peaks["ingest_before"]) / size
        worker = (peaks["worker_peak"] - peaks["worker_before"]) / size
        print(f"{size:>9.1f} {peaks['claims']:>9.0f} {peaks['seconds']:>8.1f} "
              f"{peaks['ingest_peak']:>10.0f} {ours:>7.1f}x {peaks['worker_peak']:>10.0f} "
              f"{worker:>7.1f}x")  # fmt: skip
        path.unlink()
        for stale in work.glob(f"report-{megabytes:g}mb.db*"):
            stale.unlink()


def _no_analysis(document: Document) -> Extraction:
    return Extraction(lang=document.lang or "und", published=document.published, period=None)


def _run(
    folder: Path,
    database: Path,
    count: int,
    *,
    analyze: Analyze,
    title: str,
    budget: float | None = DEFAULT_TIME_BUDGET,
) -> tuple[float, float]:
    """Ingest the folder into a new database, printing speed and memory at checkpoints;
    returns the seconds it took and the CPU seconds it used (with the analysis worker's)."""
    checkpoints = {count // 4, count // 2, count}
    url = f"sqlite:///{database}"
    print(f"\n{title}\ninto a fresh SQLite database ({url})")
    print(f"{'documents':>10} {'seconds':>8} {'docs/s':>8} {'RSS MB':>8} {'peak MB':>8}")
    stored = failed = 0
    with Store.open(url) as store:
        cpu = _cpu_seconds()
        started = time.perf_counter()
        for outcome in ingest_sources(store, [str(folder)], analyze=analyze, time_budget=budget):
            stored += outcome.status == "stored"
            failed += outcome.status == "failed"
            done = stored + failed
            if done in checkpoints:
                elapsed = time.perf_counter() - started
                print(f"{done:>10} {elapsed:>8.1f} {done / elapsed:>8.0f} "
                      f"{_rss_mb():>8.0f} {_peak_mb():>8.0f}")  # fmt: skip
        total = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu  # the worker has exited: its time counts as our child's
        documents = store.count_documents()
    size = sum(path.stat().st_size for path in database.parent.glob(database.name + "*"))
    print(f"stored {stored}, failed {failed}; {documents} documents in the database "
          f"({size / 1e6:.0f} MB); {stored / total:.0f} documents/second overall, "
          f"{cpu / max(stored, 1) * 1000:.1f} ms CPU per document")  # fmt: skip
    return total, cpu


def _cpu_seconds() -> float:
    ours = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ours.ru_utime + ours.ru_stime + children.ru_utime + children.ru_stime


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
