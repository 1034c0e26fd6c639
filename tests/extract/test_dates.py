"""Publication dates, periods and a claim's own day, from the text and the publication date."""

from __future__ import annotations

from datetime import date

from harmwatch.extract._dates import find_period, find_published, sentence_date
from harmwatch.model import Period

PUB = date(2019, 5, 16)  # a Thursday


def test_dateline_gives_the_publication_date() -> None:
    assert find_published("BEIRUT, 16 May 2019 - Shelling continued.") == PUB
    assert find_published("May 16, 2019 (Reuters) - Shelling continued.") == PUB
    assert find_published("Posted 2019-05-16 by the monitor") == PUB


def test_levantine_month_names_are_read() -> None:
    assert find_published("دمشق ١٦ أيار ٢٠١٩ - قصف") == PUB


def test_relative_periods_end_on_the_publication_date() -> None:
    assert find_period("over the past week", PUB) == Period(date(2019, 5, 9), PUB)
    assert find_period("714 strikes in just eight days", PUB) == Period(date(2019, 5, 8), PUB)
    assert find_period("since April the bombing has not stopped", PUB) == Period(
        date(2019, 4, 1), PUB
    )


def test_no_publication_date_leaves_the_period_unresolved() -> None:
    assert find_period("over the past week", None) is None


def test_a_sentence_day_resolves_weekdays_and_yesterday() -> None:
    assert sentence_date("The strike on Tuesday killed four.", PUB) == date(2019, 5, 14)
    assert sentence_date("Yesterday the market was hit.", PUB) == date(2019, 5, 15)
    assert sentence_date("On 3 May 2019 a clinic was hit.", None) == date(2019, 5, 3)


def test_days_ago_and_a_named_month() -> None:
    assert sentence_date("The clinic was hit two days ago.", PUB) == date(2019, 5, 14)
    assert find_period("وثقت الشبكة مقتل 412 مدنياً خلال شهر نيسان", PUB) == Period(
        date(2019, 4, 1), date(2019, 4, 30)
    )
