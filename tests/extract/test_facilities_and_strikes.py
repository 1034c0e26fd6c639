"""Counts of facilities hit and of strikes, in the many ways reports phrase them.

Sentences are written for these tests (never copied from reports).
"""

from __future__ import annotations

from harmwatch.extract import extract_text


def found(text: str) -> list[tuple[str, str, int]]:
    return [(c.kind, c.subject, c.value) for c in extract_text(text).claims]


def attributed(text: str) -> list[tuple[int, str | None]]:
    return [(c.value, c.perpetrator) for c in extract_text(text).claims]


def test_facilities_put_out_of_service_targeted_or_attacked() -> None:
    assert found("Eight hospitals were put out of service in the bombing campaign.") == [
        ("facilities_hit", "medical", 8)
    ]
    assert found("Monitors documented attacks on 5 schools and 3 markets in Daraa.") == [
        ("facilities_hit", "school", 5),
        ("facilities_hit", "market", 3),
    ]
    assert found("In total, 12 civil defence centres were targeted by warplanes.") == [
        ("facilities_hit", "civil_defence", 12)
    ]


def test_a_total_of_vital_facilities_and_its_types() -> None:
    assert found("The group counted 47 vital civilian facilities hit, including 9 schools.") == [
        ("facilities_hit", "any", 47),
        ("facilities_hit", "school", 9),
    ]


def test_a_share_of_the_facilities_named_by_type() -> None:
    assert found("Ten facilities were struck, two of them medical.") == [
        ("facilities_hit", "any", 10),  # unspecified facilities, as "targeted 34 facilities"
        ("facilities_hit", "medical", 2),
    ]
    assert found("Six facilities were damaged, four of them schools.")[1] == (
        "facilities_hit",
        "school",
        4,
    )


def test_the_facilities_a_later_sentence_refers_to_keep_their_type() -> None:
    text = (
        "Since March, six clinics in the south have been shelled. "
        "Two of the facilities were completely destroyed."
    )
    assert found(text) == [("facilities_hit", "medical", 6), ("facilities_hit", "medical", 2)]


def test_damaged_and_destroyed_parts_and_a_parenthesis_between() -> None:
    text = "Officials say 300 homes (a fifth of the town) were damaged and 45 destroyed."
    got = [(c.subject, c.value, c.status) for c in extract_text(text).claims]
    assert got == [("residential", 300, "damaged"), ("residential", 45, "destroyed")]


def test_facilities_under_the_ruins_and_in_french() -> None:
    text = "Rescuers searched the ruins of at least nine shops after the raid."
    assert found(text) == [("facilities_hit", "other", 9)]
    assert found("Selon le ministère, 6 centres de santé ont été endommagés.") == [
        ("facilities_hit", "medical", 6)
    ]


def test_a_share_out_of_a_stock_counts_the_share_only() -> None:
    text = "The ministry said 12 of the region's 40 hospitals were out of service."
    assert found(text) == [("facilities_hit", "medical", 12)]


def test_shares_of_attacks_on_facilities_by_attacker() -> None:
    text = (
        "In Idlib, Syria, the network recorded 30 attacks on medical facilities. "
        "Russian forces carried out 18 of them; in the remaining 12, regime jets were seen."
    )
    assert attributed(text) == [
        (30, "Russia or Syrian government"),
        (18, "Russia"),
        (12, "Syrian government"),
    ]
    assert {k for k, _, _ in found(text)} == {"facilities_hit"}


def test_a_total_split_between_two_attackers_is_left_between_them() -> None:
    text = "In Idlib, Syria, ten clinics were attacked, 8 by Russian forces and 2 by the regime."
    assert attributed(text) == [
        (10, "Russia or Syrian government"),
        (8, "Russia"),
        (2, "Syrian government"),
    ]


def test_facilities_attacked_a_number_of_times() -> None:
    assert found("Civil defence centres were targeted 14 times during the month.") == [
        ("facilities_hit", "civil_defence", 14)
    ]
    assert found("The hospital was struck three times in one week.") == [("strikes", "other", 3)]


def test_strike_counts_with_their_verbs() -> None:
    assert found("Russian jets carried out 714 air strikes on the province.") == [
        ("strikes", "airstrike", 714)
    ]
    assert found("Warplanes carried out 40 raids on the town.") == [("strikes", "airstrike", 40)]
    assert found("Regime helicopters dropped 13 barrel bombs on the town.") == [
        ("strikes", "barrel_bomb", 13)
    ]
    assert found("Forces fired 20 missiles and launched 15 drones at the city.") == [
        ("strikes", "missile", 20),
        ("strikes", "drone", 15),
    ]


def test_a_share_of_attacks_using_a_weapon_is_a_strike_count() -> None:
    text = "Of the raids, 9 of the attacks used cluster munitions."
    assert ("strikes", "cluster_munition", 9) in found(text)


def test_a_share_of_missiles_shot_down_is_no_strike_count() -> None:
    text = "Russia fired 40 missiles overnight; air defences shot down 30 of the missiles."
    assert found(text) == [("strikes", "missile", 40)]


def test_a_share_of_raids_with_a_named_weapon() -> None:
    text = "Jets carried out 22 raids on the town, three of them with cluster munitions."
    assert found(text) == [("strikes", "airstrike", 22), ("strikes", "cluster_munition", 3)]


def test_the_remaining_facilities_of_a_town_put_out_of_service() -> None:
    assert found("All six remaining clinics in the town have been put out of service.") == [
        ("facilities_hit", "medical", 6)
    ]


def test_targets_struck_bombs_dropped_by_drones_and_interceptions() -> None:
    assert found("The army said it hit about 900 militant targets in the north.") == [
        ("strikes", "airstrike", 900)
    ]
    assert found("A witness said four bombs had been dropped by a drone.") == [
        ("strikes", "drone", 4)
    ]
    assert found("Air defences neutralised 52 drones overnight.") == []


def test_drones_launched_then_shot_down_were_launched() -> None:
    assert found("Overnight, 12 attack drones launched at the city were shot down.") == [
        ("strikes", "drone", 12)
    ]


def test_a_list_of_facility_counts_shares_its_verb() -> None:
    text = "The agency said 25 clinics and 72 schools had been damaged since March."
    assert found(text) == [("facilities_hit", "medical", 25), ("facilities_hit", "school", 72)]
    text = "Since May, 11 hospitals out of 30 have stopped functioning."
    assert found(text) == [("facilities_hit", "medical", 11)]


def test_weapons_destroyed_in_the_air_are_not_strikes_but_bombs_that_destroy_are() -> None:
    text = (
        "Russia launched 52 Shahed drones and four cruise missiles, of which 47 drones and "
        "all four missiles were destroyed."
    )
    assert found(text) == [("strikes", "drone", 52), ("strikes", "missile", 4)]
    assert extract_text(text).claims[0].text == "52 Shahed drones"
    text = "Helicopters dropped 9 barrel bombs, destroyed 6 houses."
    assert found(text) == [("strikes", "barrel_bomb", 9), ("facilities_hit", "residential", 6)]


def test_displaced_people_killed_are_a_count_but_displaced_families_are_not() -> None:
    assert found("Shelling of the camp killed 12 displaced people.") == [("killed", "people", 12)]
    assert found("The camp hosts 300 displaced families.") == []


def test_counts_of_attacks_by_facility_type_after_the_attacks_are_named() -> None:
    text = "Among these attacks were 14 on medical facilities and 9 on schools."
    assert found(text) == [("facilities_hit", "medical", 14), ("facilities_hit", "school", 9)]


def test_plural_nouns_ending_in_ies_are_read_as_their_singular() -> None:
    assert found("Warplanes flew more than 60 sorties over the town.") == [
        ("strikes", "airstrike", 60)
    ]


def test_cylinders_dropped_onto_buildings_and_a_fire_through_shops() -> None:
    text = "Witnesses said two cylinders were dropped from helicopters onto three buildings."
    assert found(text) == [("strikes", "chemical", 2), ("facilities_hit", "other", 3)]
    assert found("The fire spread through four shopping centres.") == [
        ("facilities_hit", "market", 4)
    ]


def test_a_site_hit_n_times_takes_the_weapon_just_named() -> None:
    text = (
        "Drones attacked the eastern districts of the town at dawn. "
        "The main bakery was hit five times before noon."
    )
    assert found(text) == [("strikes", "drone", 5)]
    text = "Missiles rained on the village; its clinic was hit three times that night."
    assert found(text) == [("strikes", "missile", 3)]
    # no weapon named nearby: an unspecified attack
    text = "Fighting raged in the north. The hospital was struck three times in one week."
    assert found(text) == [("strikes", "other", 3)]


def test_bare_attacks_after_attacks_on_facilities_count_facilities() -> None:
    text = (
        "Since 2016 the regime has carried out at least 930 attacks on vital civilian "
        "facilities. Aleppo saw the most, with 402 attacks recorded there. The group also "
        "counted at least 88 attacks using incendiary weapons."
    )
    assert found(text) == [
        ("facilities_hit", "any", 930),
        ("facilities_hit", "any", 402),
        ("strikes", "other", 88),
    ]


def test_bare_attacks_without_facility_counts_stay_strikes() -> None:
    assert found("Drones made 40 attacks on the city last week.")[0][0] == "strikes"


def weapons(text: str) -> list[str | None]:
    return [c.weapon for c in extract_text(text).claims]


def test_shelling_and_artillery_alone_name_the_weapon() -> None:
    assert weapons("Heavy shelling of the old quarter killed seven residents.") == ["shelling"]
    assert weapons("Artillery pounded the bus depot; 4 people were wounded.") == ["shelling"]
    assert weapons("The suburb was shelled at dusk, and 2 people died.") == ["shelling"]
    assert found("Troops shelled the farm 11 times.") == [("strikes", "shelling", 11)]


def test_a_maternity_unit_or_ward_is_a_medical_facility() -> None:
    assert found("Two maternity units were damaged in the raids.") == [
        ("facilities_hit", "medical", 2)
    ]
    assert found("Three maternity wards were hit by rockets.") == [("facilities_hit", "medical", 3)]
