"""The real report PDFs in ../shared/data/pdf (licence-restricted: read where they exist, never
copied): page numbers, count tables as lines, the Arabic summary's figures equal its English
twin's, pages without text reported."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest
from builders import SHARED_DATA

from harmwatch.extract import extract_text
from harmwatch.ingest import read_file
from harmwatch.model import Document

PDFS = SHARED_DATA / "pdf"
pytestmark = pytest.mark.skipif(not PDFS.is_dir(), reason="../shared/data/pdf is not here")

UKRAINE = "ohchr-hrmmu_ukraine-civilian-casualties_2021-12_issued-2022-01-27_en.pdf"
ODESA = "ohchr-hrmmu_odesa-2-may-2014-accountability_2020_en.pdf"
HNO_AR = "ocha_syria-hno-2018-summary_ar.pdf"
HNO_EN = "ocha_syria-hno-2018-summary_en.pdf"
WHO = "who_ssa-attacks-on-health-care-methodology-v1_2018_en.pdf"
SOMALIA = "us-strikes-somalia-2007-2022_appendix-a-airwars-derived_en.pdf"
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫", "0123456789.")


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    return {name: read_file(PDFS / name) for name in (UKRAINE, ODESA, HNO_AR, HNO_EN, WHO, SOMALIA)}


def _line(document: Document, pattern: str) -> tuple[str, int | None]:
    found = re.search(f"(?m)^{pattern}.*$", document.text)
    assert found, pattern
    return found.group(), document.page_at(found.start())


def test_every_pdf_is_read_with_its_page_count(documents: dict[str, Document]) -> None:
    pages = {name: len(document.pages) for name, document in documents.items()}

    assert pages == {UKRAINE: 3, ODESA: 3, HNO_AR: 4, HNO_EN: 4, WHO: 34, SOMALIA: 27}


def test_the_un_casualty_tables_come_out_one_row_a_line_on_page_2(
    documents: dict[str, Document],
) -> None:
    ukraine = documents[UKRAINE]

    row, page = _line(ukraine, "2020, Active hostilities – Killed: 8; Injured: 62; Total: 70")
    assert page == 2
    assert _line(ukraine, "2021, Total – Killed: 25; Injured: 85; Total: 110")[1] == 2
    territory = _line(ukraine, r"2018 – .*: 128; .*: 27; .*: 7; Total: 162")[0]
    assert "controlled" in territory
    totals = _line(ukraine, r"Total – .*: 310; .*: 62; .*: 9; Total: 381")[0]
    assert "Per cent" not in totals
    claims = extract_text(row, lang="en").claims
    assert [(c.kind, c.value) for c in claims][:2] == [("killed", 8), ("injured", 62)]


def test_the_page_with_no_text_layer_is_reported(documents: dict[str, Document]) -> None:
    assert documents[ODESA].notes == ("page 3 of 3: image only, no text layer (not OCRed)",)
    assert "24" in documents[WHO].notes[0] and "34 of 34" in documents[WHO].notes[0]
    assert documents[UKRAINE].notes == ()


def test_the_arabic_summary_gives_the_same_table_figures_as_its_english_twin(
    documents: dict[str, Document],
) -> None:
    def table_figures(document: Document) -> Counter[str]:
        rows = [line for line in document.text.split("\n") if " – " in line and ": " in line]
        text = "\n".join(rows).translate(_ARABIC_DIGITS)
        return Counter(re.findall(r"\d+\.\d\d", text))

    arabic, english = table_figures(documents[HNO_AR]), table_figures(documents[HNO_EN])
    assert sum(english.values()) == 28  # 14 governorates: people in need, in acute need
    assert arabic == english


def test_the_arabic_text_is_in_logical_order_with_its_numbers_intact(
    documents: dict[str, Document],
) -> None:
    arabic = documents[HNO_AR]

    assert re.search("٢٦ هجوم", arabic.text)  # 26 attacks on education, not reversed to 62
    assert re.search("١٠٧ اعتداء", arabic.text)  # up to 107 attacks on health care
    assert arabic.page_at(arabic.text.index("٢٦ هجوم")) == 3
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff]", arabic.text)  # no presentation forms
    english = documents[HNO_EN]
    assert english.page_at(english.text.index("26 attacks")) == 3
    assert "ﬁ" not in english.text


def test_two_column_pages_are_read_column_by_column(documents: dict[str, Document]) -> None:
    who = documents[WHO]
    line = _line(who, "Health care, including medical personnel,")[0]

    following = who.text[who.text.index(line) + len(line) + 1 :]
    assert following.startswith("health facilities")


def test_the_long_strike_table_keeps_its_rows_in_order(documents: dict[str, Document]) -> None:
    somalia = documents[SOMALIA]
    table = somalia.text[somalia.pages[2] :]  # the table starts on page 3
    ids = [int(m.group(1)) for m in re.finditer(r"(?m)^(\d{1,3}) \S", table)]

    assert len(set(ids)) >= 320
    assert max(ids) == 333
    assert sum(1 for a, b in itertools.pairwise(ids) if b < a) <= 2
    assert "ussom349-" in table and "ussom001-" in table
