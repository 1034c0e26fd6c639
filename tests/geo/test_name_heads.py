"""A generic first word of an Arabic place name ("Tell", "Kafr", "Deir", "Ain") is no place by
itself when another name word follows it."""

from __future__ import annotations

import pytest

from harmwatch.geo import Gazetteer, find_places


def _mentions(text: str) -> list[tuple[str, str | None, bool]]:
    return [
        (m.name, m.place.id if m.place else None, m.review)
        for m in find_places(text, Gazetteer.load())
    ]


@pytest.mark.parametrize("head", ["Tell", "Tal", "Tall"])
def test_a_hill_name_the_gazetteer_lacks_whole_takes_the_rest_for_review(head: str) -> None:
    # OCHA lists the village as "Mardikh"; "Tell"/"Tal" alone is At Tall or a town in India
    text = f"Airstrikes hit {head} Mardikh in the Idlib countryside, killing two."
    found = _mentions(text)
    assert (f"{head} Mardikh", "ocha:C3930", True) in found
    assert all(name != head for name, _, _ in found)


def test_a_head_word_before_an_unknown_name_resolves_to_nothing() -> None:
    found = _mentions("Tell Qurzubanak was shelled at dawn.")
    assert all(place is None for _, place, _ in found)
    assert all(not name.startswith("Tell") or place is None for name, place, _ in found)


def test_a_head_word_before_an_unknown_name_called_a_village_is_kept_unresolved() -> None:
    found = _mentions("Shells fell near Tell Qurzubanak village on Monday.")
    assert found == [("Tell Qurzubanak village", None, True)]


def test_names_the_gazetteer_holds_whole_keep_their_own_entry() -> None:
    found = _mentions("Warplanes struck Tal Abyad and Kafr Nabl.")
    assert ("Tal Abyad", "geonames:163750", False) in found
    assert ("Kafr Nabl", "geonames:168661", False) in found
