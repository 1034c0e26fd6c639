"""Sentence spans: claims carry the index of the sentence they come from."""

from __future__ import annotations

from harmwatch.extract._sentences import MAX_SENTENCE_CHARS, split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = "Dr. Ali said the U.S. strike hit at 3 a.m. local time. Two died."
    assert sentences(text) == [
        "Dr. Ali said the U.S. strike hit at 3 a.m. local time.",
        "Two died.",
    ]


def test_line_breaks_end_a_headline() -> None:
    assert sentences("Dozens killed in Idlib\n\nAt least 20 died.") == [
        "Dozens killed in Idlib",
        "At least 20 died.",
    ]


def test_a_run_without_breaks_is_cut_into_bounded_windows() -> None:
    spans = split_sentences("word " * 10_000)
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
