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


def test_an_age_set_off_after_one_person_is_no_count() -> None:
    text = "Four people died when the clinic was shelled. A pharmacist, 52, was among them."
    assert found(text) == [("killed", "people", 4, "exact")]
    text = "The strike killed a shepherd (61) and his two grandsons."
    assert found(text) == [("killed", "family_members", 2, "exact")]
    text = "Shells killed Omar al-Khatib, 47, a baker, and injured 6 people near the square."
    assert [v for _, _, v, _ in found(text)] == [6]
    text = "Six people died. Among them were a farmer, 58; his wife, 51; and their son, 16."
    assert found(text) == [("killed", "people", 6, "exact")]


def test_a_count_set_off_by_commas_is_still_a_count() -> None:
    assert found("Government jets killed 58, including nine children, in the raid.") == [
        ("killed", "people", 58, "exact"),
        ("killed", "children", 9, "exact"),
    ]
    text = "Jets killed 34, among them a teacher, 29, and wounded 12, a medic said."
    assert [v for _, _, v, _ in found(text)] == [34, 12]


def test_a_bare_toll_among_civilian_counts_is_of_civilians() -> None:
    text = (
        "The mission recorded 812 civilian deaths in the first half of the year. "
        "Insurgent groups caused 240 deaths, it said."
    )
    assert found(text) == [
        ("killed", "civilians", 812, "exact"),
        ("killed", "civilians", 240, "exact"),
    ]
    text = "The monitor logged 97 civilian casualties in June, including 31 deaths."
    assert ("killed", "civilians", 31, "exact") in found(text)


def test_a_bare_toll_after_fighters_stays_people() -> None:
    text = "Shelling killed 14 soldiers at the base. Medics counted 20 dead by the evening."
    assert found(text)[-1] == ("killed", "people", 20, "exact")
    assert found("The clashes left 35 dead on Tuesday.") == [("killed", "people", 35, "exact")]


def test_others_after_a_family_count_take_the_family_count_noun() -> None:
    text = (
        "Jets killed eight civilians, five of them from one family, including three children, "
        "and three others, among them two children, in a nearby village."
    )
    assert found(text) == [
        ("killed", "civilians", 8, "exact"),
        ("killed", "family_members", 5, "exact"),
        ("killed", "children", 3, "exact"),
        ("killed", "civilians", 3, "exact"),
        ("killed", "children", 2, "exact"),
    ]


def test_arabic_others_after_a_family_count_are_civilians() -> None:
    family = "قتل أربعة مدنيين من عائلة واحدة بينهم طفلان في قرية معرزيتا "
    text = family + "وخمسة آخرين بينهم ثلاثة أطفال."
    assert found(text, lang="ar") == [
        ("killed", "family_members", 4, "exact"),
        ("killed", "children", 2, "exact"),
        ("killed", "civilians", 5, "exact"),
        ("killed", "children", 3, "exact"),
    ]


def test_a_toll_on_the_health_sector_counts_medical_staff() -> None:
    text = "The ministry said the toll on the health sector stands at 75 killed and 140 injured."
    assert found(text) == [
        ("killed", "medical_staff", 75, "exact"),
        ("injured", "medical_staff", 140, "exact"),
    ]
    text = "By Friday the toll among rescue volunteers reached 18 dead."
    assert found(text) == [("killed", "rescuers", 18, "exact")]
    assert found("The overall toll stands at 64 killed.") == [("killed", "people", 64, "exact")]


def test_a_mixed_group_of_soldiers_and_civilians_is_people() -> None:
    text = "At least nine soldiers and civilians died when the checkpoint was shelled."
    assert found(text) == [("killed", "people", 9, "at_least")]
    text = "The strike killed 5 soldiers and 2 civilians."
    assert found(text) == [("killed", "fighters", 5, "exact"), ("killed", "civilians", 2, "exact")]


def test_a_bracketed_list_of_tolls_keeps_its_kind() -> None:
    text = (
        "Overnight raids hit a shop in the old town (9 dead, including two boys), a house by "
        "the river (four dead, including a doctor) and a camp tent (two children), medics said."
    )
    assert found(text) == [
        ("killed", "people", 9, "exact"),
        ("killed", "children", 2, "exact"),
        ("killed", "people", 4, "exact"),
        ("killed", "children", 2, "exact"),
    ]


def test_a_bracketed_headcount_after_a_clause_break_is_no_toll() -> None:
    text = "Four people were killed; the shelter (140 children) was hit later."
    assert found(text) == [("killed", "people", 4, "exact")]


def test_part_of_the_victims_takes_the_group_of_the_total() -> None:
    text = "At least 22 civilians died in the raids. Seventeen of the victims were in one street."
    assert found(text) == [
        ("killed", "civilians", 22, "at_least"),
        ("killed", "civilians", 17, "exact"),
    ]
    assert found("Six of the victims were women.") == [("killed", "women", 6, "exact")]


def test_part_of_the_victims_two_sentences_on_in_italian_and_french() -> None:
    text = (
        "Almeno 27 civili sono morti nei bombardamenti. Lo riferisce una ong locale. "
        "Diciannove delle vittime erano in un mercato."
    )
    assert found(text, lang="it") == [
        ("killed", "civilians", 27, "at_least"),
        ("killed", "civilians", 19, "exact"),
    ]
    text = "Au moins 30 civils ont été tués. Selon une ONG, 12 des victimes étaient au marché."
    assert ("killed", "civilians", 12, "exact") in found(text, lang="fr")
