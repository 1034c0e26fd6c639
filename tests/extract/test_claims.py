"""What extract_text finds in sentences written for these tests (never copied from reports)."""

from __future__ import annotations

from harmwatch.extract import extract_text


def found(text: str, **kwargs: object) -> list[tuple[str, str, int, str]]:
    ex = extract_text(text, **kwargs)  # type: ignore[arg-type]
    return [(c.kind, c.subject, c.value, c.bound) for c in ex.claims]


def test_a_breakdown_gives_one_claim_per_part() -> None:
    text = "Shelling killed at least 91 people, including 17 children, 12 women and 30 fighters."
    assert found(text) == [
        ("killed", "people", 91, "at_least"),
        ("killed", "children", 17, "exact"),
        ("killed", "women", 12, "exact"),
        ("killed", "fighters", 30, "exact"),
    ]


def test_killed_and_injured_in_one_sentence() -> None:
    text = "The raid on the village killed nine civilians and wounded 14 others."
    assert found(text) == [
        ("killed", "civilians", 9, "exact"),
        ("injured", "civilians", 14, "exact"),
    ]


def test_passive_and_noun_forms_of_killing() -> None:
    assert found("Eleven villagers were killed on Monday.") == [
        ("killed", "civilians", 11, "exact")
    ]
    assert found("Officials reported 48 deaths and 70 injuries.") == [
        ("killed", "people", 48, "exact"),
        ("injured", "people", 70, "exact"),
    ]


def test_of_whom_and_of_them_take_the_group_they_name() -> None:
    text = "The report counted 210 civilians killed in May, 41 of them children."
    assert ("killed", "children", 41, "exact") in found(text)


def test_strike_counts_and_weapons() -> None:
    text = "Warplanes carried out 312 airstrikes and dropped 19 barrel bombs on the district."
    assert found(text) == [
        ("strikes", "airstrike", 312, "exact"),
        ("strikes", "barrel_bomb", 19, "exact"),
    ]


def test_facilities_hit_with_their_status() -> None:
    ex = extract_text("Three schools were destroyed and two clinics damaged in the strikes.")
    got = [(c.kind, c.subject, c.value, c.status) for c in ex.claims]
    assert ("facilities_hit", "school", 3, "destroyed") in got


def test_non_counts_are_not_claims() -> None:
    text = (
        "A 12-year-old boy was killed in 2019, 30 km from the border; 4,000 people were "
        "displaced and 15% of homes lost power. Dozens were killed or wounded. "
        "Eight people remain missing. It was the second attack this week."
    )
    assert found(text) == []


def test_a_text_without_counts_has_no_claims() -> None:
    assert extract_text("Nothing happened here today.").claims == ()


def test_every_claim_span_points_into_the_text() -> None:
    text = "Intro.\n\nAt least 26 people were killed, among them seven children."
    ex = extract_text(text)
    assert ex.claims
    for c in ex.claims:
        assert text[c.start : c.end] == c.text
        assert c.sentence == 1


def test_perpetrator_named_in_the_sentence_and_carried_across_a_breakdown() -> None:
    text = (
        "Suspected Russian or Syrian air strikes killed 14 people, including five children, "
        "in Idlib province."
    )
    ex = extract_text(text)
    assert [c.perpetrator for c in ex.claims] == ["Russia or Syrian government"] * 2


def test_arabic_claims() -> None:
    text = "قتل 14 مدنياً على الأقل بينهم ثلاثة أطفال وسيدتان في غارات للنظام على ريف إدلب."
    assert found(text) == [
        ("killed", "civilians", 14, "at_least"),
        ("killed", "children", 3, "exact"),
        ("killed", "women", 2, "exact"),
    ]


def test_french_claims() -> None:
    text = "Au moins 23 civils, dont sept enfants, ont été tués dans des frappes."
    assert found(text) == [
        ("killed", "civilians", 23, "at_least"),
        ("killed", "children", 7, "exact"),
    ]


def test_broken_unicode_and_huge_sentences_do_not_crash() -> None:
    text = "\ufffd\x00 killed 5 people " + "word " * 50_000 + "\udcff"
    extract_text(text)


def test_others_take_the_group_they_contrast_with() -> None:
    text = "The strike killed two nurses and wounded five others."
    assert found(text) == [
        ("killed", "medical_staff", 2, "exact"),
        ("injured", "medical_staff", 5, "exact"),
    ]


def test_a_shared_verb_carries_its_noun_to_the_second_count() -> None:
    text = "Shelling killed 40 civilians and wounded over 90 in the town."
    assert found(text) == [
        ("killed", "civilians", 40, "exact"),
        ("injured", "civilians", 90, "more_than"),
    ]


def test_attribution_by_attacker_repeats_the_total_kind() -> None:
    text = (
        "The network recorded 30 attacks on medical facilities, 18 by Russian forces "
        "and 12 by Syrian government forces."
    )
    ex = extract_text(text)
    got = [(c.kind, c.subject, c.value, c.perpetrator) for c in ex.claims]
    assert got == [
        ("facilities_hit", "medical", 30, "Russia or Syrian government"),
        ("facilities_hit", "medical", 18, "Russia"),
        ("facilities_hit", "medical", 12, "Syrian government"),
    ]


def test_members_of_one_family_are_family_members() -> None:
    assert found("Six members of one family were among the dead in Ariha.") == [
        ("killed", "family_members", 6, "exact")
    ]


def test_toll_rising_to_a_number_is_a_killed_count() -> None:
    assert found("The death toll from Sunday's strike rose to 63.") == [
        ("killed", "people", 63, "exact")
    ]


def test_fractions_and_interceptions_are_not_claims() -> None:
    assert found("One in four of the dead were children.") == []
    assert found("Air defences shot down 22 of the drones.") == []


def test_arabic_toll_and_breakdown() -> None:
    text = "ارتفع عدد القتلى في حلب إلى 45 شخصاً بينهم 12 طفلاً و7 نساء."
    assert found(text) == [
        ("killed", "people", 45, "exact"),
        ("killed", "children", 12, "exact"),
        ("killed", "women", 7, "exact"),
    ]


def test_a_group_of_the_wounded_takes_the_subject_of_the_wounded_count() -> None:
    text = (
        "Shelling killed 9 civilians and wounded 31 others in the town. "
        "Doctors said three of the dead were children and five of the wounded were critical."
    )
    assert found(text)[-2:] == [
        ("killed", "children", 3, "exact"),
        ("injured", "civilians", 5, "exact"),
    ]


def test_a_count_with_its_own_verb_after_a_breakdown_part() -> None:
    text = (
        "At the clinic, three adults, one of them a nurse, were killed, and at least 12 people, "
        "including four children, were wounded."
    )
    assert ("injured", "people", 12, "at_least") in found(text)
    assert ("injured", "children", 4, "exact") in found(text)


def test_a_combined_total_split_into_killed_and_injured_gives_its_group() -> None:
    text = "Monitors logged 640 civilian casualties: 212 killed and 428 injured."
    assert found(text) == [
        ("killed", "civilians", 212, "exact"),
        ("injured", "civilians", 428, "exact"),
    ]
    text = "The mission counted 95 civilian casualties (30 killed and 65 injured) in June."
    assert found(text) == [
        ("killed", "civilians", 30, "exact"),
        ("injured", "civilians", 65, "exact"),
    ]


def test_named_groups_and_sources_who_are_not_victims() -> None:
    assert found("The raid killed 14 citizens and two detainees.") == [
        ("killed", "civilians", 14, "exact"),
        ("killed", "other", 2, "exact"),
    ]
    assert found("Three UN staff were killed in the strike.") == [("killed", "other", 3, "exact")]
    text = "The strike killed 40 people, three aid workers told reporters."
    assert found(text) == [("killed", "people", 40, "exact")]


def test_a_part_named_with_an_article_after_of_them() -> None:
    text = "Two adults, one of them a nurse, were killed in the shelling."
    assert found(text) == [
        ("killed", "people", 2, "exact"),
        ("killed", "medical_staff", 1, "exact"),
    ]
    assert found("The strike killed 23 members of three families.") == [
        ("killed", "family_members", 23, "exact")
    ]


def test_a_share_of_a_combined_total_split_in_brackets_keeps_its_group() -> None:
    text = (
        "Armed groups caused 400 civilian casualties (150 killed and 250 injured), of which "
        "one faction was responsible for 90 (30 killed and 60 injured)."
    )
    assert found(text) == [
        ("killed", "civilians", 150, "exact"),
        ("injured", "civilians", 250, "exact"),
        ("killed", "civilians", 30, "exact"),
        ("injured", "civilians", 60, "exact"),
    ]


def test_arabic_health_workers_and_residential_buildings() -> None:
    text = "وأعلنت الوزارة استشهاد ما لا يقل عن 120 من الكوادر الصحية منذ بدء الحرب."
    assert found(text, lang="ar") == [("killed", "medical_staff", 120, "at_least")]
    text = "ودمرت الغارات 4 مبانٍ سكنية في البلدة."
    assert found(text, lang="ar") == [("facilities_hit", "residential", 4, "exact")]


def test_a_toll_of_a_named_group_and_its_wounded() -> None:
    text = (
        "The attack brings the number of paramedics killed since the war began to 98, "
        "with 150 wounded and 120 emergency vehicles hit."
    )
    assert found(text) == [
        ("killed", "medical_staff", 98, "exact"),
        ("injured", "medical_staff", 150, "exact"),
    ]


def test_the_same_figure_for_others_and_for_people_elsewhere_is_kept_twice() -> None:
    text = (
        "Shelling killed four rescuers and injured 15 others in Tyre. "
        "Later, a drone strike on a car in Sidon injured 15 people."
    )
    assert ("injured", "people", 15, "exact") in found(text)
    assert ("injured", "rescuers", 15, "exact") in found(text)


def test_counts_of_other_things_that_killed_are_not_casualties() -> None:
    text = "Monitors tracked 880 civilian harm incidents, which killed 2,100 civilians."
    assert found(text) == [("killed", "civilians", 2100, "exact")]


def test_an_unlisted_group_killed_is_other() -> None:
    assert found("The blast killed 12 pilgrims and wounded 40 worshippers.") == [
        ("killed", "other", 12, "exact"),
        ("injured", "other", 40, "exact"),
    ]
    assert found("The strike killed 12 in Idlib and injured 30 more.") == [
        ("killed", "people", 12, "exact"),
        ("injured", "people", 30, "exact"),
    ]


def test_a_group_of_the_victims_is_of_the_killed() -> None:
    assert found("Eleven of the victims were children and four were women.") == [
        ("killed", "children", 11, "exact"),
        ("killed", "women", 4, "exact"),
    ]


def test_closer_to_is_an_approximate_figure() -> None:
    assert found("Residents said the real toll was closer to 600.") == [
        ("killed", "people", 600, "about")
    ]
