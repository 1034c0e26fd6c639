"""Counts as a reader writes them: digits, Arabic-Indic digits, words, dozens, ranges, bounds."""

from __future__ import annotations

import pytest

from harmwatch.extract._numbers import find_numbers
from harmwatch.extract._rules import rules_for
from harmwatch.extract._tokens import tokenize


def numbers(text: str, lang: str = "en") -> list[tuple[int, str, int | None]]:
    tokens = tokenize(text, 0, rules_for(lang))
    return [(n.value, n.bound, n.max) for n in find_numbers(tokens, rules_for(lang))]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,250", 1250),
        ("eight", 8),
        ("Twenty-three", 23),
        ("two hundred and five", 205),
        ("one thousand two hundred", 1200),
        ("a dozen", 12),
        ("three dozen", 36),
        ("a hundred", 100),
        ("1.5 million", 1_500_000),
    ],
)
def test_english_counts_are_read_in_digits_and_words(text: str, value: int) -> None:
    assert numbers(text) == [(value, "exact", None)]


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("at least 9", "at_least"),
        ("no fewer than 9", "at_least"),
        ("a minimum of 9", "at_least"),
        ("more than 9", "more_than"),
        ("over 9", "more_than"),
        ("about 9", "about"),
        ("nearly 9", "about"),
        ("up to 9", "up_to"),
        ("as many as 9", "up_to"),
    ],
)
def test_bound_phrases_before_a_count_set_its_bound(text: str, bound: str) -> None:
    assert numbers(text) == [(9, bound, None)]


def test_a_range_is_one_count_from_its_low_end_with_a_max() -> None:
    assert numbers("between 40 and 70") == [(40, "at_least", 70)]
    assert numbers("40 to 70") == [(40, "at_least", 70)]


def test_vague_words_are_not_counts() -> None:
    assert numbers("dozens of people and hundreds of families, several others") == []


def test_arabic_indic_digits_and_thousands_words() -> None:
    assert numbers("٤ الاف و٧٧٣", "ar") == [(4773, "exact", None)]
    assert numbers("١٣٧", "ar") == [(137, "exact", None)]


def test_arabic_number_words_compound_with_wa() -> None:
    assert numbers("خمسمئة وسبعة عشر", "ar") == [(517, "exact", None)]
    assert numbers("اثنان وعشرون", "ar") == [(22, "exact", None)]


def test_arabic_dual_nouns_count_two() -> None:
    assert numbers("طفلان", "ar") == [(2, "exact", None)]


def test_romance_number_words() -> None:
    assert numbers("tredici", "it") == [(13, "exact", None)]
    assert numbers("treinta y dos", "es") == [(32, "exact", None)]
