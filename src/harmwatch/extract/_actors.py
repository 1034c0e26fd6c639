"""Who carried out an attack: actor names from ``data/actors.csv`` found in a text.

Aliases are matched as whole words (case-insensitive; short all-capital ones such as IS or SAF
only in capitals). Two actors joined by and / or / a hyphen ("suspected Russian and Syrian air
strikes", "Iraqi forces and the US-led coalition") give ``"A or B"``. An alias that several
actors share ("government forces", "the regime") goes to the actor of the document's conflict.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from harmwatch import vocab
from harmwatch.extract._languages import LANGUAGES, language
from harmwatch.extract._trie import trie_pattern

__all__ = ["ActorMention", "document_conflicts", "find_actors", "joint_name"]

_ATTACKER_AFTER = re.compile(
    r"^['’]?s?\)?\s*(?:air\s?strikes?|air\s?raids?|warplanes?|war\s?planes?|jets?|planes?|"
    r"aircraft|helicopters?|forces|troops|army|military|shelling|missiles?|drones?|rockets?|"
    r"artillery|bombardment|bombing|raids?|attacks?|strikes?|struck|killed|kills|bombed|"
    r"shelled|launched|fired|carried out|targeted|hit|dropped|pounded|offensive|"
    r"(?:-[A-Z]\b)?,?\s*(?:\w+\s+){0,2}?claimed responsibility|"
    r"غارات|طائرات|الطيران|قصف|قوات|طيران|مروحيات)",
    re.IGNORECASE,
)
_ATTACKER_BEFORE = re.compile(
    r"(?:\bby|\bat the hands of|\bcarried out by|\blaunched by|\bblamed|\baccused|"
    r"\bblamed (?:it |the \w+ )?on|\battributed (?:it |the \w+ )?to|"
    r"\bresponsible|بواسطة|من قبل|\bpar|\bpor|\bda)"
    r"\s+(?:the\s+|les?\s+|la\s+|el\s+|los\s+)?$",
    re.IGNORECASE,
)
_TARGET_BEFORE = re.compile(
    r"(?:\bagainst|\btargeting|\btargeted|\bstruck|\bhit|\bbombed|\battacked|\bshelled|"
    r"\baccording to|\boccupied by|\bcibles? d[eu]s?|\bcontre|\bon|\bat|\bfrom|\bheld by|"
    r"\bcontrolled by|\bfighting|\bwith|tenue?s? par|"
    r"contrôlées? par|aux mains des?|sous contrôle des?|en manos de|controlad[oa]s? por|"
    r"in mano a|controllat[ei] da)"
    r"\s+(?:the\s+|an?\s+|suspected\s+|les\s+|la\s+|l'|los\s+|las\s+|el\s+)?$",
    re.IGNORECASE,
)
_TARGET_AFTER = re.compile(
    r"^(?:-(?:held|controlled|run|affiliated|linked|aligned|dominated)|\s*(?:"
    r"positions?|targets?|territory|areas?|held|controlled|command|commanders?|border|"
    r"officials?|spokes(?:man|woman|person)|sources?|media|news agency|ministry|"
    r"(?:have |has |had )?(?:blamed|accused|condemned)|"
    r"frontier|side|soil|citizens|nationals|medical|society|network|observatory|"
    r"civil defen[cs]e|red crescent|embassy|hostages?|prisoners?|detainees?)\b)",
    re.IGNORECASE,
)


_BEFORE = re.compile(
    "(?P<target>" + _TARGET_BEFORE.pattern + ")|(?P<attacker>" + _ATTACKER_BEFORE.pattern + ")",
    re.IGNORECASE,
)
_AFTER = re.compile(
    "(?P<target>"
    + _TARGET_AFTER.pattern.removeprefix("^")
    + ")|(?P<attacker>"
    + _ATTACKER_AFTER.pattern.removeprefix("^")
    + ")",
    re.IGNORECASE,
)


_LAUNCHED_FROM = re.compile(
    r"\b(?:fired|launched|shot|came)\s+from\s+(?:the\s+)?(?:positions|areas|territory|"
    r"bases|a\s+base|an\s+area)\s+(?:held|controlled)\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)


_PERSONNEL = re.compile(
    r"(?:troops|soldiers|fighters|militants|servicemen|personnel|members|rebels|militiamen)$",
    re.IGNORECASE,
)
_COUNTED = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|"
    r"scores of|hundreds of))\s+(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


# "ten Taliban" (not "Other: 3⏎Syrian regime forces: 11": a count on the line before)
_COUNTED_RIGHT_BEFORE = re.compile(
    r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|"
    r"scores of|hundreds of))[^\S\n]+$",
    re.IGNORECASE,
)


_FIRED_FROM_HELD = re.compile(
    r"\b(?:fired|launched|shot)\s+from\s+(?:the\s+)?([A-Za-z][\w ]{1,30}?)-(?:held|controlled)\b",
    re.IGNORECASE,
)


def _weight(text: str, start: int, end: int) -> int:
    """+2 where the text names the actor as the attacker, -2 as a target or territory holder."""
    if _PERSONNEL.search(text, start, end) and _COUNTED.search(text, max(0, start - 30), start):
        return -2  # "killing 60 civilians and 13 U.S. troops": the victims
    if _COUNTED_RIGHT_BEFORE.search(text, max(0, start - 20), start):
        after = _AFTER.match(text, end, end + 30)
        if after is None or after.lastgroup != "attacker":
            return -2  # "an air strike killed ten Taliban": counted, so the victims
    if _LAUNCHED_FROM.search(text, max(0, start - 60), start) is not None:
        return 2  # "shells fired from positions held by government forces": the attacker's ground
    after = _AFTER.match(text, end, end + 30)
    if after is not None and after.lastgroup == "target":
        return -2
    before = _BEFORE.search(text[max(0, start - 25) : start])
    if before is not None and before.lastgroup == "target":
        return -2
    if after is not None or before is not None:
        return 2
    return 0


_JOIN = re.compile(
    r"^(?:['’]s)?\s*(?:(?:air\s?strikes?|artillery|shelling|forces|troops|jets|warplanes|"
    r"drones?|missiles?)\s+)?(?:,\s*)?(?:(?:backed|supported|aided|assisted) by(?: the)?|"
    r"and|or|and/or|&|/|-|–|and the|or the|and its|و|أو|et|"
    r"ou|y|o|e|y sus|et ses|et leurs?|e i suoi|e il suo|y su)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in the text at ``start:end`` (one actor, or ``A or B`` when joined)."""

    name: str
    start: int
    end: int
    # > 0: named as the attacker ("Russian jets", "by government forces"); < 0: as a target,
    # territory holder or source ("rebel-held", "targeted ISIS", "Hamas-run ministry")
    weight: int = 0


@dataclass(frozen=True, slots=True)
class _Index:
    ci: re.Pattern[str] | None  # lower-case aliases, run over the lower-cased text
    cs: re.Pattern[str] | None
    by_alias: dict[str, tuple[tuple[str, str, bool], ...]]  # alias -> (actor, conflicts, joint)
    # compiled on first need (see _ci_fallback, _arabic): most texts need neither
    ci_aliases: tuple[str, ...]
    ar_aliases: tuple[str, ...]


def _pattern(aliases: list[str], flags: int, arabic: bool = False) -> re.Pattern[str] | None:
    if not aliases:
        return None
    words = {a.lower() for a in aliases} if flags & re.IGNORECASE else set(aliases)
    # Arabic clitics: "والسورية", and "و" before any name ("سورية وروسية")
    clitic = "(?P<clitic>[وبلف](?=ال)|و)?" if arabic else ""
    return re.compile(rf"(?<![\w'’]){clitic}(?:{trie_pattern(words)})(?![\w]|{_ASSOCIATE})", flags)


# "Russian-installed officials", "Moscow-backed separatists": an associate, not the actor
_ASSOCIATE = (
    r"-(?:held|run|led|installed|backed|appointed|allied|affiliated|aligned|sponsored|"
    r"supported|funded|based|controlled)"
)
_ARABIC_CHAR = re.compile("[\u0600-\u06ff]")


_AR_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})


def _variants(alias: str) -> set[str]:
    """Spellings of an alias: Arabic with and without hamza, feminine and plural adjectives."""
    if not any("\u0600" <= ch <= "\u06ff" for ch in alias):
        return {alias, alias.replace("'", "’")}
    out = {alias, alias.translate(_AR_FOLD)}
    for a in list(out):
        if a.endswith("ي"):
            out |= {a + "ة", a + "ين", a + "ه"}
    for a in list(out):
        if a.startswith("ال") and len(a) > 3:
            out.add("لل" + a[2:])  # "للنظام": the article after the preposition li-
    return out


def _language_aliases() -> dict[str, list[str]]:
    """Actor names each registered language gives of its own ("Russland", "Hisbollah")."""
    out: dict[str, list[str]] = {}
    for code in LANGUAGES:
        for actor, aliases in language(code).actor_aliases.items():
            out.setdefault(actor, []).extend(aliases)
    return out


@cache
def _index() -> _Index:
    by_alias: dict[str, list[tuple[str, str, bool]]] = {}
    ci: list[str] = []
    cs: list[str] = []
    ar: list[str] = []
    own_words = _language_aliases()
    for actor in vocab.actors():
        named = [(a, False) for a in actor.aliases] + [(a, True) for a in actor.joint_aliases]
        named += [(a, False) for a in own_words.get(actor.name, ())]
        for alias, joint in named:
            strict = alias.isupper() and len(alias.replace(".", "")) <= 4
            for variant in _variants(alias):
                key = variant if strict else variant.lower()
                entry = (actor.name, actor.conflict, joint)
                if entry in by_alias.get(key, ()):
                    continue  # "روسي" + ة and "روسية" are one alias
                by_alias.setdefault(key, []).append(entry)
                if _ARABIC_CHAR.search(variant):
                    ar.append(variant)
                else:
                    (cs if strict else ci).append(variant)
    return _Index(
        ci=_pattern([a.lower() for a in ci], 0),
        cs=_pattern(cs, 0),
        by_alias={k: tuple(v) for k, v in by_alias.items()},
        ci_aliases=tuple(ci),
        ar_aliases=tuple(ar),
    )


@cache
def _ci_fallback() -> re.Pattern[str] | None:
    """The case-insensitive aliases, ignoring case (for a text whose lowering moves offsets)."""
    return _pattern(list(_index().ci_aliases), re.IGNORECASE)


@cache
def _arabic() -> re.Pattern[str] | None:
    """The Arabic aliases, with their clitics (for a text with Arabic letters)."""
    return _pattern(list(_index().ar_aliases), 0, arabic=True)


@cache
def _conflict_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    by_cue = {
        cue.lower(): conflict for conflict, cues in vocab.CONFLICT_CUES.items() for cue in cues
    }
    return re.compile(rf"\b(?:{trie_pattern(by_cue)})"), by_cue


def document_conflicts(text: str, *, lowered: str | None = None) -> frozenset[str]:
    """The conflicts a document is about, by how often their place and actor names occur."""
    pattern, by_cue = _conflict_pattern()
    counts: Counter[str] = Counter()
    low = lowered if lowered is not None else text[:200_000].lower()
    for cue in pattern.findall(low[:200_000]):
        counts[by_cue[cue]] += 1
    if not counts:
        return frozenset()
    top = max(counts.values())
    return frozenset(c for c, n in counts.items() if n * 3 >= top)


# The words of an actor's generic names ("the air force", "the military", "government forces",
# "the coalition"): an alias made of these words alone names an actor only in a text about
# that actor's conflict (the conflict tells whose air force it is), never in a text naming none.
_COMMON_WORDS = frozenset(
    """the a an air force forces military army armed government federal regime coalition
    international jets jet drones drone aircraft warplanes warplane planes helicopters troops
    artillery strikes strike airstrikes airstrike raids raid shelling bombardment security
    national defence defense pro-government pro-regime army's military's regime's
    armée l'armée militaire forces gouvernementales gouvernement régime aviation le la les
    ejército fuerzas gubernamentales gobierno régimen aviación el los las
    esercito forze governative governativi governativo governo aviazione il lo
    armee streitkräfte regierung luftwaffe die der das exército forças governo o os""".split()
)


def _common_words_only(alias: str) -> bool:
    """True for a generic name made only of common words ("the air force")."""
    words = alias.lower().split()
    return bool(words) and all(w in _COMMON_WORDS for w in words)


def _resolve(alias: str, conflicts: frozenset[str], joint_ok: bool) -> tuple[str, bool] | None:
    idx = _index()
    entries = idx.by_alias.get(alias) or idx.by_alias.get(alias.lower())
    if not entries:
        return None
    candidates = [e for e in entries if joint_ok or not e[2]]
    if not candidates:
        return None
    generic = alias.islower() and alias.isascii()  # "pro-government forces", not "Russia"
    one_actor = len({e[0] for e in entries}) == 1
    if not conflicts and _common_words_only(alias):
        return None  # "the air force" in a text that names no conflict: whose air force?
    if len(candidates) == 1 and ((not conflicts and one_actor) or (one_actor and not generic)):
        return candidates[0][0], candidates[0][2]
    fitting = [e for e in candidates if set(e[1].split("|")) & conflicts]
    if len(fitting) >= 1:
        return fitting[0][0], fitting[0][2]
    if generic and (conflicts or not one_actor):
        return None  # "government forces" in a report on another conflict, "the army" anywhere
    if len(candidates) == 1 and not candidates[0][2]:
        return candidates[0][0], False
    return None


def joint_name(a: str, b: str) -> str:
    """The name of an attack left between two actors, in the actor list's order."""
    order = {actor.name: i for i, actor in enumerate(vocab.actors())}
    first, second = sorted({a, b}, key=lambda n: order.get(n, 99))
    return f"{first} or {second}"


def find_actors(
    text: str, conflicts: frozenset[str], *, lowered: str | None = None
) -> list[ActorMention]:
    """Actor mentions in ``text`` (offsets into it), joined pairs merged into ``A or B``.

    ``lowered`` is ``text.lower()`` when the caller has it (same length as ``text``).
    """
    idx = _index()
    raw: list[tuple[int, int, str]] = []
    low = lowered if lowered is not None else text.lower()
    runs: list[tuple[re.Pattern[str] | None, str]] = [(idx.cs, text)]
    if len(low) == len(text):
        runs.append((idx.ci, low))
    else:
        runs.append((_ci_fallback(), text))
    arabic = _arabic() if _ARABIC_CHAR.search(text) is not None else None
    if arabic is not None:
        runs.append((arabic, text))
    for pat, subject in runs:
        if pat is None:
            continue
        for m in pat.finditer(subject):
            alias = m.group()
            if pat is arabic and m.group("clitic"):
                alias = alias[1:]  # Arabic clitic: "والسورية", "وروسية"
            raw.append((m.start(), m.end(), alias))
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    # drop overlaps, keep the longest at each place
    spans: list[tuple[int, int, str]] = []
    for r in raw:
        if spans and r[0] < spans[-1][1]:
            continue
        spans.append(r)
    out: list[ActorMention] = []
    i = 0
    while i < len(spans):
        s, e, alias = spans[i]
        if i + 1 < len(spans):
            s2, e2, alias2 = spans[i + 1]
            gap = text[e:s2]
            if _JOIN.match(gap) or (not gap.strip() and text[s2 : s2 + 1] == "و"):
                a = _resolve(alias, conflicts, True)
                b = _resolve(alias2, conflicts, True)
                if a and b and a[0] != b[0] and not (a[1] and b[1]):
                    out.append(ActorMention(joint_name(a[0], b[0]), s, e2, _weight(text, s, e2)))
                    i += 2
                    continue
        one = _resolve(alias, conflicts, False)
        if one is not None:
            out.append(ActorMention(one[0], s, e, _weight(text, s, e)))
        i += 1
    if "-held" in text or "-controlled" in text:
        # "the missile was fired from government-held territory": the launch side attacked
        for m in _FIRED_FROM_HELD.finditer(text):
            side = _resolve(m.group(1), conflicts, True) or _resolve(
                m.group(1).lower(), conflicts, True
            )
            if side is not None:
                out.append(ActorMention(side[0], m.start(1), m.end(1), 2))
        out.sort(key=lambda a: a.start)
    return out
