"""Italian: the words extraction reads in Italian reports, one table per concern."""

from __future__ import annotations

from harmwatch.extract._languages import Flags, Language, phrases, table, words

__all__ = ["LANGUAGE"]

LANGUAGE = Language(
    code="it",
    name="Italian",
    flags=Flags(inflection="romance", hyphenated_numbers=True),
    units={
        "due": 2,
        "tre": 3,
        "quattro": 4,
        "cinque": 5,
        "sei": 6,
        "sette": 7,
        "otto": 8,
        "nove": 9,
        "dieci": 10,
        "undici": 11,
        "dodici": 12,
        "tredici": 13,
        "quattordici": 14,
        "quindici": 15,
        "sedici": 16,
        "diciassette": 17,
        "diciotto": 18,
        "diciannove": 19,
        "venti": 20,
        "ventuno": 21,
        "ventidue": 22,
        "ventitré": 23,
        "ventitre": 23,
        "ventiquattro": 24,
        "venticinque": 25,
        "trenta": 30,
        "quaranta": 40,
        "cinquanta": 50,
        "sessanta": 60,
        "settanta": 70,
        "ottanta": 80,
        "novanta": 90,
        "duecento": 200,
        "trecento": 300,
        "quattrocento": 400,
        "cinquecento": 500,
    },
    scales={
        "cento": 100,
        "mille": 1000,
        "mila": 1000,
        "milione": 1000000,
        "milioni": 1000000,
    },
    dozens={"dozzina": 12},
    articles=words(""),
    and_words=words("e"),
    bounds_before=table(
        at_least="almeno",
        more_than="più di, oltre",
        about="circa, quasi",
        up_to="fino a",
    ),
    bounds_after=table(
        at_least="almeno",
    ),
    bound_gap=words("("),
    range_words=words("tra fra"),
    range_links=words("a o"),
    killed=phrases(
        "uccisi, uccise, ucciso, uccisa, morti, morte, morto, morta, deceduti, uccidendo, "
        "perso la vita, vittime, costato la vita"
    ),
    injured=phrases("feriti, ferite, ferito, ferita, ferendo"),
    not_casualties=phrases("dispersi, sfollati, rifugiati, arrestati, rapiti"),
    victim_nouns=table(
        people="persona, persone, vittima, vittime, individui",
        civilians="civile, civili, abitanti, residenti",
        children=(
            "figli, figlie, bambino, bambini, bambina, bambine, minore, minori, bimbo, bimbi, "
            "bimba, neonato, neonati, ragazzo, ragazzi, ragazza, ragazze, adolescenti, "
            "studenti, alunni"
        ),
        women="donna, donne, madre, madri",
        men="uomo, uomini",
        fighters=(
            "soldato, soldati, combattente, combattenti, ribelli, miliziani, miliziano, "
            "cecchini, militari, militanti, guerriglieri, jihadisti, terroristi"
        ),
        medical_staff=(
            "medico, medici, medica, infermiere, infermieri, infermiera, paramedico, "
            "paramedici, operatori sanitari, operatore sanitario, personale medico, personale "
            "sanitario"
        ),
        patients="paziente, pazienti, malati",
        rescuers="soccorritori, soccorritore, vigili del fuoco, pompieri",
        family_members="familiari, parenti, familiare, parente",
        other=(
            "operatore, operatori, operatori umanitari, operatore umanitario, cooperanti, "
            "giornalista, giornalisti, reporter, fotografo, fotografi, lavoratori, operai, "
            "agenti, poliziotti, dipendenti, insegnanti, fedeli"
        ),
    ),
    casualty_nouns=table(
        killed="morti, morto, uccisi, vittime, cadaveri, corpi",
        injured="feriti, ferito",
    ),
    weapon_nouns=table(
        airstrike=(
            "raid, bombardamento, bombardamenti, attacco aereo, attacchi aerei, raid aereo, "
            "raid aerei, bombardamento aereo, bombardamenti aerei, incursione aerea, "
            "incursioni aeree, bomba, bombe"
        ),
        missile="missile, missili, razzo, razzi",
        drone="drone, droni",
        shelling=(
            "colpi di artiglieria, colpo di artiglieria, colpi di mortaio, colpo di mortaio, "
            "granata, granate, proiettili di artiglieria"
        ),
        cluster_munition="bomba a grappolo, bombe a grappolo, munizioni a grappolo",
        barrel_bomb="barile bomba, barili bomba, barili esplosivi",
        other="attacco, attacchi",
    ),
    facility_nouns=table(
        medical=(
            "ospedale, ospedali, centro sanitario, centri sanitari, centro medico, centri "
            "medici, clinica, cliniche, ambulanza, ambulanze, strutture sanitarie, struttura "
            "sanitaria"
        ),
        school="scuola, scuole, asilo, asili, università, istituto scolastico",
        mosque="moschea, moschee, luoghi di culto, luogo di culto",
        market="mercato, mercati",
        residential="casa, case, abitazione, abitazioni, palazzo, palazzi, appartamento",
        other="edificio, edifici, chiesa, chiese, infrastruttura, infrastrutture",
        bakery="panetteria, panetterie, panificio, panifici, forno, forni",
        camp="campo profughi, campi profughi, tenda, tende, rifugio, rifugi",
        water="impianto idrico, impianti idrici",
        power="centrale elettrica, centrali elettriche",
    ),
    facility_statuses=table(
        destroyed="distrutto, distrutti, distrutta, distrutte",
        damaged="danneggiata, danneggiate, danneggiato, danneggiati",
        out_of_service="fuori servizio",
    ),
    hit_cues=phrases(
        "bombardato, bombardati, bombardata, bombardate, colpito, colpiti, colpita, colpite, "
        "distrutto, distrutti, distrutta, distrutte, danneggiato, danneggiati, danneggiata, "
        "danneggiate, attaccato, attaccati"
    ),
    include_cues=phrases(
        "tra i quali, tra le quali, tra cui, fra cui, di cui, fra i quali, tra questi, tra loro"
    ),
    group_refs={
        "di loro": "",
        "tra loro": "",
        "delle vittime": "people",
        "dei morti": "",
        "dei feriti": "",
    },
    family_refs=phrases("della stessa famiglia, di una stessa famiglia, di una famiglia"),
    others=words("altra altre altri altro"),
    modifiers=words("altre altri civili dei delle di giovani palestinesi siriani"),
    determiners=words("degli dei delle di gli i il la le lo"),
    not_counts_after=words(
        "% anni anno cento chilometri famiglie giorni giorno km mesi metri ora ore per"
    ),
    not_counts_before=words("numero risoluzione articolo età"),
    person_nouns=words("uomo donna bambino bambina medico soldato giornalista"),
    clause_breaks=words("! . ; ? ma mentre"),
    weapon_links=words("con di"),
    facility_links=words("contro su"),
    times_words=words("volte"),
    toll_links=words("a à"),
    partitives=words("di delle dei degli tra fra"),
    group_pronouns=words("loro quali essi"),
    group_determiners=words("i gli le suoi sue loro propri"),
    victim_words=words("vittime"),
    copulas=words("erano era sono è"),
    auxiliaries=words("sono stati state erano anche"),
    period_prepositions=words("nel dal durante fino"),
    speech_verbs=frozenset(["ha detto", "hanno detto", "raccontato"]),
    stopwords=words("il lo la gli le dei delle e nel nella una sono per con che di sul stati"),
    months={
        "gennaio": 1,
        "febbraio": 2,
        "marzo": 3,
        "aprile": 4,
        "maggio": 5,
        "giugno": 6,
        "luglio": 7,
        "agosto": 8,
        "settembre": 9,
        "ottobre": 10,
        "novembre": 11,
        "dicembre": 12,
    },
    weekdays={
        "lunedì": 0,
        "martedì": 1,
        "mercoledì": 2,
        "giovedì": 3,
        "venerdì": 4,
        "sabato": 5,
        "domenica": 6,
    },
)
