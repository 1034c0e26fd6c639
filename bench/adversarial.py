"""Hostile inputs: worst seconds per MB of extraction, and peak memory of ingest by input size.

Each family is a generated text of a shape that once stalled or crashed extraction, or could
(runs without spaces holding "@" or "/", base64, runs of dots or digits, brackets, bullet lists,
dense claims, random bytes). Every family is extracted at growing sizes in one process with
``extract_text``; the bench prints seconds per MB at each size, the growth factor of time per MB
from the smallest to the largest size (1.0 = linear), and the worst family. Then it runs
``harmwatch ingest`` in a subprocess on generated report files of growing size and prints each
process's peak resident memory.

    .venv/bin/python bench/adversarial.py                    # 0.1, 1 and 10 MB; ingest 1, 10, 50 MB
    .venv/bin/python bench/adversarial.py --sizes 0.1 1 --ingest-mb 1 5
    .venv/bin/python bench/adversarial.py --families base64 "run of dots"

Aims (issue 7): under 2 s/MB for every family; time per MB flat from 100 KB to 10 MB; ingest
peak memory under 5x the input plus a constant.
"""

from __future__ import annotations

import argparse
import base64
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from harmwatch.extract import extract_text

ROOT = Path(__file__).resolve().parents[1]
HARMWATCH = ROOT / ".venv" / "bin" / "harmwatch"


def _repeat(unit: str) -> Callable[[int, random.Random], str]:
    return lambda n, _rng: unit * max(1, n // len(unit))


def _b64(n: int, rng: random.Random) -> str:
    return base64.b64encode(rng.randbytes(n * 3 // 4)).decode() + " /"


def _random_ascii(n: int, rng: random.Random) -> str:
    return "".join(map(chr, rng.choices(range(32, 127), k=n)))


def _random_unicode(n: int, rng: random.Random) -> str:
    return "".join(map(chr, rng.choices(range(32, 0x2FFF), k=n // 2)))


def _mixed_report(n: int, rng: random.Random) -> str:
    pieces = [
        "At least {} people were killed, including {} children, in strikes by Russian jets. ",
        "Vital facilities attacked:\n{} places of worship\n{} medical points\n",
        "A. Regime forces: {}\nB. Russian forces: {}\n",
        "قتل {} مدنيين بينهم {} أطفال في غارات على إدلب. ",
        "Bei dem Angriff wurden mindestens {} Menschen getötet und {} verletzt. ",
    ]
    out: list[str] = []
    size = 0
    while size < n:
        piece = rng.choice(pieces).format(rng.randint(2, 900), rng.randint(1, 99))
        out.append(piece)
        size += len(piece)
    return "".join(out)


FAMILIES: dict[str, Callable[[int, random.Random], str]] = {
    "email-like run (a@a@...)": lambda n, _r: "a@" * (n // 2) + "/",
    "slashed digits (1/1/...)": _repeat("1/"),
    "base64": _b64,
    "run of dots": lambda n, _r: "." * n + "x",
    "one digit run": lambda n, _r: "7" * n,
    "comma digits (1,1,...)": _repeat("1,"),
    "dashed digits (-1-1...)": _repeat("-1"),
    "spaces after 'in'": lambda n, _r: "in" + " " * n + "days",
    "newlines": _repeat("\n"),
    "open brackets": _repeat("("),
    "hyphenated run (a-a-...)": _repeat("a-"),
    "url run (http://...)": _repeat("http://"),
    "www run": _repeat("www."),
    "one long word": _repeat("a"),
    "quotes": _repeat("'"),
    "Arabic without spaces": _repeat("قتل"),
    "casualty words only": _repeat("killed "),
    "actor names only": _repeat("Russian forces and Syrian regime "),
    "dense claims": _repeat("At least 5 people were killed by Russian jets in Idlib. "),
    "bullet list of counts": _repeat("- 14 including 3 children\n"),
    "number words": _repeat("twenty-one thousand three hundred and "),
    "date ranges": _repeat("between 1 and 2 May 2019 "),
    "spaced thousands": _repeat("1 000 "),
    "colon headers": _repeat("Killed:\n"),
    "random ASCII": _random_ascii,
    "random Unicode": _random_unicode,
    "mixed report lines": _mixed_report,
}


def time_family(make: Callable[[int, random.Random], str], size: int) -> tuple[float, int]:
    """(seconds, bytes) to extract one generated text of about ``size`` bytes."""
    text = make(size, random.Random(7))
    nbytes = len(text.encode("utf-8"))
    start = time.perf_counter()
    extract_text(text, lang="en")  # the full English rules, whatever the detector says
    return time.perf_counter() - start, nbytes


def run_extraction(families: list[str], sizes_mb: list[float]) -> float:
    extract_text("Warm up: 5 people were killed.")  # imports and caches outside the measure
    header = "".join(f"{s:>9g} MB" for s in sizes_mb)
    print(f"extraction, seconds per MB        {header}   growth")
    worst = (0.0, "")
    for name in families:
        per_mb: list[float] = []
        for size_mb in sizes_mb:
            seconds, nbytes = time_family(FAMILIES[name], int(size_mb * 1_000_000))
            per_mb.append(seconds / (nbytes / 1_000_000))
        growth = per_mb[-1] / per_mb[0] if per_mb[0] > 0 else 1.0
        cells = "".join(f"{v:>12.2f}" for v in per_mb)
        print(f"  {name:<32}{cells}   {growth:5.2f}x", flush=True)
        if max(per_mb) > worst[0]:
            worst = (max(per_mb), name)
    print(f"worst: {worst[0]:.2f} s/MB ({worst[1]})")
    return worst[0]


def _report_file(path: Path, size: int) -> None:
    """A plausible report of about ``size`` bytes: casualty prose, lists, tables of figures."""
    rng = random.Random(11)
    with path.open("w", encoding="utf-8") as out:
        written = 0
        while written < size:
            chunk = _mixed_report(64_000, rng) + ", ".join(
                str(rng.randint(0, 99_999)) for _ in range(400)
            )
            out.write(chunk + "\n")
            written += len(chunk) + 1


def peak_rss_of(command: list[str]) -> tuple[int, float, int]:
    """(peak resident bytes, seconds, exit status) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss * 1024, time.perf_counter() - start, proc.returncode


def run_ingest(sizes_mb: list[float]) -> None:
    if not HARMWATCH.exists():
        print(f"ingest: skipped ({HARMWATCH} not found; run make install)")
        return
    print("ingest (harmwatch ingest in a subprocess), peak memory by input size")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for size_mb in sizes_mb:
            path = folder / f"report-{size_mb:g}mb.txt"
            size = int(size_mb * 1_000_000)
            _report_file(path, size)
            nbytes = path.stat().st_size
            db = folder / f"bench-{size_mb:g}.db"
            command = [
                str(HARMWATCH),
                "--db",
                f"sqlite:///{db}",
                "--data-dir",
                str(folder / "data"),
                "-q",
                "ingest",
                "--max-bytes",
                str(nbytes + 1),
                str(path),
            ]
            rss, seconds, status = peak_rss_of(command)
            ratio = rss / nbytes
            print(
                f"  {nbytes / 1e6:7.1f} MB input: peak {rss / 1e6:8.1f} MB ({ratio:5.1f}x), "
                f"{seconds:6.1f} s, exit {status}",
                flush=True,
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1.0, 10.0])
    parser.add_argument("--ingest-mb", type=float, nargs="*", default=[1.0, 10.0, 50.0])
    parser.add_argument("--families", nargs="*", default=None, help="names to run (default all)")
    args = parser.parse_args(argv)
    families = args.families or list(FAMILIES)
    unknown = [f for f in families if f not in FAMILIES]
    if unknown:
        parser.error(f"unknown families {unknown}; known: {', '.join(FAMILIES)}")
    run_extraction(families, sorted(args.sizes))
    if args.ingest_mb:
        run_ingest(sorted(args.ingest_mb))
    return 0


if __name__ == "__main__":
    sys.exit(main())
