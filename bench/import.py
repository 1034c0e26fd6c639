"""Import speed and memory on the real exports in ../shared/data/import (where they exist).

For the Yemen Data Project table (22,485 rows, with its column map) and the ACLED export (5,071
rows) it prints rows per second for reading alone (rows -> reports, places found with the
gazetteer) and for the whole import (the file and its reports stored in a new SQLite database),
and the peak memory of the process. Each file is measured in a fresh process. Aim: 20,000
rows/s including geocoding and storing.

    .venv/bin/python bench/import.py            # SQLite in a temporary folder
    .venv/bin/python bench/import.py --pg URL   # also PostgreSQL (an empty database)
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMPORTS = ROOT.parent / "shared" / "data" / "import"
FILES = {
    "yemen": ("yemen-data-project_air-raids_2015-03-26_to_2020-12-31.csv", "yemen-data-project"),
    "acled": ("acled_2020-04-27_to_2020-05-09_global.csv", None),
}


def measure(name: str, db: str | None) -> None:
    """Import one file and print its figures (run in a process of its own)."""
    from harmwatch.geo import Gazetteer
    from harmwatch.ingest import CSV, load_column_map, read_table
    from harmwatch.pipeline import gazetteer_lookup, import_table
    from harmwatch.store import Store

    filename, map_name = FILES[name]
    path = IMPORTS / filename
    column_map = (
        load_column_map(ROOT / "examples" / "maps" / f"{map_name}.toml") if map_name else None
    )
    gazetteer = Gazetteer.load()
    raw = path.read_bytes()
    started = time.perf_counter()
    table = read_table(
        raw, source=str(path), media_type=CSV, column_map=column_map,
        lookup=gazetteer_lookup(gazetteer),
    )  # fmt: skip
    read_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        url = db or f"sqlite:///{folder}/bench.db"
        with Store.open(url) as store:
            started = time.perf_counter()
            result = import_table(store, path, column_map=column_map, gazetteer=gazetteer)
            total_seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = table.rows
    where = "PostgreSQL" if db else "SQLite"
    print(
        f"{name:6} {rows:6d} rows  read {rows / read_seconds:8.0f} rows/s  "
        f"read+store ({where}) {rows / total_seconds:8.0f} rows/s "
        f"({total_seconds:.2f} s, {result.added} reports)  peak {peak_mb:.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pg", help="also measure on this PostgreSQL URL (an empty database)")
    parser.add_argument("--one", choices=sorted(FILES), help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        measure(args.one, args.db)
        return
    if not IMPORTS.is_dir():
        print(f"skipped: {IMPORTS} is not here")
        return
    for name in FILES:
        for db in [None, *([args.pg] if args.pg else [])]:
            command = [sys.executable, __file__, "--one", name, *(["--db", db] if db else [])]
            subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
