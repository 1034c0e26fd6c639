"""German: the words extraction reads in German reports, one table per concern.

Nouns are capitalised and compounds are one word ("Drohnenangriffe", "Kinderkrankenhaus"): the
tables list the heads that end compounds, and word forms are looked up without case endings
("Toten" -> "tote", "Kindern" -> "kinder") and by their last compound part.
"""

from __future__ import annotations

from harmwatch.extract._languages import Flags, Language, phrases, table, words

__all__ = ["LANGUAGE"]

LANGUAGE = Language(
    code="de",
    name="German",
    flags=Flags(
        inflection="german",
        spaced_thousands=True,
        capitalised_nouns=True,
        compound_number_words=True,
        units_before_tens=True,
    ),
    units={
        "zwei": 2,
        "drei": 3,
        "vier": 4,
        "fünf": 5,
        "sechs": 6,
        "sieben": 7,
        "acht": 8,
        "neun": 9,
        "zehn": 10,
        "elf": 11,
        "zwölf": 12,
        "dreizehn": 13,
        "vierzehn": 14,
        "fünfzehn": 15,
        "sechzehn": 16,
        "siebzehn": 17,
        "achtzehn": 18,
        "neunzehn": 19,
        "zwanzig": 20,
        "dreißig": 30,
        "dreissig": 30,
        "vierzig": 40,
        "fünfzig": 50,
        "sechzig": 60,
        "siebzig": 70,
        "achtzig": 80,
        "neunzig": 90,
        "eins": 1,
        "zweien": 2,
        "dreien": 3,
    },
    scales={"hundert": 100, "tausend": 1000, "million": 1_000_000, "millionen": 1_000_000},
    dozens={"dutzend": 12},
    articles=words("ein einem einen"),
    article_ones={"ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1},
    and_words=words("und"),
    bounds_before=table(
        at_least="mindestens, wenigstens, zumindest, nicht weniger als",
        more_than="mehr als, über, weit über, knapp über",
        about="rund, etwa, ungefähr, circa, ca., fast, beinahe, knapp, annähernd, nahezu, "
        "an die, gegen, schätzungsweise",
        up_to="bis zu",
    ),
    bounds_after=table(at_least="mindestens"),
    bound_gap=words("("),
    range_words=words("zwischen"),
    range_links=words("bis"),
    killed=phrases(
        "getötet, getötete, getöteten, tötete, töteten, tötet, töten, tötend, ums leben, "
        "ums leben gekommen, kamen ums leben, kam ums leben, umgekommen, kamen um, starben, "
        "starb, gestorben, sterben, tot, tote, toten, todesopfer, todesopfern, leben verloren, "
        "verloren ihr leben, verlor sein leben, verlor ihr leben, tod, getötet worden, "
        "tödlich verletzt, erschossen, hingerichtet, leichen, forderte, forderten"
    ),
    injured=phrases(
        "verletzt, verletzte, verletzten, verwundet, verwundete, verwundeten, verletzungen, "
        "schwer verletzt, leicht verletzt, erlitten verletzungen, im krankenhaus behandelt, "
        "behandelt"
    ),
    not_casualties=phrases(
        "vermisst, vermissten, verschüttet, geflohen, flüchtlinge, vertrieben, obdachlos, "
        "evakuiert, festgenommen, verschleppt, entführt, gerettet, getötet oder verletzt, "
        "tote oder verletzte, tote und verletzte, abgeschossen, abgefangen, "
        "außer gefecht gesetzt"
    ),
    victim_nouns=table(
        people="mensch, menschen, person, personen, erwachsene, erwachsenen, leute",
        civilians="zivilist, zivilisten, zivilistinnen, zivilperson, zivilpersonen, bewohner, "
        "einwohner, anwohner, dorfbewohner",
        children="kind, kinder, kindern, kleinkind, kleinkinder, kleinkindern, minderjährige, "
        "minderjährigen, jugendliche, jugendlichen, säugling, säuglinge, baby, babys, "
        "mädchen, jungen, schüler, schülerinnen",
        women="frau, frauen, mutter, mütter",
        men="mann, männer, männern",
        fighters="soldat, soldaten, kämpfer, kämpfern, milizionär, milizionäre, militärs, "
        "dschihadisten, rebellen, angehörige der streitkräfte",
        medical_staff="arzt, ärzte, ärztin, ärztinnen, sanitäter, sanitätern, pfleger, "
        "pflegekräfte, krankenschwester, krankenschwestern, gesundheitspersonal, "
        "angehörige der gesundheitsberufe, medizinisches personal, mediziner, helfer im "
        "gesundheitswesen",
        rescuers="rettungshelfer, rettungskräfte, helfer, ersthelfer, retter, zivilschützer, "
        "feuerwehrleute, feuerwehrmänner, weißhelme",
        patients="patient, patienten, patientinnen",
        family_members="angehörige, familienmitglieder, verwandte, geschwister, eltern",
        other="journalist, journalisten, reporter, polizist, polizisten, helferinnen, "
        "mitarbeiter, mitarbeitende, entwicklungshelfer, ältere menschen, senioren, "
        "lehrer, studenten, wachleute",
    ),
    casualty_nouns=table(
        killed="tote, toten, todesopfer, todesopfern, getötete, getöteten, opfer, leichen",
        injured="verletzte, verletzten, verwundete, verwundeten",
    ),
    weapon_nouns=table(
        airstrike="luftangriff, luftangriffe, luftangriffen, luftschlag, luftschläge, "
        "luftschlägen, bombardement, bombardements, bombardierung, bombardierungen, "
        "bombenangriff, bombenangriffe, bombe, bomben",
        missile="rakete, raketen, raketenangriff, raketenangriffe, raketenangriffen, "
        "marschflugkörper, lenkflugkörper, geschoss, geschosse",
        shelling="granate, granaten, artilleriegranaten, beschuss, artilleriebeschuss, "
        "artillerieangriff, artillerieangriffe, mörsergranaten",
        drone="drohne, drohnen, drohnenangriff, drohnenangriffe, drohnenangriffen, "
        "kamikazedrohnen, langstreckendrohnen",
        barrel_bomb="fassbombe, fassbomben",
        cluster_munition="streumunition, streubombe, streubomben",
        chemical="giftgasangriff, giftgasangriffe, chemiewaffenangriff",
        other="angriff, angriffe, angriffen, attacke, attacken, anschlag, anschläge",
    ),
    facility_nouns=table(
        medical="krankenhaus, krankenhäuser, krankenhäusern, klinik, kliniken, spital, "
        "spitäler, kinderkrankenhaus, gesundheitseinrichtung, gesundheitseinrichtungen, "
        "medizinische einrichtungen, gesundheitszentrum, gesundheitszentren, "
        "regierungskrankenhaus, ambulanz, krankenwagen, rettungswagen",
        school="schule, schulen, un-schule, bildungseinrichtung, bildungseinrichtungen, "
        "kindergarten, kindergärten, universität",
        market="markt, märkte, marktplatz",
        mosque="moschee, moscheen, gotteshaus, gotteshäuser",
        camp="lager, flüchtlingslager, zeltlager, camp, camps, palästinensercamps",
        bakery="bäckerei, bäckereien",
        residential="wohnhaus, wohnhäuser, haus, häuser, wohngebäude, wohnblock, "
        "wohnblocks, wohnungen, wohngebiete",
        water="wasserwerk, wasserversorgung, wasserstation",
        power="kraftwerk, kraftwerke, umspannwerk, stromnetz, energieinfrastruktur",
        civil_defence="zivilschutzzentrum, zivilschutzzentren, feuerwache",
        other="gebäude, kirche, kirchen, infrastruktur, einrichtung, einrichtungen",
        any="zivile einrichtungen, zivile infrastruktur",
    ),
    facility_statuses=table(
        destroyed="zerstört, zerstörte, zerstörten, völlig zerstört, dem erdboden gleichgemacht",
        damaged="beschädigt, beschädigte, beschädigten",
        out_of_service="außer betrieb, nicht mehr in betrieb",
    ),
    hit_cues=phrases(
        "getroffen, trafen, traf, trifft, beschädigt, zerstört, angegriffen, bombardiert, "
        "beschossen, angriff auf, angriffe auf, angriffen auf, attacken auf, außer betrieb"
    ),
    include_cues=phrases(
        "darunter, unter ihnen, unter den toten, unter den opfern, davon, einschließlich, "
        "inklusive, unter anderem"
    ),
    group_refs={"von ihnen": "", "der toten": "", "der opfer": "", "der verletzten": ""},
    family_refs=phrases("aus einer familie, derselben familie, einer familie"),
    others=words("weitere weiteren weiterer andere anderen weitere"),
    modifiers=words(
        "weitere weiteren kleine kleinen junge jungen ältere älteren palästinensische "
        "palästinensischen syrische syrischen ukrainische ukrainischen russische russischen "
        "israelische israelischen libanesische libanesischen zivile zivilen unbewaffnete "
        "unbewaffneten schwangere verletzte verletzten"
    ),
    determiners=words("die der den dem des ein eine einen einem einer"),
    not_counts_after=words(
        "jahre jahren jahr monate monaten monat wochen woche tage tagen tag stunden stunde "
        "minuten kilometer km meter prozent % haushalte haushalten familien millionen "
        "uhr grad fahrzeuge autos flüchtlinge vertriebene"
    ),
    not_counts_before=words("nr. nummer resolution artikel seite jahr jahres alter"),
    person_nouns=words("mann frau junge mädchen kind arzt ärztin soldat"),
    clause_breaks=words("; aber während doch jedoch"),
    weapon_links=words("mit durch von"),
    facility_links=words("auf gegen"),
    times_words=words("mal"),
    toll_links=words("auf"),
    partitives=words("von unter"),
    group_pronouns=words("ihnen denen diesen"),
    group_determiners=words("den der die"),
    victim_words=words("opfer opfern"),
    copulas=words("waren war sind ist seien wurden"),
    auxiliaries=words("wurden worden sind seien waren war ist bereits auch"),
    speech_verbs=words("sagte sagten berichtete berichteten erzählte"),
    period_prepositions=words("im seit während bis"),
    months={
        "januar": 1,
        "jänner": 1,
        "februar": 2,
        "märz": 3,
        "april": 4,
        "mai": 5,
        "juni": 6,
        "juli": 7,
        "august": 8,
        "september": 9,
        "oktober": 10,
        "november": 11,
        "dezember": 12,
    },
    weekdays={
        "montag": 0,
        "dienstag": 1,
        "mittwoch": 2,
        "donnerstag": 3,
        "freitag": 4,
        "samstag": 5,
        "sonnabend": 5,
        "sonntag": 6,
    },
    actor_aliases={
        "Russia": (
            "Russland",
            "russisch",
            "russische",
            "russischen",
            "russischer",
            "russischem",
            "russische Armee",
            "russische Streitkräfte",
        ),
        "Israel": (
            "israelisch",
            "israelische",
            "israelischen",
            "israelischer",
            "israelische Armee",
            "israelisches Militär",
        ),
        "Syrian government": (
            "syrische Regierung",
            "syrischen Regierung",
            "Assad-Regime",
            "Regierungstruppen",
            "syrische Armee",
            "syrischen Armee",
            "Regime",
        ),
        "Hezbollah": ("Hisbollah",),
        "RSF": ("RSF-Miliz",),
        "ISIS": ("IS-Miliz", "Islamischer Staat"),
    },
    stopwords=words("der die das und ist sind nicht mit von den dem des ein eine wurden"),
)
