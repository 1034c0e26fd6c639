"""Inputs that must not crash or stall extraction: huge, broken, odd and foreign texts."""

from __future__ import annotations

import random
import time

import pytest

from harmwatch.extract import extract_text


def test_pathological_inputs_finish_quickly() -> None:
    texts = [
        "",
        " \n\t ",
        "1," * 50_000,
        "a" * 200_000,
        "killed " * 30_000,
        "((((((((((" * 10_000,
        "- 1 - 2 - 3 - " * 10_000,
        "\ud800 broken surrogate, 5 people killed",
        "Привет, 5 человек погибли в результате удара.",
        "Bei dem Angriff wurden 12 Menschen getötet.",
    ]
    start = time.perf_counter()
    for text in texts:
        extraction = extract_text(text)
        for c in extraction.claims:
            assert text[c.start : c.end] == c.text
    assert time.perf_counter() - start < 20


def test_unsupported_language_gives_an_extraction_not_an_error() -> None:
    extraction = extract_text("Saldırıda 12 kişi hayatını kaybetti.")
    assert extraction.lang
    assert isinstance(extraction.claims, tuple)


@pytest.mark.slow
def test_a_5_megabyte_report_is_extracted_whole() -> None:
    """Long reports are read to the end (speed per MB is bench/adversarial.py's to print)."""
    rng = random.Random(3)
    parts = []
    size = 0
    while size < 5_000_000:
        r = rng.random()
        if r < 0.4:
            piece = f"At least {rng.randint(2, 900)} people were killed in strikes on Idlib. "
        elif r < 0.6:
            piece = ", ".join(str(rng.randint(0, 99_999)) for _ in range(40)) + ". "
        else:
            piece = "The bombardment continued through the night, residents said. " * 3
        parts.append(piece)
        size += len(piece)
    text = "".join(parts)
    extraction = extract_text(text)
    assert len(extraction.claims) > 2_500


def test_a_table_of_figures_is_read_without_holding_memory_per_digit() -> None:
    import tracemalloc

    rng = random.Random(5)
    rows = [
        ", ".join(str(rng.randint(0, 99_999)) for _ in range(40))
        + ". At least 12 people were killed in Idlib. "
        for _ in range(400)
    ]
    text = "".join(rows)
    extract_text("Five people were killed.")  # lazy imports and caches outside the measure
    tracemalloc.start()
    try:
        extraction = extract_text(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(extraction.claims) == 400
    assert peak < 4 * len(text), f"peak {peak / 1e6:.1f} MB for a {len(text) / 1e6:.1f} MB text"
