"""Perpetrators named the ways reports name them, resolved to the actor list's names."""

from __future__ import annotations

from harmwatch.extract._actors import document_conflicts, find_actors


def names(text: str) -> list[str]:
    return [m.name for m in find_actors(text, document_conflicts(text))]


def test_aliases_resolve_to_canonical_names() -> None:
    text = "Assad regime helicopters and Russian jets struck Idlib; Daesh denied it."
    assert names(text) == ["Syrian government", "Russia", "ISIS"]


def test_two_actors_joined_by_and_or_or_are_one_joint_attacker() -> None:
    assert names("suspected Russian or Syrian air strikes hit Idlib") == [
        "Russia or Syrian government"
    ]
    assert names("Iraqi forces and the US-led coalition in Mosul") == [
        "US-led coalition or Iraqi forces"
    ]


def test_a_shared_alias_goes_to_the_actor_of_the_documents_conflict() -> None:
    assert names("In Myanmar's Sagaing region the junta bombed a village.") == ["Myanmar military"]
    assert names("In Idlib, Syria, government forces shelled the town.") == ["Syrian government"]


def test_short_capital_aliases_match_only_in_capitals() -> None:
    assert names("This is what IS fighters did in Mosul, Iraq.") == ["ISIS"]


def test_a_text_without_actors_names_none() -> None:
    assert names("Heavy rain fell on the city.") == []


def test_arabic_and_glued_to_a_name_still_joins_two_attackers() -> None:
    assert names("قتل تسعة مدنيين في غارات سورية وروسية على ريف حلب") == [
        "Russia or Syrian government"
    ]
    assert names("قصفت الطائرات الروسية والسورية مدينة إدلب") == ["Russia or Syrian government"]


def test_a_generic_name_is_an_actor_only_in_its_actors_conflict() -> None:
    assert names("The air force bombed a fuel depot outside the port, killing five.") == []
    assert names("The military shelled the market before dawn.") == []
    assert names("In Tigray, the air force bombed a fuel depot, killing five.") == [
        "Ethiopian government"
    ]
    assert names("Ethiopian jets and the air force struck Mekelle.")[-1] == "Ethiopian government"
