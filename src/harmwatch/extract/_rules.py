"""A language's word tables compiled for the rules: phrase tables matched on token forms.

Each language module under ``_languages`` fills one :class:`~harmwatch.extract._languages.Language`
of plain words; :func:`rules_for` compiles it once into :class:`LangRules`. The claim, number
and date code is the same for all languages and reads only these tables and the language's flags.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from harmwatch.extract._languages import LANGUAGES, Flags, Language, language
from harmwatch.extract._tokens import INFLECTIONS, Token, compound_forms, normalise

__all__ = ["LangRules", "PhraseTable", "rules_for"]


class PhraseTable:
    """Phrases (space-separated words) mapped to a value, matched on token forms, longest first."""

    __slots__ = ("_by_first", "_last_words", "max_len")

    def __init__(self, phrases: Mapping[str, str], *, fold_arabic: bool = False):
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.max_len = 1
        for phrase, value in phrases.items():
            words = tuple(normalise(w, fold_arabic) for w in _split_phrase(phrase))
            if not words:
                continue
            by_first.setdefault(words[0], []).append((words[1:], value))
            self.max_len = max(self.max_len, len(words))
        for entries in by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._by_first = by_first
        self._last_words = frozenset(
            (rest[-1] if rest else first) for first, es in by_first.items() for rest, _ in es
        )

    def __contains__(self, word: str) -> bool:
        return word in self._by_first

    def match(self, tokens: Sequence[Token], i: int) -> tuple[str, int] | None:
        """(value, index after the phrase) for the longest phrase starting at token ``i``."""
        if i >= len(tokens):
            return None
        by_first = self._by_first
        forms = tokens[i].forms
        if forms[0] not in by_first and (len(forms) == 1 or all(f not in by_first for f in forms)):
            return None
        best: tuple[str, int] | None = None
        for form in tokens[i].forms:
            entries = self._by_first.get(form)
            if not entries:
                continue
            for rest, value in entries:
                end = i + 1 + len(rest)
                if end > len(tokens):
                    continue
                if all(rest[k] in tokens[i + 1 + k].forms for k in range(len(rest))):
                    if best is None or end > best[1]:
                        best = (value, end)
                    break
        return best

    def match_ending(self, tokens: Sequence[Token], end: int) -> tuple[str, int] | None:
        """(value, start index) for the longest phrase that ends just before token ``end``."""
        if end < 1 or self._last_words.isdisjoint(tokens[end - 1].forms):
            return None
        best: tuple[str, int] | None = None
        for length in range(1, self.max_len + 1):
            start = end - length
            if start < 0:
                break
            for form in tokens[start].forms:
                for rest, value in self._by_first.get(form, ()):
                    if len(rest) != length - 1:
                        continue
                    if all(rest[k] in tokens[start + 1 + k].forms for k in range(len(rest))):
                        best = (value, start)
                        break
        return best


def _split_phrase(phrase: str) -> list[str]:
    out: list[str] = []
    for word in phrase.split():
        # phrases are written as text; split punctuation off the way the tokenizer does
        if word not in {"-", "'"} and word[-1:] in {",", "."} and len(word) > 1:
            out.extend([word[:-1], word[-1]])
        else:
            out.append(word)
    return out


def _cues(lang: Language) -> dict[str, str]:
    """One phrase -> cue map; a later list wins, so a blocking phrase overrides a verb."""
    cues = dict.fromkeys(lang.killed, "killed")
    cues.update(dict.fromkeys(lang.injured, "injured"))
    cues.update(dict.fromkeys(lang.not_casualties, "block"))
    return cues


@dataclass(frozen=True)
class LangRules:
    """Everything language-specific the extractor needs, compiled for lookup on tokens."""

    lang: str
    flags: Flags
    # a word's lookup forms (lower-cased, folded): itself, then stems and compound heads
    forms_of: Callable[[str], tuple[str, ...]]
    units: Mapping[str, int]
    scales: Mapping[str, int]
    dozen: Mapping[str, int]
    and_words: frozenset[str]
    articles: frozenset[str]
    victims: PhraseTable
    casualties: PhraseTable
    weapons: PhraseTable
    facilities: PhraseTable
    bounds_before: PhraseTable
    bounds_after: PhraseTable
    bound_gap: frozenset[str]
    range_words: frozenset[str]
    range_links: frozenset[str]
    statuses: PhraseTable
    # 'killed' / 'injured' / 'block' (a combined or non-casualty sense)
    cues: PhraseTable
    # facility hit verbs and nouns ('hit')
    hit_cues: PhraseTable
    # breakdown openers: "including", "among them", "of whom"
    include_cues: PhraseTable
    # "of them", "of the victims", "of those killed": value is the subject or '' (parent's)
    group_refs: PhraseTable
    # "from one family" after a victim noun makes its subject family_members
    family_refs: PhraseTable
    others: frozenset[str]
    modifiers: frozenset[str]
    determiners: frozenset[str]
    # words right after a number that make it no count: units, durations, ages, percent
    not_counts_after: frozenset[str]
    not_counts_before: frozenset[str]
    months: Mapping[str, int]
    clause_breaks: frozenset[str]
    # words after a weapon count that say what it was used on / with ("attacks on schools")
    weapon_links: frozenset[str]
    facility_links: frozenset[str]
    # "used cluster munitions 49 times": a count of uses of the weapon named before
    times_words: frozenset[str]
    # "to" in "the death toll rose to 67": a count at the end of a toll phrase
    toll_links: frozenset[str]
    # nouns whose form says two (Arabic duals), with the table they belong to
    duals: Mapping[str, str]
    # one person ("a nurse, 34,", "the boy (9)"): a small number set off after it is an age
    person_nouns: frozenset[str]
    vague_weapons: frozenset[str]
    partitives: frozenset[str]
    group_pronouns: frozenset[str]
    group_determiners: frozenset[str]
    victim_words: frozenset[str]
    copulas: frozenset[str]
    auxiliaries: frozenset[str]
    speech_verbs: frozenset[str]
    period_prepositions: frozenset[str]
    article_ones: Mapping[str, int]

    def __repr__(self) -> str:
        return f"LangRules({self.lang!r})"


def _fold(words: Iterable[str], fold_arabic: bool) -> frozenset[str]:
    return frozenset(normalise(w, fold_arabic) for w in words)


def _months(months: Mapping[str, int], fold_arabic: bool) -> dict[str, int]:
    """Month names as tokens show them; the first word of a two-word name ("تشرين الأول")
    marks a month too (value 0: which one the next word says)."""
    out = {normalise(k, fold_arabic): v for k, v in months.items()}
    for name in list(out):
        if " " in name:
            out.setdefault(name.split()[0], 0)
    return out


def compile_rules(lang: Language) -> LangRules:
    """The rule tables of one language, compiled for lookup on tokens."""
    fa = lang.flags.fold_arabic

    def phrases(table: Mapping[str, str]) -> PhraseTable:
        return PhraseTable(table, fold_arabic=fa)

    forms_of = INFLECTIONS[lang.flags.inflection]
    if lang.flags.capitalised_nouns:  # German: compounds end in a known noun
        forms_of = compound_forms(forms_of, _heads(lang))
    return LangRules(
        lang=lang.code,
        flags=lang.flags,
        forms_of=forms_of,
        units={normalise(k, fa): v for k, v in lang.units.items()},
        scales={normalise(k, fa): v for k, v in lang.scales.items()},
        dozen={normalise(k, fa): v for k, v in lang.dozens.items()},
        and_words=_fold(lang.and_words, fa),
        articles=_fold(lang.articles, fa),
        victims=phrases(lang.victim_nouns),
        casualties=phrases(lang.casualty_nouns),
        weapons=phrases(lang.weapon_nouns),
        facilities=phrases(lang.facility_nouns),
        bounds_before=phrases(lang.bounds_before),
        bounds_after=phrases(lang.bounds_after),
        bound_gap=_fold(lang.bound_gap, fa),
        range_words=_fold(lang.range_words, fa),
        range_links=_fold(lang.range_links, fa),
        statuses=phrases(lang.facility_statuses),
        cues=phrases(_cues(lang)),
        hit_cues=phrases(dict.fromkeys(lang.hit_cues, "hit")),
        include_cues=phrases(dict.fromkeys(lang.include_cues, "include")),
        group_refs=phrases(lang.group_refs),
        family_refs=phrases(dict.fromkeys(lang.family_refs, "family_members")),
        others=_fold(lang.others, fa),
        modifiers=_fold(lang.modifiers, fa),
        determiners=_fold(lang.determiners, fa),
        not_counts_after=_fold(lang.not_counts_after, fa),
        not_counts_before=_fold(lang.not_counts_before, fa),
        months=_months(lang.months, fa),
        clause_breaks=_fold(lang.clause_breaks, fa),
        weapon_links=_fold(lang.weapon_links, fa),
        facility_links=_fold(lang.facility_links, fa),
        times_words=_fold(lang.times_words, fa),
        toll_links=_fold(lang.toll_links, fa),
        duals={normalise(k, fa): v for k, v in lang.duals.items()},
        person_nouns=_fold(lang.person_nouns, fa),
        vague_weapons=_fold(lang.vague_weapon_nouns, fa),
        partitives=_fold(lang.partitives, fa),
        group_pronouns=_fold(lang.group_pronouns, fa),
        group_determiners=_fold(lang.group_determiners, fa),
        victim_words=_fold(lang.victim_words, fa),
        copulas=_fold(lang.copulas, fa),
        auxiliaries=_fold(lang.auxiliaries, fa),
        speech_verbs=_fold(lang.speech_verbs, fa),
        period_prepositions=_fold(lang.period_prepositions, fa),
        article_ones={normalise(k, fa): v for k, v in lang.article_ones.items()},
    )


def _heads(lang: Language) -> frozenset[str]:
    """Single nouns of the noun tables: the parts a compound word may end in."""
    out: set[str] = set()
    for table in (lang.victim_nouns, lang.casualty_nouns, lang.weapon_nouns, lang.facility_nouns):
        out.update(k for k in table if " " not in k and len(k) >= 4)
    return frozenset(out)


FALLBACK = "en"


@cache
def rules_for(code: str) -> LangRules:
    """The compiled rules of a registered language (English ones for any other code)."""
    return compile_rules(language(code if code in LANGUAGES else FALLBACK))
