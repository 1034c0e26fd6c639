"""A place named only as a landmark ("near Saraqib") does not take an event its sentence sets
in a town ("in Afis"); named alone, it places the event near it (precision 2)."""

from __future__ import annotations

import pytest

from harmwatch.extract import extract_text
from harmwatch.geo import Gazetteer, locate

AFIS = "geonames:174191"
SARAQIB = "geonames:164816"


def _claim_places(text: str) -> set[tuple[str | None, int | None]]:
    extraction = locate(extract_text(text), text, Gazetteer.load())
    assert extraction.claims
    return {(c.place_id, c.geo_precision) for c in extraction.claims}


@pytest.mark.parametrize(
    "text",
    [
        "An airstrike killed two civilians in Afis, near Saraqib.",
        "In Afis, near Saraqib, an airstrike killed two civilians.",
        "An airstrike near Saraqib killed two civilians in Afis.",
        "An airstrike hit Afis, near Saraqib. Two civilians were killed.",
    ],
)
def test_the_town_the_event_is_in_wins_over_the_landmark(text: str) -> None:
    assert _claim_places(text) == {(AFIS, 1)}


@pytest.mark.parametrize(
    "text",
    [
        "An airstrike near Saraqib killed two civilians.",
        "An airstrike on the outskirts of Saraqib killed two civilians.",
    ],
)
def test_a_landmark_alone_places_the_event_near_it(text: str) -> None:
    assert _claim_places(text) == {(SARAQIB, 2)}


def test_a_landmark_is_more_precise_than_the_province_around_it() -> None:
    text = "Near Saraqib in Idlib province, an airstrike killed two civilians."
    assert _claim_places(text) == {(SARAQIB, 2)}
