"""PDF and DOCX reports: page texts with their page numbers, count tables as lines, pages with
no text layer reported, bad files refused with one reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import a_docx, a_pdf, a_table_page

from harmwatch.errors import InputError
from harmwatch.extract import extract_text
from harmwatch.ingest import iter_paths, read_bytes, read_file

PARTY_TABLE = a_table_page(
    [
        ["Party", "Civilians killed"],
        ["Government forces", "126"],
        ["Russian forces", "55"],
        ["Unidentified", "6"],
    ],
    columns=[72, 300],
)
SIDE_BY_SIDE = a_table_page(
    [
        ["2020", "Killed", "Injured", "", "2021", "Killed", "Injured"],
        ["Active hostilities", "8", "62", "", "Active hostilities", "7", "37"],
        ["Mines and ERW", "17", "59", "", "Mines and ERW", "12", "46"],
        ["Total", "26", "123", "", "Total", "25", "85"],
    ],
    columns=[72, 170, 215, 0, 300, 400, 445],
)


def test_a_pdf_gives_each_pages_text_and_where_it_starts(tmp_path: Path) -> None:
    path = tmp_path / "bulletin.pdf"
    path.write_bytes(a_pdf("Weekly bulletin\nAt least 12 civilians were killed.", "Page two text."))

    document = read_file(path)

    assert document.media_type == "application/pdf"
    assert document.raw == path.read_bytes()
    assert document.text.startswith("Weekly bulletin\nAt least 12 civilians were killed.")
    assert document.text[document.pages[1] :] == "Page two text."
    assert document.page_at(document.text.index("12 civilians")) == 1
    assert document.page_at(document.text.index("two")) == 2
    assert document.title == "Weekly bulletin"
    assert document.lang == "en"


def test_a_count_table_becomes_one_line_per_row_that_the_extractor_reads() -> None:
    document = read_bytes(a_pdf(PARTY_TABLE), source="t.pdf", media_type="application/pdf")

    assert document.text.split("\n") == [
        "Party Civilians killed",
        "Government forces: 126",
        "Russian forces: 55",
        "Unidentified: 6",
    ]


def test_two_tables_side_by_side_are_read_one_after_the_other_with_their_headers() -> None:
    document = read_bytes(a_pdf(SIDE_BY_SIDE), source="t.pdf", media_type="application/pdf")

    assert document.text.split("\n") == [
        "2020, Active hostilities – Killed: 8; Injured: 62",
        "2020, Mines and ERW – Killed: 17; Injured: 59",
        "2020, Total – Killed: 26; Injured: 123",
        "2021, Active hostilities – Killed: 7; Injured: 37",
        "2021, Mines and ERW – Killed: 12; Injured: 46",
        "2021, Total – Killed: 25; Injured: 85",
    ]
    claims = extract_text(document.text.split("\n")[0], lang="en").claims
    assert [(c.kind, c.value) for c in claims] == [("killed", 8), ("injured", 62)]


def test_a_page_that_is_only_an_image_is_reported_and_the_others_read() -> None:
    document = read_bytes(
        a_pdf("First page.", None, "Third page."), source="scan.pdf", media_type="application/pdf"
    )

    assert document.notes == ("page 2 of 3: image only, no text layer (not OCRed)",)
    assert document.page_at(document.text.index("Third")) == 3


def test_a_pdf_with_no_text_layer_at_all_is_refused_as_a_scan() -> None:
    with pytest.raises(InputError) as error:
        read_bytes(a_pdf(None, None), source="scan.pdf", media_type="application/pdf")

    assert str(error.value) == (
        "scan.pdf: a scanned or image-only PDF with no text layer; harmwatch does not OCR"
    )


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"%PDF-1.4\nnot really", "not a readable PDF"),
        (b"PK\x03\x04 not a zip", "not a readable .docx file"),
    ],
)
def test_a_damaged_file_is_refused_with_its_name(tmp_path: Path, raw: bytes, reason: str) -> None:
    path = tmp_path / ("bad.pdf" if raw.startswith(b"%PDF") else "bad.docx")
    path.write_bytes(raw)

    with pytest.raises(InputError) as error:
        read_file(path)

    assert str(error.value).startswith(f"{path}: {reason}")


def test_a_docx_gives_paragraphs_and_tables_in_order_with_its_pages(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(
        a_docx(
            "Monthly report",
            "Civilians killed by party in March.",
            [["Party", "Civilians killed"], ["Government forces", "126"], ["Russian forces", "55"]],
            None,
            [["Governorate", "Killed", "Injured"], ["Idlib", "12", "30"]],
            title="March report",
        )
    )

    document = read_file(path)

    assert document.text.split("\n") == [
        "Monthly report",
        "Civilians killed by party in March.",
        "Party Civilians killed",
        "Government forces: 126",
        "Russian forces: 55",
        "Governorate, Idlib – Killed: 12; Injured: 30",
    ]
    assert document.title == "March report"
    assert document.page_at(document.text.index("Governorate")) == 2
    assert document.page_at(document.text.index("Russian")) == 1


def test_a_docx_without_recorded_page_breaks_is_unpaged() -> None:
    document = read_bytes(a_docx("Only one paragraph."), source="a.docx", media_type=_DOCX)

    assert document.pages == ()
    assert document.page_at(0) is None


def test_folders_yield_pdf_and_docx_files(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(a_pdf("A."))
    (tmp_path / "b.docx").write_bytes(a_docx("B."))
    (tmp_path / "c.csv").write_text("x\n1\n")

    assert [p.name for p in iter_paths(tmp_path)] == ["a.pdf", "b.docx"]


_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
