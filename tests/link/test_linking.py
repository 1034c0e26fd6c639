"""Linking reports into incidents: what an analyst checks in the result."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest
from builders import a_figure, a_place, a_report

from harmwatch.extract import extract_text
from harmwatch.geo import Gazetteer, locate
from harmwatch.link import DEFAULT_SETTINGS, assemble_reports, link_reports, score_reports
from harmwatch.model import FacilityHit, LinkDecision, Report

DAY = date(2017, 10, 1)


def _key(n: int, ordinal: int = 0) -> str:
    return f"{n:064x}:{ordinal}"


def _groups(reports: list[Report], **options: object) -> list[list[str]]:
    result = link_reports(reports, **options)  # type: ignore[arg-type]
    return sorted(sorted(i.reports) for i in result.incidents)


def _analysed(text: str, published: date, n: int) -> list[Report]:
    """Reports of a text through the real extractor and geocoder."""
    extraction = locate(extract_text(text, published=published), text, Gazetteer.load())
    return assemble_reports(extraction, document_sha256=f"{n:064x}", source=f"doc{n}", text=text)


def test_three_reports_of_one_strike_become_one_incident_with_range_and_three_sources() -> None:
    reports = [
        a_report(_key(1), figures=(a_figure(7),), published=DAY),
        a_report(
            _key(2),
            figures=(a_figure(9, bound="at_least"),),
            perpetrators=("Syrian government",),
            place_name="Maarrat al-Nouman",
        ),
        a_report(
            _key(3),
            date_start=date(2017, 9, 29),
            date_end=DAY,
            time_precision=2,
            figures=(a_figure(11),),
            place_name="Ma'arrat An Nu'man",
            published=date(2017, 10, 2),
        ),
    ]

    [incident] = link_reports(reports).incidents

    assert incident.reports == tuple(sorted(r.key for r in reports))
    assert {s.document_sha256 for s in incident.sources} == {r.document_sha256 for r in reports}
    assert (incident.first_date, incident.last_date, incident.time_precision) == (DAY, DAY, 1)
    [killed] = [t for t in incident.tallies if t.kind == "killed"]
    assert (killed.low, killed.best, killed.high) == (7, 9, 11)
    assert killed.rule == "median of 3 sources"
    assert [(key, f.value, f.bound) for key, f in killed.figures] == [
        (_key(1), 7, "exact"),
        (_key(2), 9, "at_least"),
        (_key(3), 11, "exact"),
    ]
    assert [(a.perpetrator, a.sources) for a in incident.attributions] == [
        ("Russia", 2),
        ("Syrian government", 1),
    ]


def test_spellings_monday_and_seven_versus_at_least_nine_join_through_extraction() -> None:
    texts = [
        (
            "Russian jets struck the vegetable market in Maarat al-Numan on Sunday, "
            "killing 7 civilians, rescue workers said.",
            date(2017, 10, 1),
        ),
        (
            "At least 9 civilians were killed on Sunday when warplanes hit the market in "
            "Maarrat al-Nouman, the local council said on Monday.",
            date(2017, 10, 2),
        ),
        (
            "On 1 October 2017, air strikes hit a market in Ma'arrat An Nu'man, killing "
            "eight civilians.",
            date(2017, 10, 4),
        ),
    ]
    reports = [r for n, (text, day) in enumerate(texts, 1) for r in _analysed(text, day, n)]
    assert len(reports) == 3
    assert {r.place.id for r in reports if r.place} == {"geonames:167611"}

    [incident] = link_reports(reports).incidents

    assert len(incident.sources) == 3
    assert incident.first_date == incident.last_date == date(2017, 10, 1)
    [killed] = [t for t in incident.tallies if t.kind == "killed"]
    assert (killed.low, killed.high) == (7, 9)


def test_two_strikes_on_the_same_town_a_day_apart_stay_two() -> None:
    first = [a_report(_key(n), figures=(a_figure(4),)) for n in (1, 2)]
    second = [
        a_report(
            _key(n),
            date_start=date(2017, 10, 2),
            date_end=date(2017, 10, 2),
            figures=(a_figure(12),),
        )
        for n in (3, 4)
    ]

    assert _groups([*first, *second]) == [[_key(1), _key(2)], [_key(3), _key(4)]]


def test_two_hospitals_hit_the_same_day_in_different_towns_stay_two() -> None:
    hospital = (FacilityHit(type="medical", name="surgical hospital"),)
    reports = [
        a_report(_key(1), place=a_place("Kafranbel"), facilities=hospital, figures=()),
        a_report(_key(2), place=a_place("Kafranbel"), facilities=hospital, figures=()),
        a_report(_key(3), place=a_place("Maarat al-Numan"), facilities=hospital, figures=()),
        a_report(_key(4), place=a_place("Maarat al-Numan"), facilities=hospital, figures=()),
    ]

    assert _groups(reports) == [[_key(1), _key(2)], [_key(3), _key(4)]]


def test_a_province_week_bulletin_stays_a_period_total_beside_the_incidents_it_mentions() -> None:
    bulletin = (
        "Weekly bulletin: Idlib, 1 - 7 October 2017\n"
        "During the first week of October our team documented 312 airstrikes on Idlib "
        "governorate and the deaths of 74 civilians, including 17 children.\n"
        "Main incidents:\n"
        "- 1 October, Maarat al-Numan: Russian airstrike on the vegetable market; "
        "10 civilians killed.\n"
        "- 5 October, Ariha: regime missile on a residential block; 4 civilians killed.\n"
    )
    wire = (
        "Russian jets struck the vegetable market in Maarat al-Numan on Sunday, killing at "
        "least nine civilians, rescue workers said."
    )
    reports = _analysed(bulletin, date(2017, 10, 8), 1) + _analysed(wire, date(2017, 10, 1), 2)
    [total] = [r for r in reports if r.period_total]
    assert total.date_start == date(2017, 10, 1)
    assert total.date_end is not None and total.date_end >= date(2017, 10, 7)
    assert {(f.kind, f.value) for f in total.figures} >= {("strikes", 312), ("killed", 74)}

    result = link_reports(reports)

    assert result.period_totals == (total.key,)
    assert all(total.key not in i.reports for i in result.incidents)
    market = [i for i in result.incidents if i.first_date == date(2017, 10, 1)]
    assert len(market) == 1 and len(market[0].sources) == 2
    assert len(result.incidents) == 2  # the market and Ariha: 312 airstrikes are not incidents


def test_a_chain_of_weak_links_does_not_merge_two_strikes() -> None:
    monday = a_report(_key(1), figures=(a_figure(5),), facilities=())
    vague = a_report(
        _key(2),
        date_start=DAY,
        date_end=date(2017, 10, 2),
        time_precision=2,
        perpetrators=(),
        weapons=(),
        figures=(),
        facilities=(),
    )
    tuesday = a_report(
        _key(3),
        date_start=date(2017, 10, 2),
        date_end=date(2017, 10, 2),
        figures=(a_figure(20),),
        facilities=(),
    )
    weak = DEFAULT_SETTINGS.link_threshold
    assert weak <= score_reports(monday, vague)["total"] < 2 * weak
    assert weak <= score_reports(vague, tuesday)["total"] < 2 * weak
    assert score_reports(monday, tuesday)["total"] < 0

    groups = _groups([monday, vague, tuesday])

    assert not any(_key(1) in g and _key(3) in g for g in groups)


def test_two_days_each_confirmed_by_two_sources_are_two_strikes() -> None:
    monday = [a_report(_key(n), figures=()) for n in (1, 2)]
    tuesday = [
        a_report(_key(n), date_start=date(2017, 10, 2), date_end=date(2017, 10, 2), figures=())
        for n in (3, 4)
    ]

    assert _groups([*monday, *tuesday]) == [[_key(1), _key(2)], [_key(3), _key(4)]]


def test_relinking_twice_gives_the_same_incidents_and_ids() -> None:
    reports = [a_report(_key(n), figures=(a_figure(9),)) for n in range(1, 4)]
    reports += [
        a_report(_key(n), place=a_place("Ariha"), figures=(a_figure(3),)) for n in range(4, 6)
    ]
    first = link_reports(reports)
    ids = {key: 10 + n for n, i in enumerate(first.incidents) for key in i.reports}
    shuffled = reports[:]
    random.Random(7).shuffle(shuffled)

    again = link_reports(shuffled, previous=ids)
    third = link_reports(reports, previous=ids)

    assert [i.reports for i in again.incidents] == [i.reports for i in first.incidents]
    assert [i.id for i in again.incidents] == [10, 11]
    assert again == third
    assert again.retired == ()


def test_a_new_report_joins_an_incident_that_keeps_its_id() -> None:
    reports = [a_report(_key(n), figures=(a_figure(9),)) for n in (1, 2)]
    previous = {_key(1): 42, _key(2): 42}

    [incident] = link_reports([*reports, a_report(_key(3))], previous=previous).incidents

    assert incident.id == 42
    assert len(incident.reports) == 3


def test_when_an_incident_splits_the_larger_part_keeps_its_id() -> None:
    same_day = [a_report(_key(n), figures=(a_figure(9),)) for n in (1, 2)]
    next_day = a_report(
        _key(3), date_start=date(2017, 10, 3), date_end=date(2017, 10, 3), figures=(a_figure(2),)
    )
    previous = {_key(1): 7, _key(2): 7, _key(3): 7}

    result = link_reports([*same_day, next_day], previous=previous)

    ids = {i.reports: i.id for i in result.incidents}
    assert ids == {(_key(1), _key(2)): 7, (_key(3),): None}


def test_analysts_decisions_survive_a_relink() -> None:
    apart = [
        a_report(_key(1), figures=(a_figure(4),)),
        a_report(
            _key(2),
            date_start=date(2017, 10, 3),
            date_end=date(2017, 10, 3),
            figures=(a_figure(30),),
        ),
    ]
    together = [a_report(_key(n), place=a_place("Ariha"), figures=(a_figure(9),)) for n in (3, 4)]
    merge = LinkDecision("must_link", (_key(1), _key(2)), reason="same strike, misdated")
    split = LinkDecision("cannot_link", (_key(3), _key(4)), reason="two raids")
    pin = LinkDecision("pin", (_key(3),), incident_id=99)

    result = link_reports([*apart, *together], decisions=[merge, split, pin])

    groups = {i.reports: i.id for i in result.incidents}
    assert groups[(_key(1), _key(2))] is None
    assert groups[(_key(3),)] == 99
    assert (_key(4),) in groups


def test_a_later_decision_overrides_an_earlier_one() -> None:
    reports = [a_report(_key(n), figures=(a_figure(9),)) for n in (1, 2)]
    split = LinkDecision("cannot_link", (_key(1), _key(2)))
    merge_again = LinkDecision("must_link", (_key(1), _key(2)))

    assert _groups(reports, decisions=[split]) == [[_key(1)], [_key(2)]]
    assert _groups(reports, decisions=[split, merge_again]) == [[_key(1), _key(2)]]


def test_reports_pinned_to_two_incidents_never_merge() -> None:
    reports = [a_report(_key(n), figures=(a_figure(9),)) for n in (1, 2, 3)]
    decisions = [
        LinkDecision("pin", (_key(1),), incident_id=5),
        LinkDecision("pin", (_key(2),), incident_id=6),
    ]

    result = link_reports(reports, decisions=decisions)

    ids = sorted((i.id or 0, i.reports) for i in result.incidents)
    assert [i for i, _ in ids] == [5, 6]
    assert sum(len(r) for _, r in ids) == 3


def test_strike_counts_are_kept_apart_from_the_incident_count() -> None:
    strikes = a_figure(14, kind="strikes", subject="barrel_bomb", evidence="14 barrel bombs")
    reports = [a_report(_key(1), figures=(a_figure(3), strikes)), a_report(_key(2))]

    [incident] = link_reports(reports).incidents

    [tally] = [t for t in incident.tallies if t.kind == "strikes"]
    assert (tally.subject, tally.best) == ("barrel_bomb", 14)


def test_a_source_that_only_suspects_a_perpetrator_is_counted_as_suspected() -> None:
    reports = [
        a_report(_key(1), perpetrators=(), suspected=("Russia", "Syrian government")),
        a_report(_key(2), perpetrators=(), suspected=("Russia",)),
    ]

    [incident] = link_reports(reports).incidents

    assert [(a.perpetrator, a.sources, a.certainty) for a in incident.attributions] == [
        ("Russia", 2, "suspected"),
        ("Syrian government", 1, "suspected"),
    ]


def test_reports_without_a_place_are_never_linked_automatically() -> None:
    unplaced = [a_report(_key(n), place=None, geo_precision=None) for n in (1, 2)]

    assert _groups(unplaced) == [[_key(1)], [_key(2)]]


@pytest.mark.parametrize(
    ("change", "linked"),
    [
        ({"place": a_place("Khan Shaykhun")}, False),
        ({"date_start": date(2017, 10, 5), "date_end": date(2017, 10, 5)}, False),
        ({"figures": (a_figure(10),), "place_name": "Maarrat al-Nouman"}, True),
        ({"place": a_place("Idlib governorate"), "geo_precision": 3}, True),
    ],
)
def test_what_links_to_a_strike_on_maarat_market(change: dict[str, object], linked: bool) -> None:
    base = a_report(_key(1))
    other = replace(a_report(_key(2)), **change)  # type: ignore[arg-type]

    assert (len(link_reports([base, other]).incidents) == 1) is linked
