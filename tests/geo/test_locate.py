"""Places named in a report are found with their exact spans, and claims take their place."""

from __future__ import annotations

from harmwatch.geo import Gazetteer, find_places, locate
from harmwatch.model import Claim, Extraction
from harmwatch.serialize import mention_to_dict

REPORT = (
    "On Monday, Russian warplanes struck the town of Kafranbel in the southern countryside of "
    "Idlib, killing 5 civilians. The Civil Defence said Hospital staff were safe.\n"
    "Strikes also hit Latamneh in northern Hama and the village of Shannan. Ali Hassan, a "
    "resident of Saraqeb, said that Khan Sheikhoun was shelled. In Maarat al-Numan, 3 children "
    "were killed.\n"
    "قصفت الطائرات الروسية مدينة معرة النعمان في ريف إدلب الجنوبي.\n"
    "Idlib province saw 714 airstrikes in May."
)


def _found(text: str) -> dict[str, str]:
    return {m.name: m.place.id for m in find_places(text, Gazetteer.load()) if m.place}


def test_every_mention_has_its_exact_span() -> None:
    mentions = find_places(REPORT, Gazetteer.load())
    assert mentions
    for mention in mentions:
        assert REPORT[mention.start : mention.end] == mention.name


def test_places_in_a_report_resolve_to_their_entries() -> None:
    found = _found(REPORT)
    assert found["Kafranbel"] == "geonames:168661"
    assert found["Latamneh"] == "ocha:C3458"
    assert found["Shannan"] == "ocha:C4275"
    assert found["Saraqeb"] == "geonames:164816"
    assert found["Khan Sheikhoun"] == "geonames:168325"
    assert found["Maarat al-Numan"] == "geonames:167611"
    assert found["معرة النعمان"] == "geonames:167611"
    assert found["Hama"] == "geonames:170017"


def test_province_and_countryside_mean_the_governorate() -> None:
    mentions = find_places(REPORT, Gazetteer.load())
    idlibs = [m for m in mentions if m.name in ("Idlib", "إدلب")]
    assert len(idlibs) == 3
    assert {m.place.id for m in idlibs if m.place} == {"ocha:SY07"}


def test_ordinary_capitalised_words_are_not_places() -> None:
    found = _found(REPORT)
    for word in ("Monday", "Russian", "Civil", "Defence", "Hospital", "Ali", "Hassan", "May"):
        assert word not in found


def test_lowercase_words_do_not_match_villages() -> None:
    text = "the hospital was hit and the market was destroyed near a school in the north"
    assert _found(text) == {}


def test_governorate_in_the_same_report_chooses_between_namesakes() -> None:
    idlib = _found("Shelling hit Abdin in the southern countryside of Idlib on Friday.")
    daraa = _found("Shelling hit Abdin in the western countryside of Daraa on Friday.")
    assert idlib["Abdin"] == "ocha:C3990"
    assert daraa["Abdin"] == "ocha:C6023"


def test_claims_take_the_most_specific_place_of_their_sentence_or_the_one_before() -> None:
    text = (
        "Airstrikes hit Idlib province. In Kafranbel, 4 civilians were killed.\n"
        "Another 2 people were injured.\nElsewhere 9 were injured."
    )
    start = text.index("4 civilians")
    claims = (
        Claim(
            kind="killed",
            subject="civilians",
            value=4,
            start=start,
            end=start + 11,
            text="4 civilians",
            sentence=1,
        ),
        Claim(kind="injured", subject="people", value=2, start=0, end=0, text="", sentence=2),
        Claim(kind="killed", subject="people", value=1, start=0, end=0, text="", sentence=0),
    )
    extraction = Extraction(lang="en", published=None, period=None, claims=claims)
    located = locate(extraction, text, Gazetteer.load())
    assert [c.place_id for c in located.claims] == [
        "geonames:168661",
        "geonames:168661",
        "ocha:SY07",
    ]
    assert {m.name for m in located.places} == {"Idlib", "Kafranbel"}


def test_claims_before_any_place_have_none() -> None:
    text = "5 people were killed.\nLater, strikes hit Saraqib."
    claims = (
        Claim(
            kind="killed", subject="people", value=5, start=0, end=8, text="5 people", sentence=0
        ),
    )
    located = locate(Extraction("en", None, None, claims=claims), text, Gazetteer.load())
    assert located.claims[0].place_id is None


def test_mention_dict_has_the_contract_fields() -> None:
    mention = find_places("Strikes hit Idlib.", Gazetteer.load())[0]
    fields = {"name", "start", "end", "id", "geonameid", "lat", "lon", "admin1", "admin2"}
    fields |= {"feature", "sentence", "score"}
    assert {k: v for k, v in mention_to_dict(mention).items() if k in fields} == {
        "name": "Idlib",
        "start": 12,
        "end": 17,
        "id": "geonames:169389",
        "geonameid": 169389,
        "lat": 35.93062,
        "lon": 36.63393,
        "admin1": "Idlib",
        "admin2": "Idlib",
        "feature": "city",
        "sentence": 0,
        "score": 1.0,
    }


def test_empty_and_placeless_texts_give_no_places() -> None:
    assert find_places("", Gazetteer.load()) == []
    assert find_places("No place is named here at all.", Gazetteer.load()) == []


def test_regions_reports_name_are_found() -> None:
    found = _found("Shelling of Eastern Ghouta and Jabal al-Zawiya went on all week.")
    assert found == {
        "Eastern Ghouta": "region:eastern-ghouta",
        "Jabal al-Zawiya": "region:jabal-al-zawiya",
    }


def test_a_report_on_another_country_does_not_match_syrian_namesakes() -> None:
    text = (
        "Coalition airstrikes hit Sanaa and the port of Al Hudaydah in Yemen, and a market in "
        "Saada, Yemeni officials said."
    )
    assert _found(text) == {}


def test_common_arabic_words_that_are_village_names_are_not_places() -> None:
    text = "أصيب رامي بجروح في تشرين الأول، وقالت سيدة إن الصورة تظهر حالات كثيرة."
    assert _found(text) == {}


def test_arabic_village_after_the_word_village_is_found() -> None:
    found = _found("قصفت قوات النظام قرية دير شرقي القريبة من مدينة معرة النعمان.")
    assert found["دير شرقي"] == "ocha:C3962"


def test_arabic_place_with_a_clitic_keeps_an_exact_span() -> None:
    text = "سقط برميل متفجر بإدلب وآخر بالرقة."
    mentions = find_places(text, Gazetteer.load())
    assert [(m.name, m.place.id if m.place else None) for m in mentions] == [
        ("إدلب", "geonames:169389"),
        ("الرقة", "geonames:172955"),
    ]
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.name


def test_french_elision_and_english_possessive() -> None:
    assert _found("Les raids sur les quartiers d'Alep.") == {"Alep": "geonames:170063"}
    assert _found("Idlib's hospitals were hit.") == {"Idlib": "geonames:169389"}


def test_part_of_a_longer_unknown_name_is_not_a_village() -> None:
    assert "Khan" not in _found("Tanks entered Khan Younis on Tuesday.")


def test_on_a_tie_a_claim_takes_the_nearest_place_or_the_last_one_before() -> None:
    text = "In Idlib 3 people died, and strikes also hit Aleppo.\nAnother 2 people were injured."
    start = text.index("3 people")
    claims = (
        Claim(
            kind="killed",
            subject="people",
            value=3,
            start=start,
            end=start + 8,
            text="3 people",
            sentence=0,
        ),
        Claim(kind="injured", subject="people", value=2, start=0, end=0, text="", sentence=1),
    )
    located = locate(Extraction("en", None, None, claims=claims), text, Gazetteer.load())
    assert [c.place_id for c in located.claims] == ["geonames:169389", "geonames:170063"]
