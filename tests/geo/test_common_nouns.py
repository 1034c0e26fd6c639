"""A common noun of the report's language that villages also bear ("Markt", "Tal", "Ende" in
German, where every noun has a capital) is no place by itself."""

from __future__ import annotations

from harmwatch.extract import extract_text
from harmwatch.geo import Gazetteer, find_places, locate

GERMAN = (
    "Russische Kampfjets bombardierten am Montag den Markt von Saraqib. "
    "Nach Angaben der Helfer starben auf dem Markt zwölf Zivilisten, darunter vier Kinder. "
    "Am Ende der Woche lag der Ort noch unter Beschuss."
)


def _names(text: str, **hints: str) -> dict[str, str | None]:
    return {
        m.name: (m.place.id if m.place else None)
        for m in find_places(text, Gazetteer.load(), **hints)  # type: ignore[arg-type]
    }


def test_german_common_nouns_are_no_places_and_the_town_stays() -> None:
    found = _names(GERMAN)
    assert found == {"Saraqib": "geonames:164816"}


def test_the_language_given_is_used_without_detecting_it() -> None:
    text = "Der Markt von Saraqib wurde getroffen."
    assert _names(text, language="de") == {"Saraqib": "geonames:164816"}
    assert "Markt" in _names(text, language="en")  # no German: the Austrian village stays


def test_a_name_that_opens_with_a_noun_is_still_found() -> None:
    found = _names("Tal Abyad wurde am Ende der Woche erneut beschossen.")
    assert found == {"Tal Abyad": "geonames:163750"}


def test_a_feature_word_still_makes_a_noun_a_place() -> None:
    found = _names("Granaten trafen die Ortschaft Markt, sagten die Helfer.", language="de")
    assert found.get("Markt") is not None


def test_a_german_report_ties_its_claims_to_the_town_not_the_noun() -> None:
    extraction = locate(extract_text(GERMAN), GERMAN, Gazetteer.load())
    placed = {c.place_id for c in extraction.claims if c.place_id}
    assert placed == {"geonames:164816"}
