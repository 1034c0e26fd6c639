"""Place names in the spellings reports use resolve to the right gazetteer entry.

The table: spellings of places in Syria as reports and wire services write them, with the entry
each must resolve to, and the governorate named in the same report (or None). Built by hand from
the gazetteer's alternate names, OCHA's spellings and those of news agencies and monitors.
"""

from __future__ import annotations

from harmwatch.geo import Gazetteer

IDLIB = "geonames:169389"
MAARAT = "geonames:167611"
KHAN_SHEIKHOUN = "geonames:168325"
JISR = "geonames:169023"
KAFRANBEL = "geonames:168661"
SARAQIB = "geonames:164816"
LATAMNEH = "ocha:C3458"
SARMADA = "ocha:C4121"
ARIHA = "geonames:172994"
ATAREB = "geonames:174030"
DARAT_IZZA = "geonames:170857"
DOUMA = "geonames:170592"
HARASTA = "geonames:169897"
ALEPPO = "geonames:170063"
HAMA = "geonames:170017"
HOMS = "geonames:169577"
RAQQA = "geonames:172955"
DEIR = "geonames:170794"
DARAA = "geonames:170905"
DAMASCUS = "geonames:170654"

SPELLINGS: list[tuple[str, str, str | None]] = [
    # Idlib city
    ("Idlib", IDLIB, None),
    ("Idleb", IDLIB, None),
    ("Edlib", IDLIB, None),
    ("Edleb", IDLIB, None),
    ("Idlip", IDLIB, None),
    ("إدلب", IDLIB, None),
    ("ادلب", IDLIB, None),
    # Idlib governorate, as reports name it
    ("Idlib province", "ocha:SY07", None),
    ("Idlib Governorate", "ocha:SY07", None),
    ("Idleb governorate", "ocha:SY07", None),
    ("محافظة إدلب", "ocha:SY07", None),
    # Maarat al-Numan
    ("Maarat al-Numan", MAARAT, None),
    ("Ma'arrat an-Nu'man", MAARAT, None),
    ("Maaret al-Numaan", MAARAT, None),
    ("Maarrat al-Nouman", MAARAT, None),
    ("Ma`arrat an Nu`man", MAARAT, None),
    ("Maarat Al Nouman", MAARAT, None),
    ("Marat Numan", MAARAT, None),
    ("Ma'arat al-Nu'man", MAARAT, None),
    ("Maaret Al-Numan", MAARAT, None),
    ("Ma‘arrat an Nu‘mān", MAARAT, None),
    ("معرة النعمان", MAARAT, None),
    # Khan Sheikhoun
    ("Khan Sheikhoun", KHAN_SHEIKHOUN, None),
    ("Khan Shaykhun", KHAN_SHEIKHOUN, None),
    ("Khan Shaikhoun", KHAN_SHEIKHOUN, None),
    ("Khan Sheikhun", KHAN_SHEIKHOUN, None),
    ("Khan Shaykhoun", KHAN_SHEIKHOUN, None),
    ("Khān Shaykhūn", KHAN_SHEIKHOUN, None),
    ("خان شيخون", KHAN_SHEIKHOUN, None),
    # Jisr al-Shughour
    ("Jisr al-Shughour", JISR, None),
    ("Jisr ash-Shughur", JISR, None),
    ("Jisr Al-Shughur", JISR, None),
    ("Jisr el-Shughour", JISR, None),
    ("Jisr Ash-Shoughour", JISR, None),
    ("Jisr ash Shughur", JISR, None),
    ("جسر الشغور", JISR, None),
    # Kafranbel
    ("Kafranbel", KAFRANBEL, None),
    ("Kafr Nabl", KAFRANBEL, None),
    ("Kafr Nubl", KAFRANBEL, None),
    ("Kafrnabl", KAFRANBEL, None),
    ("Kafer Nabel", KAFRANBEL, None),
    ("كفرنبل", KAFRANBEL, None),
    # Saraqib
    ("Saraqib", SARAQIB, None),
    ("Saraqeb", SARAQIB, None),
    ("Sraqib", SARAQIB, None),
    ("سراقب", SARAQIB, None),
    # Latamneh (OCHA: Latmana)
    ("Latamneh", LATAMNEH, None),
    ("al-Latamneh", LATAMNEH, None),
    ("Al-Lataminah", LATAMNEH, None),
    ("Latamna", LATAMNEH, None),
    ("Latmana", LATAMNEH, None),
    ("اللطامنة", LATAMNEH, None),
    # Sarmada
    ("Sarmada", SARMADA, None),
    ("Sarmadah", SARMADA, None),
    ("سرمدا", SARMADA, None),
    # Ariha
    ("Ariha", ARIHA, None),
    ("Areeha", ARIHA, None),
    ("Arīḩā", ARIHA, None),
    ("أريحا", ARIHA, None),
    # Atareb
    ("Atareb", ATAREB, None),
    ("Al-Atarib", ATAREB, None),
    ("Atarib", ATAREB, None),
    ("الأتارب", ATAREB, None),
    # Darat Izza
    ("Darat Izza", DARAT_IZZA, None),
    ("Daret Azza", DARAT_IZZA, None),
    ("Darat Izzah", DARAT_IZZA, None),
    ("Darat Azza", DARAT_IZZA, None),
    ("دارة عزة", DARAT_IZZA, None),
    # Douma, Harasta
    ("Douma", DOUMA, None),
    ("Duma", DOUMA, None),
    ("Dooma", DOUMA, None),
    ("دوما", DOUMA, None),
    ("Harasta", HARASTA, None),
    ("Harista", HARASTA, None),
    ("حرستا", HARASTA, None),
    # Aleppo
    ("Aleppo", ALEPPO, None),
    ("Halab", ALEPPO, None),
    ("Haleb", ALEPPO, None),
    ("Alep", ALEPPO, None),
    ("حلب", ALEPPO, None),
    # Hama, Homs
    ("Hama", HAMA, None),
    ("Hamah", HAMA, None),
    ("Ḩamāh", HAMA, None),
    ("حماة", HAMA, None),
    ("Homs", HOMS, None),
    ("Hims", HOMS, None),
    ("حمص", HOMS, None),
    # Raqqa
    ("Raqqa", RAQQA, None),
    ("Raqqah", RAQQA, None),
    ("Ar-Raqqa", RAQQA, None),
    ("Al-Raqqa", RAQQA, None),
    ("Rakka", RAQQA, None),
    ("الرقة", RAQQA, None),
    # Deir ez-Zor
    ("Deir ez-Zor", DEIR, None),
    ("Deir al-Zor", DEIR, None),
    ("Deir Ezzor", DEIR, None),
    ("Dayr al-Zawr", DEIR, None),
    ("Deir el-Zour", DEIR, None),
    ("Dayr az Zawr", DEIR, None),
    ("دير الزور", DEIR, None),
    # Daraa
    ("Daraa", DARAA, None),
    ("Deraa", DARAA, None),
    ("Dar'a", DARAA, None),
    ("Dar‘ā", DARAA, None),
    ("درعا", DARAA, None),
    # Damascus
    ("Damascus", DAMASCUS, None),
    ("Dimashq", DAMASCUS, None),
    ("دمشق", DAMASCUS, None),
    # villages of the Idlib countryside with one OCHA spelling
    ("Shannan", "ocha:C4275", None),
    ("Shinan", "ocha:C4275", None),
    ("شنان", "ocha:C4275", None),
    ("Urum al-Kubra", "ocha:C1029", None),
    ("Orum al-Kubra", "ocha:C1029", None),
    ("Big Orm", "ocha:C1029", None),
    ("أورم الكبرى", "ocha:C1029", None),
    ("Millis", "ocha:C4184", None),
    ("Milis", "ocha:C4184", None),
    ("ملس", "ocha:C4184", None),
    ("Mahambel", "geonames:166757", None),
    ("Mhambel", "geonames:166757", None),
    ("Muhambal", "geonames:166757", None),
    ("Kansafra", "ocha:C4309", None),
    ("Kansafrah", "ocha:C4309", None),
    ("كنصفرة", "ocha:C4309", None),
    ("Abdin", "ocha:C3990", "Idlib"),
    ("Abdeen", "ocha:C3990", "Idlib"),
    ("Abdin", "ocha:C6023", "Daraa"),
    ("Maarzita", "ocha:C4066", None),
    ("Maar Zeta", "ocha:C4066", None),
    ("معرزيتا", "ocha:C4066", None),
    ("Habit", "ocha:C3989", "Idlib"),
    ("al-Habit", "ocha:C3989", "Idlib"),
    ("Hbit", "ocha:C3989", None),
    ("الهبيط", "ocha:C3989", None),
    ("Hazano", "ocha:C3944", None),
    ("Hazanu", "ocha:C3944", None),
    ("حزانو", "ocha:C3944", None),
    ("Hish", "geonames:169563", None),
    ("Heish", "geonames:169563", None),
    ("Heesh", "geonames:169563", None),
    ("حيش", "geonames:169563", None),
    ("Al-Dar al-Kabira", "ocha:C2524", None),
    ("Dar al-Kabira", "ocha:C2524", None),
    ("Al Dar Al Kabirah", "ocha:C2524", None),
    ("Kafr Sajna", "ocha:C4110", None),
    ("Kafruma", "ocha:C3984", None),
    ("Kafr Rumah", "ocha:C3984", None),
    ("Maar Shurin", "ocha:C3978", None),
    ("Maarshurin", "ocha:C3978", None),
    ("Kafr Oweid", "ocha:C4062", None),
    # other towns of the north-west
    ("Binnish", "geonames:171451", None),
    ("Bennsh", "geonames:171451", None),
    ("بنش", "geonames:171451", None),
    ("Sarmin", "geonames:164782", None),
    ("سرمين", "geonames:164782", None),
    ("Salqin", "geonames:164898", None),
    ("سلقين", "geonames:164898", None),
    ("Harem", "geonames:169866", None),
    ("Harim", "geonames:169866", None),
    ("حارم", "geonames:169866", None),
    ("Darkush", "geonames:170865", None),
    ("Darkosh", "geonames:170865", None),
    ("Taftanaz", "geonames:163799", None),
    ("Teftnaz", "geonames:163799", None),
    ("Maarat Misrin", "geonames:167605", None),
    ("Kafr Takharim", "geonames:168629", None),
    ("Armanaz", "geonames:172988", None),
    ("Abu al-Duhur", "geonames:174611", None),
    ("Abu al-Zuhur", "geonames:174611", None),
    ("Ihsim", "geonames:174144", None),
    ("Ehsem", "geonames:174144", None),
    ("Mardikh", "ocha:C3930", None),
    ("Jarjanaz", "ocha:C3977", None),
    # northern Hama
    ("Kafr Zita", "geonames:168620", None),
    ("Kafr Zeita", "geonames:168620", None),
    ("Kafrzita", "geonames:168620", None),
    ("Morek", "geonames:166640", None),
    ("Murak", "geonames:166640", None),
    ("Halfaya", "geonames:170044", None),
    ("Mhardeh", "geonames:166742", None),
    ("Mahardah", "geonames:166742", None),
    ("Suran", "geonames:163915", "Hama"),
    ("Souran", "geonames:163915", "Hama"),
    ("Taybat al-Imam", "geonames:163270", None),
    ("Qalaat al-Madiq", "geonames:166227", None),
    ("Qalat al-Madiq", "geonames:166227", None),
    # western Aleppo countryside
    ("Khan Tuman", "ocha:C1015", None),
    ("Hreitan", "geonames:169858", None),
    ("Zarbah", "geonames:172045", None),
    ("Anadan", "ocha:C1121", None),
    # northern Aleppo and the east
    ("Manbij", "geonames:167357", None),
    ("Menbij", "geonames:167357", None),
    ("منبج", "geonames:167357", None),
    ("Al-Bab", "geonames:174018", None),
    ("al-Bab", "geonames:174018", None),
    ("الباب", "geonames:174018", None),
    ("Azaz", "geonames:172082", None),
    ("A'zaz", "geonames:172082", None),
    ("إعزاز", "geonames:172082", None),
    ("Afrin", "geonames:174186", None),
    ("Efrin", "geonames:174186", None),
    ("عفرين", "geonames:174186", None),
    ("Jarabulus", "geonames:169179", None),
    ("Jarablus", "geonames:169179", None),
    ("Kobani", "geonames:172256", None),
    ("Ayn al-Arab", "geonames:172256", None),
    ("Ain al-Arab", "geonames:172256", None),
    ("Tal Rifaat", "geonames:163476", None),
    ("Tell Rifaat", "geonames:163476", None),
    ("Qamishli", "geonames:173377", None),
    ("Al-Qamishli", "geonames:173377", None),
    ("القامشلي", "geonames:173377", None),
    ("Hasakah", "geonames:173811", None),
    ("Al-Hasakah", "geonames:173811", None),
    ("Hasakeh", "geonames:173811", None),
    ("Tabqa", "geonames:172374", None),
    ("Al-Mayadin", "geonames:173480", None),
    ("Mayadeen", "geonames:173480", None),
    ("Abu Kamal", "geonames:174448", None),
    ("Albukamal", "geonames:174448", None),
    ("البوكمال", "geonames:174448", None),
    # centre, coast and south
    ("Palmyra", "geonames:163808", None),
    ("Tadmur", "geonames:163808", None),
    ("تدمر", "geonames:163808", None),
    ("Rastan", "geonames:172946", None),
    ("Ar-Rastan", "geonames:172946", None),
    ("Talbiseh", "geonames:163779", None),
    ("Talbisah", "geonames:163779", None),
    ("Latakia", "geonames:173576", None),
    ("Lattakia", "geonames:173576", None),
    ("اللاذقية", "geonames:173576", None),
    ("Tartus", "geonames:163345", None),
    ("Tartous", "geonames:163345", None),
    ("طرطوس", "geonames:163345", None),
    ("Zabadani", "geonames:172059", None),
    ("Madaya", "geonames:167558", None),
    ("Arbin", "geonames:169372", None),
    ("Irbin", "geonames:169372", None),
    ("Zamalka", "ocha:C2320", None),
    ("Kafr Batna", "geonames:168713", None),
    ("Saqba", "ocha:C2314", None),
    ("Ain Tarma", "ocha:C2315", None),
    ("Darayya", "geonames:170892", None),
    ("Daraya", "geonames:170892", None),
    ("Yarmouk", "geonames:166716", None),
    ("Yarmuk", "geonames:166716", None),
    ("Suwayda", "geonames:172408", None),
    ("Sweida", "geonames:172408", None),
    ("Nawa", "geonames:166365", None),
    ("Inkhil", "geonames:169375", None),
    ("Jasim", "geonames:165997", None),
    ("Tafas", "geonames:163806", None),
    ("Bosra", "geonames:171126", None),
    ("Busra al-Sham", "geonames:171126", None),
    # areas reports name
    ("Eastern Ghouta", "region:eastern-ghouta", None),
    ("East Ghouta", "region:eastern-ghouta", None),
    ("الغوطة الشرقية", "region:eastern-ghouta", None),
    ("Jabal al-Zawiya", "region:jabal-al-zawiya", None),
    ("Jebel Zawiya", "region:jabal-al-zawiya", None),
    ("Jabal al-Akrad", "region:jabal-al-akrad", None),
    ("Syria", "geonames:163843", None),
    ("سوريا", "geonames:163843", None),
]


def test_spelling_table_is_large_enough() -> None:
    assert len(SPELLINGS) >= 150
    assert len({expected for _, expected, _ in SPELLINGS}) >= 50


def test_at_least_97_percent_of_spellings_resolve_to_the_right_place() -> None:
    # spellings of Syrian places, looked up as a report about Syria looks them up (its country
    # known); without it the most important namesake in the world wins, by design
    gazetteer = Gazetteer.load()
    failures = []
    for spelling, expected, context in SPELLINGS:
        match = gazetteer.geocode(spelling, context=[context] if context else [], countries=("SY",))
        got = match.place.id if match.place else None
        if got != expected:
            failures.append(f"{spelling!r} ({context}): expected {expected}, got {got}")
    accuracy = 1 - len(failures) / len(SPELLINGS)
    print(f"\n{len(SPELLINGS) - len(failures)}/{len(SPELLINGS)} = {accuracy:.1%}")
    print("\n".join(failures))
    assert accuracy >= 0.97, f"{accuracy:.1%} of the spelling table resolves:\n" + "\n".join(
        failures
    )
