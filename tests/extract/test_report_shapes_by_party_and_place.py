"""More shapes of issue 8, in sentences of our own: breakdowns of a total by party and by place.

Each test is named for its category (per-perpetrator shares, per-place breakdowns, facility
attack totals and their shares); several outlets' styles per shape, written for these tests.
"""

from __future__ import annotations

import pytest

from harmwatch.extract import extract_text


def found(text: str) -> list[tuple[str, str, int]]:
    return [(c.kind, c.subject, c.value) for c in extract_text(text).claims]


def rules(text: str) -> list[tuple[int, str]]:
    return [(c.value, c.rule) for c in extract_text(text).claims]


# --- per-perpetrator shares: "N by <attacker>" with words before the attacker's name ----------


@pytest.mark.parametrize(
    "attacker",
    [
        "non-state armed groups",
        "either Turkish or Iraqi forces",
        "international coalition forces",
        "unknown forces",
        "opposition factions",
        "the armed opposition",
    ],
)
def test_per_perpetrator_share_after_by_with_modifiers(attacker: str) -> None:
    text = f"The monitors counted 64 schools damaged in the district, 9 by {attacker}."
    assert found(text) == [("facilities_hit", "school", 64), ("facilities_hit", "school", 9)]


def test_per_perpetrator_shares_in_brackets_take_the_total_subject() -> None:
    text = (
        "Since 2019 the union has recorded 212 attacks on health facilities. 190 attacks were "
        "carried out by government forces (150 by the army, 25 by allied militias, 15 by either "
        "army or militia units), 14 by non-state armed groups, and 8 by unknown forces."
    )
    got = found(text)
    assert ("facilities_hit", "medical", 212) in got
    for value in (150, 25, 15, 14, 8):
        assert ("facilities_hit", "medical", value) in got, value


def test_per_perpetrator_shares_of_a_killed_total_stated_as_killings() -> None:
    text = (
        "Some 412 aid workers have been killed since the war began. 300 of the killings were "
        "committed by state forces (280 by the army and 20 by the police), 70 by rebel groups "
        "and 42 by unidentified gunmen."
    )
    got = found(text)
    assert got[:2] == [("killed", "other", 412), ("killed", "other", 300)]
    assert ("killed", "other", 280) in got
    assert ("killed", "other", 70) in got
    assert ("killed", "other", 42) in got


def test_by_a_date_is_no_attacker() -> None:
    assert found("The army reported 40 raids, 12 by the end of March.") == [
        ("strikes", "airstrike", 40)
    ]


# --- per-place breakdowns without the noun ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rockets hit 14 schools this week, nine in Marib and five in Taiz.",
            [("facilities_hit", "school", 14), ("facilities_hit", "school", 9),
             ("facilities_hit", "school", 5)],
        ),
        (
            "Eleven people died in the raids, another six in Kafr Nabl and two in Maarat.",
            [("killed", "people", 11), ("killed", "people", 6), ("killed", "people", 2)],
        ),
        (
            "The group documented five attacks on clinics: three in Daraa and two in Quneitra.",
            [("facilities_hit", "medical", 5), ("facilities_hit", "medical", 3),
             ("facilities_hit", "medical", 2)],
        ),
        (
            "Investigators recorded 31 civilians wounded, 20 in Sarmin, 11 in Binnish.",
            [("injured", "civilians", 31), ("injured", "civilians", 20),
             ("injured", "civilians", 11)],
        ),
    ],
)  # fmt: skip
def test_per_place_breakdown_without_the_noun(
    text: str, expected: list[tuple[str, str, int]]
) -> None:
    assert found(text) == expected


def test_per_place_breakdown_is_named_and_weaker_than_its_total() -> None:
    claims = extract_text("Shelling killed 17 civilians: 12 in Ariha and five in Jisr.").claims
    assert [c.rule for c in claims][1:] == ["per_place_part", "per_place_part"]
    assert claims[1].confidence < claims[0].confidence


def test_a_count_with_its_own_verb_after_the_place_is_no_part() -> None:
    got = found("The strike killed four people in the market; 12 in Idlib were wounded.")
    assert got == [("killed", "people", 4), ("injured", "people", 12)]


# --- facility attack totals, and their shares by party ----------------------------------------


def test_attacks_by_party_after_attacks_on_facilities_are_facility_counts() -> None:
    text = (
        "The network counted 512 attacks on vital civilian facilities last year, including "
        "240 attacks by government forces and 130 attacks by allied forces."
    )
    assert found(text) == [
        ("facilities_hit", "any", 512),
        ("facilities_hit", "any", 240),
        ("facilities_hit", "any", 130),
    ]


def test_a_later_attack_total_and_its_shares_stay_facility_counts() -> None:
    text = (
        "In total 301 attacks on vital civilian facilities were recorded in the year. The "
        "facilities hit were: 90 schools, 41 medical facilities and 12 markets. The network "
        "also counted 35 incidents of attack in the last month, including 20 by government "
        "forces and 15 by armed opposition factions."
    )
    got = found(text)
    assert got[-3:] == [
        ("facilities_hit", "any", 35),
        ("facilities_hit", "any", 20),
        ("facilities_hit", "any", 15),
    ]


def test_attacks_far_from_any_facility_count_stay_strikes() -> None:
    text = (
        "The network counted 60 attacks on civilian facilities in 2019. Prices rose. The "
        "harvest failed. Fuel ran out. Elsewhere, drones carried out 14 attacks by night."
    )
    assert found(text)[-1] == ("strikes", "drone", 14)


# --- per-place counts in brackets after the place's name ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Most damaged schools are in the Sumy (140), Poltava (38) and Odesa (12) regions.",
            [("facilities_hit", "school", 140), ("facilities_hit", "school", 38),
             ("facilities_hit", "school", 12)],
        ),
        (
            "Air raids were again recorded in Saada (21) and Hodeidah (7) last month.",
            [("strikes", "airstrike", 21), ("strikes", "airstrike", 7)],
        ),
        (
            "Civilians were killed in Kherson (16), Zaporizhzhia (4) and Kharkiv (2).",
            [("killed", "civilians", 16), ("killed", "civilians", 4), ("killed", "civilians", 2)],
        ),
    ],
)  # fmt: skip
def test_per_place_counts_in_brackets(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert found(text) == expected


def test_a_year_in_brackets_after_a_name_is_no_count() -> None:
    assert found("The report by Amnesty International (2019) was cited by the court.") == []


def test_a_bracket_without_a_counted_thing_in_the_sentence_is_no_count() -> None:
    assert found("The meeting in Geneva (3) was postponed.") == []


def test_a_share_of_a_total_named_again_by_its_generic_noun() -> None:
    text = (
        "Shelling has damaged 1,210 educational institutions. 95 of them were destroyed. "
        "1,115 of the 1,210 institutions were damaged."
    )
    assert found(text) == [
        ("facilities_hit", "school", 1210),
        ("facilities_hit", "school", 95),
        ("facilities_hit", "school", 1115),
    ]


def test_per_perpetrator_share_by_the_air_force() -> None:
    text = "The group counted 44 attacks on hospitals: 30 by the air force and 14 by ground troops."
    assert found(text) == [
        ("facilities_hit", "medical", 44),
        ("facilities_hit", "medical", 30),
        ("facilities_hit", "medical", 14),
    ]
