"""Language detection on the kinds of text reports come in."""

from __future__ import annotations

import pytest

from harmwatch.extract import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The shelling of the town continued for the third day, residents said.", "en"),
        ("قال المرصد إن القصف استمر على المدينة لليوم الثالث على التوالي", "ar"),
        ("Les bombardements sur la ville se sont poursuivis pour le troisième jour.", "fr"),
        ("Los bombardeos sobre la ciudad continuaron por tercer día según los vecinos.", "es"),
        (
            "I bombardamenti sulla città sono continuati per il terzo giorno, dicono i residenti.",
            "it",
        ),
    ],
)
def test_detects_the_languages_reports_come_in(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_text_without_letters_is_undetermined() -> None:
    assert detect_language("12 34 -- 56") == "und"
