"""English rule tables: number words, casualty verbs, breakdown openers, non-count contexts."""

from __future__ import annotations

from harmwatch import vocab
from harmwatch.extract._rules import LangRules, PhraseTable, casualty_cues

__all__ = ["RULES"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

_PERSON_NOUNS = frozenset({
    "man", "woman", "boy", "girl", "child", "baby", "infant", "teenager", "son", "daughter",
    "father", "mother", "husband", "wife", "brother", "sister", "grandfather", "grandmother",
    "nurse", "doctor", "surgeon", "paramedic", "medic", "pharmacist", "teacher", "student",
    "farmer", "shepherd", "driver", "journalist", "reporter", "photographer", "cameraman",
    "volunteer", "worker", "resident", "civilian", "victim", "soldier", "fighter", "officer",
    "imam", "priest", "engineer", "lawyer", "activist", "mechanic", "baker", "shopkeeper",
    "vendor", "labourer", "laborer", "widow", "pensioner", "grandson", "granddaughter",
    "nephew", "niece", "cousin", "uncle", "aunt", "rescuer", "fisherman", "mayor", "cook",
})  # fmt: skip

_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

_KILLED = (
    "killed", "killing", "kill", "kills", "died", "die", "dies", "dead", "death of",
    "deaths of", "the deaths of", "the death of", "lost their lives", "lost his life",
    "lost her life", "were killed", "was killed", "have been killed", "has been killed",
    "had been killed", "been killed", "claimed the lives of", "claiming the lives of",
    "took the lives of", "killed at least", "perished", "were among the dead",
    "among the dead", "among those killed", "were martyred", "martyred", "slain", "slaughtered",
    "massacred", "executed", "death toll", "toll", "fatalities", "lives", "bodies",
    "bodies of", "were found dead", "shot dead", "burned to death", "murdered", "deaths",
    "death", "life", "dying", "victims included", "the victims included", "victims include",
    "the deceased included", "the deceased include", "the dead included", "the dead include",
    "deceased", "the victims were", "victims were", "the dead were", "the dead are",
)  # fmt: skip
_INJURED = (
    "wounded", "wounding", "wound", "wounds", "injured", "injuring", "injure", "injures",
    "injuries to", "injuries", "hurt", "were hurt", "were wounded", "were injured",
    "sustained injuries", "suffered injuries", "among the injured", "among the wounded",
    "injury", "in severe condition", "in critical condition", "seriously", "critically",
    "severely", "lightly", "moderately", "were treated", "treated for", "were hospitalised",
    "were hospitalized", "hospitalised", "hospitalized",
)  # fmt: skip
_BLOCK = (
    "killed or wounded", "killed or injured", "dead or wounded", "dead or injured",
    "killed and wounded", "killed and injured", "killing and maiming", "killing or maiming",
    "killed and maimed", "killed or maimed", "maimed", "maiming",
    "casualties", "casualty", "missing", "remain missing", "are missing", "were missing",
    "trapped", "displaced", "were displaced", "fled", "arrested", "detained", "abducted",
    "kidnapped", "rescued", "evacuated", "recruited", "live", "living", "lived",
    "affected", "in need", "homeless", "saved", "survived", "escaped", "released",
    "were born", "deaths and injuries", "deaths or injuries", "dead or injured people",
    "shot down", "intercepted", "downed", "neutralised", "neutralized", "repelled",
    "were neutralised", "were neutralized",
    "were intercepted", "were shot down", "destroyed in the air",
)  # fmt: skip

_CUES = casualty_cues(_KILLED, _INJURED, _BLOCK)

_HIT = (
    "hit", "hits", "struck", "strike", "strikes", "targeted", "targeting", "attacked",
    "attacking", "attacks on", "attack on", "strikes on", "strike on", "attacks against",
    "attacks targeting", "bombed", "bombing", "shelled", "shelling", "damaged", "damaging",
    "destroyed", "destroying", "razed", "levelled", "leveled", "flattened", "burned", "burnt",
    "out of service", "stopped functioning", "forced to close", "raided", "looted",
    "demolished", "set on fire", "torched", "were hit", "came under attack", "affected",
    "dropped on", "dropped onto", "fell on", "landed on", "hit by", "struck by", "shelling of",
    "bombing of", "attack on", "attacked", "targeted by", "put out of service",
    "out of action", "knocked out", "ruins of", "rubble of", "wreckage of", "remains of",
    "reduced to rubble", "collapsed", "gutted", "burned down", "burnt down", "caught fire",
    "spread through", "engulfed", "tore through", "ripped through", "swept through",
)  # fmt: skip

_INCLUDE = (
    "including", "includes", "included", "include", "among them", "among whom", "of whom",
    "of which", "among those", "among the dead", "among the dead were",
    "among the victims", "the dead included", "the victims included", "the dead include",
    "the victims include", "such as", "incl", "incl.", "among", "namely", "comprising",
    "consisting of",
)  # fmt: skip

_GROUP_REFS = {
    "of them": "", "of whom": "", "of those": "", "of those killed": "", "of the dead": "",
    "of the victims": "people", "of the deceased": "", "of the injured": "", "of the wounded": "",
    "of those killed were": "", "of the people": "people", "of the civilians": "civilians",
    "of the children": "children", "of those wounded": "", "of those injured": "",
    "of these": "", "of the fatalities": "", "of the casualties": "",
}  # fmt: skip

_MODIFIERS = frozenset(
    """more other others additional another further innocent elderly old young unarmed
    local civilian wounded injured dead unidentified identified displaced female male
    pregnant teenage little small newborn infant adult unnamed besieged trapped fellow
    volunteer volunteers medical rescue military armed suspected alleged separate different
    foreign international national aid humanitarian emergency humanitarian palestinian
    palestinians israeli lebanese syrian yemeni iraqi afghan ukrainian russian sudanese
    ethiopian tigrayan burmese rohingya somali kurdish american british french turkish
    iranian saudi emirati egyptian jordanian libyan malian nigerian pakistani indian
    cruise ballistic guided precision heavy explosive incendiary kamikaze unguided
    enemy government regime rebel opposition coalition pro-government pro-regime
    a an the of new total specific deadly fatal indiscriminate unlawful documented
    confirmed reported recorded direct massive large-scale consecutive successive
    simultaneous apparent possible likely junta army regime's israeli-made russian-made
    individual distinct major minor serious remaining surviving functioning""".split()
)

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_NOT_COUNTS_AFTER = frozenset(
    """year years yr yrs month months week weeks day days hour hours minute minutes
    second seconds decade decades century centuries km kilometre kilometres kilometer
    kilometers mile miles metre metres meter meters m cm mm kg kilogram kilograms ton tons
    tonnes tonne percent per cent % pc st nd rd th am pm a.m p.m gmt utc o'clock
    million-strong litre litres liter liters dollar dollars usd euro euros pound pounds
    family families household households bed beds vehicle vehicles car cars truck trucks
    bus buses tank tanks ambulance-bed animal animals cattle sheep incident incidents
    massacre massacres case cases violation violations resolution resolutions article
    articles page pages round degree degrees point points refugee refugees displaced idp
    idps migrant migrants""".split()
)
_NOT_COUNTS_BEFORE = frozenset(
    """no no. number resolution article route highway road room flight platform page
    chapter section paragraph phase level grade class item vol volume # $ £ € usd eur
    aged age ages tel phone fax ext covid-19 covid f-16 mig su- su ka s""".split()
)

RULES = LangRules(
    lang="en",
    units=_UNITS,
    scales=_SCALES,
    and_words=frozenset({"and"}),
    articles=frozenset({"a", "an", "one"}),
    victims=PhraseTable(vocab.VICTIM_NOUNS["en"]),
    casualties=PhraseTable(vocab.CASUALTY_NOUNS["en"]),
    weapons=PhraseTable(vocab.WEAPON_NOUNS["en"]),
    facilities=PhraseTable(vocab.FACILITY_NOUNS["en"]),
    bounds_before=PhraseTable(vocab.BOUND_PHRASES["en"]),
    bounds_after=PhraseTable(vocab.BOUND_PHRASES_AFTER["en"]),
    statuses=PhraseTable(vocab.FACILITY_STATUS_CUES["en"]),
    cues=PhraseTable(_CUES),
    hit_cues=PhraseTable(dict.fromkeys(_HIT, "hit")),
    include_cues=PhraseTable(dict.fromkeys(_INCLUDE, "include")),
    group_refs=PhraseTable(_GROUP_REFS),
    others=frozenset({"others", "other", "more", "another", "additional", "further"}),
    modifiers=_MODIFIERS,
    determiners=frozenset({"the", "a", "an", "some", "all", "its", "their", "his", "her"}),
    not_counts_after=_NOT_COUNTS_AFTER,
    not_counts_before=_NOT_COUNTS_BEFORE,
    person_nouns=_PERSON_NOUNS,
    months=_MONTHS,
    clause_breaks=frozenset({";", "!", "?", "but", "while", "whereas", "meanwhile"}),
    weapon_links=frozenset({"involving", "using", "with", "from", "by", "of"}),
    facility_links=frozenset({"on", "against", "targeting", "that", "which", "hitting"}),
    dozen={"dozen": 12},
    times_words=frozenset({"times"}),
    family_refs=PhraseTable(
        dict.fromkeys(
            [
                "from one family",
                "from the same family",
                "of one family",
                "of the same family",
                "from a single family",
                "of a single family",
                "from one household",
            ],
            "family_members",
        )
    ),
    toll_links=frozenset({"to", "reached", "reaching", "at"}),
)
