"""Shapes that failed on reports the extractor had never seen (issue 8), in sentences of our own.

Each test is one category: monitoring-group lists, per-perpetrator lines, per-place breakdowns,
victim nouns outside the vocabulary, "N others", strike wordings, casualty wordings, numbers
that are not counts, attribution. Several outlets' styles per shape, written for these tests.
"""

from __future__ import annotations

import pytest

from harmwatch.extract import extract_text


def found(text: str, **kw: object) -> list[tuple[str, str, int]]:
    return [(c.kind, c.subject, c.value) for c in extract_text(text, **kw).claims]  # type: ignore[arg-type]


def attackers(text: str) -> list[tuple[int, str | None]]:
    return [(c.value, c.perpetrator) for c in extract_text(text).claims]


# --- facility lists under a header -----------------------------------------------------------


def test_facility_list_under_a_header_one_item_a_line() -> None:
    text = (
        "Monthly bulletin, March.\n"
        "Vital civilian facilities attacked this month:\n"
        "14 places of worship\n"
        "6 medical points\n"
        "2 refugee camps\n"
        "3 bakeries\n"
    )
    assert found(text) == [
        ("facilities_hit", "mosque", 14),
        ("facilities_hit", "medical", 6),
        ("facilities_hit", "camp", 2),
        ("facilities_hit", "bakery", 3),
    ]


def test_facility_comma_list_after_a_colon() -> None:
    text = (
        "The facilities struck in April were: 31 infrastructure buildings, 12 schools, "
        "4 cultural facilities and 1 camp for displaced people."
    )
    assert found(text) == [
        ("facilities_hit", "other", 31),
        ("facilities_hit", "school", 12),
        ("facilities_hit", "other", 4),
        ("facilities_hit", "camp", 1),
    ]


def test_incidents_of_attack_on_facilities_count_facilities() -> None:
    assert found("The network logged 88 attacks on vital civilian facilities in May.") == [
        ("facilities_hit", "any", 88)
    ]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Shelling damaged 4 ambulances near the front.", "medical"),
        ("Drones destroyed 2 fire trucks of the civil defence.", "civil_defence"),
        ("The raids hit 7 preschools in the district.", "school"),
        ("Three family compounds were destroyed in the strike.", "residential"),
        ("Airstrikes damaged 5 civil defence facilities last week.", "civil_defence"),
    ],
)
def test_facility_nouns_missing_before_are_read(text: str, subject: str) -> None:
    assert [s for k, s, _ in found(text) if k == "facilities_hit"] == [subject]


# --- per-perpetrator lines -------------------------------------------------------------------


def test_per_perpetrator_lines_take_the_header_kind_and_their_own_attacker() -> None:
    text = (
        "Civilians killed in June, by party:\n"
        "A. Syrian regime forces: 58\n"
        "B. Russian forces: 22\n"
        "C. ISIS: 4\n"
    )
    assert [(c.kind, c.subject, c.value, c.perpetrator) for c in extract_text(text).claims] == [
        ("killed", "civilians", 58, "Syrian government"),
        ("killed", "civilians", 22, "Russia"),
        ("killed", "civilians", 4, "ISIS"),
    ]


def test_a_line_naming_another_attacker_does_not_inherit_the_last_one() -> None:
    text = (
        "Civilian deaths in April by the party that killed them:\n"
        "Russian forces: 31 civilians, including 9 children.\n"
        "Syrian regime forces: 40 civilians, including 11 children and 6 women.\n"
    )
    assert [
        (c.value, c.perpetrator) for c in extract_text(text, lang="en").claims if c.value >= 30
    ] == [(31, "Russia"), (40, "Syrian government")]


# --- per-place breakdowns with the noun left out ---------------------------------------------


def test_per_place_breakdown_after_a_colon_inherits_kind_and_subject() -> None:
    text = "The group recorded five attacks on hospitals: three in Idlib and two in Hama."
    assert found(text) == [
        ("facilities_hit", "medical", 5),
        ("facilities_hit", "medical", 3),
        ("facilities_hit", "medical", 2),
    ]


# --- victim nouns outside the vocabulary ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("The blast killed four policemen at the checkpoint.", "other"),
        ("Three journalists were killed when the car was hit.", "other"),
        ("Two aid workers were killed in the strike on the convoy.", "other"),
        ("Six elderly people were killed in the shelling.", "other"),
        ("The strike killed 40 children and women sheltering in the school.", "other"),
        ("Ten Taliban fighters were killed in the air strike.", "fighters"),
    ],
)
def test_victim_groups_outside_the_vocabulary(text: str, subject: str) -> None:
    assert [s for k, s, _ in found(text) if k == "killed"] == [subject]


def test_a_count_of_an_armed_groups_members_does_not_make_it_the_attacker() -> None:
    claims = extract_text("An air strike killed ten Taliban in Helmand on Monday.").claims
    assert [(c.subject, c.value, c.perpetrator) for c in claims] == [("fighters", 10, None)]


# --- "N others" -------------------------------------------------------------------------------


def test_others_after_a_list_take_people_not_the_last_noun() -> None:
    text = "A child and three women were killed and eight others wounded."
    assert ("injured", "people", 8) in found(text)


def test_others_take_the_group_they_contrast_with() -> None:
    text = "The strike killed two paramedics and wounded three others."
    assert found(text) == [("killed", "medical_staff", 2), ("injured", "medical_staff", 3)]


# --- strike wordings ---------------------------------------------------------------------------


def test_missile_and_aviation_strikes_in_one_phrase() -> None:
    assert found("The region came under 4 missile and 19 aviation strikes overnight.") == [
        ("strikes", "missile", 4),
        ("strikes", "airstrike", 19),
    ]


def test_interceptions_are_not_strikes_but_the_launched_number_is() -> None:
    text = "Air defences shot down 9 of the 12 missiles launched at the city."
    assert found(text) == [("strikes", "missile", 12)]


def test_more_barrel_bombs() -> None:
    assert found("Helicopters dropped 6 more barrel bombs on the town.") == [
        ("strikes", "barrel_bomb", 6)
    ]


# --- casualty wordings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attack claimed the lives of 17 people.", [("killed", "people", 17)]),
        ("The strike claimed lives of 5 civilians.", [("killed", "civilians", 5)]),
        ("11 people were being treated in hospital.", [("injured", "people", 11)]),
        ("The casualties included 4 children.", [("killed", "children", 4)]),
    ],
)
def test_casualty_wordings(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert found(text) == expected


def test_a_comma_list_with_an_a_item_counts_the_a_as_one() -> None:
    text = "The raid killed two men, a woman and five children."
    assert found(text) == [
        ("killed", "men", 2),
        ("killed", "women", 1),
        ("killed", "children", 5),
    ]


def test_italian_inverted_order() -> None:
    assert found("Otto le persone ferite nel bombardamento di ieri.") == [("injured", "people", 8)]


# --- subject from the numbered noun ------------------------------------------------------------


def test_subject_comes_from_the_numbered_noun_not_a_nearby_one() -> None:
    text = "A drone hit a minibus carrying civilians, killing four."
    assert found(text) == [("killed", "people", 4)]


# --- numbers that are not counts ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Nov. 14, an airstrike killed a man in the village.",
        "Two boys aged 6 and 13 survived.",
        "Four of the patients remained in hospital for observation.",
        "Trois personnes ont été portées disparues après le bombardement.",
    ],
)
def test_numbers_that_are_not_casualty_counts(text: str) -> None:
    assert [c for c in found(text) if c[0] in {"killed", "injured"}] == []


# --- attribution ----------------------------------------------------------------------------


def test_afghan_air_force_is_an_attacker() -> None:
    assert attackers("An Afghan air force strike killed 12 civilians in Kunduz.") == [
        (12, "Afghan government")
    ]


def test_joint_russian_syrian_raids_are_left_between_the_two() -> None:
    text = "Joint Russian-Syrian air raids killed 9 people in Ariha."
    assert attackers(text) == [(9, "Russia or Syrian government")]


def test_the_territory_holder_is_not_the_attacker() -> None:
    text = "Coalition strikes on Houthi-held areas killed 14 civilians."
    assert attackers(text) == [(14, "Saudi-led coalition")]


def test_a_place_name_is_not_an_actor() -> None:
    text = "Shelling near the Turkish border killed 3 civilians, rescuers said."
    assert attackers(text) == [(3, None)]


def test_nato_is_nato() -> None:
    assert attackers("A NATO air strike killed 8 civilians in the province.") == [(8, "NATO")]


def test_the_documents_main_attacker_never_overrides_the_sentences_own() -> None:
    text = (
        "Russian jets struck Idlib again. Russian warplanes hit a market. "
        "Russian strikes continued. Turkish drones killed 5 people near Afrin."
    )
    assert attackers(text) == [(5, "Turkey")]


# --- publication date -------------------------------------------------------------------------


def test_a_published_line_beats_the_first_date_in_the_body() -> None:
    text = "Weekly update\nPublished 20 May 2019\nOn 12 May 2019, 7 civilians were killed."
    assert extract_text(text).published is not None
    assert extract_text(text).published.isoformat() == "2019-05-20"  # type: ignore[union-attr]


def test_a_date_range_heading_is_the_period_not_the_publication_date() -> None:
    extraction = extract_text("Situation report 13 – 19 May 2019\n9 civilians were killed.")
    assert extraction.published is None or extraction.published.isoformat() != "2019-05-13"
    assert extraction.period is not None
    assert (extraction.period.start.isoformat(), extraction.period.end.isoformat()) == (  # type: ignore[union-attr]
        "2019-05-13",
        "2019-05-19",
    )


# --- confidence --------------------------------------------------------------------------------


def test_confidence_is_lower_for_inherited_parts_than_for_a_number_by_its_verb() -> None:
    claims = extract_text(
        "At least 30 people were killed, including 12 children. Eight others were injured."
    ).claims
    by_value = {c.value: c.confidence for c in claims}
    assert by_value[30] > by_value[12]
    assert by_value[30] > by_value[8]
