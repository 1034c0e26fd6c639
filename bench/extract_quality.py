"""Quality of ``harmwatch.extract.extract_text`` on annotated texts.

Scores the project's own dev set (tests/extract/devset) and, with ``--eval-dev PATH``, the shared
eval-dev articles where that folder exists. Prints strict P/R/F1 on (kind, subject, value),
lenient P/R/F1 on (kind, value), bound and perpetrator accuracy on strict matches, per-language
scores and per-kind recall; ``--show N`` lists the N worst documents with missed and extra claims.
``--part tuned|held`` scores only the part of eval-dev that is tuned on, or only the held-back part
(every fifth document: ids whose number is a multiple of 5, d005, d010, ...), which is kept unread
while tuning: ``--show`` never lists held-back documents.

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


def is_held_back(doc_id: str) -> bool:
    """Whether an eval-dev id (``d005``) is in the held-back fifth (its number divides by 5)."""
    digits = "".join(ch for ch in doc_id if ch.isdigit())
    return bool(digits) and int(digits) % 5 == 0


def select_part(docs: list[GoldDocument], part: str) -> list[GoldDocument]:
    """``all`` documents, only the ``tuned`` part or only the ``held`` (held-back) part."""
    if part == "all":
        return docs
    held = part == "held"
    return [d for d in docs if is_held_back(d.id) == held]


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
    parser.add_argument(
        "--part",
        choices=("all", "tuned", "held"),
        default="all",
        help="eval-dev part: tuned on, held back (every fifth id), or all",
    )
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
        show = args.show
        if title == "eval-dev":
            docs = select_part(docs, args.part)
            title = f"eval-dev ({args.part})"
            # Held-back documents are never listed: they stay unread while tuning.
            if args.part == "held":
                show = 0
            elif args.part == "all" and show:
                print("--show lists only tuned documents; use --part tuned")
                show = 0
        if not docs:
            print(f"no annotated documents in {folder}")
            return 2
        start = time.perf_counter()
        report = score_documents(docs, predictor(extract_text))
        seconds = time.perf_counter() - start
        words = sum(len(d.text.split()) for d in docs)
        print(format_report(report, title=title, show=show))
        print(f"time={seconds:.2f}s ({words / max(seconds, 1e-9):.0f} words/s)")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
