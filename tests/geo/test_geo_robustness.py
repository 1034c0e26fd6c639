"""Whatever the input, geocoding and finding places answer without raising."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from harmwatch.geo import Gazetteer, find_places

_GAZETTEER = Gazetteer.load()
_TEXT = st.text(
    alphabet=st.sampled_from(list("AaBbDdHhIiKkLlMmNnSsTt '-.\n؟،اإبتحدرسشعلمنوي"))
    | st.characters(),
    max_size=300,
)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_geocode_never_raises(query: str) -> None:
    match = _GAZETTEER.geocode(query)
    assert match.found == (match.place is not None)


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_every_place_found_in_any_text_has_its_exact_span(text: str) -> None:
    for mention in find_places(text, _GAZETTEER):
        assert text[mention.start : mention.end] == mention.name
        assert mention.place is not None
