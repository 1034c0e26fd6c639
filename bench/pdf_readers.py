"""Measure PDF text readers on the real report PDFs in ../shared/data/pdf (where they exist).

Prints, for each reader installed, the seconds it takes over all six files and whether it passes
the checks harmwatch needs (see docs/pdf.md): a count-table row on one line, two-column text
column by column, Arabic in logical order with its numbers intact, the image-only page empty.

    .venv/bin/python bench/pdf_readers.py          # harmwatch's reader (PDFium) and any of
                                                    # pypdf, pdfminer.six, pdfplumber installed
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable
from pathlib import Path

PDFS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "pdf"
Reader = Callable[[Path], list[str]]


def _harmwatch(path: Path) -> list[str]:
    from harmwatch.ingest import read_file

    document = read_file(path)
    starts = [*document.pages, len(document.text)]
    return [document.text[a:b] for a, b in itertools.pairwise(starts)]


def _pdfium_plain(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    return [pdf[n].get_textpage().get_text_range() for n in range(len(pdf))]


def _pypdf(path: Path) -> list[str]:
    import pypdf

    return [page.extract_text() or "" for page in pypdf.PdfReader(path).pages]


def _pdfminer(path: Path) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    return [
        "".join(el.get_text() for el in page if isinstance(el, LTTextContainer))
        for page in extract_pages(path)
    ]


def _pdfplumber(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


READERS: dict[str, Reader] = {
    "harmwatch (pypdfium2 + tables)": _harmwatch,
    "pypdfium2 plain": _pdfium_plain,
    "pypdf": _pypdf,
    "pdfminer.six": _pdfminer,
    "pdfplumber": _pdfplumber,
}

CHECKS: dict[str, tuple[str, Callable[[list[str]], bool]]] = {
    "table row on one line": (
        "ohchr-hrmmu_ukraine-civilian-casualties_2021-12_issued-2022-01-27_en.pdf",
        lambda pages: bool(re.search(r"Active hostilities\W+(?:\w+: )?8\W+(?:\w+: )?62", pages[1])),
    ),
    "two columns in order": (
        "who_ssa-attacks-on-health-care-methodology-v1_2018_en.pdf",
        lambda pages: bool(re.search(r"medical\s+personnel,\s*\n\s*health\s+facilities", pages[4])),
    ),
    "Arabic logical, 26 intact": (
        "ocha_syria-hno-2018-summary_ar.pdf",
        lambda pages: bool(re.search("٢٦ هجوم", pages[2])),
    ),
    "image-only page empty": (
        "ohchr-hrmmu_odesa-2-may-2014-accountability_2020_en.pdf",
        lambda pages: len(pages) == 3 and not pages[2].strip(),
    ),
}


def main() -> None:
    if not PDFS.is_dir():
        print(f"skipped: {PDFS} is not here")
        return
    files = sorted(PDFS.glob("*.pdf"))
    for name, reader in READERS.items():
        try:
            reader(files[0])
        except ImportError:
            print(f"{name:32} not installed")
            continue
        started = time.perf_counter()
        texts = {path.name: reader(path) for path in files}
        seconds = time.perf_counter() - started
        passed = [check for check, (file, test) in CHECKS.items() if test(texts[file])]
        print(f"{name:32} {seconds:6.2f} s  {len(passed)}/{len(CHECKS)}  passes: {passed}")


if __name__ == "__main__":
    main()
