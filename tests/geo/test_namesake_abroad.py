"""With a context (a governorate the names are in), a spelling variant that matches a place
abroad ranks below the same spelling of a place in the context's country and is marked for
review, as a fuzzy match abroad already was."""

from __future__ import annotations

import pytest

from harmwatch.geo import REVIEW, Gazetteer


@pytest.mark.parametrize(
    ("query", "context", "home_id"),
    [
        ("Sakba", "Rif Dimashq", "ocha:C2314"),  # not Sago, Côte d'Ivoire
        ("Sakba", "Damascus", "ocha:C2314"),  # a governorate next door: the country counts
        ("Jobbar", "Damascus", "quarter:jobar"),  # not Jübar, Germany
        ("Arbeen", "SY03", "geonames:169372"),  # not Arbin, France
    ],
)
def test_a_spelling_at_home_beats_its_namesake_abroad(
    query: str, context: str, home_id: str
) -> None:
    match = Gazetteer.load().geocode(query, context=(context,))
    assert match.place is not None and match.place.id == home_id
    abroad = [c for c in match.candidates if c.place.country != "SY"]
    assert all(c.score < REVIEW and c.how.endswith("abroad") for c in abroad)
    assert all(c.rank < match.candidates[0].rank for c in abroad)


def test_without_a_context_the_spelling_abroad_is_not_lowered() -> None:
    match = Gazetteer.load().geocode("Sakba")
    assert {c.score for c in match.candidates} == {0.92}


def test_a_namesake_abroad_that_only_a_spelling_matches_is_kept_for_review() -> None:
    match = Gazetteer.load().geocode("Sago", context=("Idlib",))
    assert match.place is not None and match.place.country == "CI"  # its own name: exact
    spelled = [c for c in match.candidates if c.how == "translit abroad"]
    assert spelled and all(0.7 <= c.score < REVIEW for c in spelled)


def test_an_exact_name_abroad_is_not_lowered_by_the_context() -> None:
    match = Gazetteer.load().geocode("Irpin", context=("Idlib",))
    assert match.place is not None and match.place.country == "UA" and match.score == 1.0
