"""Qualified names ("northern Gaza"), neighbourhoods and camps, and clean Arabic names."""

from __future__ import annotations

import csv
import json
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from harmwatch.cli import app
from harmwatch.geo import ACCEPT, REVIEW, Gazetteer, find_places, locate
from harmwatch.geo._fold import arabic_name, mixes_scripts
from harmwatch.model import Claim, Extraction

runner = CliRunner()


def _geocode(name: str, **hints: object) -> tuple[str | None, str | None, int | None]:
    match = Gazetteer.load().geocode(name, **hints)  # type: ignore[arg-type]
    place = match.place
    return (place.id if place else None, place.country if place else None, match.geo_precision)


# --- qualified names -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("northern Gaza", ("admin1:PS.GZ", "PS", 3)),
        ("southern Lebanon", ("admin1:LB.06", "LB", 3)),
        ("eastern Aleppo", ("ocha:SY02", "SY", 3)),
        ("Kharkiv region", ("admin1:UA.07", "UA", 3)),
        ("Idlib countryside", ("ocha:SY07", "SY", 3)),
        ("northern Hama countryside", ("ocha:SY05", "SY", 3)),
        ("ريف إدلب", ("ocha:SY07", "SY", 3)),
        ("north of Idlib", ("geonames:169389", "SY", 2)),
        ("outskirts of Aleppo", ("geonames:170063", "SY", 2)),
    ],
)
def test_a_qualified_name_is_the_admin_unit_or_the_place_with_a_lower_precision(
    query: str, expected: tuple[str, str, int]
) -> None:
    assert _geocode(query) == expected


@pytest.mark.parametrize(
    ("query", "place_id"),
    [
        ("North Darfur", "admin1:SD.55"),
        ("Eastern Ghouta", "region:eastern-ghouta"),
        ("West Bank", "admin1:PS.WE"),
        ("Northern Qana", "ocha:C1825"),  # a village's own name that starts with a direction
    ],
)
def test_a_whole_name_that_starts_with_a_direction_is_that_place(query: str, place_id: str) -> None:
    assert _geocode(query)[0] == place_id


def test_a_qualified_name_never_falls_back_to_a_fuzzy_namesake_of_the_whole() -> None:
    match = Gazetteer.load().geocode("northern Xyzzyabad")
    assert not match.found
    assert Gazetteer.load().geocode("northern Gaza").place.country == "PS"  # type: ignore[union-attr]


def test_a_fuzzy_match_outside_the_country_the_words_name_is_no_confident_answer() -> None:
    match = Gazetteer.load().geocode("Gaza Sahel Quarter", limit=10)
    if match.place is not None:
        assert match.place.country == "PS" or match.score < REVIEW
    for candidate in match.candidates:
        if candidate.how.startswith(("skeleton", "fuzzy")) and candidate.place.country != "PS":
            assert candidate.score < REVIEW


def test_a_country_name_is_the_country_not_a_small_namesake_town() -> None:
    assert _geocode("Lebanon")[:2] == ("geonames:272103", "LB")
    # a spelling variant of a country's name does not beat a place's own name
    assert _geocode("Qaboun")[0] == "quarter:qaboun"


def test_the_text_scan_reads_qualified_names_as_regions_or_parts() -> None:
    text = (
        "Shelling in southern Lebanon killed 3 civilians. Airstrikes on eastern Aleppo killed "
        "20. Shelling north of Idlib killed 4. Two children died in Idlib countryside."
    )
    found = {
        m.name: (m.place.country if m.place else None, m.geo_precision)
        for m in find_places(text, Gazetteer.load())
    }
    assert found["southern Lebanon"] == ("LB", 3)
    assert found["eastern Aleppo"][0] == "SY" and found["eastern Aleppo"][1] in (2, 3)
    assert found["north of Idlib"][0] == "SY" and found["north of Idlib"][1] in (2, 3)
    assert found["Idlib countryside"] == ("SY", 3)


def test_geocode_prints_the_geo_precision() -> None:
    result = runner.invoke(app, ["geocode", "northern Gaza", "Kafranbel", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(x["id"], x["geo_precision"]) for x in lines] == [
        ("admin1:PS.GZ", 3),
        ("geonames:168661", 1),
    ]


# --- neighbourhoods and camps ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "hints", "place_id", "parent_id"),
    [
        ("Shujaiya", {}, "quarter:shujaiyya", "geonames:281133"),
        ("الشجاعية", {}, "quarter:shujaiyya", "geonames:281133"),
        ("Rimal", {}, "quarter:rimal", "geonames:281133"),
        ("Tal al-Hawa", {"countries": ("PS",)}, "quarter:tal-al-hawa", "geonames:281133"),
        ("Sheikh Radwan", {}, "quarter:sheikh-radwan", "geonames:281133"),
        ("Beach camp", {}, "camp:beach", "geonames:281133"),
        ("Jabalia camp", {}, "camp:jabalia", "geonames:281129"),
        ("مخيم النصيرات", {}, "camp:nuseirat", "geonames:281109"),
        ("Salaheddine", {}, "quarter:salaheddine", "geonames:170063"),
        ("Salah al-Din", {"context": ("Aleppo",)}, "quarter:salaheddine", "geonames:170063"),
        ("Sukkari", {"countries": ("SY",)}, "quarter:sukkari", "geonames:170063"),
        ("Jobar", {}, "quarter:jobar", "geonames:170654"),
        ("Zamzam camp", {}, "camp:zamzam", "geonames:379555"),
    ],
)
def test_neighbourhoods_and_camps_resolve_with_their_town_as_parent(
    query: str, hints: dict[str, object], place_id: str, parent_id: str
) -> None:
    gazetteer = Gazetteer.load()
    match = gazetteer.geocode(query, **hints)  # type: ignore[arg-type]
    assert match.place is not None and match.place.id == place_id
    parent = gazetteer.parent_of(match.place)
    assert parent is not None and parent.id == parent_id
    assert match.place.admin1 == parent.admin1
    assert match.place.admin1_pcode == parent.admin1_pcode
    assert match.place.country == parent.country


def test_a_neighbourhood_locates_at_town_level_and_a_camp_by_a_town_near_it() -> None:
    assert _geocode("Shujaiya") == ("quarter:shujaiyya", "PS", 1)
    assert _geocode("Zamzam camp") == ("camp:zamzam", "SD", 2)
    assert Gazetteer.load().parent_of(Gazetteer.load().get("geonames:170063")) is None


def test_without_context_a_province_of_that_name_beats_a_quarter() -> None:
    assert _geocode("Salah al-Din")[:2] == ("admin1:IQ.18", "IQ")


def test_claims_at_a_neighbourhood_take_the_city_admin_unit() -> None:
    text = "An airstrike on the Shujaiya neighbourhood of Gaza City killed 9 people."
    start = text.index("9 people")
    claim = Claim(
        kind="killed",
        subject="people",
        value=9,
        start=start,
        end=start + 8,
        text="9 people",
        sentence=0,
    )
    extraction = Extraction(lang="en", published=None, period=None, claims=(claim,))
    gazetteer = Gazetteer.load()
    located = locate(extraction, text, gazetteer)
    assert located.claims[0].place_id == "quarter:shujaiyya"
    assert located.claims[0].geo_precision == 1
    assert gazetteer.get("quarter:shujaiyya").admin1_pcode == "PS.GZ"


def test_camps_and_quarters_in_text() -> None:
    text = (
        "Shelling of Zamzam camp in North Darfur killed 5. In Gaza, strikes on Nuseirat camp "
        "and the Beach camp killed 30. Barrel bombs fell on the Salaheddine district of Aleppo."
    )
    found = {
        m.name: (m.place.id if m.place else None, m.geo_precision)
        for m in find_places(text, Gazetteer.load())
    }
    assert found["Zamzam camp"] == ("camp:zamzam", 2)
    assert found["Nuseirat camp"] == ("camp:nuseirat", 1)
    assert found["Beach camp"] == ("camp:beach", 1)
    assert [v for k, v in found.items() if k.startswith("Salaheddine")] == [
        ("quarter:salaheddine", 1)
    ]


def test_a_quarter_name_in_a_report_on_another_country_is_no_quarter() -> None:
    text = "Police in Cairo said the Zeitoun church was guarded. Egypt's president spoke."
    ids = {m.place.id for m in find_places(text, Gazetteer.load()) if m.place}
    assert "quarter:zeitoun" not in ids


def _quarter_rows() -> list[dict[str, str]]:
    path = Path(str(resources.files("harmwatch") / "data" / "geo" / "quarters.csv"))
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_quarter_row_has_a_known_parent_a_source_and_no_coordinates_of_its_own() -> None:
    gazetteer = Gazetteer.load()
    rows = _quarter_rows()
    assert len(rows) >= 40
    for row in rows:
        assert row["feature"] in ("neighbourhood", "camp")
        assert row["precision"] in ("1", "2")
        assert row["source"].strip()
        assert "lat" not in row and "lon" not in row
        place, parent = gazetteer.get(row["id"]), gazetteer.get(row["parent"])
        assert (place.lat, place.lon) == (parent.lat, parent.lon)
        assert arabic_name([row["name_ar"]]) == row["name_ar"]


# --- Arabic names ---------------------------------------------------------------------------


def test_the_arabic_name_is_in_arabic_script_and_never_a_broken_romanisation() -> None:
    assert mixes_scripts("alhdydہ") and mixes_scripts("ras alkhymہ")
    assert not mixes_scripts("الحديدة") and not mixes_scripts("Hodeidah")
    assert arabic_name(["alhdydہ", "الحديدة"]) == "الحديدة"
    assert arabic_name(["dەrʿa", "أذرعات", "درعا"], like="Daraa") == "درعا"
    assert arabic_name(["Luxor- الأقصر"]) is None


@pytest.mark.parametrize(
    ("name", "arabic"),
    [("Hodeidah", "الحديدة"), ("Daraa", "درعا"), ("Latakia", "اللاذقية"), ("Dubai", None)],
)
def test_gazetteer_places_carry_a_clean_arabic_name(name: str, arabic: str | None) -> None:
    place = Gazetteer.load().geocode(name).place
    assert place is not None and place.name_ar is not None
    assert not mixes_scripts(place.name_ar)
    if arabic is not None:
        assert place.name_ar == arabic


def test_no_packaged_syrian_place_has_a_mixed_script_arabic_name() -> None:
    bad = [p.id for p in Gazetteer.load().places() if p.name_ar and mixes_scripts(p.name_ar)]
    assert bad == []


def test_a_fuzzy_match_outside_the_context_governorate_country_is_a_namesake_abroad() -> None:
    from harmwatch.geo._store import Entry

    def entry(id: str, name: str, feature: str, country: str, pcode: str) -> Entry:
        return Entry.build(
            id=id,
            name=name,
            feature=feature,
            lat=35.0,
            lon=36.0,
            country=country,
            admin1=name if feature == "governorate" else None,
            admin1_pcode=pcode,
        )

    gazetteer = Gazetteer(
        [
            entry("ocha:SY05", "Hama", "governorate", "SY", "SY05"),
            entry("geonames:1", "Kafr Qouqoun", "village", "LB", "LB.01"),
            entry("geonames:2", "Tall Salhabaya", "village", "SY", "SY05"),
        ]
    )
    assert gazetteer.geocode("Kafr Qouqaun").place is not None  # no context: the one there is
    abroad = gazetteer.geocode("Kafr Qouqaun", context=("Hama",))
    assert abroad.place is None or abroad.score < REVIEW
    home = gazetteer.geocode("Tall Salhabuya", context=("Hama",))
    assert home.place is not None and home.place.id == "geonames:2" and home.score >= ACCEPT
