"""The languages extraction reads: one module of word tables each, registered in ``LANGUAGES``.

A language module (``en.py``, ``de.py`` ...) defines one :class:`Language`: its number words,
bounds, casualty verbs, victim / facility / weapon nouns with the vocabulary value each stands
for, months and weekdays, actor names of its own, the small words that tell it apart, and
:class:`Flags` for what its grammar does differently (glued conjunctions, capitalised nouns,
compound number words). The rule code is the same for every language and reads only these
tables and flags; adding a language is one module here, one line in ``LANGUAGES`` and texts
for the dev set (docs/extract.md, "Adding a language").
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cache

__all__ = [
    "DETECTED_ONLY",
    "LANGUAGES",
    "OPTIONAL_TABLES",
    "Flags",
    "Language",
    "language",
    "phrases",
    "table",
    "words",
]

# code -> name of every language with rules, in the order docs and --help list them
LANGUAGES: dict[str, str] = {
    "en": "English",
    "ar": "Arabic",
    "de": "German",
    "es": "Spanish",
    "fr": "French",
    "it": "Italian",
    "pt": "Portuguese",
}

# Languages the detector recognises but that have no rules yet: their documents are stored and
# their extraction carries a note that no claims were read. code -> (name, stop words).
DETECTED_ONLY: dict[str, tuple[str, frozenset[str]]] = {
    "tr": ("Turkish", frozenset("ve bir bu da de ile için olarak olan çok göre gibi".split())),
    "nl": ("Dutch", frozenset("de het een en van in is zijn met voor op dat die werd".split())),
    "ru": ("Russian", frozenset("и в не на что с по как из за от это были был".split())),
    "uk": ("Ukrainian", frozenset("і в не на що з по як із за від це були був".split())),
}


@dataclass(frozen=True, slots=True)
class Flags:
    """What a language's grammar does that shared rules must know, as named switches."""

    # how a word's lookup forms are made: "english" (plural -s), "arabic" (clitics and the
    # article stripped), "romance" (elided article: l', d'), "german" (case endings), "plain"
    inflection: str = "plain"
    # strip Arabic diacritics and fold alef / ya / ta marbuta before lookup
    fold_arabic: bool = False
    # thousands grouped by a plain space: "1 200 civils"
    spaced_thousands: bool = True
    # letters that glue "and" / "so" to the next word ("وإصابة": and injuring)
    glued_conjunctions: str = ""
    # the letter of a glued "and" ("وثلاثة آخرين": and three others)
    glued_and: str = ""
    # letters that may be glued before a number word ("وثلاثة", "بخمسة")
    number_clitics: str = ""
    # a number may touch its noun ("٣مدنيين"); elsewhere "3D" or "10am" is no count
    glued_numbers: bool = False
    # number words joined by a hyphen: "twenty-one"
    hyphenated_numbers: bool = False
    # units come before tens ("خمسة وعشرون", "fünfundzwanzig"): "three five" may be one number
    units_before_tens: bool = False
    # a unit then the word for ten makes a teen: "سبعة عشر" = 17
    teens_unit_then_ten: bool = False
    # a comma and "and" may sit inside a number: "٨ آلاف، و٢٧٢"
    comma_inside_numbers: bool = False
    # "and" and the rest after the thousands: "٤ آلاف و٧٧٣", "dois mil e quinhentos"
    and_after_thousands: bool = False
    # one and two follow their noun: "مسعفين اثنين" (two paramedics)
    one_two_after_noun: bool = False
    # an unknown word ending in -s after a count is a plural noun: "killed 12 pilgrims"
    guess_plural_nouns: bool = False
    # every noun is capitalised (German): a capital does not mark a name
    capitalised_nouns: bool = False
    # number words are written as one compound: "einundzwanzig", "dreihundertfünfzig"
    compound_number_words: bool = False
    # number words need a word boundary before them (not where clitics glue to them)
    number_word_boundary: bool = True


@dataclass(frozen=True)
class Language:
    """Every word table of one language. Phrases are lower case, words separated by spaces."""

    code: str
    name: str
    flags: Flags
    # --- numbers
    units: Mapping[str, int]  # one .. ninety (and hundreds where they are one word)
    scales: Mapping[str, int]  # hundred, thousand, million
    dozens: Mapping[str, int]  # "dozen": 12
    articles: frozenset[str]  # "a", "an", "one" before a scale: "a hundred"
    and_words: frozenset[str]
    # --- bounds: "at least 12" / "12 at least"; ranges: "between 50 and 80", "50 to 80"
    bounds_before: Mapping[str, str]
    bounds_after: Mapping[str, str]
    bound_gap: frozenset[str]  # may stand between a bound and its number: "at least a dozen"
    range_words: frozenset[str]  # "between"
    range_links: frozenset[str]  # "to", "or" (and the language's "and" after "between")
    # --- casualty words: verbs and phrases of killing, injuring, and words that make a count
    # no casualty count at all ("missing", "displaced", "killed or wounded")
    killed: tuple[str, ...]
    injured: tuple[str, ...]
    not_casualties: tuple[str, ...]
    # --- nouns, each with the vocabulary value it stands for
    victim_nouns: Mapping[str, str]
    casualty_nouns: Mapping[str, str]  # "deaths", "wounded": the noun says the kind
    weapon_nouns: Mapping[str, str]
    facility_nouns: Mapping[str, str]
    facility_statuses: Mapping[str, str]
    # --- words around counts
    hit_cues: tuple[str, ...]  # a facility was hit: "struck", "destroyed", "attacks on"
    include_cues: tuple[str, ...]  # a breakdown opens: "including", "among them"
    group_refs: Mapping[str, str]  # "of them", "of the victims": subject or "" (the parent's)
    family_refs: tuple[str, ...]  # "from one family": the victims are family members
    others: frozenset[str]  # "others", "more"
    modifiers: frozenset[str]  # adjectives skipped between a count and its noun
    determiners: frozenset[str]
    not_counts_after: frozenset[str]  # "years", "km", "percent": the number is no count
    not_counts_before: frozenset[str]  # "resolution", "route", "aged"
    person_nouns: frozenset[str]  # one person: "a nurse, 34," gives an age
    clause_breaks: frozenset[str]
    weapon_links: frozenset[str]  # "attacks using ...", "attacks with ..."
    facility_links: frozenset[str]  # "attacks on ...", "strikes against ..."
    times_words: frozenset[str]  # "hit four times"
    toll_links: frozenset[str]  # "the toll rose to 67"
    # --- grammar words the rules look for around counts
    partitives: frozenset[str]  # "of" / "among" in "ten of them"
    group_pronouns: frozenset[str]  # "them", "whom" in "ten of them"
    group_determiners: frozenset[str]  # "the", "those" in "ten of the victims"
    victim_words: frozenset[str]  # "victims": "ten of the victims" were killed
    copulas: frozenset[str]  # "were" in "1,524 were children"
    auxiliaries: frozenset[str]  # words between a noun and its verb: "were", "have been"
    speech_verbs: frozenset[str]  # "two aid workers told ...": the sources, not the victims
    period_prepositions: frozenset[str]  # "in 2017", "since 2015": a year
    # --- dates
    months: Mapping[str, int]
    weekdays: Mapping[str, int]  # Monday = 0
    # --- actors named in this language only: canonical name -> aliases
    actor_aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # --- small frequent words that tell the language apart
    stopwords: frozenset[str] = frozenset()
    # nouns whose form says two (Arabic duals), with the table they belong to
    duals: Mapping[str, str] = field(default_factory=dict)
    # weapon nouns too vague to list among a document's weapons ("raid", "bomb")
    vague_weapon_nouns: frozenset[str] = frozenset()
    # words that are "one" and also an article ("uma", "ein"): a count only after a bound
    # ("pelo menos uma criança"), never alone ("uma criança")
    article_ones: Mapping[str, int] = field(default_factory=dict)

    def __repr__(self) -> str:
        return f"Language({self.code!r}, {self.name!r})"


# Tables a language may leave empty, and why.
OPTIONAL_TABLES: dict[str, str] = {
    "duals": "only languages with a dual number (Arabic) count with the noun's form",
    "articles": "only languages that say 'a hundred' with an article before the scale",
    "vague_weapon_nouns": "only where a weapon noun also names no weapon ('raid', 'bomb')",
    "actor_aliases": "only where the language names actors its own way",
    "article_ones": "only where 'one' is also the indefinite article",
}


def table_names() -> tuple[str, ...]:
    """Names of the word tables every language fills (all fields but code, name, flags)."""
    return tuple(f.name for f in fields(Language) if f.name not in {"code", "name", "flags"})


@cache
def language(code: str) -> Language:
    """The tables of a registered language (KeyError for one without rules)."""
    if code not in LANGUAGES:
        raise KeyError(code)
    module = importlib.import_module(f"harmwatch.extract._languages.{code}")
    lang: Language = module.LANGUAGE
    return lang


def words(spec: str) -> frozenset[str]:
    """A set of single words written as one space-separated string."""
    return frozenset(spec.split())


def phrases(spec: str) -> tuple[str, ...]:
    """Phrases written as one comma-separated string: "killed, lost their lives"."""
    return tuple(p.strip() for p in spec.split(",") if p.strip())


def table(**by_value: str) -> dict[str, str]:
    """A phrase -> value table written value by value: ``table(children="child, kid")``."""
    out: dict[str, str] = {}
    for value, spec in by_value.items():
        for phrase in phrases(spec):
            out[phrase] = value
    return out
