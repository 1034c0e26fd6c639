"""French, Spanish and Italian rule tables (lighter than English: numbers, casualty words)."""

from __future__ import annotations

from harmwatch import vocab
from harmwatch.extract._dates import MONTHS
from harmwatch.extract._rules import LangRules, PhraseTable

__all__ = ["RULES"]

_FR_UNITS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-dix": 90, "septante": 70,
    "nonante": 90,
}  # fmt: skip
_ES_UNITS = {
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
    "veintiuno": 21, "veintiún": 21, "veintidós": 22, "veintitrés": 23, "veinticuatro": 24,
    "veinticinco": 25, "veintiséis": 26, "veintisiete": 27, "veintiocho": 28,
    "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60,
    "setenta": 70, "ochenta": 80, "noventa": 90, "doscientos": 200, "doscientas": 200,
    "trescientos": 300, "trescientas": 300, "cuatrocientos": 400, "quinientos": 500,
    "seiscientos": 600, "setecientos": 700, "ochocientos": 800, "novecientos": 900,
}  # fmt: skip
_IT_UNITS = {
    "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8,
    "nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "tredici": 13, "quattordici": 14,
    "quindici": 15, "sedici": 16, "diciassette": 17, "diciotto": 18, "diciannove": 19,
    "venti": 20, "ventuno": 21, "ventidue": 22, "ventitré": 23, "ventitre": 23,
    "ventiquattro": 24, "venticinque": 25, "trenta": 30, "quaranta": 40, "cinquanta": 50,
    "sessanta": 60, "settanta": 70, "ottanta": 80, "novanta": 90, "duecento": 200,
    "trecento": 300, "quattrocento": 400, "cinquecento": 500,
}  # fmt: skip

_CUES = {
    "fr": {
        "killed": "tués tuées tué tuée morts mort morte mortes décès péri tuant tue tuent "
        "tuer tuées trouvé|la|mort perdu|la|vie victimes coûté|la|vie coûte|la|vie "
        "coûtant|la|vie",
        "injured": "blessés blessées blessé blessée blessant blesse blessures",
        "block": "disparus déplacés réfugiés arrêtés enlevés",
    },
    "es": {
        "killed": "muertos muertas muerto muerta murieron murió mueren fallecieron fallecidos "
        "perecieron pereció perecen mueren fallecen "
        "fallecidas asesinados asesinadas mataron mató matando matar muerte muertes "
        "perdieron|la|vida víctimas costó|la|vida "
        "cobró|la|vida",
        "injured": "heridos heridas herido herida hiriendo resultaron|heridos lesionados",
        "block": "desaparecidos desplazados refugiados detenidos secuestrados",
    },
    "it": {
        "killed": "uccisi uccise ucciso uccisa morti morte morto morta deceduti uccidendo "
        "perso|la|vita vittime costato|la|vita",
        "injured": "feriti ferite ferito ferita ferendo",
        "block": "dispersi sfollati rifugiati arrestati rapiti",
    },
}
_INCLUDE = {
    "fr": "dont parmi|eux parmi|lesquels parmi|elles y|compris notamment",
    "es": "entre|ellos entre|ellas incluidos incluidas incluyendo de|ellos de|los|cuales "
    "entre|los|que de|las|que de|los|que de|las|cuales",
    "it": "tra|i|quali tra|le|quali tra|cui fra|cui di|cui fra|i|quali tra|questi tra|loro",
}
_HIT = {
    "fr": "bombardé bombardés bombardée bombardées frappé frappés frappée frappées touché touchés "
    "touchée touchées visé visés visée visées détruit détruits détruite détruites endommagé "
    "endommagés endommagée endommagées attaqué attaqués attaquée attaquées ciblé ciblés "
    "ciblée ciblées rasé rasés rasée rasées incendié incendiés incendiée incendiées",
    "es": "bombardeado bombardeados bombardeada bombardeadas atacado atacados atacada atacadas "
    "alcanzado alcanzados alcanzada alcanzadas destruido destruidos destruida destruidas "
    "dañado dañados dañada dañadas",
    "it": "bombardato bombardati bombardata bombardate colpito colpiti colpita colpite "
    "distrutto distrutti distrutta distrutte danneggiato danneggiati danneggiata danneggiate "
    "attaccato attaccati",
}
_OTHERS = {
    "fr": {"autres", "autre"},
    "es": {"otras", "otros", "otra", "otro"},
    "it": {"altri", "altre", "altro", "altra"},
}

_MODIFIERS = {
    "fr": "civils syriens palestiniens jeunes autres de des les",
    "es": "civiles sirios palestinos jóvenes otros otras de los las",
    "it": "civili siriani palestinesi giovani altri altre di dei delle",
}
_NOT_AFTER = {
    "fr": "ans an mois jours jour heures heure km kilomètres mètres % pour cent familles",
    "es": "años año meses días día horas hora km kilómetros metros % por ciento familias",
    "it": "anni anno mesi giorni giorno ore ora km chilometri metri % per cento famiglie",
}
_SCALES = {
    "fr": {"cent": 100, "cents": 100, "mille": 1000, "million": 1_000_000,
           "millions": 1_000_000},
    "es": {"cien": 100, "ciento": 100, "mil": 1000, "millón": 1_000_000,
           "millones": 1_000_000},
    "it": {"cento": 100, "mille": 1000, "mila": 1000, "milione": 1_000_000,
           "milioni": 1_000_000},
}  # fmt: skip
_AND = {"fr": {"et"}, "es": {"y"}, "it": {"e"}}
_UNITS = {"fr": _FR_UNITS, "es": _ES_UNITS, "it": _IT_UNITS}
_DET = {
    "fr": {"les", "des", "la", "le", "l", "de", "du"},
    "es": {"los", "las", "el", "la", "de", "del", "unos", "unas"},
    "it": {"i", "gli", "le", "il", "lo", "la", "di", "dei", "delle", "degli"},
}
_BREAKS = {
    "fr": {";", ".", "!", "?", "mais", "tandis"},
    "es": {";", ".", "!", "?", "pero", "mientras"},
    "it": {";", ".", "!", "?", "ma", "mentre"},
}


def _phrases(spec: str) -> list[str]:
    return [w.replace("|", " ") for w in spec.split()]


def _rules(lang: str) -> LangRules:
    cues: dict[str, str] = {}
    for kind, spec in _CUES[lang].items():
        for phrase in _phrases(spec):
            cues[phrase] = kind
    return LangRules(
        lang=lang,
        units=_UNITS[lang],
        scales=_SCALES[lang],
        and_words=frozenset(_AND[lang]),
        articles=frozenset(),
        victims=PhraseTable(vocab.VICTIM_NOUNS[lang]),
        casualties=PhraseTable(vocab.CASUALTY_NOUNS[lang]),
        weapons=PhraseTable(vocab.WEAPON_NOUNS[lang]),
        facilities=PhraseTable(vocab.FACILITY_NOUNS[lang]),
        bounds_before=PhraseTable(vocab.BOUND_PHRASES[lang]),
        bounds_after=PhraseTable(vocab.BOUND_PHRASES_AFTER[lang]),
        statuses=PhraseTable(vocab.FACILITY_STATUS_CUES[lang]),
        cues=PhraseTable(cues),
        hit_cues=PhraseTable(dict.fromkeys(_HIT[lang].split(), "hit")),
        include_cues=PhraseTable(dict.fromkeys(_phrases(_INCLUDE[lang]), "include")),
        group_refs=PhraseTable({}),
        others=frozenset(_OTHERS[lang]),
        modifiers=frozenset(_MODIFIERS[lang].split()),
        determiners=frozenset(_DET[lang]),
        not_counts_after=frozenset(_NOT_AFTER[lang].split()),
        not_counts_before=frozenset(),
        months=MONTHS,
        clause_breaks=frozenset(_BREAKS[lang]),
        toll_links=frozenset({"à", "a"}),
    )


RULES: dict[str, LangRules] = {lang: _rules(lang) for lang in ("fr", "es", "it")}
