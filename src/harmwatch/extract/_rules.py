"""The shape of one language's rule tables, and phrase tables compiled for token lookup.

Each language module (``_rules_en``, ``_rules_ar`` ...) fills one :class:`LangRules`; the claim,
number and date code is the same for all languages and reads only these tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from harmwatch.extract._tokens import Token, normalise

__all__ = ["LangRules", "PhraseTable", "casualty_cues"]


class PhraseTable:
    """Phrases (space-separated words) mapped to a value, matched on token forms, longest first."""

    __slots__ = ("_by_first", "_last_words", "max_len")

    def __init__(self, phrases: Mapping[str, str], lang: str = ""):
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.max_len = 1
        for phrase, value in phrases.items():
            words = tuple(normalise(w, lang) if lang else w for w in _split_phrase(phrase))
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


def casualty_cues(
    killed: tuple[str, ...], injured: tuple[str, ...], block: tuple[str, ...]
) -> dict[str, str]:
    """One phrase -> cue map; a later list wins, so a blocking phrase overrides a verb."""
    cues = dict.fromkeys(killed, "killed")
    cues.update(dict.fromkeys(injured, "injured"))
    cues.update(dict.fromkeys(block, "block"))
    return cues


@dataclass(frozen=True)
class LangRules:
    """Everything language-specific the extractor needs, as tables."""

    lang: str
    units: Mapping[str, int]
    scales: Mapping[str, int]
    and_words: frozenset[str]
    articles: frozenset[str]
    victims: PhraseTable
    casualties: PhraseTable
    weapons: PhraseTable
    facilities: PhraseTable
    bounds_before: PhraseTable
    bounds_after: PhraseTable
    statuses: PhraseTable
    # 'killed' / 'injured' / 'block' (a combined or non-casualty sense)
    cues: PhraseTable
    # facility hit verbs and nouns ('hit')
    hit_cues: PhraseTable
    # breakdown openers: "including", "among them", "of whom"
    include_cues: PhraseTable
    # "of them", "of the victims", "of those killed": value is the subject or '' (parent's)
    group_refs: PhraseTable
    others: frozenset[str]
    modifiers: frozenset[str]
    determiners: frozenset[str]
    # words right after a number that make it no count: units, durations, ages, percent
    not_counts_after: frozenset[str]
    not_counts_before: frozenset[str]
    months: Mapping[str, int]
    clause_breaks: frozenset[str]
    # words after a weapon count that say what it was used on / with ("attacks on schools")
    weapon_links: frozenset[str] = field(default_factory=frozenset)
    facility_links: frozenset[str] = field(default_factory=frozenset)
    dozen: Mapping[str, int] = field(default_factory=dict)
    # "used cluster munitions 49 times": a count of uses of the weapon named before
    times_words: frozenset[str] = field(default_factory=frozenset)
    # "from one family" after a victim noun makes its subject family_members
    family_refs: PhraseTable = field(default_factory=lambda: PhraseTable({}))
    # "to" in "the death toll rose to 67": a count at the end of a toll phrase
    toll_links: frozenset[str] = field(default_factory=frozenset)
    # nouns whose form says two (Arabic duals), with the table they belong to
    duals: Mapping[str, str] = field(default_factory=dict)
    # one person ("a nurse, 34,", "the boy (9)"): a small number set off after it is an age
    person_nouns: frozenset[str] = field(default_factory=frozenset)
