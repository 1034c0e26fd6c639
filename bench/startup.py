"""Start-up: how long ``harmwatch extract`` takes on one short report, whole process, and where.

Each command imports only what it needs (aim: ``harmwatch extract`` on one file under 0.25 s).
Prints the fastest and the median of several whole-process runs of a few commands (wall time and
CPU time, which a busy machine disturbs less), then, in one process, what each step of
``extract`` costs the first time: importing the CLI, importing the pipeline, loading the
gazetteer, reading the file, the first analysis (the extractor's lazy set-up) and a second.

    python bench/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPORT = (
    "IDLIB, 3 March 2018 - At least 14 civilians were killed on Thursday in government air "
    "strikes on the town of Saraqib, including five children, rescuers said. The civil defence "
    "said two of its volunteers were among the 30 injured, and that the market was put out of "
    "service.\n"
)
CLI = [sys.executable, "-c", "from harmwatch.cli import main; main()"]


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _time(args: list[str], runs: int, cwd: Path) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(runs):
        cpu = _child_cpu()
        started = time.perf_counter()
        subprocess.run([*CLI, *args], check=True, capture_output=True, cwd=cwd)
        walls.append(time.perf_counter() - started)
        cpus.append(_child_cpu() - cpu)
    return walls, cpus


def _steps(path: Path) -> list[tuple[str, float, float]]:
    """The first-time cost of each step of ``extract``, measured in a fresh process."""
    code = f"""
import time
t, c = time.perf_counter(), time.process_time()
def step(name):
    global t, c
    now, cpu = time.perf_counter(), time.process_time()
    print(f"{{name}}\\t{{now - t}}\\t{{cpu - c}}")
    t, c = now, cpu
import harmwatch.cli
step("import the CLI (Typer, the commands)")
from harmwatch.pipeline import Analyzer
from harmwatch.ingest import read_file
from harmwatch.serialize import extraction_to_dict
step("import the pipeline (extract, geo, ingest, store)")
analyze = Analyzer.load()
step("load the gazetteer")
from pathlib import Path
document = read_file(Path({str(path)!r}))
step("read the file")
analyze(document)
step("first analysis (the extractor's lazy set-up)")
analyze(document)
step("second analysis")
"""
    done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    rows = [line.split("\t") for line in done.stdout.splitlines()]
    return [(name, float(wall), float(cpu)) for name, wall, cpu in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="harmwatch-startup-") as folder:
        path = Path(folder) / "report.txt"
        path.write_text(REPORT, encoding="utf-8")
        print(f"whole process, {args.runs} runs each: fastest / median, wall and CPU seconds")
        commands = [
            ("harmwatch --help", ["--help"]),
            ("harmwatch version", ["version"]),
            ("harmwatch extract FILE", ["extract", str(path)]),
            ("harmwatch extract --time-budget 0 FILE", ["extract", "--time-budget=0", str(path)]),
        ]
        for label, command in commands:
            walls, cpus = _time(command, args.runs, Path(folder))  # no database there
            print(f"  {label:<42} wall {min(walls):.3f} / {statistics.median(walls):.3f}   "
                  f"cpu {min(cpus):.3f} / {statistics.median(cpus):.3f}")  # fmt: skip
        print("\none process, first time each: wall and CPU seconds")
        for name, wall, cpu in _steps(path):
            print(f"  {name:<52} wall {wall:.3f}   cpu {cpu:.3f}")


if __name__ == "__main__":
    main()
