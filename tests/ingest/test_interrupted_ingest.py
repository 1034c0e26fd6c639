"""An ingest killed half-way (SIGKILL) loses nothing it stored, and a re-run finishes the rest.

Runs the real ``harmwatch ingest`` in a subprocess on 1,000 generated documents, on SQLite and
on PostgreSQL.
"""

from __future__ import annotations

import hashlib
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from harmwatch.errors import ConfigError
from harmwatch.store import Store

pytestmark = pytest.mark.slow

N_DOCUMENTS = 1000
KILL_AFTER = 150
PLACES = ["Idlib", "Saraqib", "Ariha", "Maarat al-Numan", "Kafranbel", "Jisr al-Shughur", "Hama"]
GROUPS = ["civilians", "children", "women", "people", "rescuers"]


def write_documents(folder: Path, count: int = N_DOCUMENTS) -> dict[str, bytes]:
    """``count`` distinct text and HTML reports; returns their bytes by sha256."""
    rng = random.Random(20171001)
    by_sha: dict[str, bytes] = {}
    for n in range(count):
        place, group = rng.choice(PLACES), rng.choice(GROUPS)
        sentence = (
            f"At least {rng.randint(2, 90)} {group} were killed in {place} on day {n}, "
            f"and {rng.randint(1, 40)} were injured, the civil defence said."
        )
        if n % 3:
            raw = (
                f"<html><head><title>Report {n} from {place}</title></head><body>"
                f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
                f"<h1>Report {n}</h1><p>{sentence}</p><p>Rescuers searched the rubble of "
                f"{rng.randint(1, 12)} buildings through the night.</p></article>"
                f"<footer>Copyright Example</footer></body></html>"
            ).encode()
            name = f"{n:04d}.html"
        else:
            raw = f"Report {n}\n\n{sentence}\n".encode()
            name = f"{n:04d}.txt"
        (folder / f"batch-{n % 7}").mkdir(parents=True, exist_ok=True)
        (folder / f"batch-{n % 7}" / name).write_bytes(raw)
        by_sha[hashlib.sha256(raw).hexdigest()] = raw
    return by_sha


def start_ingest(db_url: str, folder: Path, *, quiet: bool = True) -> subprocess.Popen[str]:
    command = [sys.executable, "-c", "from harmwatch.cli import main; main()"]
    return subprocess.Popen(
        [*command, "--db", db_url, *(["--quiet"] if quiet else []), "ingest", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored_count(db_url: str) -> int:
    try:
        with Store.open(db_url, upgrade=False) as store:
            return store.count_documents()
    except ConfigError:  # the ingest has not created the schema yet
        return 0


def assert_only_whole_documents(db_url: str, originals: dict[str, bytes]) -> int:
    with Store.open(db_url) as store:
        count = store.count_documents()
        for document in store.iter_documents():
            assert originals[document.sha256] == document.raw
            assert store.has_extraction(document.sha256), document.source
        assert store.counts()["extractions"] == count
        entries = [e for e in store.iter_audit() if e.action == "document.add"]
        assert len(entries) == count
        store.verify_audit()
        # Each document's audit entry, written in its transaction, says how many claims it had.
        for entry in entries:
            assert entry.after is not None
            sha256 = entry.entity.removeprefix("document:")
            assert len(store.claims_for(sha256)) == entry.after["extraction"]["claims"]
    return count


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_a_killed_ingest_keeps_whole_documents_and_a_rerun_completes(
    tmp_path: Path, request: pytest.FixtureRequest, backend: str
) -> None:
    db_url = str(request.getfixturevalue("sqlite_url" if backend == "sqlite" else "pg_url"))
    folder = tmp_path / "reports"
    originals = write_documents(folder)

    process = start_ingest(db_url, folder)
    deadline = time.monotonic() + 120
    while stored_count(db_url) < KILL_AFTER:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the ingest stored too little in 120 s"
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL

    kept = assert_only_whole_documents(db_url, originals)
    assert KILL_AFTER <= kept < N_DOCUMENTS

    rerun = start_ingest(db_url, folder, quiet=False)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert err == ""
    summary = out.splitlines()[-1]
    assert summary.startswith(f"{N_DOCUMENTS - kept} stored, {kept} already stored, 0 failed: ")
    assert assert_only_whole_documents(db_url, originals) == N_DOCUMENTS
