"""One document's text in, its claims, actors, weapons and period out."""

from __future__ import annotations

import bisect
import re
import sys
from collections import Counter, deque
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from harmwatch.errors import InputError
from harmwatch.extract._actors import (
    ActorMention,
    document_conflicts,
    find_actors,
    joint_name,
)
from harmwatch.extract._claims import Context, Found, claims_in_sentence, read_header
from harmwatch.extract._dates import find_period, find_published, sentence_date
from harmwatch.extract._lang import UNDETERMINED, detect_language, language_note
from harmwatch.extract._languages import LANGUAGES, language
from harmwatch.extract._numbers import find_numbers
from harmwatch.extract._rules import LangRules, rules_for
from harmwatch.extract._sentences import sentence_spans
from harmwatch.extract._tokens import Token, tokenize
from harmwatch.extract._trie import trie_pattern
from harmwatch.model import Claim, Extraction

__all__ = ["extract_text", "supported_languages_text"]

# bounded runs that start only where a run starts, so that a 10 MB line without spaces
# ("a@a@a@...", base64) costs one pass, not one pass per character
_URL = re.compile(
    r"(?<![\w.+-])(?:(?:https?://|www\.)[^\s<>\"]{1,2000}"
    r"|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6})"
)
_BROKEN = str.maketrans({"\x00": " ", "\ufffd": " "})


@cache
def _candidate_pattern(lang: str) -> re.Pattern[str]:
    """Digits, or a number word: a sentence without either holds no claim."""
    rules = rules_for(lang)
    words = {w.lower() for w in (*rules.units, *rules.scales, *rules.dozen, *rules.duals)}
    words |= {w for w, v in rules.number_parts.items() if v}  # "einundzwanzig"
    boundary = r"\b" if rules.flags.number_word_boundary else ""
    return re.compile(rf"[0-9٠-٩۰-۹]|{boundary}(?:{trie_pattern(words)})")


@cache
def _weapon_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, str]]:
    rules = rules_for(lang)
    nouns = language(rules.lang).weapon_nouns
    table = {
        k.lower(): v for k, v in nouns.items() if v != "other" and k not in rules.vague_weapons
    }
    return re.compile(rf"\b(?:{trie_pattern(table)})(?:s|es)?\b"), table


def supported_languages_text() -> str:
    """The supported languages, as one line for messages and help."""
    names = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
    return f"supported: {names}"


def extract_text(
    text: str, *, published: date | None = None, lang: str | None = None
) -> Extraction:
    """Claims, actors, weapons and period of one document's main text (places left empty).

    Args:
        text: the document's main text; claim spans are offsets into it.
        published: the publication date (else a dateline in the text is used).
        lang: ISO 639-1 code (else detected).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str; got {type(text).__name__}")
    if lang is not None:
        lang = lang.lower()
        if lang == UNDETERMINED:
            lang = None  # stored as "cannot tell": detect again
        elif lang not in LANGUAGES and language_note(lang) is None:
            raise InputError(f"unsupported language {lang!r}; {supported_languages_text()}")
    clean = text.translate(_BROKEN) if ("\x00" in text or "\ufffd" in text) else text
    lang = (lang or detect_language(clean)).lower()
    if published is None:
        published = find_published(clean)
    period = find_period(clean, published)
    note = language_note(lang)
    if note is not None:  # a language detected without rules: say so, claim nothing
        return Extraction(lang=lang, published=published, period=period, notes=(note,))
    rules = rules_for(lang)
    low = clean.lower()
    if len(low) != len(clean):  # a few characters change length when lowered: keep offsets
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in clean)
    conflicts = document_conflicts(clean, lowered=low)
    mentions = find_actors(clean, conflicts, lowered=low)
    mention_starts = [m.start for m in mentions]
    urls = (
        [(m.start(), m.end()) for m in _URL.finditer(clean)] if "/" in clean or "@" in clean else []
    )

    # sentences one at a time, and a search per sentence rather than a list of every digit:
    # a 20 MB table of figures must not hold millions of positions in memory
    candidate = _candidate_pattern(lang).search
    ctx = Context()
    claims: list[Claim] = []
    main_attacker = _main_attacker(mentions)
    last_perp: tuple[int, str, int] | None = None  # sentence, actor, offset of its claim
    last_names: set[str] = set()  # the attackers of the last attributed sentence's claims
    earlier: list[Found] = []  # the last sentence's claims, and where they start in ``claims``
    first_earlier = 0
    span_before, last_span = (0, 0), (0, 0)
    header_at = -1
    last_label_named = False  # the last line with claims was a party's ("ISIS: 20")
    for s_idx, (s0, s1) in enumerate(sentence_spans(clean)):
        span_before, last_span = last_span, (s0, s1)
        if clean[s1 - 1] == ":":
            # "Vital facilities attacked:": the lines under it are a list of what it announces
            ctx.header = read_header(tokenize(clean[s0 : s1 - 1], s0, rules), rules)
            ctx.header_sentence = header_at = s_idx
        elif (
            s1 - s0 <= _HEADING
            and clean[s1 - 1] not in _SENTENCE_END
            and not any(ch.isdigit() for ch in clean[s0:s1])
        ):
            # "Attacks on Medical Facilities": a heading of facilities hit heads what follows
            heading = read_header(tokenize(clean[s0:s1], s0, rules), rules)
            if heading is not None and heading.kind == "facilities_hit":
                ctx.header, ctx.header_sentence, header_at = heading, s_idx, s_idx
        elif ctx.header is not None and (s1 - s0 > _LIST_LINE or s_idx - header_at > _LIST_LINES):
            ctx.header = None  # prose again: the list has ended
        if candidate(low, s0, s1) is None:
            continue  # no digit or number word in this sentence
        seg = clean[s0:s1]
        if s1 - s0 > _LONG_RUN_MIN and _LONG_RUN.search(seg) is not None:
            # a run without spaces (base64, "1/1/1...", a hash) is no prose: blank it out,
            # keeping every offset, so that the words around it are still read
            seg = _LONG_RUN.sub(_blank, seg)
        tokens = tokenize(seg, s0, rules)
        numbers = find_numbers(tokens, rules)
        if urls:
            numbers = [n for n in numbers if not _inside(tokens[n.i0].start, urls)]
        if not numbers:
            continue
        found = claims_in_sentence(tokens, numbers, rules, s_idx, ctx)
        if not found:
            continue
        lo = bisect.bisect_left(mention_starts, s0)
        hi = bisect.bisect_left(mention_starts, s1)
        in_sentence = [m for m in mentions[lo:hi] if m.weight >= 0]
        if in_sentence:
            # "killing 60 civilians and 13 U.S. troops": actors named in a count of victims
            # are the victims of every claim of the sentence, not anyone's attacker
            victims = [_victim_span(f, tokens) for f in found if f.kind in {"killed", "injured"}]
            in_sentence = [m for m in in_sentence if not any(a <= m.start < b for a, b in victims)]
        named = {part for m in in_sentence for part in m.name.split(" or ")}
        carry = _carry(mentions, lo, hi, s1, s_idx, last_perp, main_attacker)
        label = _party_label(seg, last_label_named)
        if label is not None and label.own_party:
            carry = None  # "Other parties: 49 civilians": a party of its own, not the last line's
        last_label_named = label is not None and (
            label.own_party or any(m.start < s0 + label.end for m in in_sentence)
        )
        if carry is not None and last_perp is not None and carry == last_perp[1]:
            carry = _campaign(carry, last_names)
        day = sentence_date(seg, published, lang, period=period)
        weapon = _sentence_weapon(low[s0:s1], lang)
        for f in found:
            if f.kind == "strikes" and f.subject == "other" and f.weapon in {None, "other"}:
                # "the hospital was hit four times": with the weapon just named
                repeat = _repeat_weapon(clean, f, rules, weapon, low, span_before, lang)
                if repeat is not None:
                    f.subject = f.weapon = repeat
            f.perpetrator = _perpetrator(f, in_sentence, tokens, carry, clean)
            f.carried = f.perpetrator is not None and all(
                part not in named for part in f.perpetrator.split(" or ")
            )
            if f.kind == "strikes" and f.subject == "barrel_bomb" and f.perpetrator in _NO_BARRELS:
                f.perpetrator = "Syrian government"  # only Syrian government aircraft drop them
            if f.perpetrator:
                if last_perp is None or last_perp[0] != s_idx:
                    last_names = set()
                last_names.add(f.perpetrator)
                last_perp = (s_idx, f.perpetrator, f.start)
        for at, perpetrator in _split_totals(found, earlier, first_earlier):
            claims[at] = replace(claims[at], perpetrator=perpetrator)
        for at, perpetrator in _broken_down_totals(found, earlier, first_earlier):
            claims[at] = replace(claims[at], perpetrator=perpetrator)
        earlier, first_earlier = found, len(claims)
        claims.extend(_to_claim(f, text, s_idx, day, weapon) for f in found)
    weapons = _document_weapons(low, lang, claims)
    claims = _aerial_strikes(claims, weapons)
    claims = _civilian_context(claims, clean)
    claims = _facility_attacks(claims, clean)
    claims = _merge_repeats(claims)
    perpetrators = tuple(dict.fromkeys(m.name for m in mentions))
    flat: list[str] = []
    for name in perpetrators:
        for part in name.split(" or "):
            if part not in flat:
                flat.append(part)
    return Extraction(
        lang=lang,
        published=published,
        period=period,
        claims=tuple(claims),
        perpetrators=tuple(flat),
        weapons=weapons,
    )


_LIST_LINE = 400  # a longer sentence is prose, not a line of a list
_LONG_RUN_MIN = 100
_LONG_RUN = re.compile(r"[^\s]{100,}")  # no word of any language is this long


def _blank(m: re.Match[str]) -> str:
    return " " * (m.end() - m.start())


_HEADING = 60  # a heading is a short line without a full stop
_SENTENCE_END = frozenset(".!?؟")
_LIST_LINES = 40  # a header's list ends after this many lines
_REPEAT_MIN = 10
_OTHERS_WORDS = frozenset(
    {"others", "more", "other", "آخرين", "اخرين", "آخرون", "autres", "otros", "otras", "altri"}
)


_BARE_TOLL = frozenset(
    {"deaths", "dead", "fatalities", "injuries", "wounded", "injured", "killed", "morts",
     "blessés", "tués", "muertos", "heridos", "morti", "feriti", "uccisi", "mortos", "feridos",
     "tote", "toten", "verletzte", "verletzten"}
)  # fmt: skip
_NEAR_SENTENCES = 2
_AMONG_CIVILIANS = frozenset({"civilians", "children", "women", "people"})
_CIVILIAN_TOTAL = re.compile(
    r"\bcivilian\s+(?:casualties|deaths|victims)\b|\bvictimes\s+civiles\b|\bvíctimas\s+"
    r"civiles\b|\bvittime\s+civili\b",
    re.IGNORECASE,
)


_GENERIC_STRIKES = frozenset({"strike", "strikes", "bombing", "bombings", "bombardments"})


def _aerial_strikes(claims: list[Claim], weapons: Sequence[str]) -> list[Claim]:
    """ "67 strikes", "five bombings" in a report whose only weapon is the air strike are air
    strikes (a weaker reading: the weapon comes from the document, not the sentence)."""
    if set(weapons) - {"other"} != {"airstrike"}:
        return claims
    out = claims
    for i, c in enumerate(claims):
        if c.kind == "strikes" and c.subject == "other":
            if c.text.rsplit(None, 1)[-1].lower() in _GENERIC_STRIKES:
                if out is claims:
                    out = list(claims)
                weaker = round(max(_FLOOR, c.confidence - _WEAK_SUBJECT), 2)
                out[i] = replace(c, subject="airstrike", weapon="airstrike", confidence=weaker)
    return out


def _civilian_context(claims: list[Claim], text: str) -> list[Claim]:
    """A bare toll ("531 deaths", "71 morts") counted among civilians is of civilians: the count
    just before it (up to two sentences back) are of civilians, or its sentence opens with a
    civilian total ("142 civilian casualties, including 52 deaths")."""
    out = claims
    recent: deque[tuple[int, str]] = deque()  # (sentence, subject) of the last casualty counts
    near: Counter[str] = Counter()
    for i, c in enumerate(claims):
        if c.kind not in {"killed", "injured"}:
            continue
        while recent and c.sentence - recent[0][0] > _NEAR_SENTENCES:
            near[recent.popleft()[1]] -= 1
        bare = c.subject == "people" and c.text.rsplit(None, 1)[-1].lower() in _BARE_TOLL
        civilian = (
            bare
            and near["civilians"] > 0
            and not any(n > 0 and subject not in _AMONG_CIVILIANS for subject, n in near.items())
        )
        recent.append((c.sentence, c.subject))
        near[c.subject] += 1
        if not bare:
            continue
        if not civilian:
            head = text[max(0, c.start - 200) : c.start]
            cut = max(head.rfind(". "), head.rfind("\n"))
            civilian = _CIVILIAN_TOTAL.search(head, cut + 1) is not None
        if civilian:
            if out is claims:
                out = list(claims)
            # the group comes from the counts around it: a weaker subject
            weaker = round(max(_FLOOR, c.confidence - _WEAK_SUBJECT), 2)
            out[i] = replace(c, subject="civilians", confidence=weaker)
    return out


_ATTACK_WORDS = frozenset({"attacks", "attack"})
_SHARE_RULES = frozenset({"share_named_by_attacker", "per_place_part", "share_after_attacker_name"})
_NEXT_WORD = re.compile(r"\s+(\w+)")
_ATTACK_QUALIFIERS = frozenset(
    {"using", "with", "involving", "by", "of", "launched", "carried", "that", "which", "from"}
)


def _facility_attacks(claims: list[Claim], text: str) -> list[Claim]:
    """Bare "629 attacks" just after counts of "attacks on vital civilian facilities" count
    the same: facilities hit, not unspecified strikes. "Just after" is two sentences after the
    last count of facilities (a list of facility types in between keeps the report on them);
    the shares of such a count ("53 attacks, including 23 by regime forces") follow it."""
    out = claims
    last: Claim | None = None  # the last count of attacks on facilities
    recent = -10  # the sentence of the last count of facilities hit
    total_at = -1  # the sentence of the last bare count of attacks read as facilities hit
    for i, c in enumerate(claims):
        words = c.text.lower().split()
        if c.kind == "facilities_hit":
            at = next((k for k, w in enumerate(words[:5]) if w in _ATTACK_WORDS), -1)
            if at >= 0 and words[at + 1 : at + 2] == ["on"]:
                last = c  # "at least 1,246 attacks on vital civilian facilities"
            recent = c.sentence
            continue
        if c.kind != "strikes" or c.subject != "other" or last is None:
            continue
        share = c.sentence == total_at and c.rule in _SHARE_RULES
        if not share and (c.sentence - recent > _NEAR_SENTENCES or len(words) > 4):
            continue
        follows = _NEXT_WORD.match(text, c.end)
        if share or (
            words[-1] in _ATTACK_WORDS
            and (follows is None or follows.group(1).lower() not in _ATTACK_QUALIFIERS)
        ):
            total_at = c.sentence
            if out is claims:
                out = list(claims)
            out[i] = replace(
                c,
                kind="facilities_hit",
                subject=last.subject,
                weapon=None,
                rule=c.rule if share else "attacks_after_facility_attacks",
                confidence=min(c.confidence, RULE_CONFIDENCE["attacks_after_facility_attacks"]),
            )
    return out


def _merge_repeats(claims: list[Claim]) -> list[Claim]:
    """Drop "N people" where the same figure is given for a named group ("N civilians").

    A figure repeated for the same event keeps the most specific subject, with the most
    explicit bound of its mentions; small numbers are left alone (two events may share them).
    """
    specific: dict[tuple[str, int], list[int]] = {}
    for i, c in enumerate(claims):
        if c.kind in {"killed", "injured"} and c.subject != "people" and c.value >= _REPEAT_MIN:
            if c.text.rsplit(None, 1)[-1].lower() in _OTHERS_WORDS:
                continue  # "12 others": its group comes from another count, not its own noun
            specific.setdefault((c.kind, c.value), []).append(i)
    if not specific:
        return claims
    out = list(claims)
    drop: set[int] = set()
    for i, c in enumerate(claims):
        if c.subject != "people" or (c.kind, c.value) not in specific:
            continue
        drop.add(i)
        if c.bound != "exact":
            for j in specific[(c.kind, c.value)]:
                if out[j].bound == "exact":
                    out[j] = replace(out[j], bound=c.bound)
    return [c for i, c in enumerate(out) if i not in drop]


def _victim_span(f: Found, tokens: Sequence[Token]) -> tuple[int, int]:
    """Characters of a casualty count and its noun phrase ("13 U.S. troops")."""
    np_end = tokens[f.np_end - 1].end if f.np_end else f.end
    return f.start, max(np_end, f.end)


def _split_totals(
    found: Sequence[Found], earlier: Sequence[Found], first_earlier: int
) -> list[tuple[int, str | None]]:
    """A total split by attacker ("ten clinics, 8 by Russian forces and 2 by the regime",
    "Russian forces carried out 18 of them; the regime the remaining 12") is left between the
    two attackers it names, or to none when it names more.

    Totals of this sentence are changed in place; for totals of the sentence before, the
    (index in ``claims``, perpetrator) pairs to change are returned.
    """
    shares: dict[int, tuple[Found, set[str]]] = {}
    for f in found:
        if f.parent is not None and f.perpetrator and (f.by_actor or not f.inherited):
            if f.parent.kind == f.kind:
                shares.setdefault(id(f.parent), (f.parent, set()))[1].add(f.perpetrator)
    out: list[tuple[int, str | None]] = []
    for total, names in shares.values():
        if len(names) < 2 or any(" or " in n for n in names):
            continue
        a, b = sorted(names)[:2]
        perpetrator = joint_name(a, b) if len(names) == 2 else None
        if any(total is f for f in found):
            total.perpetrator = perpetrator
        for i, f in enumerate(earlier):
            if total is f:
                f.perpetrator = perpetrator
                out.append((first_earlier + i, perpetrator))
    return out


def _broken_down_totals(
    found: Sequence[Found], earlier: Sequence[Found], first_earlier: int
) -> list[tuple[int, str | None]]:
    """A total whose own sentence names no attacker, broken down in the next sentence between
    attackers ("The strikes hit 47 facilities. Among them were 8 clinics attacked by Russian
    jets, and 2 clinics attacked by government forces"), is nobody's alone: it is left
    between the two when their parts make up the whole total, else unattributed (the rest may
    be anyone's).

    The (index in ``claims``, perpetrator) pairs to change are returned.
    """
    parts = [f for f in found if f.perpetrator and not f.carried and " or " not in f.perpetrator]
    out: list[tuple[int, str | None]] = []
    for i, total in enumerate(earlier):
        if not total.carried or total.perpetrator is None:
            continue  # its own sentence names the attacker
        mine = [f for f in parts if f.kind == total.kind and f.parent in (None, total)]
        names = sorted({f.perpetrator for f in mine if f.perpetrator})
        share = sum(f.num.value for f in mine)
        if len(names) < 2 or share > total.num.value:
            continue  # not a breakdown of this total between attackers
        whole = share == total.num.value and len(names) == 2
        perpetrator = joint_name(names[0], names[1]) if whole else None
        total.perpetrator = perpetrator
        out.append((first_earlier + i, perpetrator))
    return out


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    """True when ``pos`` is inside one of ``spans`` (sorted, not overlapping)."""
    at = bisect.bisect_right(spans, (pos, _NO_END)) - 1
    return at >= 0 and spans[at][0] <= pos < spans[at][1]


_NO_END = 1 << 62


_JOINT_BONUS = 2


def _main_attacker(mentions: Sequence[ActorMention]) -> str | None:
    """The actor a document names most as the attacker (for claims whose sentence names none).

    A joint mention ("suspected Russian or Syrian jets") counts extra: where a report leaves the
    attack between two actors, its unattributed totals are too.
    """
    score: dict[str, int] = {}
    for m in mentions:
        if m.weight >= 0:
            # "could not tell whether they were Russian or Syrian": a joint mention weighs more
            joint = _JOINT_BONUS if " or " in m.name else 0
            score[m.name] = score.get(m.name, 0) + 1 + m.weight + joint
    if not score:
        return None
    return max(score, key=lambda name: score[name])


def _campaign(carry: str, last_names: set[str]) -> str:
    """A total after claims split between two attackers ("8 clinics hit by Russian jets and 2
    by government forces. At least 137 people were killed") is left between the two."""
    singles = {n for n in last_names if " or " not in n}
    if len(singles) == 2 and carry in singles:
        a, b = sorted(singles)
        return joint_name(a, b)
    return carry


def _carry(
    mentions: Sequence[ActorMention],
    lo: int,
    hi: int,
    s1: int,
    s_idx: int,
    last_perp: tuple[int, str, int] | None,
    main_attacker: str | None,
) -> str | None:
    """Who a claim belongs to when its sentence names nobody: the attack just described.

    That is the attacker of the last claims, unless the text has named another attacker since
    ("Rebels shelled X, killing four. Hours later regime jets struck Y. Seven died in Y"); else
    the attacker the next sentence names ("27 were killed. They blamed Ukrainian forces."); else
    the document's main attacker.
    """
    recent = next((m for m in reversed(mentions[max(0, lo - 3) : lo]) if m.weight > 0), None)
    if last_perp is not None and s_idx - last_perp[0] <= 3:
        if recent is not None and recent.start > last_perp[2] and recent.name != last_perp[1]:
            return recent.name
        return last_perp[1]
    if recent is not None:
        return recent.name
    for m in mentions[hi : hi + 3]:
        if m.start > s1 + _LOOK_AHEAD:
            break
        if m.weight > 0:
            return m.name
    return main_attacker


_LOOK_AHEAD = 300


@dataclass(frozen=True)
class _Label:
    """The label of a per-party line ("B. Other parties: 49 civilians"): its end in the line,
    and whether it names a party of its own (so that no attacker carries over to it)."""

    end: int
    own_party: bool


# "A. Russian forces: 41", "- Unidentified groups: 6": a short label before a colon
_LABEL = re.compile(r"\s*(?:[A-Za-z0-9]{1,2}[.)]\s+|[-–•*]\s*)?([^:\n\d]{1,50}?)\s*:(?!\d)")
# the parties a label names without naming an actor: each a rule with its example
_PARTY_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "other parties",  # "Other parties: 49", "autres parties", "otras partes", "جهات أخرى"
        re.compile(
            r"\b(?:other|others|autres?|otr[oa]s|outr[oa]s|altr[ie]|andere)\s+(?:\w+\s+)?"
            r"(?:parties|party|parts?|partes|partie|parti|parteien|actors|sides|groups|perpetrators"
            r"|forces|groupes|grupos|gruppi|gruppen|acteurs|actores|attori)\b"
            r"|(?:جهات|أطراف|اطراف)\s+(?:أخرى|اخرى)",
            re.IGNORECASE,
        ),
    ),
    (
        "unidentified",  # "Unidentified groups: 6", "Unknown: 2", "non identifiés", "مجهول"
        re.compile(
            r"\b(?:unidentified|unknown|unattributed|undetermined|non[- ]identifi\w*|inconnus?|"
            r"desconocid\w*|no identificad\w*|n[ãa]o identificad\w*|sconosciut\w*|"
            r"non identificat\w*|unbekannt\w*)\b|مجهول|مجهولة|غير معروف",
            re.IGNORECASE,
        ),
    ),
)
# "Other: 3" is a party only in a list of parties (after a line whose label named an actor)
_OTHER_ALONE = re.compile(
    r"(?:others?|autres?|otr[oa]s|outr[oa]s|altr[ie]|andere|sonstige|أخرى|اخرى)", re.IGNORECASE
)


def _party_label(seg: str, after_named: bool) -> _Label | None:
    """The label of a per-party line, if ``seg`` starts with one (see ``_Label``)."""
    m = _LABEL.match(seg)
    if m is None:
        return None
    text = m.group(1).strip()
    own = any(rule.search(text) is not None for _, rule in _PARTY_LABELS)
    own = own or (after_named and _OTHER_ALONE.fullmatch(text) is not None)
    return _Label(m.end(), own)


_NO_BARRELS = frozenset({"Russia", "Russia or Syrian government"})


_BY_ACTOR = re.compile(
    r"\s*(?:people\s+|civilians\s+)?(?:(?:were|was|had been|have been)\s+)?"
    r"(?:killed\s+|wounded\s+|injured\s+|hit\s+|targeted\s+|attacked\s+|carried out\s+)?"
    r"by\s+(?:the\s+)?((?:other|unknown|unidentified)\s+(?:parties|party|actors|sides|groups|"
    r"gunmen|forces|perpetrators)\b)?",
    re.IGNORECASE,
)
_OWN_COUNT = re.compile(r"\d|\b(?:killed|killing|wounded|injured|died|struck|hit)\b", re.I)
_CLAUSE_BREAK = re.compile(r"\b(?:while|whereas|but|meanwhile|however)\b|;", re.IGNORECASE)
_JOINED = re.compile(
    r"^[^.;:]{0,40}?\b(?:and|supported by|backed by|with the support of|alongside|in "
    r"airstrikes by|in air strikes by|or|y|et|e|ou|o|y sus|et ses)\b[^.;:]{0,30}$",
    re.IGNORECASE,
)


def _perpetrator(
    f: Found,
    in_sentence: Sequence[ActorMention],
    tokens: Sequence[object],
    carry: str | None,
    text: str,
) -> str | None:
    by = _BY_ACTOR.match(text, f.end, f.end + 60) if "by" in text[f.end : f.end + 60] else None
    if by is not None:
        if by.group(1):
            return None  # "the remaining 38 were killed by other parties"
        named = [m for m in in_sentence if m.start == by.end()]
        if named:
            return named[0].name  # "Of these, 70 were killed by Syrian regime forces"
    if f.start >= 1 and text[f.start - 1] == " " and _BARE_FIGURE.fullmatch(text, f.start, f.end):
        named = [m for m in in_sentence if m.end == f.start - 1]
        if named:
            return named[0].name  # "Russian forces carried out 41 of them and regime forces 22"
    closer = _list_closer(f, in_sentence, text)
    if closer is not None:
        return closer  # "8 clinics, 5 schools and 12 centres attacked by Russian jets, and ..."
    s_start = getattr(tokens[0], "start", 0) if tokens else 0
    own_sentence = f.parent is not None and f.parent.start >= s_start
    if (
        f.inherited
        and f.parent is not None
        and f.parent.perpetrator
        and (own_sentence or not in_sentence)
    ):
        # a part of a total given sentences before keeps its attacker unless its own
        # sentence names one ("13 of the victims were in a Russian raid on a camp")
        between = [m for m in in_sentence if f.parent.end <= m.start < f.start]
        if not between:
            return f.parent.perpetrator
    if f.by_actor:
        after = [m for m in in_sentence if f.end <= m.start <= f.end + 40]
        if after:
            return min(after, key=lambda m: m.start).name
    np_end = getattr(tokens[f.np_end - 1], "end", f.end) if f.np_end else f.end
    ranked: list[tuple[bool, int, int, ActorMention]] = []
    for m in in_sentence:
        if f.kind in {"killed", "injured"} and f.start <= m.start < max(np_end, f.end):
            continue  # "five Ukrainian soldiers": the victims, not the attacker
        if m.end <= f.start:
            dist = f.start - m.end
            other_clause = _CLAUSE_BREAK.search(text, m.end, f.start) is not None
        elif m.start >= f.end:
            dist = m.start - f.end + 5
            other_clause = _CLAUSE_BREAK.search(text, f.end, m.start) is not None
        else:
            dist = 0
            other_clause = False
        ranked.append((other_clause or dist > 160, -m.weight, dist, m))
    if not ranked:
        return carry
    ranked.sort(key=lambda r: (r[0], r[1], r[2]))
    best = ranked[0][3]
    # "killed by regime shelling and by Russian jets": two attackers named in one clause
    for _, _, _, other in ranked[1:]:
        if other.name != best.name and " or " not in best.name + other.name:
            a, b = (best, other) if best.start < other.start else (other, best)
            gap = text[a.end : b.start]
            if a.end <= f.start < b.start or _OWN_COUNT.search(gap):
                continue  # "ISIS killed eight, and the SDF 11": two attackers, two counts
            if _JOINED.match(gap):
                return joint_name(best.name, other.name)
    return best.name


_BARE_FIGURE = re.compile(r"[0-9][0-9,.]*")
_LIST_GAP = 200
_GAP_BREAK = re.compile(r";|\b(?:by|while|whereas|but|meanwhile|however|said|says)\b", re.I)
_CLOSER = re.compile(
    r"\b(?:attacked|hit|struck|targeted|bombed|shelled|destroyed|damaged|carried out|committed|"
    r"caused|killed|wounded|injured|launched|dropped|fired)\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _list_closer(f: Found, in_sentence: Sequence[ActorMention], text: str) -> str | None:
    """The attacker a list names after its last item ("8 clinics, 5 schools and 12 centres
    attacked by Russian jets, and 2 clinics and 1 school attacked by government forces"): the
    first "attacked by X" after the claim, with no other attribution or clause break between.
    """
    for m in in_sentence:
        if m.start < f.end:
            continue
        if m.start - f.end > _LIST_GAP:
            return None
        gap = text[f.end : m.start]
        by = _CLOSER.search(gap)
        if by is None or _GAP_BREAK.search(gap, 0, by.start()) is not None:
            return None
        return m.name
    return None


def _repeat_weapon(
    text: str,
    f: Found,
    rules: LangRules,
    weapon: str | None,
    low: str,
    span_before: tuple[int, int],
    lang: str,
) -> str | None:
    """The weapon of "hit four times": the one its sentence or else the sentence before names."""
    words = text[f.start : f.end].split()
    if len(words) < 2 or words[-1].lower() not in rules.times_words:
        return None
    if weapon is not None:
        return weapon
    return _sentence_weapon(low[span_before[0] : span_before[1]], lang)


def _sentence_weapon(seg: str, lang: str) -> str | None:
    """The weapon a (lower-cased) sentence names, if any."""
    pattern, table = _weapon_pattern(lang)
    m = pattern.search(seg)
    if m is None:
        return None
    word = m.group()
    return table.get(word) or table.get(word.rstrip("s")) or table.get(word[:-2])


def _document_weapons(text: str, lang: str, claims: Sequence[Claim]) -> tuple[str, ...]:
    pattern, table = _weapon_pattern(lang)
    seen: dict[str, None] = {}
    for c in claims:
        if c.kind == "strikes" and c.subject != "other":
            seen[c.subject] = None
    for m in pattern.finditer(text[:2_000_000]):  # text is lower-cased
        word = m.group()
        w = table.get(word) or table.get(word.rstrip("s")) or table.get(word[:-2])
        if w:
            seen[w] = None
    return tuple(seen)


def _to_claim(f: Found, text: str, s_idx: int, day: date | None, weapon: str | None) -> Claim:
    w = f.weapon
    if w is None and f.kind in {"killed", "injured", "facilities_hit"}:
        w = weapon
    return Claim(
        kind=f.kind,
        subject=f.subject,
        value=f.num.value,
        max=f.num.max,
        bound=f.num.bound,
        start=f.start,
        end=f.end,
        text=text[f.start : f.end],
        sentence=s_idx,
        perpetrator=f.perpetrator,
        weapon=w,
        status=f.status,
        date=day,
        # one string object per rule name and one float per score, whatever the claims' number
        # (a 20 MB report has a hundred thousand claims): memory, not behaviour
        rule=sys.intern(f.rule),
        confidence=_shared(claim_confidence(f)),
    )


# How much a claim's rule alone supports it: a number next to its verb and noun scores highest;
# a kind read further along the clause, a toll phrase or a share of another count less.
RULE_CONFIDENCE: dict[str, float] = {
    "casualty_noun": 0.95,
    "verb_right_before": 0.95,
    "verb_right_after": 0.95,
    "kind_in_head": 0.95,
    "weapon_count": 0.9,
    "facility_count": 0.9,
    "verb_then_unknown_noun": 0.85,
    "breakdown_with_own_verb": 0.85,
    "part_of_breakdown": 0.85,
    "verb_after_breakdown": 0.85,
    "toll_before_bare": 0.85,
    "toll_phrase": 0.85,
    "share_of_group": 0.8,
    "share_named_by_attacker": 0.8,
    "share_after_attacker_name": 0.8,
    "share_of_attacks": 0.8,
    "facility_status_continues": 0.8,
    "share_hitting_facilities": 0.8,
    "facility_others": 0.8,
    "verb_before_in_clause": 0.75,
    "verb_further_after": 0.75,
    "bracketed_list_part": 0.7,
    "facility_list_entry": 0.75,
    "per_perpetrator_line": 0.8,
    "per_place_part": 0.8,
    "per_place_in_brackets": 0.75,
    "kind_from_header": 0.75,
    "attacks_after_facility_attacks": 0.7,
    "attacks_on_facilities": 0.9,
    "attacks_under_facility_header": 0.75,
}
_INHERITED_KIND = 0.1  # the kind came from the claim it belongs to (a breakdown, a list)
_WEAK_SUBJECT = 0.1  # the subject came from another count ("others", "of them")
_CARRIED_PERPETRATOR = 0.1  # the attacker is named in another sentence, not the claim's own
_FLOOR = 0.3


_SCORES: dict[float, float] = {}


def _shared(score: float) -> float:
    """The one float object of this value (scores take a few values)."""
    return _SCORES.setdefault(score, score)


def claim_confidence(f: Found) -> float:
    """The rule's support, less a step for each part taken from elsewhere (see docs/extract.md)."""
    score = RULE_CONFIDENCE.get(f.rule, 0.8)
    if f.inherited:
        score -= _INHERITED_KIND
    if f.weak_subject:
        score -= _WEAK_SUBJECT
    if f.carried:
        score -= _CARRIED_PERPETRATOR
    return round(max(_FLOOR, score), 2)
