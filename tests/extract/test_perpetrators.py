"""Who a claim is attributed to, when its own sentence does not say (sentences written here)."""

from __future__ import annotations

from harmwatch.extract import extract_text
from harmwatch.extract._actors import document_conflicts, find_actors


def perpetrators(text: str) -> list[tuple[int, str | None]]:
    return [(c.value, c.perpetrator) for c in extract_text(text).claims]


def test_an_attacker_named_after_the_last_claims_takes_over_the_next_ones() -> None:
    text = (
        "Opposition factions fired rockets at a town in Hama, killing three civilians. "
        "Later that day Syrian regime jets bombed the village of Kafr Ain. "
        "Eleven people died there."
    )
    assert perpetrators(text) == [(3, "armed opposition"), (11, "Syrian government")]


def test_an_attacker_named_in_the_next_sentence_owns_the_lead_claims() -> None:
    text = (
        "Local officials said 14 people were killed when shells hit a bus stop in Donetsk. "
        "They blamed Ukrainian forces for the attack."
    )
    assert perpetrators(text) == [(14, "Ukraine")]


def test_an_associate_of_an_actor_is_not_the_actor() -> None:
    text = "Russian-installed officials and Moscow-backed separatists spoke in Donetsk."
    assert find_actors(text, document_conflicts(text)) == []


def test_the_side_whose_ground_a_weapon_was_fired_from_is_the_attacker() -> None:
    text = "In Idlib, Syria, rockets fired from positions held by government forces killed six."
    assert perpetrators(text) == [(6, "Syrian government")]


def test_forces_backed_by_another_actor_make_a_joint_attacker() -> None:
    text = "Residents in Idlib blamed pro-government forces backed by Russia."
    assert [m.name for m in find_actors(text, document_conflicts(text))] == [
        "Russia or Syrian government"
    ]


def test_an_undecided_report_gives_its_totals_to_both_actors() -> None:
    text = (
        "At least 19 people were killed in strikes on a market in Idlib, Syria. "
        "Rescuers said the jets were Russian, but monitors could not tell whether they were "
        "Russian or Syrian."
    )
    assert perpetrators(text) == [(19, "Russia or Syrian government")]


def test_barrel_bombs_are_dropped_by_the_syrian_government() -> None:
    text = "Suspected Russian or Syrian aircraft dropped 22 barrel bombs on Idlib, Syria."
    assert perpetrators(text) == [(22, "Syrian government")]


def test_a_generic_alias_of_another_conflict_is_not_resolved() -> None:
    text = "In Kunduz, Afghanistan, pro-government forces fought the Taliban."
    assert [m.name for m in find_actors(text, document_conflicts(text))] == ["Taliban"]


def test_a_monthly_toll_broken_down_by_attacker() -> None:
    text = (
        "In Syria the network recorded the deaths of 95 civilians in June, including 20 children. "
        "Of these, 51 were killed by Syrian regime forces, including 9 children, and 12 by "
        "Russian forces. ISIS killed four civilians, and the SDF killed seven civilians. "
        "The remaining 21 civilians were killed by other parties."
    )
    got = [(c.subject, c.value, c.perpetrator) for c in extract_text(text).claims]
    assert got[2:] == [
        ("civilians", 51, "Syrian government"),
        ("children", 9, "Syrian government"),
        ("civilians", 12, "Russia"),
        ("civilians", 4, "ISIS"),
        ("civilians", 7, "SDF"),
        ("civilians", 21, None),
    ]


def test_officials_of_an_actor_are_a_source_and_a_claim_of_responsibility_an_attacker() -> None:
    text = (
        "A suicide bomber attacked crowds outside the airport in Kabul, Afghanistan, killing "
        "at least 60 civilians, officials said. A Taliban spokesman said 20 guards were among "
        "the dead. ISIS-K claimed responsibility."
    )
    assert perpetrators(text) == [(60, "ISIS"), (20, "ISIS")]


def test_french_reports_name_the_attacker_in_the_feminine() -> None:
    text = "Les frappes israéliennes sur le sud du Liban ont tué 31 personnes."
    assert perpetrators(text) == [(31, "Israel")]


def test_the_occupier_of_an_area_is_not_the_attacker_there() -> None:
    text = (
        "In Ukraine, attacks by Ukrainian armed forces in areas occupied by the Russian "
        "Federation killed 9 civilians."
    )
    assert perpetrators(text) == [(9, "Ukraine")]


def test_arabic_attackers_with_adjective_endings_and_the_preposition_li() -> None:
    assert perpetrators("قتل 12 مدنياً جراء غارات جوية روسية على مدينة معرة النعمان.") == [
        (12, "Russia")
    ]
    text = "ألقى الطيران المروحي التابع للنظام 20 برميلاً متفجراً على ريف حماة في سوريا."
    assert perpetrators(text) == [(20, "Syrian government")]


def test_accusers_are_not_the_attacker_but_the_actor_they_blame_is() -> None:
    text = "The strike on the school, which rebels blamed on Russia, killed six children in Idlib."
    assert perpetrators(text) == [(6, "Russia")]


def test_an_attacker_that_denies_the_toll_is_still_the_attacker() -> None:
    text = (
        "Junta jets bombed a village in Sagaing, Myanmar, killing 31 people. "
        "The junta denied that civilians had been killed."
    )
    assert perpetrators(text) == [(31, "Myanmar military")]


def test_actors_named_among_the_victims_attack_no_one() -> None:
    text = (
        "A suicide bomber attacked the gate of the airport in Kabul, killing 60 civilians "
        "and 13 U.S. troops."
    )
    assert perpetrators(text) == [(60, None), (13, None)]


def test_a_generic_army_is_the_army_of_the_documents_conflict_only() -> None:
    text = "In Tigray, Ethiopia, the military said it had carried out a strike that killed 9."
    assert perpetrators(text) == [(9, "Ethiopian government")]
    assert find_actors("The army said it hit 9 targets.", frozenset()) == []


def test_the_side_a_missile_was_fired_from_territory_of() -> None:
    text = (
        "A rocket hit a camp near Idlib, Syria, killing 9 people. Monitors said the rocket "
        "was fired from government-held territory."
    )
    assert perpetrators(text) == [(9, "Syrian government")]


def test_each_list_takes_the_attacker_that_closes_it() -> None:
    text = (
        "The monitor counted 3 bakeries, 6 mosques and 9 schools attacked by Syrian regime "
        "helicopters, and 4 bakeries, 2 mosques and 7 schools attacked by Russian warplanes."
    )
    assert perpetrators(text) == [
        (3, "Syrian government"),
        (6, "Syrian government"),
        (9, "Syrian government"),
        (4, "Russia"),
        (2, "Russia"),
        (7, "Russia"),
    ]


def test_a_list_closer_after_a_clause_break_is_not_borrowed() -> None:
    text = (
        "Russian jets hit 5 clinics in the north; elsewhere 2 markets were struck "
        "by Syrian government artillery."
    )
    assert perpetrators(text) == [(5, "Russia"), (2, "Syrian government")]


def test_a_total_after_a_campaign_of_two_attackers_is_left_between_them() -> None:
    text = (
        "Over the week the monitor logged 30 bakeries attacked by Russian warplanes and 11 "
        "bakeries attacked by Syrian regime helicopters. At least 96 people were killed, "
        "including 15 children."
    )
    assert perpetrators(text) == [
        (30, "Russia"),
        (11, "Syrian government"),
        (96, "Russia or Syrian government"),
        (15, "Russia or Syrian government"),
    ]


def test_a_total_after_one_attacker_keeps_that_attacker() -> None:
    text = "Russian jets hit 6 clinics in the north. At least 40 people were killed there."
    assert perpetrators(text) == [(6, "Russia"), (40, "Russia")]


def test_a_gapped_count_after_an_attacker_repeats_the_count_before() -> None:
    text = (
        "The group logged 90 attacks on vital civilian facilities in May. "
        "Russian forces carried out 57 of them and Syrian regime forces 29; the rest were "
        "by other parties."
    )
    ex = extract_text(text)
    assert [(c.kind, c.subject, c.value, c.perpetrator) for c in ex.claims][1:3] == [
        ("facilities_hit", "any", 57, "Russia"),
        ("facilities_hit", "any", 29, "Syrian government"),
    ]


def test_a_count_given_to_another_attacker_repeats_the_count_before() -> None:
    text = (
        "The project attributes 2,150 civilian deaths to the Saudi-led coalition, "
        "and 740 to the Houthis."
    )
    ex = extract_text(text)
    assert [(c.kind, c.subject, c.value, c.perpetrator) for c in ex.claims] == [
        ("killed", "civilians", 2150, "Saudi-led coalition"),
        ("killed", "civilians", 740, "Houthis"),
    ]


def test_a_number_after_a_place_name_is_no_gapped_count() -> None:
    text = "Shelling killed 12 civilians in Aleppo, and Idlib 2024 saw more raids."
    assert [c.value for c in extract_text(text).claims] == [12]


def test_a_part_of_an_earlier_total_takes_the_attacker_its_own_sentence_names() -> None:
    text = (
        "At least 19 civilians were killed in joint Russian and Syrian government air strikes "
        "on Idlib. The monitor gave the figure on Sunday. Eleven of the victims died in a "
        "Russian raid on a camp near Maarat."
    )
    assert perpetrators(text) == [(19, "Russia or Syrian government"), (11, "Russia")]


def test_a_total_broken_down_between_attackers_in_the_next_sentence_stays_unattributed() -> None:
    text = (
        "Shelling and air raids on Hama province, Syria, damaged 30 public buildings. "
        "Of these, 9 bakeries were attacked by Russian warplanes and 6 water stations by "
        "Syrian regime artillery."
    )
    assert perpetrators(text) == [(30, None), (9, "Russia"), (6, "Syrian government")]


def test_a_total_wholly_broken_down_between_two_attackers_is_left_between_them() -> None:
    text = (
        "Air raids on Hama province, Syria, damaged 15 public buildings. "
        "Of these, 9 bakeries were attacked by Russian warplanes and 6 water stations by "
        "Syrian regime artillery."
    )
    assert perpetrators(text)[0] == (15, "Russia or Syrian government")


def test_a_total_whose_own_sentence_names_its_attacker_keeps_it() -> None:
    text = (
        "Russian warplanes damaged 30 public buildings in Hama province, Syria. "
        "Of these, 9 bakeries were attacked by Russian warplanes and 6 water stations by "
        "Syrian regime artillery."
    )
    assert perpetrators(text)[0] == (30, "Russia")


def test_a_line_naming_its_own_party_never_takes_the_last_lines_attacker() -> None:
    text = (
        "Civilians killed in Deir ez-Zor in March, by party:\n"
        "A. ISIS: 31 civilians, including 7 children\n"
        "B. Other parties: 12 civilians\n"
        "C. Unknown gunmen: 4\n"
        "D. Others: 2\n"
        "E. Syrian regime forces: 9 civilians\n"
    )
    assert perpetrators(text) == [
        (31, "ISIS"),
        (7, "ISIS"),
        (12, None),
        (4, None),
        (2, None),
        (9, "Syrian government"),
    ]


def test_a_count_at_the_end_of_a_line_does_not_make_the_next_lines_actor_a_victim() -> None:
    text = "Deaths by perpetrator, Syria, June:\nOthers: 5\nRussian forces: 14 civilians\n"
    assert perpetrators(text)[-1] == (14, "Russia")
