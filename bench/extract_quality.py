"""Quality of ``harmwatch.extract.extract_text`` on annotated texts.

Scores the project's own dev set (tests/extract/devset) and, with ``--eval-dev PATH``, the shared
eval-dev articles where that folder exists. Prints strict P/R/F1 on (kind, subject, value),
lenient P/R/F1 on (kind, value), bound and perpetrator accuracy on strict matches, per-language
scores and per-kind recall; ``--show N`` lists the N worst documents with missed and extra claims.

    .venv/bin/python bench/extract_quality.py --show 5
    .venv/bin/python bench/extract_quality.py --eval-dev ../shared/eval-dev
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _extract_scoring import GoldDocument, format_report, load_gold, score_documents

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "extract" / "devset"


def load_extractor() -> Callable[..., Any] | None:
    """``harmwatch.extract.extract_text`` if the stage provides it yet, else None."""
    try:
        module = importlib.import_module("harmwatch.extract")
    except ImportError:
        return None
    func = getattr(module, "extract_text", None)
    return func if callable(func) else None


def articles_folder(path: Path) -> Path:
    """The folder holding the annotated texts: PATH itself or PATH/articles."""
    return path / "articles" if (path / "articles").is_dir() else path


def predictor(extract_text: Callable[..., Any]) -> Callable[[GoldDocument], Sequence[Any]]:
    def predict(doc: GoldDocument) -> Sequence[Any]:
        # Like the eval-dev scorer: no language or date is passed, detection is part of the test.
        return tuple(extract_text(doc.text).claims)

    return predict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEVSET, help="annotated folder to score")
    parser.add_argument("--eval-dev", type=Path, help="also score this eval-dev folder")
    parser.add_argument("--lang", help="only documents in this language (en, ar, ...)")
    parser.add_argument("--show", type=int, default=0, help="print the N worst documents")
    args = parser.parse_args(argv)

    extract_text = load_extractor()
    if extract_text is None:
        print("harmwatch.extract.extract_text is not available yet; nothing to score")
        return 2
    sets = [("devset", args.devset)]
    if args.eval_dev is not None:
        folder = articles_folder(args.eval_dev)
        if folder.is_dir():
            sets.append(("eval-dev", folder))
        else:
            print(f"eval-dev folder {args.eval_dev} not found; skipped")
    for title, folder in sets:
        docs = load_gold(folder, lang=args.lang)
        if not docs:
            print(f"no annotated documents in {folder}")
            return 2
        start = time.perf_counter()
        report = score_documents(docs, predictor(extract_text))
        seconds = time.perf_counter() - start
        words = sum(len(d.text.split()) for d in docs)
        print(format_report(report, title=title, show=args.show))
        print(f"time={seconds:.2f}s ({words / max(seconds, 1e-9):.0f} words/s)")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
