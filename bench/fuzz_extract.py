"""Coverage-guided fuzzing of ``extract_text`` with atheris, for a bounded number of runs.

The suite fuzzes with hypothesis (tests/extract/test_hostile_input.py); this harness goes
further where atheris is installed (it is not a project dependency: ``pip install atheris`` into
a virtualenv of your own, Python 3.11 wheels exist). Each input is decoded as UTF-8 (with
replacement) and extracted; a crash, a span that does not point back into the text, or one
input taking more than two seconds stops the run with the input saved by libFuzzer.

    python bench/fuzz_extract.py -runs=20000 -max_len=4096
"""

from __future__ import annotations

import sys
import time

try:
    import atheris
except ImportError:  # pragma: no cover - optional tool
    sys.exit("atheris is not installed: pip install atheris (Python 3.11 wheels exist)")

with atheris.instrument_imports():
    from harmwatch.extract import extract_text

_SLOW = 2.0


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    start = time.perf_counter()
    extraction = extract_text(text)
    elapsed = time.perf_counter() - start
    if elapsed > _SLOW:
        raise RuntimeError(f"{len(text)} characters took {elapsed:.1f} s")
    for claim in extraction.claims:
        if text[claim.start : claim.end] != claim.text:
            raise AssertionError(f"span {claim.start}:{claim.end} does not hold {claim.text!r}")


def main() -> None:
    for warm in ("At least 5 people were killed.", "\nFFFFFFFFFF", "قتل 5 مدنيين"):
        extract_text(warm)  # models and tables load once, outside the time limit
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
