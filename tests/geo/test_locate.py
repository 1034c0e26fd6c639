"""Places named in a report are found with their exact spans, and claims take their place."""

from __future__ import annotations

from datetime import date

import pytest

from harmwatch.extract import extract_text
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
    assert found["northern Hama"] == "ocha:SY05"  # a direction makes it the governorate


def test_province_and_countryside_mean_the_governorate() -> None:
    mentions = find_places(REPORT, Gazetteer.load())
    idlibs = [m for m in mentions if m.name in ("Idlib", "إدلب", "Idlib province")]
    assert len(idlibs) == 3
    assert {m.place.id for m in idlibs if m.place} == {"ocha:SY07"}


def test_ordinary_capitalised_words_are_not_places() -> None:
    found = _found(REPORT)
    for word in ("Monday", "Russian", "Civil", "Defence", "Hospital", "Ali", "Hassan", "May"):
        assert word not in found
    assert _found("More than 40 people were injured in Atareb.") == {"Atareb": "geonames:174030"}


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
    assert {m.name for m in located.places} == {"Idlib province", "Kafranbel"}
    assert [c.geo_precision for c in located.claims] == [1, 1, 3]


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
    fields |= {"feature", "sentence", "score", "review", "geo_precision"}
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
        "review": False,
        "geo_precision": 1,
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


def test_a_report_on_yemen_gets_yemeni_places_not_syrian_namesakes() -> None:
    text = (
        "Coalition airstrikes hit Sanaa and the port of Al Hudaydah in Yemen, and a market in "
        "Saada, Yemeni officials said."
    )
    assert _found(text) == {
        "Sanaa": "geonames:71137",
        "Al Hudaydah": "geonames:79415",
        "Yemen": "geonames:69543",
        "Saada": "geonames:71334",
    }


def test_a_syrian_report_naming_a_village_saada_gets_the_village() -> None:
    found = _found("Barrel bombs hit the village of Saada near Damascus, Syria, on Friday.")
    assert found["Saada"].startswith("ocha:")


def test_places_of_other_conflicts_resolve_in_their_country() -> None:
    places = {
        m.name: m.place
        for m in find_places(
            "Shelling hit Kharkiv and Харків again; in Gaza, strikes on Khan Younis and on "
            "خان يونس were reported, and an Israeli strike hit Tyre in southern Lebanon.",
            Gazetteer.load(),
        )
        if m.place
    }
    assert places["Kharkiv"].country == places["Харків"].country == "UA"
    assert places["Khan Younis"].country == places["خان يونس"].country == "PS"
    assert places["Tyre"].country == "LB"


def test_a_region_with_a_direction_is_the_admin_unit_with_precision_3() -> None:
    mentions = find_places(
        "Strikes hit northern Gaza and the Kharkiv region overnight.", Gazetteer.load()
    )
    found = {m.name: (m.place.id if m.place else None, m.geo_precision) for m in mentions}
    assert found == {
        "northern Gaza": ("admin1:PS.GZ", 3),
        "Kharkiv region": ("admin1:UA.07", 3),
    }


def test_multi_word_and_prefixed_names_keep_their_whole_span() -> None:
    found = _found("Jets struck East Ghouta, Eastern Ghouta's towns and al- Bab in one day.")
    assert found["East Ghouta"] == found["Eastern Ghouta"] == "region:eastern-ghouta"
    assert found["al- Bab"] == "geonames:174018"


def test_a_village_no_gazetteer_holds_is_kept_for_review() -> None:
    mentions = find_places("The drone hit the village of Qarzabel overnight.", Gazetteer.load())
    assert [(m.name, m.place, m.review) for m in mentions] == [("Qarzabel", None, True)]


def test_a_province_wide_total_is_placed_at_the_province() -> None:
    text = "A strike hit Kafranbel on Monday. In all, 137 were killed across Idlib province."
    start = text.index("137")
    claim = Claim(
        kind="killed",
        subject="people",
        value=137,
        start=start,
        end=start + 3,
        text="137",
        sentence=1,
    )
    located = locate(Extraction("en", None, None, claims=(claim,)), text, Gazetteer.load())
    assert (located.claims[0].place_id, located.claims[0].geo_precision) == ("ocha:SY07", 3)


def test_a_total_across_the_province_takes_the_governorate_of_the_place_before() -> None:
    text = "Strikes hit Kafranbel on Monday.\nAcross the province, 40 people were killed."
    start = text.index("40 people")
    claim = Claim(
        kind="killed",
        subject="people",
        value=40,
        start=start,
        end=start + 9,
        text="40 people",
        sentence=1,
    )
    located = locate(Extraction("en", None, None, claims=(claim,)), text, Gazetteer.load())
    assert (located.claims[0].place_id, located.claims[0].geo_precision) == ("ocha:SY07", 3)


def test_two_regions_with_directions_are_two_governorates() -> None:
    found = _found("Shelling on northern Hama and southern Idlib continued.")
    assert found == {"northern Hama": "ocha:SY05", "southern Idlib": "ocha:SY07"}


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


def test_a_name_with_a_capitalised_article_is_the_whole_town_not_a_namesake_of_its_head() -> None:
    text = "Strikes hit Ma'arrat An Nu'man, Jisr Ash Shughur and Deir Ez Zor on Sunday."
    assert _found(text) == {
        "Ma'arrat An Nu'man": "geonames:167611",
        "Jisr Ash Shughur": "geonames:169023",
        "Deir Ez Zor": "geonames:170794",
    }


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


def _claim_places(text: str, *quotes: str) -> list[str | None]:
    sentences = [0, *(i + 2 for i, char in enumerate(text) if char == ".")]
    claims = []
    for quote in quotes:
        start = text.index(quote)
        sentence = sum(1 for s in sentences[1:] if s <= start)
        claims.append(
            Claim(
                kind="killed",
                subject="people",
                value=1,
                start=start,
                end=start + len(quote),
                text=quote,
                sentence=sentence,
            )
        )
    extraction = Extraction("en", None, None, claims=tuple(claims))
    return [c.place_id for c in locate(extraction, text, Gazetteer.load()).claims]


def test_a_city_speaking_for_its_government_places_no_claim() -> None:
    text = (
        "Jets struck a market in Atareb on Monday, killing 12 people. Moscow denied any "
        "involvement. More than 40 people were injured. Medics in Aleppo said 3 died later."
    )
    places = _claim_places(text, "12 people", "40 people", "3 died")
    assert places == ["geonames:174030", "geonames:174030", "geonames:170063"]


def _names(text: str) -> list[tuple[str, str | None]]:
    return [(m.name, m.place.id if m.place else None) for m in find_places(text, Gazetteer.load())]


def test_a_name_before_a_place_word_is_kept_whole_for_review() -> None:
    names = _names("Gaza: jets struck a house in the Tal al-Sultan neighborhood of Rafah.")
    assert ("Tal al-Sultan neighborhood", None) in names
    assert ("Rafah", "geonames:281102") in names


def test_a_known_place_and_the_unknown_district_after_it_stay_apart() -> None:
    names = _names("Yemen: a strike hit a wedding in Hajjah's Bani Qays district.")
    assert ("Hajjah", "geonames:75337") in names
    assert ("Bani Qays district", None) in names


def test_a_namesake_abroad_gives_way_to_the_longer_name_the_text_calls_a_town() -> None:
    names = _names("Lebanon: an air raid on the town of Ain Baal near Tyre wounded three.")
    assert ("Ain Baal", None) in names  # not the French department "Ain"


def test_names_set_in_a_larger_place_or_called_a_village_are_places() -> None:
    text = (
        "Ethiopia: two people died in Hiwane, south of Mekele. A drone hit Dedebit, in "
        "northwest Tigray. Another hit a shop in Kuna Masi, a village near the border, "
        "and a small town called Sasit."
    )
    names = [name for name, _ in _names(text)]
    assert {"Hiwane", "Dedebit", "Kuna Masi", "Sasit"} <= set(names)


def test_place_words_of_other_languages_say_what_follows_is_a_place() -> None:
    text = (
        "Frappe sur la ville d'Oum Kedada. Attacco nella cittadina di Kafr Zeita. "
        "Ataque na cidade de Harem. Angriff auf das Flüchtlingslager al-Maghazi."
    )
    names = [name for name, _ in _names(text)]
    assert {"Oum Kedada", "Kafr Zeita", "Harem", "al-Maghazi"} <= set(names)


def test_arabic_place_words_with_a_clitic_or_quotes_start_the_name() -> None:
    text = 'قصف وحي الشعار في حلب، ومدرسة بمخيم النصيرات، وحي " الصاخور " وبلدة تل عبطة.'
    names = [name for name, _ in _names(text)]
    assert "حي الشعار" in names and "مخيم النصيرات" in names
    assert 'حي " الصاخور' in names and "تل عبطة" in names


def test_a_common_word_after_an_arabic_place_word_is_the_place() -> None:
    names = _names("قصفت الطائرات مدينة الباب في ريف حلب الشمالي الشرقي.")
    assert ("الباب", "geonames:174018") in names


def test_the_west_bank_and_the_gaza_strip_in_lower_case_are_their_admin_units() -> None:
    names = _names("Palestinians were killed in the occupied West bank and the Gaza strip.")
    assert ("West bank", "admin1:PS.WE") in names
    assert ("Gaza strip", "admin1:PS.GZ") in names


def test_a_weak_place_match_marks_its_claims_for_review() -> None:
    text = "Two civilians were killed in Qwertabad village on Monday."
    claims = (
        Claim(
            kind="killed", subject="civilians", value=2, start=0, end=13, text=text[:13], sentence=0
        ),
    )
    located = locate(Extraction("en", None, None, claims=claims), text, Gazetteer.load())
    assert [(m.name, m.place, m.review) for m in located.places] == [
        ("Qwertabad village", None, True)
    ]
    assert located.claims[0].place_id is None and located.claims[0].place_review is False


def test_a_person_after_a_title_a_country_and_a_direction_word_are_not_misplaced() -> None:
    text = (
        "A missile hit the station in Kramatorsk, Ukraine. President Volodymyr Zelensky "
        "blamed Russia; Western governments condemned the strike."
    )
    names = dict(_names(text))
    assert names["Kramatorsk"] == "geonames:704508"
    assert names["Russia"] == "geonames:2017370"  # the country, not a village of that name
    assert "Volodymyr" not in names and "Western" not in names


def test_a_huge_text_is_located_as_an_everyday_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Over a million characters, name runs are scanned one at a time and sentence spans kept
    in arrays: the places and the claims' places are the same."""
    from harmwatch.extract import extract_text
    from harmwatch.geo import _locate

    gazetteer = Gazetteer.load()
    text = REPORT.replace("\n", " in Syria.\n") * 3
    extraction = extract_text(text)
    everyday = locate(extraction, text, gazetteer)
    monkeypatch.setattr(_locate, "_RUNS_IN_MEMORY", 10)
    monkeypatch.setattr(_locate, "_SPANS_AS_LIST", 10)
    huge = locate(extraction, text, gazetteer)
    assert [mention_to_dict(m) for m in huge.places] == [
        mention_to_dict(m) for m in everyday.places
    ]
    assert huge.claims == everyday.claims
    assert any(c.place_id for c in huge.claims)


def _located(text: str, published: date | None = None) -> list[tuple[str, str | None]]:
    extraction = extract_text(text, published=published)
    located = locate(extraction, text, Gazetteer.load())
    return [(c.text, c.place_id) for c in located.claims]


KAFR_ZITA, SARAQIB, HAMA = "geonames:168620", "geonames:164816", "ocha:SY05"


def test_a_foreign_city_where_an_agreement_was_made_places_no_claim() -> None:
    for venue in ("The truce agreed in Astana in May has not held.", "The Astana talks failed."):
        text = (
            "Jets struck the town of Kafr Zita in Hama province on Monday, killing 4 people. "
            f"{venue} Twelve people were injured."
        )
        assert _located(text, date(2018, 3, 12)) == [
            ("4 people", KAFR_ZITA),
            ("Twelve people", KAFR_ZITA),
        ]


TEN_DAYS = (
    "Ten days of shelling in Hama province\nPublished 11 March 2018\n\n"
    "Between 1 and 10 March 2018 our team recorded 90 attacks on towns of Hama province.\n\n"
    "Schools\nThe school of Kafr Zita was hit twice and is closed.\n\n"
    "Casualties\nAt least 40 people were killed, among them 9 children.\n"
)


def test_a_period_reports_totals_in_a_new_paragraph_count_for_its_region() -> None:
    assert _located(TEN_DAYS) == [
        ("90 attacks", HAMA),
        ("At least 40 people", HAMA),
        ("9 children", HAMA),
    ]


def test_a_place_in_another_region_keeps_carrying_over() -> None:
    # Saraqib lies in Idlib: the report is not about Hama alone, so no region is its own
    located = _located(TEN_DAYS.replace("Kafr Zita", "Saraqib"))
    assert located[1:] == [("At least 40 people", SARAQIB), ("9 children", SARAQIB)]


def test_a_single_days_report_carries_the_place_across_paragraphs() -> None:
    text = (
        "Jets struck the town of Kafr Zita in Hama province on 3 March 2018.\n\n"
        "Rescuers said at least 40 people were killed."
    )
    assert _located(text) == [("at least 40 people", KAFR_ZITA)]
