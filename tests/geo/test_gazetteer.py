"""The gazetteer loads fast, never fails on odd names, and takes places a user adds."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from harmwatch.errors import InputError, NotFound
from harmwatch.geo import Gazetteer, find_places, import_places
from harmwatch.geo._fold import fold_name, skeleton, translit_key


def test_packaged_gazetteer_loads_from_the_package_alone() -> None:
    """Load time is bench/geocode.py's to print; here, that a fresh load has every entry."""
    from harmwatch.geo import _gazetteer

    _gazetteer._CACHE.clear()
    gazetteer = Gazetteer.load()
    assert len(gazetteer) > 5900


def test_geonames_and_ocha_governorate_codes_are_joined_not_compared() -> None:
    idlib = Gazetteer.load().get("geonames:169389")
    assert (idlib.admin1, idlib.admin1_pcode) == ("Idlib", "SY07")


@pytest.mark.parametrize(
    "query", ["", "   ", "x" * 10_000, "Москва", "東京", "zzqxj", "the", "!!!", "١٢٣"]
)
def test_odd_names_are_not_found_and_never_raise(query: str) -> None:
    match = Gazetteer.load().geocode(query)
    assert not match.found
    assert match.place is None


def test_unknown_name_offers_nearest_candidates() -> None:
    match = Gazetteer.load().geocode("Sarmadaa Kubra Town")
    assert not match.found or match.place is not None
    missing = Gazetteer.load().geocode("Qwertabad")
    assert not missing.found


def test_unknown_id_is_not_found() -> None:
    with pytest.raises(NotFound):
        Gazetteer.load().get("geonames:1")


def test_folding_merges_transliteration_variants() -> None:
    assert fold_name("Ma'arrat an-Nu'man") == "maarrat numan"
    assert translit_key(fold_name("Maarrat al-Nouman")) == translit_key(
        fold_name("Maaret al-Numaan")
    )
    assert skeleton(translit_key(fold_name("Kafranbel"))) == skeleton(
        translit_key(fold_name("Kafr Nabl"))
    )


def test_imported_csv_places_are_found(tmp_path: Path) -> None:
    csv_file = tmp_path / "my-villages.csv"
    csv_file.write_text(
        "name,lat,lon,admin1,alternate_names\n"
        "Qaryat Zahra,35.5,36.5,Idlib,Zahra Village|قرية زهرة\n"
        "Sanaa,15.35,44.2,Amanat al-Asimah,Sana'a\n",
        encoding="utf-8",
    )
    target, count = import_places(csv_file, tmp_path / "data")
    assert count == 2 and target.exists()
    gazetteer = Gazetteer.load(extra_dir=tmp_path / "data")
    assert gazetteer.geocode("Qaryat Zahra").place.id == "user:qaryat-zahra"  # type: ignore[union-attr]
    assert gazetteer.geocode("قرية زهرة").place.admin1 == "Idlib"  # type: ignore[union-attr]
    assert gazetteer.geocode("Zahra Village").place.id == "user:qaryat-zahra"  # type: ignore[union-attr]
    assert Gazetteer.load().geocode("Qaryat Zahra").place is None


def test_imported_geonames_dump_is_found(tmp_path: Path) -> None:
    rows = [
        [
            "71137",
            "Sanaa",
            "Sanaa",
            "Sana,Sanaa,Sana'a,صنعاء",
            "15.35472",
            "44.20667",
            "P",
            "PPLC",
            "YE",
            "",
            "26",
            "",
            "",
            "",
            "1937451",
            "",
            "2253",
            "Asia/Aden",
            "2012-01-18",
        ],
        [
            "6940965",
            "Amanat al Asimah",
            "Amanat al Asimah",
            "",
            "15.35",
            "44.2",
            "A",
            "ADM1",
            "YE",
            "",
            "26",
            "",
            "",
            "",
            "0",
            "",
            "2200",
            "Asia/Aden",
            "2012-01-18",
        ],
        [
            "70000",
            "Wadi X",
            "Wadi X",
            "",
            "15.0",
            "44.0",
            "H",
            "WAD",
            "YE",
            "",
            "26",
            "",
            "",
            "",
            "0",
            "",
            "2000",
            "Asia/Aden",
            "2012-01-18",
        ],
    ]
    dump = tmp_path / "YE.txt"
    dump.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    _, count = import_places(dump, tmp_path / "data")
    assert count == 2
    match = Gazetteer.load(extra_dir=tmp_path / "data").geocode("صنعاء")
    assert match.place is not None
    assert (match.place.id, match.place.feature, match.place.admin1) == (
        "geonames:71137",
        "city",
        "Amanat al Asimah",
    )


def test_zipped_geonames_dump_is_imported_and_its_country_preferred(tmp_path: Path) -> None:
    import zipfile

    row = ["71137", "Sanaa", "Sanaa", "Sana'a,صنعاء", "15.35472", "44.20667", "P", "PPLC", "YE"]
    row += ["", "26", "", "", "", "1937451", "", "2253", "Asia/Aden", "2012-01-18"]
    archive = tmp_path / "YE.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("readme.txt", "GeoNames readme")
        handle.writestr("YE.txt", "\t".join(row) + "\n")
    _, count = import_places(archive, tmp_path / "data")
    assert count == 1
    gazetteer = Gazetteer.load(extra_dir=tmp_path / "data")
    text = "Airstrikes hit Sanaa on Monday, Yemeni officials said."
    assert [m.place.id for m in find_places(text, gazetteer) if m.place] == ["geonames:71137"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name,lat,lon\nX,91,36\n", "row 2: latitude 91.0 is outside"),
        ("name,lat,lon\nX,abc,36\n", "row 2: latitude 'abc' is not a number"),
        ("name,lat\nX,35\n", "row 1: missing column(s) lon"),
        ("name,lat,lon\n,35,36\n", "row 2: name is empty"),
        (
            "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\t16\t17\t18\t19\n1\t2\n",
            "row 2: 2 tab-separated columns",
        ),
    ],
)
def test_bad_place_files_name_the_file_and_row(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        import_places(bad, tmp_path / "data")
    assert str(bad) in str(error.value)
    assert message in str(error.value)


def test_packaged_data_is_compact() -> None:
    from importlib import resources

    folder = Path(str(resources.files("harmwatch") / "data" / "geo"))
    total = sum(p.stat().st_size for p in folder.iterdir())
    assert total < 3_000_000
    assert (folder / "NOTICE.md").exists()
    with gzip.open(folder / "gazetteer.tsv.gz", "rt", encoding="utf-8") as handle:
        assert handle.readline().startswith("#harmwatch-gazetteer")


def test_imported_places_keep_names_in_other_scripts(tmp_path: Path) -> None:
    csv_file = tmp_path / "ua.csv"
    csv_file.write_text(
        "name,lat,lon,admin1,country,alternate_names\n"
        "Kharkiv,49.98,36.25,Kharkiv Oblast,UA,Харків|Харьков|Kharkov\n",
        encoding="utf-8",
    )
    import_places(csv_file, tmp_path / "data")
    gazetteer = Gazetteer.load(extra_dir=tmp_path / "data")
    for spelling in ("Харків", "Kharkov", "Kharkiv"):
        assert gazetteer.geocode(spelling).place.id == "user:kharkiv"  # type: ignore[union-attr]
    assert "UA" in gazetteer.countries
