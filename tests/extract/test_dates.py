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


def test_a_day_and_month_without_a_year_is_the_last_one_before_publication() -> None:
    assert sentence_date("Jets hit the clinic on 3 May, killing two.", PUB) == date(2019, 5, 3)
    assert sentence_date("On the night of 12 October the camp was shelled.", PUB) == date(
        2018, 10, 12
    )
    assert sentence_date("On May 2 two schools were hit.", PUB) == date(2019, 5, 2)
    assert sentence_date("The toll may 3 times exceed that.", PUB) is None


def test_last_weekday_and_days_ago_go_back_from_publication() -> None:
    assert sentence_date("Three died in the raid last Sunday.", PUB) == date(2019, 5, 12)
    assert sentence_date("The market was struck three days ago.", PUB) == date(2019, 5, 13)
    assert sentence_date("The strike on Thursday killed four.", PUB) == PUB  # that very day


def test_arabic_yesterday_and_a_levantine_month_without_year() -> None:
    assert sentence_date("قتل خمسة مدنيين أمس في قصف", PUB, "ar") == date(2019, 5, 15)
    assert sentence_date("قصف الطيران البلدة يوم 3 أيار", PUB, "ar") == date(2019, 5, 3)


def test_a_relative_day_without_publication_date_stays_unresolved() -> None:
    assert sentence_date("Jets hit the clinic on 3 May.", None) is None
    assert sentence_date("Jets hit the clinic last Sunday.", None) is None


def test_an_explicit_range_is_the_period() -> None:
    assert find_period("Between 23 and 30 April, 91 strikes hit the town.", PUB) == Period(
        date(2019, 4, 23), date(2019, 4, 30)
    )
    assert find_period("from 28 April to 12 May 2018 the group counted", None) == Period(
        date(2018, 4, 28), date(2018, 5, 12)
    )


def test_since_a_day_and_during_a_month() -> None:
    assert find_period("Since 2 April, 40 clinics were hit.", PUB) == Period(date(2019, 4, 2), PUB)
    assert find_period("During the month of March, 12 schools were hit.", PUB) == Period(
        date(2019, 3, 1), date(2019, 3, 31)
    )


def test_the_first_period_phrase_of_the_text_wins_and_vague_ones_give_none() -> None:
    text = "Over the past two weeks the town was shelled. Since April 300 died."
    assert find_period(text, PUB) == Period(date(2019, 5, 2), PUB)
    assert find_period("Fighting raged for days.", PUB) is None


def test_claims_carry_the_day_their_sentence_names() -> None:
    from harmwatch.extract import extract_text

    ex = extract_text(
        "Jets struck the market on 9 May, killing 12 people. Two days ago, 4 more died.",
        published=PUB,
    )
    assert [(c.value, c.date) for c in ex.claims] == [
        (12, date(2019, 5, 9)),
        (4, date(2019, 5, 14)),
    ]


def test_without_a_publication_date_a_bulletins_listed_days_fall_in_its_stated_week() -> None:
    from harmwatch.extract import extract_text

    ex = extract_text(
        "Weekly bulletin: northern Syria, 1 - 7 May 2019\n\n"
        "Incidents:\n"
        "- 3 May, Saraqib: a strike on the market; 8 civilians killed.\n"
        "- 6 May, Ariha: a strike on a bakery; 3 civilians killed.\n"
        "- On Sunday a clinic was shelled; 2 civilians killed.\n"
    )
    assert ex.published is None  # the end of the stated week is no publication date
    assert [(c.value, c.date) for c in ex.claims] == [
        (8, date(2019, 5, 3)),
        (3, date(2019, 5, 6)),
        (2, None),  # a weekday needs the publication date
    ]
    week = Period(date(2019, 5, 1), date(2019, 5, 7))
    assert sentence_date("12 May: a school was hit.", None, period=week) is None  # outside it


def test_a_sentence_giving_a_range_of_days_names_no_single_day() -> None:
    assert sentence_date("Between 1 and 4 May, 344 people were killed.", PUB) is None


def test_since_a_month_keeps_the_year_the_text_gives() -> None:
    pub = date(2018, 8, 12)
    text = "Since March 2015 the fighting has driven two million from their homes."
    assert find_period(text, pub) == Period(date(2015, 3, 1), pub)
    assert find_period("since April 2017, 90 clinics were hit", pub) == Period(
        date(2017, 4, 1), pub
    )
    # without a year, the last such month up to publication
    assert find_period("since October the shelling went on", pub) == Period(date(2017, 10, 1), pub)


def test_since_a_year_or_the_start_of_the_year() -> None:
    pub = date(2018, 8, 12)
    assert find_period("Since 2015 the war has killed thousands.", pub) == Period(
        date(2015, 1, 1), pub
    )
    assert find_period("since the start of the year 40 schools were hit", pub) == Period(
        date(2018, 1, 1), pub
    )
    # a later year than publication is no period start
    assert find_period("since 2031 nothing", pub) is None


def test_since_a_full_date_or_the_start_of_a_year() -> None:
    pub = date(2018, 8, 12)
    assert find_period("since March 15, 2016 the town was shelled daily", pub) == Period(
        date(2016, 3, 15), pub
    )
    assert find_period("Since the beginning of 2017, 212 raids hit the city.", pub) == Period(
        date(2017, 1, 1), pub
    )


def test_a_comparison_with_a_past_year_is_no_period() -> None:
    pub = date(2018, 8, 12)
    assert find_period("It was the deadliest raid on the town since 2014.", pub) is None
    assert find_period("Jets have hit 30 clinics since 2016.", pub) == Period(date(2016, 1, 1), pub)


def test_a_date_of_an_earlier_hit_is_not_the_days_event() -> None:
    published = date(2021, 3, 12)
    again = (
        "The bakery in Tel Amar was shelled again early this morning, ten days after it was "
        "first hit on 2 March."
    )
    assert sentence_date(again, published) == published
    before = "Guards said the depot, previously struck on 1 March 2021, was hit on Tuesday."
    assert sentence_date(before, published) == date(2021, 3, 9)
    assert sentence_date("Since 20 February, 9 clinics have been bombed.", published) is None
    assert sentence_date("Jets struck the depot on 4 March, killing two.", published) == date(
        2021, 3, 4
    )


def test_the_day_of_a_statement_is_not_the_day_of_the_strike() -> None:
    published = date(2021, 3, 12)  # a Friday
    said = "Two shells killed a farmer near Tel Amar, the rescue service said on Thursday."
    assert sentence_date(said, published) is None
    both = "Rescuers said on Thursday that a shell had killed a farmer on Tuesday."
    assert sentence_date(both, published) == date(2021, 3, 9)
    assert sentence_date("A shell killed a farmer on Thursday.", published) == date(2021, 3, 11)


def test_an_event_reported_in_the_passive_keeps_its_day() -> None:
    published = date(2021, 3, 12)  # a Friday
    passive = "Shelling was reported on Wednesday in Tel Amar, where 3 people died."
    assert sentence_date(passive, published) == date(2021, 3, 10)
