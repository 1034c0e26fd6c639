"""Arabic rule tables: number words (with duals and compounds), casualty verbs and nouns.

All words are written the way ``_tokens.normalise`` folds them: no diacritics, أ إ آ -> ا,
ى -> ي, ة -> ه.
"""

from __future__ import annotations

from collections.abc import Iterable

from harmwatch import vocab
from harmwatch.extract._dates import MONTHS
from harmwatch.extract._rules import LangRules, PhraseTable, casualty_cues
from harmwatch.extract._tokens import normalise

__all__ = ["DUALS", "RULES"]

_UNITS = {
    "واحد": 1, "واحدا": 1, "واحده": 1, "احد": 1, "احدي": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2,
    "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6,
    "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "ثمان": 8, "تسعه": 9, "تسع": 9,
    "عشره": 10, "عشر": 10,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
    "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
    "ثلاثمئه": 300, "ثلاثمائه": 300, "اربعمئه": 400, "اربعمائه": 400, "خمسمئه": 500,
    "خمسمائه": 500, "ستمئه": 600, "ستمائه": 600, "سبعمئه": 700, "سبعمائه": 700,
    "ثمانمئه": 800, "ثمانمائه": 800, "تسعمئه": 900, "تسعمائه": 900,
    "الفين": 2000, "الفان": 2000, "مئتي": 200, "مائتي": 200, "الفي": 2000,
}  # fmt: skip
_SCALES = {"مئه": 100, "مائه": 100, "الف": 1000, "الاف": 1000, "مليون": 1_000_000,
           "ملايين": 1_000_000}  # fmt: skip

# Dual nouns: the noun itself says two ("طفلان" = two children).
DUALS: dict[str, str] = {
    "طفلان": "victim", "طفلين": "victim", "سيدتان": "victim", "سيدتين": "victim",
    "امراتان": "victim", "امراتين": "victim", "رجلان": "victim", "رجلين": "victim",
    "شخصان": "victim", "شخصين": "victim", "شهيدان": "casualty", "شهيدين": "casualty",
    "قتيلان": "casualty", "قتيلين": "casualty", "جريحان": "casualty", "جريحين": "casualty",
    "برميلين": "weapon", "برميلان": "weapon", "غارتين": "weapon", "غارتان": "weapon",
    "صاروخين": "weapon", "صاروخان": "weapon", "قذيفتين": "weapon", "قذيفتان": "weapon",
    "مبنيين": "facility", "مبنيان": "facility", "مدرستين": "facility", "مسجدين": "facility",
    "منزلين": "facility", "مستشفيين": "facility", "مشفيين": "facility", "مركزين": "facility",
    "بيتين": "facility",
}  # fmt: skip

_KILLED = (
    "قتل", "مقتل", "قتلى", "قتيل", "قتلوا", "قتلت", "يقتل", "استشهاد", "استشهد", "استشهدوا",
    "شهداء", "شهيد", "لقي حتفه", "لقوا حتفهم", "لقي مصرعه", "لقوا مصرعهم", "مصرع", "حصيله",
    "راح ضحيته", "راح ضحيتها", "راح ضحيتهما", "ضحايا", "اودي بحياه", "اودت بحياه",
    "اسفر عن مقتل", "اسفرت عن مقتل", "وفاه", "توفي", "حياه", "موت", "قضي", "قضوا",
    "سقط", "سقوط", "ضحيه", "حصدت", "حصد",
)  # fmt: skip
_INJURED = (
    "اصابه", "اصابات", "اصيب", "اصيبوا", "اصيبت", "جرح", "جرحى", "جريح", "بجروح", "جروح",
    "مصاب", "مصابين", "مصابا", "اصابتهم", "اصابه بجروح",
)  # fmt: skip
_BLOCK = (
    "مقتل واصابه", "مقتل وجرح", "قتل وجرح", "قتلى وجرحى", "قتيلا وجريحا", "قتيل وجريح",
    "شهيد وجريح", "بين قتيل وجريح",
    "مفقود", "مفقودين", "نازح", "نازحين", "نزوح", "معتقل", "معتقلين", "اعتقال", "اختطاف",
    "مختطفين", "عائله", "عائلات", "اسره", "اسر",
)  # fmt: skip

_CUES = casualty_cues(_KILLED, _INJURED, _BLOCK)

_HIT = (
    "استهدف", "استهدفت", "استهداف", "قصف", "قصفت", "دمر", "دمرت", "تدمير", "تضرر", "تضررت",
    "اصاب", "اصابت", "طال", "طالت", "خروج", "غارات علي", "هجمات علي", "هجوم علي", "علي",
    "اعتداء علي", "اعتداءات علي", "تعرض", "تعرضت", "تعرضا", "لحقت", "اضرار", "دمار", "تدمر",
)  # fmt: skip

_INCLUDE = (
    "بينهم", "بينهن", "منهم", "منهن", "من بينهم", "من بينهن", "بينها", "بينهما", "منها",
    "من بينها", "من بين", "بينهم", "ومنهم",
)  # fmt: skip

_MONTHS = {
    normalise(k, "ar"): v for k, v in MONTHS.items() if any("\u0600" <= c <= "\u06ff" for c in k)
}
_MONTHS.update({w.split()[0]: 0 for w in list(_MONTHS) if " " in w})

_NOT_AFTER = frozenset(
    """عاما عام سنه سنوات اعوام شهر اشهر شهور يوم ايام يوما ساعه ساعات دقيقه دقائق كم
    كيلومتر كيلومترات متر امتار بالمئه % بالمائه مجزره مجازر حاله حالات نازح نازحا نازحين
    عائله عائلات اسره اسر سياره سيارات الف_ مليار دولار""".split()
)
_NOT_BEFORE = frozenset("""رقم القرار عام العام سنه""".split())


def _n(words: Iterable[str]) -> frozenset[str]:
    """The words as the tokenizer folds them."""
    return frozenset(normalise(w, "ar") for w in words)


RULES = LangRules(
    lang="ar",
    units={normalise(k, "ar"): v for k, v in _UNITS.items()},
    scales=_SCALES,
    and_words=frozenset({"و"}),
    articles=frozenset(),
    victims=PhraseTable(vocab.VICTIM_NOUNS["ar"], "ar"),
    casualties=PhraseTable(vocab.CASUALTY_NOUNS["ar"], "ar"),
    weapons=PhraseTable(vocab.WEAPON_NOUNS["ar"], "ar"),
    facilities=PhraseTable(vocab.FACILITY_NOUNS["ar"], "ar"),
    bounds_before=PhraseTable(vocab.BOUND_PHRASES["ar"], "ar"),
    bounds_after=PhraseTable(vocab.BOUND_PHRASES_AFTER["ar"], "ar"),
    statuses=PhraseTable(vocab.FACILITY_STATUS_CUES["ar"], "ar"),
    cues=PhraseTable(_CUES, "ar"),
    hit_cues=PhraseTable(dict.fromkeys(_HIT, "hit"), "ar"),
    include_cues=PhraseTable(dict.fromkeys(_INCLUDE, "include"), "ar"),
    group_refs=PhraseTable({}, "ar"),
    others=_n({"آخرين", "آخرون", "أخرى", "آخر"}),
    modifiers=_n(
        """على الاقل علي مدنيا مدنيين سوريا سوريين يمنيا يمنيين صوماليا صوماليين متفجرا
        متفجره متفجرين متفجرات سكنيين سكنيه بينهم""".split()
    ),
    determiners=frozenset({"ال", "(", "الـ"}),
    not_counts_after=_n(_NOT_AFTER),
    not_counts_before=_n(_NOT_BEFORE),
    months=_MONTHS,
    clause_breaks=frozenset({".", "؛", ";", "!", "؟", "?"}),
    weapon_links=frozenset(),
    facility_links=frozenset({"علي"}),
    times_words=_n({"مرة", "مرات"}),
    duals={normalise(k, "ar"): v for k, v in DUALS.items()},
    family_refs=PhraseTable(
        dict.fromkeys(["من عائلة واحدة", "من أسرة واحدة", "من عائلة", "من أسرة"], "family_members"),
        "ar",
    ),
    toll_links=_n({"إلى", "الى", "ال", "وصل", "بلغ", "بلغت"}),
)
