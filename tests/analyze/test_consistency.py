"""Breakdowns are checked against their totals; what does not add up is shown, never hidden."""

from __future__ import annotations

from datetime import date

from builders import a_counted_incident, a_source_report, a_tally

from harmwatch.analyze import (
    Part,
    check_breakdown,
    check_incident,
    check_period_totals,
    check_report_figures,
)
from harmwatch.model import Figure


def messages(findings: list) -> list[str]:
    return [f.message for f in findings]


def test_a_breakdown_short_of_its_total_names_the_remainder() -> None:
    parts = [Part("people", 137, "at_least"), Part("children", 23), Part("women", 24),
             Part("fighters", 52)]  # fmt: skip

    [finding] = check_breakdown("killed", parts, reports=("r:0",))

    assert finding.severity == "note"
    assert finding.message == (
        "23 children + 24 women + 52 fighters = 99 of at least 137 killed: 38 not broken down"
    )
    assert (finding.total, finding.parts, finding.remainder) == (137, 99, 38)
    assert finding.reports == ("r:0",)


def test_facilities_of_unreported_type_are_the_remainder() -> None:
    parts = [Part("any", 47), Part("medical", 8, perpetrator="Russia"),
             Part("medical", 2, perpetrator="Syrian government"), Part("school", 6),
             Part("civil_defence", 16)]  # fmt: skip

    [finding] = check_breakdown("facilities_hit", parts)

    assert finding.message == "32 of 47 facilities have a stated type: 15 of unreported type"


def test_a_total_by_one_party_is_checked_against_that_partys_parts_only() -> None:
    parts = [Part("any", 20, perpetrator="Russia"), Part("medical", 8, perpetrator="Russia"),
             Part("medical", 30, perpetrator="Syrian government")]  # fmt: skip

    [finding] = check_breakdown("facilities_hit", parts)

    assert finding.message == "8 of 20 facilities have a stated type: 12 of unreported type"


def test_parts_larger_than_an_exact_total_are_an_error_in_the_source() -> None:
    parts = [Part("people", 10), Part("children", 6), Part("women", 7)]

    [finding] = check_breakdown("killed", parts)

    assert finding.severity == "error"
    assert finding.message == (
        "6 children + 7 women = 13 of 10 killed: the parts exceed the total by 3 "
        "(an error in the source)"
    )


def test_parts_above_a_stated_minimum_are_only_a_note() -> None:
    parts = [Part("people", 10, "at_least"), Part("children", 6), Part("women", 7)]

    [finding] = check_breakdown("killed", parts)

    assert finding.severity == "note"
    assert "exceed the stated minimum by 3" in finding.message


def test_civilians_and_fighters_break_down_people_and_children_and_women_civilians() -> None:
    parts = [Part("people", 30), Part("civilians", 20), Part("fighters", 10),
             Part("children", 5), Part("women", 4)]  # fmt: skip

    found = messages(check_breakdown("killed", parts))

    assert "20 civilians + 10 fighters = 30 of 30 killed: adds up" in found
    assert "5 children + 4 women = 9 of 20 civilians killed: 11 not broken down" in found


def test_a_group_larger_than_the_whole_toll_is_an_error() -> None:
    found = check_breakdown("killed", [Part("people", 3), Part("rescuers", 5)])

    assert [f.check for f in found] == ["part_exceeds_total"]
    assert found[0].message == "5 rescuers killed is more than the 3 killed in all " \
        "(an error in the source)"  # fmt: skip


def test_a_source_best_outside_its_own_range_is_an_error() -> None:
    figures = [Figure("killed", "civilians", 10, low=9, high=9),
               Figure("killed", "children", 4, low=6, high=5)]  # fmt: skip

    found = check_report_figures(figures, reports=("r:0",), notes=False)

    assert messages(found) == [
        "10 civilians killed: its best 10 is above its high 9 (an error in the source)",
        "4 children killed: its low 6 is above its high 5 (an error in the source)",
    ]
    assert {f.severity for f in found} == {"error"}


def test_a_counted_incidents_sources_that_disagree_become_a_range_with_each_source() -> None:
    incident = a_counted_incident(
        5,
        reports=("d1:0", "d2:0"),
        tallies=(a_tally("killed", "civilians", ("d1:0", 7), ("d2:0", 9)),),
    )

    [finding] = check_incident(incident)

    assert finding.check == "sources_disagree"
    assert finding.message == (
        "incident 5: civilians killed 7-9 across sources (d1.txt: 7; d2:0: 9); best 9 by maximum"
    )
    assert finding.reports == ("d1:0", "d2:0") and finding.incidents == (5,)


def test_a_counted_incident_source_whose_parts_exceed_its_total_is_flagged() -> None:
    incident = a_counted_incident(6, killed={"people": 4, "children": 3, "women": 3})

    [finding] = check_incident(incident)

    assert finding.severity == "error" and finding.incidents == (6,)
    assert finding.reports == ("doc6:0",)


def test_period_totals_of_one_area_and_period_that_differ_become_a_range() -> None:
    week = {"date_start": date(2017, 9, 23), "date_end": date(2017, 9, 30), "period_total": True}
    first = a_source_report("1" * 64 + ":0", source="file:///a.txt", **week,
                     figures=(Figure("killed", "people", 137, "at_least"),))  # fmt: skip
    second = a_source_report("2" * 64 + ":0", source="file:///b.txt", **week,
                      figures=(Figure("killed", "people", 130),))  # fmt: skip

    [finding] = check_period_totals([first, second])

    assert finding.message == (
        "period totals for 2017-09-23-2017-09-30: people killed 130-137 across sources "
        "(a.txt: at least 137; b.txt: 130)"
    )
    assert finding.reports == (first.key, second.key)
