"""Count claims of one sentence: which counts are killed / injured / strikes / facilities hit.

For each count the rules read, in order:

1. whether it is a count at all (ages, years, dates, units, ordinals, phone numbers are not);
2. its head: the noun after it (victim group, casualty noun, weapon, facility), a group
   reference ("of them", "of whom"), "others"/"more", or nothing;
3. its kind, from the nearest casualty or hit word: right before it ("killing at least 16"),
   right after its head ("people were killed"), through a breakdown ("including 23 children",
   "24 women and 52 fighters"), then further along the clause.

Everything language-specific comes from :class:`LangRules` tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from harmwatch.extract._numbers import Number
from harmwatch.extract._rules import LangRules
from harmwatch.extract._tokens import Token

__all__ = ["Context", "Found", "claims_in_sentence"]

_MAX_MODIFIERS = 3
_FAR_SENTENCES = 3
_DROPPED = frozenset({"dropped", "fell", "landed", "crashed", "fired", "slammed"})
_ATTRIBUTIVE = frozenset({"civilian"})
_INTERCEPT_GLUE = frozenset({"all", "of", "them", "and", ",", "-", "the"})
_DISPLACED = frozenset({"displaced", "déplacés", "desplazados", "sfollati", "نازحين", "النازحين"})
_NEAR_AFTER = 8
_FAR_AFTER = 16
_NEAR_BEFORE = 10
_VEHICLE_AFTER = frozenset(
    {"jet", "jets", "plane", "planes", "aircraft", "bomber", "bombers", "vehicle", "vehicles"}
)
_GROUP_WORDS = frozenset({"a", "an", "family", "group", "of", "total", "further"})
_CASUALTY_ADJ = frozenset({"injured", "wounded", "killed", "hurt", "dead"})
_POSSESSIVES = frozenset({"her", "his", "their", "its", "a", "an", "the"})
_FACILITY_ADJ = {"medical": "medical", "educational": "school", "residential": "residential"}
_GENERIC_FACILITIES = frozenset(
    {"facilities", "facility", "centres", "centers", "sites", "institutions", "institution"}
)
_REMAINING = frozenset({"remaining", "rest", "other"})
_LIST_GLUE = frozenset(
    {",", "(", ")", "and", "as", "well", "plus", "et", "y", "e", "و", "،", "-", "–", "—"}
)


@dataclass(slots=True)
class Found:
    """A claim found in a sentence, before perpetrators and dates are given to it."""

    kind: str
    subject: str
    num: Number
    head_end: int
    start: int
    end: int
    weapon: str | None = None
    status: str | None = None
    perpetrator: str | None = None
    inherited: bool = False
    parent: Found | None = None
    np_end: int = 0  # end of the noun phrase (actor words inside it describe the victims)
    by_actor: bool = False  # "12 by Russian forces": the attacker is the one named right after
    rule: str = ""  # the rule that made the claim
    weak_subject: bool = False  # subject taken from another count ("others", "of them", lists)
    carried: bool = False  # perpetrator named outside the claim's sentence


@dataclass(slots=True)
class Context:
    """What earlier sentences leave for the next: the last claim, for "others" and breakdowns."""

    last: Found | None = None
    last_sentence: int = -10
    # the last claim of each kind and its sentence: "four of the wounded" refers to the last
    # count of wounded, "two of the facilities" to the last count of facilities hit
    by_kind: dict[str, tuple[Found, int]] = field(default_factory=dict)
    # the header a list of lines hangs from ("Vital facilities attacked:"), while it lasts
    header: Header | None = None
    header_sentence: int = -1


@dataclass(slots=True)
class Header:
    """What a line ending in a colon announces for the list under it: "Vital facilities
    attacked:" (facilities hit, any), "Civilians killed, by party:" (killed, civilians)."""

    kind: str
    subject: str


_HEADER_FACILITY_WORDS = frozenset({"attack", "attacks", "attacked", "targeted", "incidents"})


def read_header(tokens: Sequence[Token], rules: LangRules, end: int | None = None) -> Header | None:
    """The kind and subject a header (``tokens[:end]``) announces, if it announces one."""
    end = len(tokens) if end is None else end
    facility = victim = weapon = cue = ""
    hit = False
    for k in range(end):
        tok = tokens[k]
        if tok.kind != "word":
            continue
        if not facility:
            fac = rules.facilities.match(tokens, k)
            facility = fac[0] if fac is not None else ""
        if not victim:
            vic = rules.victims.match(tokens, k)
            victim = vic[0] if vic is not None else ""
        if not weapon:
            w = rules.weapons.match(tokens, k)
            weapon = w[0] if w is not None else ""
        if not cue:
            c = rules.cues.match(tokens, k)
            cue = c[0] if c is not None and c[0] in _CASUALTY_KINDS else ""
            if not cue:
                cas = rules.casualties.match(tokens, k)
                cue = cas[0] if cas is not None else ""
        hit = hit or rules.hit_cues.match(tokens, k) is not None
        hit = hit or tok.norm in _HEADER_FACILITY_WORDS
    if facility and (hit or weapon):
        return Header("facilities_hit", facility)
    if cue:
        return Header(cue, victim or "people")
    if weapon:
        return Header("strikes", weapon)
    return None


def _local_header(tokens: Sequence[Token], rules: LangRules) -> tuple[int, Header] | None:
    """A header inside the sentence: "... which were divided into: 301 infrastructures, ..."
    (the colon's index and what the words before it announce)."""
    colon = next((k for k in range(len(tokens) - 1, 0, -1) if tokens[k].text == ":"), -1)
    if colon < 1:
        return None
    header = read_header(tokens, rules, colon)
    return (colon, header) if header is not None else None


@dataclass(slots=True)
class _Head:
    type: str  # victim, casualty, weapon, facility, others, group, bare
    value: str
    end: int
    np_end: int
    kind: str = ""
    start: int = -1  # token where the head starts when it comes before the number
    # a group's noun when it is no victim: "weapon" ("37 of these attacks"), or a generic
    # "facility" ("two of the facilities"), whose subject comes from the claim it refers to
    noun: str = ""


def claims_in_sentence(
    tokens: Sequence[Token],
    numbers: Sequence[Number],
    rules: LangRules,
    sentence: int,
    ctx: Context,
) -> list[Found]:
    """The claims of one sentence; ``ctx`` carries the last claim over to the next sentence."""
    out: list[Found] = []
    counts = [n for n in numbers if _is_count(tokens, n, rules)]
    starts = {n.i0 for n in counts}  # cue searches stop at another count, not at "55-year-old"
    local = _local_header(tokens, rules) if any(t.text == ":" for t in tokens) else None
    for num in counts:
        header = ctx.header if ctx.header_sentence < sentence else None
        if local is not None and num.b0 > local[0]:
            header = local[1]
        head = _head(tokens, num, rules)
        if head is None:
            continue
        prev = out[-1] if out else None
        parent = prev
        if parent is None and ctx.last is not None and sentence - ctx.last_sentence <= 1:
            parent = ctx.last
        if head.noun == "facility" and (parent is None or parent.kind != "facilities_hit"):
            earlier = ctx.by_kind.get("facilities_hit")
            if earlier is not None and sentence - earlier[1] <= _FAR_SENTENCES:
                parent = earlier[0]  # "Two of the facilities were destroyed", two lines on
        found = _classify(tokens, num, head, rules, starts, prev, parent, header)
        if found is None:
            continue
        if head.type == "group" and head.kind and not head.value and found.kind == head.kind:
            ref = next((f for f in reversed(out) if f.kind == head.kind), None)
            if ref is None and head.kind in ctx.by_kind:
                ref, at = ctx.by_kind[head.kind]
                ref = ref if sentence - at <= _FAR_SENTENCES else None
            if ref is not None:  # "four of the wounded were in a critical condition"
                found.subject = _root(ref).subject
                found.parent, found.inherited = ref, True
        out.append(found)
    if out:
        ctx.last = out[-1]
        ctx.last_sentence = sentence
        for f in out:
            ctx.by_kind[f.kind] = (f, sentence)
    return out


# --- is it a count? ---------------------------------------------------------------------------


def _is_count(tokens: Sequence[Token], num: Number, rules: LangRules) -> bool:
    n = len(tokens)
    after = tokens[num.i1] if num.i1 < n else None
    after2 = tokens[num.i1 + 1] if num.i1 + 1 < n else None
    before = tokens[num.b0 - 1] if num.b0 >= 1 else None
    if before is not None and before.norm in rules.determiners and num.b0 >= 2:
        if tokens[num.b0 - 2].norm in rules.not_counts_before:
            return False  # "دون سن الـ18"
    if after is not None:
        if after.norm in rules.months:
            return False
        if (
            after.norm in rules.not_counts_after
            and not (
                after.norm in _DISPLACED and rules.victims.match(tokens, num.i1 + 1) is not None
            )
            and rules.facilities.match(tokens, num.i1) is None  # "2 refugee camps"
            and rules.weapons.match(tokens, num.i1) is None  # "41 incidents of attack"
        ):
            return False  # "12 displaced" are a population; "12 displaced people killed" are not
        if after.text in {"-", "‑", "–"} and after2 is not None:
            first = after2.norm.split("-")[0]
            if first in rules.not_counts_after:
                return False
        if after.text in {":", "/"} and after2 is not None and after2.kind == "num":
            return False  # clock time, date, fraction
        if after.kind == "num" and not num.is_word and not _is_year(after):
            return False  # phone numbers, tables of figures
        if after.norm == "of" and after2 is not None and after2.kind == "num":
            return False  # "shot down 21 of 28"
        if (
            after2 is not None
            and after.kind == "word"
            and after2.norm in rules.not_counts_after
            and rules.victims.match(tokens, num.i1) is None
            and rules.casualties.match(tokens, num.i1) is None
            and rules.cues.match(tokens, num.i1) is None
            and rules.facilities.match(tokens, num.i1) is None  # "6 medical points"
            and rules.weapons.match(tokens, num.i1) is None  # "17 shelling incidents"
        ):
            return False  # "245 emergency vehicles", "30 armoured vehicles"
    if num.digits and len(num.digits) > 1 and num.digits[0] == "0":
        return False  # "06", "09": parts of dates and codes
    if after is not None and after.start == tokens[num.i1 - 1].end and after.kind == "word":
        if not rules.flags.glued_numbers:
            return False  # "27K-series", "3D", "10am"
    if before is not None:
        if (
            before.text in {"-", "/", ".", ":"}
            and num.b0 >= 2
            and tokens[num.b0 - 2].kind == "num"
            and tokens[num.b0 - 2].end == before.start
            and before.end == tokens[num.b0].start
        ):
            return False  # "2024-11-10", "11/15", "10:30"
        if before.norm in rules.not_counts_before:
            return False
        if before.norm in rules.months and num.b0 == num.i0:
            return False  # "May 12" (but "since October more than 35,000": a bound between)
        if before.text == "." and num.b0 >= 2 and tokens[num.b0 - 2].norm in rules.months:
            return False  # "On Nov. 14, an airstrike ..."
        if before.text in {"/", "+", "#", "$", "£", "€", "№"}:
            return False
        if (
            before.text in {"-", "‑"}
            and num.b0 >= 2
            and tokens[num.b0 - 2].kind == "word"
            and tokens[num.b0 - 2].end == before.start
            and before.end == tokens[num.b0].start
        ):
            return False  # S-300, F-16, COVID-19
        if before.kind == "num" and not num.is_word and not _is_year(before):
            if num.b0 == num.i0:  # (a bound in between starts a phrase: "2023-10 At least 40")
                return False  # phone numbers, tables of figures
    if num.digits and len(num.digits) == 4 and num.digits.isdigit() and 1900 <= num.value <= 2100:
        # a year, unless a victim noun follows ("2000 civilians"); "in 2017 killed" is a year
        if after is None or (
            rules.victims.match(tokens, num.i1) is None
            and rules.casualties.match(tokens, num.i1) is None
        ):
            return False
        if before is not None and before.norm in rules.period_prepositions:
            return False
    if num.value == 0:
        return False
    if num.b0 >= 2 and _number_in_brackets(tokens, num.b0 - 1, rules) and num.i1 == num.b0 + 1:
        prior = tokens[num.b0 - 2]
        if prior.kind == "num" or prior.norm in rules.units:
            return False  # "(forty)" in "40 (forty) rockets" repeats the count before it
    if rules.person_nouns and num.value < _MAX_AGE and _apposed_age(tokens, num, rules):
        return False
    if _partitive_total(tokens, num.b0, rules) and rules.weapons.match(tokens, num.i1) is None:
        return False  # "16 of the strip's 35 hospitals" (but "9 of the 12 missiles" launched)
    if before is not None and before.norm in {"in", "out", "sur", "de", "su"} and num.b0 >= 2:
        if tokens[num.b0 - 2].norm in {"one", "1", "un", "uno", "una"}:
            return False  # "one in four"
    if after is not None and after.norm in {"in", "out"} and after2 is not None:
        if num.value <= 20 and (
            (after2.kind == "num" and len(after2.norm) <= 2) or after2.norm in rules.units
        ):
            return False  # "one in four", "nine out of ten"
    if num.value == 1 and after is not None and after.norm == "of" and after2 is not None:
        if after2.norm in {"the", "these", "those", "its", "their", "our"}:
            return False  # "one of the shells", "one of the dead"
    return True


_MAX_AGE = 110
_NAME_BEFORE = frozenset({"in", "at", "on", "from", "near", "to", "of", "into", "across"})


def _apposed_age(tokens: Sequence[Token], num: Number, rules: LangRules) -> bool:
    """True for the age set off after one person: "A nurse, 34, was among the dead",
    "the boy (9)", "Ahmed al-Hassan, 45, a farmer" (not "killed 34, including", "the dead, 34,").
    """
    if num.is_word or num.b0 < 2:
        return False
    open_ = tokens[num.b0 - 1].text
    close = tokens[num.i1].text if num.i1 < len(tokens) else "."
    if not ((open_ == "," and close in {",", ";", "."}) or (open_ == "(" and close == ")")):
        return False
    k = num.b0 - 2
    head = tokens[k]
    if head.kind != "word":
        return False
    if head.norm in rules.person_nouns:
        return True
    # a personal name: two or more capitalised words, not a place ("in Eastern Ghouta, 34, ...")
    names = 0
    while k >= 0 and tokens[k].kind == "word" and _name_like(tokens[k].text):
        names += 1
        k -= 1
    return names >= 2 and (k < 0 or tokens[k].norm not in _NAME_BEFORE)


def _name_like(word: str) -> bool:
    if word[:1].isupper():
        return True
    pre, _, rest = word.partition("-")  # al-Hassan, el-Masri, bin-Ali
    return pre in {"al", "el", "bin", "ibn", "abu", "abd"} and rest[:1].isupper()


def _partitive_total(tokens: Sequence[Token], b0: int, rules: LangRules) -> bool:
    """True for the 35 of "16 of the strip's 35 hospitals", "nove dei suoi dieci figli": the
    whole a part is counted from (a count, a partitive and a determiner before it)."""
    m = b0 - 1
    if m >= 0 and _possessive(tokens[m]):
        m -= 1
    if m < 1 or (tokens[m].norm not in {"the", "its", "their"} | rules.group_determiners):
        return False
    m -= 1
    if tokens[m].norm != "of" and tokens[m].norm not in rules.partitives:
        return False
    return m >= 1 and (tokens[m - 1].kind == "num" or tokens[m - 1].norm in rules.units)


def _possessive(tok: Token) -> bool:
    return tok.norm.endswith(("'s", "’s", "s'")) and len(tok.norm) > 2


def _is_year(tok: Token) -> bool:
    return len(tok.norm) == 4 and tok.norm.isdigit() and 1900 <= int(tok.norm) <= 2100


# --- head noun ---------------------------------------------------------------------------------


_FORCES = frozenset({"force", "army", "military", "militia", "troop", "brigade", "group"})
_MUNITIONS = frozenset({"missile", "shelling", "barrel_bomb", "cluster_munition", "chemical"})


def _bracketed_count(tokens: Sequence[Token], num: Number, rules: LangRules) -> _Head | None:
    """ "air raids (146)", "US strikes (372)": a count in brackets right after its noun."""
    b0, i1 = num.b0, num.i1
    if b0 < 2 or i1 >= len(tokens) or tokens[b0 - 1].text != "(" or tokens[i1].text != ")":
        return None
    for table, kind in ((rules.weapons, "weapon"), (rules.victims, "victim")):
        hit = table.match_ending(tokens, b0 - 1)
        if hit is not None:
            return _Head(kind, hit[0], i1, i1, start=hit[1])
    return None


def _number_in_brackets(tokens: Sequence[Token], k: int, rules: LangRules) -> bool:
    """True when ``tokens[k:k+3]`` is a number in brackets: "(forty)", "(40)"."""
    if k + 2 >= len(tokens) or tokens[k].text != "(" or tokens[k + 2].text != ")":
        return False
    inner = tokens[k + 1]
    return inner.kind == "num" or inner.norm in rules.units


def _joins_weapon_nouns(tokens: Sequence[Token], k: int, rules: LangRules) -> bool:
    """True for "artillery and" in "15 artillery and mortar shells": a word, "and", then a
    weapon noun that the word shares (two kinds of one munition)."""
    if (
        k + 2 >= len(tokens)
        or tokens[k].kind != "word"
        or tokens[k + 1].norm not in rules.and_words
    ):
        return False
    if rules.victims.match(tokens, k) is not None or rules.cues.match(tokens, k) is not None:
        return False
    return rules.weapons.match(tokens, k + 2) is not None


def _hit_verb_before(tokens: Sequence[Token], b0: int, rules: LangRules) -> bool:
    """True when a hit verb opens the clause a few words before "N times": "shelled the
    village 15 times", "bombed the market twice ... 3 times"."""
    for m in range(b0 - 1, max(-1, b0 - 6), -1):
        tok = tokens[m]
        if tok.kind != "word" or tok.norm in rules.clause_breaks:
            return False
        if rules.hit_cues.match(tokens, m) is not None:
            return True
    return False


def _head(tokens: Sequence[Token], num: Number, rules: LangRules) -> _Head | None:
    n = len(tokens)
    j = num.i1
    bracketed = _bracketed_count(tokens, num, rules)
    if bracketed is not None:
        return bracketed
    if _number_in_brackets(tokens, j, rules):
        j += 3  # "40 (forty) rockets": the number again, in brackets, before the noun
    # "ten of them", "18 of the civilians", "10 of those killed were children"
    if j < n and tokens[j].norm in rules.partitives:
        group = _group(tokens, j, rules)
        if group is not None:
            return group
    if j < n and tokens[j].norm == "of":
        fam = rules.family_refs.match(tokens, j)
        if fam is not None:  # "four of one family"
            return _Head("victim", "family_members", fam[1], fam[1])
    if num.b0 >= 2 and tokens[num.b0 - 1].norm == "of" and tokens[num.b0 - 2].norm == "family":
        return _Head("victim", "family_members", j, j)  # "a family of seven"
    # "the army said it hit about 1,600 Hezbollah targets": targets struck are strikes
    for k in range(j, min(n, j + 3)):
        if tokens[k].kind != "word":
            break
        if tokens[k].forms[-1] == "target" and num.b0 >= 1:
            if rules.hit_cues.match_ending(tokens, _before_bound(tokens, num.b0, rules)):
                return _Head("weapon", "airstrike", k + 1, k + 1)
            break
    k = j
    skipped_other = False
    units = 0
    while k < n and units <= _MAX_MODIFIERS:
        units += 1
        tok = tokens[k]
        if tok.kind != "word":
            if tok.text in {"-", "/", "'", "’"} and k + 1 < n and tokens[k + 1].kind == "word":
                k += 1
                continue
            break
        if skipped_other and rules.include_cues.match(tokens, k) is not None:
            break  # "three others, among them two children": the others are no children
        hit = _noun_at(tokens, k, rules)
        if hit is not None:
            if hit.type == "blocked":
                return None
            if skipped_other and hit.type == "casualty" and tok.norm in _CASUALTY_ADJ:
                # "four others injured", "nine more were wounded"
                return _Head("others", "", k, k, kind=hit.kind)
            if hit.type == "weapon" and hit.end < n:
                more = rules.weapons.match(tokens, hit.end)  # "40 Shahed drones"
                if more is not None and more[0] == hit.value:
                    hit.end = hit.np_end = more[1]
                elif more is not None and more[0] in _MUNITIONS:
                    # "two drone missiles": the last noun of a compound names the weapon
                    hit.value, hit.end, hit.np_end = more[0], more[1], more[1]
            return hit
        if tok.norm in rules.others:
            skipped_other = True
        if _joins_weapon_nouns(tokens, k, rules):
            k += 2  # "15 artillery and mortar shells": two kinds of one munition
            continue
        if not _skippable(tok, rules):
            break
        k = _after_glued(tokens, k, rules)
    if skipped_other:
        if k + 1 < n and tokens[k].norm in rules.partitives:
            group = _group(tokens, k, rules)  # "16 others from the media crews"
            if group is not None and group.value and group.type == "group":
                return _Head("victim", group.value, group.end, group.np_end)
        return _Head("others", "", k, k)
    unknown = k < n and rules.flags.guess_plural_nouns and _unknown_plural(tokens[k], rules)
    if not unknown and k + 1 < n and tokens[k].kind == "word" and tokens[k].text.islower():
        # "1,203 harm incidents": a compound whose head is no victim at all
        unknown = tokens[k].norm not in _FUNCTION_WORDS and (
            tokens[k + 1].norm in rules.not_counts_after
        )
    # "27 strikes on schools, 11 on hospitals": a count that continues a facility list
    if j + 1 < n and tokens[j].norm in rules.facility_links:
        for m in range(j + 1, min(n, j + 5)):
            fac = rules.facilities.match(tokens, m)
            if fac is not None:
                return _Head("facility", fac[0], fac[1], fac[1], noun="link")
    # "12 by Russian forces": a share of the total just given, by attacker
    if j + 1 < n and tokens[j].norm in {"by", "at"} and _names_actor(tokens, j + 1, rules):
        end = j
        while end < min(n, j + 8) and tokens[end].text not in {")", ",", ";"}:
            end += 1
        if end < n and tokens[end].text == ")":
            end += 1  # "(12 by Russian forces)": the list goes on after the bracket
        return _Head("attrib", "", end, j)
    # "Of these, 70 were killed by ...": a share of the total just given
    if (
        num.b0 >= 3
        and tokens[num.b0 - 1].text == ","
        and tokens[num.b0 - 2].norm in {"these", "them", "those", "whom", "which"}
        and tokens[num.b0 - 3].norm in {"of", "among"}
        and (j >= n or rules.victims.match(tokens, j) is None)
    ):
        return _Head("group", "", j, j)
    # "in the remaining three": the rest of the total just given
    if num.b0 >= 2 and tokens[num.b0 - 1].norm in _REMAINING and tokens[num.b0 - 2].norm == "the":
        if j >= n or tokens[j].kind != "word" or rules.victims.match(tokens, j) is None:
            return _Head("group", "", j, j, noun="rest")
    # "1,524 were children"
    if j + 1 < n and tokens[j].norm in rules.copulas:
        vic = rules.victims.match(tokens, j + 1)
        if vic is not None:
            return _Head("group", vic[0], j, vic[1])
    # "used cluster munitions more than 49 times"
    if j < n and tokens[j].norm in rules.times_words:
        for m in range(num.b0 - 1, max(-1, num.b0 - 10), -1):
            if tokens[m].norm in rules.clause_breaks:
                break
            w = rules.weapons.match(tokens, m)
            if w is not None and w[0] != "other":
                return _Head("weapon", w[0], j + 1, j + 1)
        cue = rules.hit_cues.match_ending(tokens, num.b0) if num.b0 >= 1 else None
        if cue is None and _hit_verb_before(tokens, num.b0, rules):
            return _Head("weapon", "other", j + 1, j + 1)  # "shelled the village 15 times"
        if cue is not None:
            plural = _plural_facility_before(tokens, cue[1], rules)
            if plural is not None:  # "civil defence centres were attacked 41 times"
                return _Head("facility", plural, j + 1, j + 1)
            return _Head("weapon", "other", j + 1, j + 1)  # "the hospital was struck three times"
        return None
    # Arabic puts one and two after the noun: "مسعفين اثنين", "مدنياً يمنياً واحداً"
    if rules.flags.one_two_after_noun and num.value <= 2 and num.is_word:
        for back in (1, 2):
            m = num.b0 - back
            if m < 0:
                break
            vic = rules.victims.match(tokens, m)
            if vic is not None and vic[1] == m + 1:
                return _Head("victim", vic[0], j, j, start=m)
    if unknown:  # "killed 12 pilgrims", "1,203 harm incidents, which killed ..."
        return _Head("noun", "other", k + 1, k + 1)
    return _Head("bare", "", j, j)


_ATTACKER_WORDS = frozenset(
    """regime government army military forces force coalition rebels opposition junta militants
    militia militias factions insurgents jihadists other unknown unidentified troops jets
    aircraft warplanes allies groups police gunmen soldiers paramilitaries units""".split()
)
# words that may stand between "by" and an attacker's name: "by either Russian or ...",
# "by non-state armed groups", "by international coalition forces"
_ATTACKER_MODIFIERS = frozenset(
    """the either both other armed international allied local foreign affiliated air security
    naval ground special""".split()
)


def _plural_facility_before(tokens: Sequence[Token], end: int, rules: LangRules) -> str | None:
    """The type of a plural facility noun just before a hit verb ("schools were hit")."""
    for m in range(end - 1, max(-1, end - 8), -1):
        if tokens[m].norm in rules.clause_breaks or tokens[m].kind == "num":
            return None
        fac = rules.facilities.match(tokens, m)
        if fac is not None:
            last = tokens[fac[1] - 1]
            return fac[0] if len(last.forms) > 1 and last.norm != last.forms[-1] else None
    return None


def _names_actor(tokens: Sequence[Token], k: int, rules: LangRules) -> bool:
    """True when an attacker's name starts at ``k`` ("Russian forces", "the regime", "either
    Russian or Syrian forces", "non-state armed groups"): a name or an attacker word after at
    most three modifiers (hyphenated ones such as "non-state", "pro-government" included)."""
    for m in range(k, min(len(tokens), k + 4)):
        tok = tokens[m]
        if tok.kind != "word":
            return False
        if _looks_like_name(tok, rules) or tok.norm in _ATTACKER_WORDS:
            return True
        if tok.norm not in _ATTACKER_MODIFIERS and "-" not in tok.norm:
            return False
    return False


def _before_bound(tokens: Sequence[Token], b0: int, rules: LangRules) -> int:
    """Index where the words before a count start once determiners are skipped."""
    while b0 > 0 and tokens[b0 - 1].norm in rules.determiners:
        b0 -= 1
    return b0


_FUNCTION_WORDS = frozenset(
    """in on at of from by to for with and or but as were was are is had have has been
    who which that since after before during when while including among near into""".split()
)
_NOT_NOUNS = frozenset(
    """was has is as this us its his hers ours yours theirs others across towards besides
    unless whereas always perhaps afterwards nearly pounds less plus thus""".split()
)


def _unknown_plural(tok: Token, rules: LangRules) -> bool:
    """True for a plural noun the tables do not know ("pilgrims", "incidents")."""
    w = tok.norm
    return (
        tok.kind == "word"
        and tok.text.islower()
        and len(w) > 3
        and w.endswith("s")
        and not w.endswith("ss")
        and w not in _NOT_NOUNS
        and w not in rules.others
        and w not in rules.determiners
        and w not in rules.cues
        and w not in rules.hit_cues
        and w not in rules.include_cues
    )


def _starts_clause(tok: Token, rules: LangRules) -> bool:
    """True for a word with a glued conjunction ("وإصابة": "and injuring")."""
    glued = rules.flags.glued_conjunctions
    return bool(glued) and tok.norm[:1] in glued and tok.norm not in rules.cues


def _glued_and(tok: Token, rules: LangRules) -> bool:
    """True for a word with "and" glued to its front ("وثلاثة": and three)."""
    glued = rules.flags.glued_and
    return bool(glued) and tok.norm.startswith(glued)


def _after_glued(tokens: Sequence[Token], k: int, rules: LangRules) -> int:
    """Index after token ``k`` and the tokens glued to it ("S-300/S-400", "Su-24")."""
    m = k + 1
    if _looks_like_name(tokens[k], rules):
        while m < len(tokens) and tokens[m].start == tokens[m - 1].end:
            m += 1
    return m


def _looks_like_name(tok: Token, rules: LangRules) -> bool:
    """True for a capitalised word where capitals mark names (not in German, where every
    noun has one)."""
    return tok.text[:1].isupper() and not rules.flags.capitalised_nouns


_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _skippable(tok: Token, rules: LangRules) -> bool:
    if tok.norm in rules.modifiers or tok.norm in rules.others:
        return True
    if _looks_like_name(tok, rules) and tok.norm not in rules.cues:
        return tok.norm not in rules.and_words
    if (
        rules.flags.capitalised_nouns
        and tok.text[:1].islower()
        and len(tok.norm) > 3
        and tok.norm.endswith(_ADJECTIVE_ENDINGS)
        and tok.norm not in rules.cues
        and tok.norm not in rules.hit_cues
        and tok.norm not in rules.include_cues
    ):
        return True  # "drei kleinen Kindern": a declined adjective before the noun
    # compound adjectives: "anti-aircraft", "long-range", "Iranian-made"
    return "-" in tok.norm and not tok.norm.endswith(("-old", "-year"))


def _noun_at(tokens: Sequence[Token], k: int, rules: LangRules) -> _Head | None:
    victim = rules.victims.match(tokens, k)
    casualty = rules.casualties.match(tokens, k)
    if casualty is not None and victim is None:
        cue = rules.cues.match(tokens, k)
        if cue is not None and cue[0] == "block":
            return _Head("blocked", "", cue[1], cue[1])
        # "six wounded soldiers": the casualty word is an adjective of the next noun
        nxt = rules.victims.match(tokens, casualty[1])
        if nxt is not None:
            return _Head("victim", nxt[0], nxt[1], nxt[1], kind=casualty[0])
        m = casualty[1]
        if m + 1 < len(tokens) and (tokens[m].norm == "of" or tokens[m].norm in rules.partitives):
            at = m + 1
            if at + 1 < len(tokens) and tokens[at].norm in rules.group_determiners:
                at += 1
            of_whom = rules.victims.match(tokens, at)
            if of_whom is not None:  # "29 bodies of children", "six dead among the soldiers"
                return _Head("casualty", of_whom[0], of_whom[1], of_whom[1], kind=casualty[0])
        return _Head("casualty", "people", casualty[1], casualty[1], kind=casualty[0])
    if victim is not None and victim[1] < len(tokens):
        if tokens[victim[1]].norm in _VEHICLE_AFTER:
            return None  # "two fighter jets"
        after_victim = tokens[victim[1]]
        if (
            tokens[victim[1] - 1].norm in _ATTRIBUTIVE
            and after_victim.kind == "word"
            and after_victim.norm not in rules.and_words
            and rules.casualties.match(tokens, victim[1]) is None
            and rules.cues.match(tokens, victim[1]) is None
            and rules.facilities.match(tokens, victim[1]) is None
            and rules.victims.match(tokens, victim[1]) is None
        ):
            return None  # "1,203 civilian harm incidents": an adjective, not the victims
    if victim is not None:
        fam = rules.family_refs.match(tokens, victim[1])
        if fam is None and victim[1] + 1 < len(tokens):
            fam = rules.family_refs.match(tokens, victim[1] + 1)  # "خمسة مدنيين سوريين من عائلة"
        if fam is not None:
            return _Head("victim", "family_members", fam[1], fam[1])
        # "47 people from the medical staff": the group the people belong to
        if victim[0] == "people" and victim[1] + 1 < len(tokens):
            if tokens[victim[1]].norm in rules.partitives:
                for m in (victim[1] + 1, victim[1] + 2):
                    inner = rules.victims.match(tokens, m) if m < len(tokens) else None
                    if inner is not None and inner[0] not in {"people", "civilians"}:
                        return _Head("victim", inner[0], inner[1], inner[1])
        # "three Lebanese paramedics": a nationality before the group noun
        later = None
        if victim[0] == "people" and victim[1] < len(tokens) and _looks_like_name(tokens[k], rules):
            later = _noun_at(tokens, victim[1], rules)
        if later is not None and later.type in {"victim", "weapon", "facility"}:
            return later
        # "891 civilian deaths"
        glued_and = victim[1] < len(tokens) and _starts_clause(tokens[victim[1]], rules)
        cas = None if glued_and else rules.casualties.match(tokens, victim[1])
        cue = rules.cues.match(tokens, victim[1])
        if cue is not None and cue[0] == "block" and cas is not None:
            return _Head("blocked", "", cue[1], cue[1])
        if cas is not None and tokens[victim[1]].norm not in {"killed", "injured", "wounded"}:
            return _Head("casualty", victim[0], cas[1], cas[1], kind=cas[0])
        # "soldiers and civilians", "women and men": a mixed group counts as people
        m = victim[1]
        if m + 1 < len(tokens) and tokens[m].norm in rules.and_words | {"or"}:
            other = rules.victims.match(tokens, m + 1)
            if other is not None:
                pair = {victim[0], other[0]}
                subject = (
                    victim[0]
                    if len(pair) == 1
                    else "rescuers"
                    if pair == {"medical_staff", "rescuers"}
                    else "other"
                    if pair <= _FAMILY_GROUPS  # "40 children and women": a mixed group
                    else "people"
                )
                return _Head("victim", subject, other[1], other[1])
    weapon = rules.weapons.match(tokens, k)
    facility = rules.facilities.match(tokens, k)
    best: _Head | None = None
    for h in (
        _Head("victim", victim[0], victim[1], victim[1]) if victim else None,
        _Head("weapon", weapon[0], weapon[1], weapon[1]) if weapon else None,
        _Head("facility", facility[0], facility[1], facility[1]) if facility else None,
    ):
        if h is not None and (best is None or h.end > best.end):
            best = h
    if best is not None and best.type == "victim" and tokens[k].norm in {"member", "members"}:
        return best
    if best is None and tokens[k].forms[-1] == "member" and k + 1 < len(tokens):
        if tokens[k + 1].norm == "of":
            m = k + 2
            while m < len(tokens) and tokens[m].norm in rules.group_determiners:
                m += 1
            inner = rules.victims.match(tokens, m)
            if inner is not None:
                return _Head("victim", inner[0], inner[1], inner[1])
            for f in range(m, min(len(tokens), m + 4)):
                if tokens[f].forms[-1] in {"family", "household", "clan"}:  # "of the Abu family"
                    return _Head("victim", "family_members", f + 1, f + 1)
                if tokens[f].forms[-1] in _FORCES:  # "members of Turkey's security forces"
                    return _Head("victim", "fighters", f + 1, f + 1)
            return _Head("victim", "other", k + 1, k + 1)
    return best


def _group(tokens: Sequence[Token], j: int, rules: LangRules) -> _Head | None:
    n = len(tokens)
    m = j + 1
    while m < n and (
        tokens[m].norm in rules.group_determiners
        or (m > j + 1 and _possessive(tokens[m]))
        or ((tokens[m].kind == "num" or tokens[m].norm in rules.units) and m > j + 1)
    ):
        m += 1  # "of the city's", "of the 41", "of her ten children"
    if m >= n:
        return None
    kind = ""
    subject = ""
    end = m
    if tokens[m].norm in rules.group_pronouns or (m > j + 1 and tokens[m - 1].norm == "those"):
        end = m + 1 if tokens[m].norm in rules.group_pronouns else m
        cas = rules.casualties.match(tokens, end)
        if cas is not None:
            kind = cas[0]
            end = cas[1]
    else:
        fac = rules.facilities.match(tokens, m)
        if fac is not None:  # "two of the facilities were destroyed"
            generic = fac[1] - m == 1 and tokens[m].norm in _GENERIC_FACILITIES
            return _Head("facility", fac[0], fac[1], fac[1], noun="facility" if generic else "")
        weapon = rules.weapons.match(tokens, m)
        if weapon is not None:  # "37 of these attacks", "10 of the raids"
            return _Head("group", "", weapon[1], weapon[1], noun="weapon", kind=weapon[0])
        cas = rules.casualties.match(tokens, m)
        vic = rules.victims.match(tokens, m)
        if vic is not None:
            subject = vic[0]  # "five of the victims" are people; "18 of the civilians"
            end = vic[1]
            if tokens[m].norm in rules.victim_words:
                kind = "killed"  # "Eleven of the victims were children"
                subject = ""  # "13 of the victims" after "15 civilians": civilians
        elif vic is not None or cas is not None:
            hit = vic or cas
            assert hit is not None
            if cas is not None:
                kind = cas[0]
            end = hit[1]
        else:
            return None
    np_end = end
    for gap in (0, 1, 2):
        fam = rules.family_refs.match(tokens, end + gap)
        if fam is not None:  # "three of them from the same family", "ten of the dead came from"
            return _Head("group", "family_members", end, fam[1], kind=kind)
    if end < n and tokens[end].norm == "by" and not kind:
        return _Head("attrib", "", end, end)  # "six of them by Russian forces"
    # "... of them were children", "four of them paramedics"
    k = end
    if k < n and tokens[k].norm in rules.copulas:
        k += 1
    if k + 1 < n and tokens[k].norm in {"a", "an"}:
        k += 1  # "two adults, one of them a doctor"
    vic = rules.victims.match(tokens, k)
    if vic is not None and k - end <= 1:
        subject = vic[0]
        np_end = vic[1]
    elif not kind and k < n and k - end <= 1:
        fac = rules.facilities.match(tokens, k)
        kind_of = fac[0] if fac is not None else _FACILITY_ADJ.get(tokens[k].norm)
        if kind_of is not None:  # "ten facilities were hit, two of them medical"
            return _Head("group", kind_of, end, fac[1] if fac else k + 1, noun="facility")
    return _Head("group", subject, end, np_end, kind=kind)


# --- kind --------------------------------------------------------------------------------------


def _breaks(tok: Token, rules: LangRules) -> bool:
    return tok.norm in rules.clause_breaks


def _cue_before(
    tokens: Sequence[Token], pos: int, rules: LangRules, starts: set[int], limit: int
) -> tuple[str, int, int] | None:
    """(kind, cue start, distance) of the nearest cue ending at or before ``pos``."""
    lo = max(0, pos - limit)
    end = pos
    while end > lo:
        hit = rules.cues.match_ending(tokens, end)
        if hit is not None:
            return (hit[0], hit[1], pos - end)
        tok = tokens[end - 1]
        if _breaks(tok, rules) or (end - 1) in starts:
            return None
        end -= 1
    return None


def _cue_after(
    tokens: Sequence[Token],
    pos: int,
    rules: LangRules,
    starts: set[int],
    limit: int,
    cross_numbers: bool,
) -> tuple[str, int] | None:
    n = len(tokens)
    hi = min(n, pos + limit)
    s = pos
    while s < hi:
        tok = tokens[s]
        if _breaks(tok, rules):
            return None
        if not cross_numbers and s in starts:
            return None
        hit = rules.cues.match(tokens, s)
        if hit is not None:
            # "were killed or wounded": a combined phrase inside the cue blocks it
            for m in range(s + 1, hit[1]):
                inner = rules.cues.match(tokens, m)
                if inner is not None and inner[0] == "block" and inner[1] > hit[1]:
                    return ("block", s)
            return (hit[0], s)
        s += 1
    return None


def _adjacent(tokens: Sequence[Token], cue_end: int, b0: int, rules: LangRules) -> bool:
    return all(
        tokens[m].norm in rules.determiners
        or tokens[m].norm in rules.others
        or tokens[m].norm
        in {"of", "to", "a", "total", "group", "number", "further", "family", ":", "at"}
        for m in range(cue_end, b0)
    )


def _elliptic(tokens: Sequence[Token], prev: Found | None, num: Number, rules: LangRules) -> bool:
    """True for "killed 426 civilians and injured over 100": the count shares prev's noun."""
    if prev is None or prev.kind not in {"killed", "injured"} or prev.num.value < 2:
        return False
    between = tokens[prev.head_end : num.b0]
    if len(between) > 8 or any(t.kind == "num" for t in between):
        return False
    if any(t.text in {"(", ")", ";"} for t in between):
        return False
    return any(
        t.norm in rules.and_words
        or t.text in {",", "،"}
        or (_glued_and(t, rules) and len(t.norm) > 2)
        for t in between
    )


def _include_before(tokens: Sequence[Token], num: Number, rules: LangRules) -> bool:
    """True when a breakdown opener ("including", "among them") comes right before the count."""
    end = num.b0
    while (
        end > 0
        and num.b0 - end < 4
        and (tokens[end - 1].norm in rules.determiners or tokens[end - 1].norm in _GROUP_WORDS)
    ):
        end -= 1  # "among them a family of seven", "including a group of 12 people"
    return rules.include_cues.match_ending(tokens, end) is not None


def _linked(tokens: Sequence[Token], prev: Found | None, num: Number, rules: LangRules) -> bool:
    """True when the count continues a breakdown or list started by ``prev``."""
    if prev is None:
        return False
    if _include_before(tokens, num, rules):
        return True
    if num.b0 - prev.head_end > 24:
        return False
    has_include = False
    m = prev.head_end
    skipped = 0
    while m < num.b0:
        if tokens[m].text == "(":
            close = next((x for x in range(m, num.b0) if tokens[x].text == ")"), -1)
            if close > 0:
                skipped += close + 1 - m
                m = close + 1  # "17 medical facilities (12 by Russian forces), 14 schools"
                continue
        hit = rules.include_cues.match(tokens, m)
        if hit is not None:
            has_include = True
            m = hit[1]
            continue
        tok = tokens[m]
        if tok.norm in _LIST_GLUE or tok.norm in rules.and_words or tok.text in {",", "،"}:
            m += 1
            continue
        if tok.norm in rules.bounds_before or tok.norm in rules.determiners:
            m += 1
            continue
        if tok.norm in _POSSESSIVES or rules.victims.match(tokens, m) is not None:
            m += 1  # "including a child and two women", "her child, and her five siblings"
            continue
        # "158 children under 18, 48 women": a part's own words, then the next part
        if prev.inherited and num.b0 - prev.head_end <= 10 and num.b0 >= 1:
            glue = tokens[num.b0 - 1]
            if glue.text in {",", "،"} or glue.norm in rules.and_words:
                return True
            if _glued_and(tokens[num.b0], rules):
                return True  # "وثلاثة آخرين": the conjunction is glued to the number
        return False
    return has_include or num.b0 - prev.head_end - skipped <= 3


def _opens_breakdown(tokens: Sequence[Token], pos: int, rules: LangRules) -> bool:
    """True when a breakdown follows the head: "46 people, including 30 children, were ..."."""
    m = pos
    while m < len(tokens) and tokens[m].text in {",", "(", "،", "-", "–"}:
        m += 1
    if m == pos or m >= len(tokens):
        return False
    return tokens[m - 1].text == "(" or rules.include_cues.match(tokens, m) is not None


def _nearest_victim_before(tokens: Sequence[Token], pos: int, rules: LangRules) -> str | None:
    for m in range(pos - 1, max(-1, pos - 20), -1):
        if tokens[m].norm == ";":
            break
        hit = rules.victims.match(tokens, m)
        if hit is not None and hit[1] <= pos:
            if m >= 2 and tokens[m - 1].norm in rules.and_words:
                first = rules.victims.match(tokens, m - 2)
                if first is not None and first[0] != hit[0]:
                    return "people"  # "women and children"
            return hit[0]
    return None


# --- the claim rules, in order ------------------------------------------------------------
#
# Each rule looks at one count in its sentence (its head noun, the casualty or hit words around
# it, the claim before it) and either makes the claim, rejects the count (REJECT), or passes
# (None) to the next rule. The first rule that decides names the claim (``Claim.rule``).


@dataclass(slots=True)
class _Case:
    """One count and what its sentence says around it, as the rules read it."""

    tokens: Sequence[Token]
    num: Number
    head: _Head
    rules: LangRules
    starts: set[int]
    prev: Found | None  # the claim before it in this sentence
    parent: Found | None  # ... or in the sentence before
    found: Found  # the claim being made
    linked: bool  # continues the list or breakdown of ``prev``
    before: tuple[str, int, int] | None  # nearest casualty cue before: kind, at, distance
    adjacent: bool  # ... and it is right before the count
    near_after: tuple[str, int] | None  # nearest casualty cue soon after the head
    far_after: tuple[str, int] | None  # ... or further along the clause
    header: Header | None  # the header of the list the count is an item of


class _Reject:
    """A rule's answer that the count is no claim."""

    def __repr__(self) -> str:
        return "REJECT"


REJECT = _Reject()
_Outcome = Found | _Reject | None


def _one_used_as_determiner(c: _Case) -> _Outcome:
    """ "of which one faction was responsible": "one" before a noun it does not count."""
    num, tokens, rules = c.num, c.tokens, c.rules
    if c.head.type == "bare" and num.is_word and num.value == 1 and num.i1 < len(tokens):
        nxt = tokens[num.i1]
        if nxt.kind == "word" and nxt.text.islower() and rules.cues.match(tokens, num.i1) is None:
            if nxt.norm not in rules.copulas and nxt.norm not in rules.and_words:
                if nxt.norm not in _PLACE_PREPOSITIONS:  # "... and one in Aleppo" counts
                    return REJECT
    return None


def _speakers_are_not_victims(c: _Case) -> _Outcome:
    """ "two aid workers told reporters": the sources of the account, not victims."""
    head = c.head
    if head.type == "victim" and head.np_end < len(c.tokens):
        if c.tokens[head.np_end].norm in c.rules.speech_verbs:
            return REJECT
    return None


def _verb_then_unknown_noun(c: _Case) -> _Outcome:
    """ "killed 12 pilgrims": a casualty verb right before a count of a group not in the tables."""
    if c.head.type != "noun":
        return None
    if c.adjacent and c.before is not None and c.before[0] in _CASUALTY_KINDS:
        c.found.kind, c.found.subject = c.before[0], "other"
        return c.found
    return REJECT


def _share_named_by_attacker(c: _Case) -> _Outcome:
    """ "70 killed, including 20 children, and 15 by Russian forces": a share of the total just
    given, with its own attacker after "by"."""
    if c.head.type != "attrib":
        return None
    ref = c.prev or c.parent
    if ref is None:
        return REJECT
    ref = _root(ref)
    if ref.by_actor and ref.parent is not None:
        ref = ref.parent  # "18 by Russian forces and 12 by the regime": shares of one total
    found = c.found
    found.kind, found.subject = ref.kind, ref.subject
    found.weapon, found.status = ref.weapon, ref.status
    found.inherited, found.parent = False, ref  # its own attacker follows "by"
    found.by_actor = True
    found.weak_subject = True
    return found


def _share_after_attacker_name(c: _Case) -> _Outcome:
    """ "Russian forces carried out 41 of them and regime forces 22": a bare count after an
    attacker's name repeats the verb and noun of the count before it."""
    prev = c.prev
    if c.head.type != "bare" or prev is None or not prev.kind:
        return None
    gap = _gapped(c.tokens, c.num, c.rules)
    if not gap:
        return None
    found = c.found
    found.kind, found.subject = prev.kind, _root(prev).subject
    found.weapon, found.status = prev.weapon, prev.status
    if gap == "to":  # "4,600 deaths to the coalition, and 1,300 to the Houthis"
        found.by_actor = True
    else:
        found.parent, found.inherited = prev.parent, False
    found.weak_subject = True
    return found


def _weapon_count(c: _Case) -> _Outcome:
    """ "714 airstrikes", "12 shelling attacks with rocket artillery", "attacks on 4 schools":
    a count whose noun is a weapon or an attack."""
    if c.head.type != "weapon":
        return None
    if _blocked_before(c.tokens, c.num, c.rules):
        return REJECT  # "shot down 8 missiles"
    out = _strike(c.tokens, c.found, c.head, c.rules, c.starts, c.prev, c.linked, c.near_after)
    if out is None:
        return REJECT
    header = c.header
    if header is None or header.kind != "facilities_hit":
        return out
    if out.kind == "strikes" and out.subject == "other" and not c.linked:
        # "Attacks on Medical Facilities ⏎ 446 attacks were committed by ...": under a
        # header of attacks on facilities, bare attacks count facilities hit
        out.kind, out.subject, out.weapon = "facilities_hit", header.subject, None
        out.rule = "attacks_under_facility_header"
    elif out.kind == "facilities_hit" and out.subject == "any":
        out.subject = header.subject  # "492 attacks on 330 separate facilities"
    return out


def _facility_count(c: _Case) -> _Outcome:
    """ "8 medical facilities hit", "destroyed three schools": a count of facilities with a hit
    word in its clause (or a list of them)."""
    if c.head.type != "facility":
        return None
    out = _facility(c.tokens, c.found, c.head, c.rules, c.prev, c.parent, c.linked)
    header = c.header
    if header is None or header.kind != "facilities_hit":
        return REJECT if out is None else out
    if out is None:
        return _facility_list_entry(c)
    if out.subject == "any":
        out.subject = header.subject  # "330 separate facilities" under a header of hospitals
    return out


def _facility_list_entry(c: _Case) -> _Outcome:
    """ "Vital facilities attacked:⏎ 12 places of worship⏎ 7 medical points": an item of a list
    under a header that announces facilities hit, with no verb of its own."""
    found, head = c.found, c.head
    if _clause_has_verb(c.tokens, c.num.b0, c.rules):
        return REJECT
    found.kind = "facilities_hit"
    found.subject = head.value
    if head.noun == "facility" and c.header is not None:
        found.subject = c.header.subject
    found.status = _status(c.tokens, found, c.rules)
    found.rule = "facility_list_entry"
    return found


def _clause_has_verb(tokens: Sequence[Token], b0: int, rules: LangRules) -> bool:
    """True when the words before a list item hold a verb of their own (not a list line)."""
    for k in range(b0 - 1, -1, -1):
        tok = tokens[k]
        if tok.text in {":", ",", ";", "-", "–", "•", "*", "(", "،"}:
            return False
        if rules.cues.match(tokens, k) is not None:
            return True
        if tok.norm in rules.copulas or tok.norm in rules.auxiliaries:
            return True
    return False


def _per_perpetrator_line(c: _Case) -> _Outcome:
    """ "A. Regime forces: 73⏎B. Russian forces: 41" under "Civilians killed, by party:": a
    bare count after a short label takes the kind and subject of the list's header (the
    label's attacker is the claim's)."""
    header, tokens, num = c.header, c.tokens, c.num
    if header is None or c.head.type != "bare" or num.b0 < 1:
        return None
    glue = tokens[num.b0 - 1]
    prev = c.prev
    if prev is not None and prev.rule == "per_perpetrator_line":
        if glue.text in {",", ";", "،"} or glue.norm in c.rules.and_words:
            return _from_header(c, header)  # "two in Eastern Ghouta, one in Hama and one ..."
    if glue.text == ":" and num.b0 >= 2 and _place_after(tokens, num.i1):
        return _from_header(c, header)  # "four attacks on hospitals: two in Hama, ..."
    if num.b0 < 2 or glue.text not in {":", "-", "–", "—"}:
        return None
    if num.b0 > 12 or any(
        t.kind == "num" and t.text.isdigit() and len(t.text) > 1 for t in tokens[: num.b0 - 1]
    ):
        return None  # a label is a few words: not "in 2017, 12 ..."
    return _from_header(c, header)


def _per_place_part(c: _Case) -> _Outcome:
    """ "documented four attacks on hospitals: two in Hama, one in Aleppo and one in Idlib",
    "nine died in the city, another four in Alpha and two in Beta": a bare count followed by
    a place ("in Hama") splits the count before it by place, with that count's kind and
    subject."""
    tokens, num, prev = c.tokens, c.num, c.prev
    if c.head.type != "bare" or prev is None or not prev.kind or num.b0 < 1:
        return None
    if not _place_after(tokens, num.i1) or not _looks_like_name(tokens[num.i1 + 1], c.rules):
        return None
    glue = tokens[num.b0 - 1]
    k = num.b0 - 1
    if glue.norm in c.rules.others and k >= 1:
        k -= 1  # "another four in Alpha"
        glue = tokens[k]
    if glue.text not in {":", ",", ";", "،"} and glue.norm not in c.rules.and_words:
        return None
    if c.near_after is not None:
        return None  # "killed 12 people, 30 in Hama were injured": a claim of its own
    found = c.found
    found.kind, found.subject = prev.kind, _root(prev).subject
    found.weapon, found.status = prev.weapon, prev.status
    found.parent, found.inherited = prev, True
    found.weak_subject = True
    return found


def _per_place_in_brackets(c: _Case) -> _Outcome:
    """ "schools were damaged in Donetsk (760), Kharkiv (624) and Kyiv (193) regions", "air
    raids were recorded in Raymah (3)": a count in brackets after a place's name is that
    place's share of what the sentence counts (its facility and hit word, its weapon, or its
    casualty word and victims)."""
    tokens, num, rules = c.tokens, c.num, c.rules
    if c.head.type != "bare" or num.b0 < 2 or num.i1 >= len(tokens):
        return None
    if tokens[num.b0 - 1].text != "(" or tokens[num.i1].text != ")":
        return None
    name = tokens[num.b0 - 2]
    if name.kind != "word" or not _looks_like_name(name, rules) or name.norm in _ATTACKER_WORDS:
        return None
    prev, found = c.prev, c.found
    if prev is not None and prev.rule == "per_place_in_brackets":
        found.kind, found.subject = prev.kind, prev.subject
        found.weapon, found.status = prev.weapon, prev.status
    else:
        said = read_header(tokens, rules)
        if said is None:
            return None
        found.kind, found.subject = said.kind, said.subject
        if said.kind == "strikes":
            found.weapon = said.subject
        elif said.kind == "facilities_hit":
            found.status = _status(tokens, found, rules)
    found.weak_subject = True
    return found


def _from_header(c: _Case, header: Header) -> Found:
    found = c.found
    found.kind, found.subject = header.kind, header.subject
    if header.kind == "strikes":
        found.weapon = header.subject
    found.rule = "per_perpetrator_line"
    found.weak_subject = True
    return found


_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "by", "à", "en", "em", "bei", "في"})


def _place_after(tokens: Sequence[Token], i: int) -> bool:
    """True for "in Hama" / "by IS" right after a bare count: the item of a breakdown."""
    return i + 1 < len(tokens) and tokens[i].norm in _PLACE_PREPOSITIONS


def _share_of_attacks(c: _Case) -> _Outcome:
    """ "Russian forces carried out 41 of them", "two of them medical", "10 of the attacks used
    barrel bombs": a share of a count of attacks or facilities hit."""
    head = c.head
    if head.type != "group" or not (head.noun or not head.value):
        return None
    part = _part_of_attacks(c.tokens, c.found, head, c.rules, c.prev or c.parent)
    if part is not None:
        part.weak_subject = True
        return part
    return REJECT if head.noun else None


def _share_hitting_facilities(c: _Case) -> _Outcome:
    """ "verified 103 attacks, with 89 affecting health facilities", "of which 30 hit schools":
    a bare count whose own verb is a hit word and whose object is a facility counts those
    facilities hit."""
    tokens, num, rules = c.tokens, c.num, c.rules
    if c.head.type != "bare" or num.i1 >= len(tokens):
        return None
    cue = rules.hit_cues.match(tokens, num.i1)
    if cue is None:
        return None
    for m in range(cue[1], min(len(tokens), cue[1] + 4)):
        fac = rules.facilities.match(tokens, m)
        if fac is not None:
            found = c.found
            found.kind, found.subject = "facilities_hit", fac[0]
            found.status = _status(tokens, found, rules)
            found.weak_subject = True
            return found
        if tokens[m].kind != "word" or tokens[m].norm in rules.clause_breaks:
            return None
    return None


def _facility_status_continues(c: _Case) -> _Outcome:
    """ "1,600 clinics have been damaged and 195 destroyed": a bare count with a status word
    continues the facility count before it."""
    prev, found = c.prev, c.found
    if c.head.type != "bare" or prev is None or prev.kind != "facilities_hit":
        return None
    status_after = c.rules.statuses.match(c.tokens, found.head_end)
    if status_after is None and found.head_end + 1 < len(c.tokens):
        adverb = c.tokens[found.head_end]  # "and 130 completely destroyed"
        if adverb.kind == "word" and not (
            adverb.norm in c.rules.and_words
            or adverb.norm in c.rules.auxiliaries
            or adverb.norm in c.rules.copulas
        ):
            status_after = c.rules.statuses.match(c.tokens, found.head_end + 1)
    if status_after is None:
        return None
    found.kind, found.subject, found.status = "facilities_hit", prev.subject, status_after[0]
    found.weak_subject = True
    return found


def _facility_others(c: _Case) -> _Outcome:
    """ "two buildings were destroyed and 20 more damaged", "destroyed 3 homes, damaged 12
    others": "others" after a facility count are more of the same facilities."""
    prev, found, tokens, rules, num = c.prev, c.found, c.tokens, c.rules, c.num
    if c.head.type != "others" or prev is None or prev.kind != "facilities_hit":
        return None
    if (
        c.near_after is not None
        or rules.statuses.match(tokens, found.head_end) is not None
        or (num.b0 >= 1 and rules.statuses.match_ending(tokens, num.b0) is not None)
    ):
        found.kind = "facilities_hit"
        found.subject = prev.subject
        found.status = _status(tokens, found, rules)
        found.weak_subject = True
        return found
    return None


def _casualty_count(c: _Case) -> _Outcome:
    """ "12 people were killed", "injuring 30": a count of people killed or injured. Its kind
    comes from the first kind rule (below) that tells it, which names the claim; its subject
    from its noun or the claim it belongs to."""
    found = c.found
    for rule in KIND_RULES:
        kind = rule(c)
        if kind is REJECT:
            return REJECT
        if kind:
            found.rule = _rule_name(rule)
            break
    else:
        return REJECT
    if found.kind not in _CASUALTY_KINDS:
        return REJECT
    toll_group = _toll_group(c.tokens, c.num, c.rules) if c.head.type == "bare" else None
    found.subject = toll_group or _subject(c.tokens, c.head, found, c.prev, c.parent, c.rules)
    if found.subject == "":
        return REJECT
    header = c.header
    if (
        found.subject == "people"
        and c.head.type == "bare"
        and header is not None
        and header.kind == found.kind
        and header.subject not in {"people", "other"}
    ):
        found.subject = header.subject  # "- 395, including 92 children, were killed" under
        found.weak_subject = True  # "Civilian casualties: ... killed as follows:"
    if c.head.type == "group" and found.parent is None:
        found.parent = c.parent
        found.inherited = True
    if c.head.type in {"others", "group"}:
        found.weak_subject = True  # the group comes from the count it contrasts with
    elif c.head.type == "bare" and not toll_group:
        found.weak_subject = found.weak_subject or found.subject != "people"
    return found


CLAIM_RULES = (
    _one_used_as_determiner,
    _speakers_are_not_victims,
    _verb_then_unknown_noun,
    _share_named_by_attacker,
    _share_after_attacker_name,
    _per_place_part,
    _per_place_in_brackets,
    _per_perpetrator_line,
    _weapon_count,
    _facility_count,
    _share_of_attacks,
    _share_hitting_facilities,
    _facility_status_continues,
    _facility_others,
    _casualty_count,
)


# --- kind rules: is a count of people one of killed or of injured? ---------------------------
#
# Each returns "killed", "injured", "" (does not tell) or REJECT, and sets ``found.kind``.

_KindOutcome = str | _Reject


def _set(c: _Case, kind: str) -> str:
    c.found.kind = kind
    return kind


def _casualty_noun(c: _Case) -> _KindOutcome:
    """ "891 civilian deaths", "12 wounded": the noun itself says the kind."""
    if c.head.type != "casualty":
        return ""
    opens = c.num.b0 >= 1 and c.tokens[c.num.b0 - 1].text in {":", "("}  # "casualties: 181"
    if c.adjacent and c.before is not None and c.before[0] == "block" and not opens:
        return REJECT  # "missing: 12 dead or alive"
    return _set(c, c.head.kind)


def _verb_right_before(c: _Case) -> _KindOutcome:
    """ "killing at least 16 people", "injuring 12": the casualty verb just before the count."""
    if c.adjacent and c.before is not None:
        return _set(c, c.before[0])
    return ""


def _verb_right_after(c: _Case) -> _KindOutcome:
    """ "16 people were killed", "three children died": the verb right after the noun."""
    near = c.near_after
    if near is None:
        return ""
    if c.linked and not _right_after(c.tokens, c.found.head_end, near[1], c.rules):
        return ""
    return _set(c, near[0])


def _kind_in_head(c: _Case) -> _KindOutcome:
    """ "four others injured", "nine more were wounded": the kind is part of the head."""
    return _set(c, c.head.kind) if c.head.kind else ""


def _breakdown_with_own_verb(c: _Case) -> _KindOutcome:
    """ "two adults were killed, and 16 people, including 7 children, were hurt": a count that
    opens its own breakdown takes the verb after it, not the kind of the list before."""
    far = c.far_after
    if not (c.linked and c.head.type in _OPEN_HEADS and far is not None and far[0] != "block"):
        return ""
    if not _opens_breakdown(c.tokens, c.found.head_end, c.rules):
        return ""
    return _set(c, far[0])


def _part_of_breakdown(c: _Case) -> _KindOutcome:
    """ "at least 137 killed, including 23 children, 24 women": a part of the breakdown of the
    claim before it, of the same kind."""
    prev = c.prev
    if not (c.linked and prev is not None and prev.kind in _CASUALTY_KINDS):
        return ""
    c.found.inherited = True
    c.found.parent = prev
    return _set(c, prev.kind)


def _verb_after_breakdown(c: _Case) -> _KindOutcome:
    """ "46 people, including 30 children, were killed": the verb after the breakdown."""
    far = c.far_after
    if c.head.type in _OPEN_HEADS and far is not None:
        if _opens_breakdown(c.tokens, c.found.head_end, c.rules):
            return _set(c, far[0])
    return ""


def _verb_before_in_clause(c: _Case) -> _KindOutcome:
    """ "the strike killed, according to medics, 12 people": a casualty verb earlier in the
    clause."""
    if c.head.type in _OPEN_HEADS and c.before is not None:
        return _set(c, c.before[0])
    return ""


def _verb_further_after(c: _Case) -> _KindOutcome:
    """ "12 people in the market and the school next to it were killed": a casualty verb
    further along the clause."""
    if c.head.type in _OPEN_HEADS and c.far_after is not None:
        return _set(c, c.far_after[0])
    return ""


def _toll_before_bare(c: _Case) -> _KindOutcome:
    """ "the death toll rose to 67", "death toll at 12": a bare count after a toll word."""
    before, tokens, num = c.before, c.tokens, c.num
    if c.head.type != "bare" or before is None or before[2] > 6:
        return ""
    if tokens[before[1]].norm in {"toll", "death"} or any(
        tokens[m].norm in {"to", "at"} for m in range(before[1], num.b0)
    ):
        return _set(c, before[0])
    return ""


def _toll_phrase(c: _Case) -> _KindOutcome:
    """ "ارتفع عدد القتلى إلى 67", "the number of dead reached 67": a count ending a toll phrase."""
    if c.head.type not in {"bare", "victim", "casualty"}:
        return ""
    kind = _toll(c.tokens, c.num, c.rules)
    return _set(c, kind) if kind else ""


def _bracketed_list_part(c: _Case) -> _KindOutcome:
    """ "a house (12 dead), a flat (six dead) and a tent (three children)": a bracketed part
    of a list whose earlier brackets were casualty counts."""
    prev, tokens, num, head = c.prev, c.tokens, c.num, c.head
    if head.type != "victim" or prev is None or prev.kind not in _CASUALTY_KINDS:
        return ""
    if num.b0 >= 1 and tokens[num.b0 - 1].text == "(" and head.np_end < len(tokens):
        if tokens[head.np_end].text == ")" and _in_brackets_list(
            tokens, _root(prev), num.b0, c.rules
        ):
            return _set(c, prev.kind)
    return ""


def _share_of_group(c: _Case) -> _KindOutcome:
    """ "Eleven of them were children" after a count of dead: a share of the count before."""
    if c.head.type != "group" or c.parent is None:
        return ""
    c.found.inherited = True
    c.found.parent = c.parent
    return _set(c, c.parent.kind)


def _kind_from_header(c: _Case) -> _KindOutcome:
    """ "Syrian regime forces: 47 civilians, including 14 children" under "Civilians killed
    in May, by party:": a list line without its own verb takes the header's kind."""
    header = c.header
    if header is None or header.kind not in _CASUALTY_KINDS:
        return ""
    if c.head.type not in {"victim", "bare", "others"}:
        return ""
    return _set(c, header.kind)


KIND_RULES = (
    _casualty_noun,
    _verb_right_before,
    _verb_right_after,
    _kind_in_head,
    _breakdown_with_own_verb,
    _part_of_breakdown,
    _verb_after_breakdown,
    _verb_before_in_clause,
    _verb_further_after,
    _toll_before_bare,
    _toll_phrase,
    _bracketed_list_part,
    _share_of_group,
    _kind_from_header,
)
_OPEN_HEADS = frozenset({"victim", "others", "group"})


def _rule_name(rule: object) -> str:
    return getattr(rule, "__name__", "rule").lstrip("_")


def _classify(
    tokens: Sequence[Token],
    num: Number,
    head: _Head,
    rules: LangRules,
    starts: set[int],
    prev: Found | None,
    parent: Found | None,
    header: Header | None = None,
) -> Found | None:
    start_tok = tokens[head.start] if 0 <= head.start < num.b0 else tokens[num.b0]
    end_tok = tokens[max(head.np_end, num.i1) - 1]
    found = Found(
        kind="",
        subject="",
        num=num,
        head_end=max(head.end, num.i1),
        start=start_tok.start,
        end=end_tok.end,
        np_end=head.np_end,
    )
    _bound_after(tokens, found, rules)
    linked = _linked(tokens, prev, num, rules) or (head.type == "group" and prev is not None)
    before = _cue_before(tokens, num.b0, rules, starts, _NEAR_BEFORE)
    adjacent = before is not None and _adjacent(tokens, num.b0 - before[2], num.b0, rules)
    near_after = _cue_after(tokens, found.head_end, rules, starts, _NEAR_AFTER, False)
    far_after = (
        _cue_after(tokens, found.head_end, rules, starts, _FAR_AFTER, True)
        if near_after is None and head.type in _OPEN_HEADS
        else None
    )
    case = _Case(
        tokens, num, head, rules, starts, prev, parent, found, linked, before, adjacent,
        near_after, far_after, header,
    )  # fmt: skip
    for rule in CLAIM_RULES:
        outcome = rule(case)
        if outcome is None:
            continue
        if isinstance(outcome, _Reject):
            return None
        if not outcome.rule:
            outcome.rule = _rule_name(rule)
        return outcome
    return None


_ACTOR_WORDS = frozenset(
    {"forces", "force", "regime", "army", "troops", "militias", "militia", "jets", "aircraft",
     "warplanes", "allies", "rebels", "factions", "government", "coalition", "groups"}
)  # fmt: skip
_GAP_END = frozenset({";", ",", ".", ")", ":"})


def _gapped(tokens: Sequence[Token], num: Number, rules: LangRules) -> str:
    """How a bare count repeats the verb and noun of the count before it, if it does:
    "actor" for "... 41 of them and Syrian regime forces 22", "to" for "... and 1,300 to the
    Houthis"; else ""."""
    n = len(tokens)
    after = tokens[num.i1] if num.i1 < n else None
    if after is not None and after.norm == "to" and num.b0 >= 1:
        k = num.i1 + 1
        if k < n and tokens[k].norm == "the":
            k += 1
        joined = tokens[num.b0 - 1].norm in rules.and_words or tokens[num.b0 - 1].text == ","
        if joined and k < n and tokens[k].kind == "word" and _looks_like_name(tokens[k], rules):
            return "to"
        return ""
    if after is not None and after.text not in _GAP_END and after.norm not in rules.and_words:
        return ""
    k = num.b0 - 1
    words = capital = 0
    while k >= 0 and words < 4 and tokens[k].kind == "word":
        tok = tokens[k]
        if _looks_like_name(tok, rules):
            capital += 1
        elif tok.norm not in _ACTOR_WORDS:
            break
        words += 1
        k -= 1
    if not words or not capital or k < 0:
        return ""
    if tokens[num.b0 - 1].norm not in _ACTOR_WORDS and not _looks_like_name(
        tokens[num.b0 - 1], rules
    ):
        return ""
    return "actor" if tokens[k].norm in rules.and_words or tokens[k].text in {",", ";"} else ""


def _right_after(tokens: Sequence[Token], head_end: int, cue_at: int, rules: LangRules) -> bool:
    """True when the cue follows the head directly ("children were killed"), not a new verb."""
    if cue_at - head_end > 3:
        return False
    if any(tokens[m].norm not in rules.auxiliaries for m in range(head_end, cue_at)):
        return False
    cue = tokens[cue_at]
    # Arabic "وإصابة": a conjunction glued to the cue starts another clause
    return not (_glued_and(cue, rules) and cue.norm not in rules.cues)


def _toll_group(tokens: Sequence[Token], num: Number, rules: LangRules) -> str | None:
    """The group a toll phrase counts: "the number of paramedics killed since May to 174"."""
    m = num.b0
    while m > 0 and tokens[m - 1].norm in rules.determiners:
        m -= 1
    if m == 0 or tokens[m - 1].norm not in rules.toll_links:
        return None
    for end in range(m - 1, max(0, m - 25), -1):
        if tokens[end - 1].norm in rules.clause_breaks:
            return None
        hit = rules.cues.match_ending(tokens, end)
        if hit is not None and hit[0] in {"killed", "injured"}:
            for start in range(hit[1] - 1, max(-1, hit[1] - 4), -1):
                vic = rules.victims.match(tokens, start)
                if vic is not None and vic[1] == hit[1]:
                    return vic[0]
            return None
    return None


def _toll(tokens: Sequence[Token], num: Number, rules: LangRules) -> str:
    """Kind of a count ending a toll phrase: "the death toll rose to 67", "ارتفع عدد القتلى إلى"."""
    m = num.b0
    while m > 0 and tokens[m - 1].norm in rules.determiners:
        m -= 1
    if m == 0 or tokens[m - 1].norm not in rules.toll_links:
        return ""
    for end in range(m - 1, max(0, m - 25), -1):
        if tokens[end - 1].norm in rules.clause_breaks:
            return ""
        hit = rules.cues.match_ending(tokens, end)
        if hit is not None and hit[0] in {"killed", "injured"}:
            return hit[0]
    return ""


def _blocked_before(tokens: Sequence[Token], num: Number, rules: LangRules) -> bool:
    """True when an interception or other non-count word governs a weapon list."""
    k = num.b0 - 1
    if k >= 1 and tokens[k].norm in rules.determiners:
        k -= 1  # "shot down 9 of the 12 missiles"
    if k >= 0 and tokens[k].norm in {"of", "from"}:
        return False  # "shot down 21 out of 28 drones": 28 were launched
    lo = max(0, num.b0 - 8)
    for end in range(num.b0, lo, -1):
        if tokens[end - 1].norm in rules.clause_breaks:
            return False
        hit = rules.cues.match_ending(tokens, end)
        if hit is not None:
            return hit[0] == "block"
    return False


def _subject(
    tokens: Sequence[Token],
    head: _Head,
    found: Found,
    prev: Found | None,
    parent: Found | None,
    rules: LangRules,
) -> str:
    if head.type == "victim":
        if head.value in _MIXED and head.end + 1 < len(tokens):
            # "six soldiers and civilians were killed": a mixed group is people
            if tokens[head.end].norm in rules.and_words:
                other = rules.victims.match(tokens, head.end + 1)
                if other is not None and other[0] in _MIXED and other[0] != head.value:
                    return "people"
        return head.value
    if head.type in {"casualty", "bare"}:
        if head.type == "casualty" and head.value != "people":
            return head.value  # "891 civilian deaths"
        # "killed 426 civilians and injured over 100", "11 civilians killed and five wounded"
        if prev is not None and _elliptic(tokens, prev, found.num, rules):
            return _root(prev).subject
        return (
            _group_of_casualties(tokens, found.num.b0, rules)
            or _toll_on(tokens, found.num.b0, rules)
            or "people"
        )
    if head.type == "group":
        if head.value:
            return head.value
        if parent is not None and parent.kind in {"killed", "injured"}:
            return _root(parent).subject  # "Of these, 70 were killed by ..." after a breakdown
        return "people"
    if head.type == "others":
        if _groups_before(tokens, found.num.b0, rules) >= 2:
            return "people"  # "a child and three women were killed and eight others wounded"
        if prev is not None and prev.kind in {"killed", "injured"}:
            root = _root(prev)
            if root.subject == "family_members":
                # "five civilians of one family and three others": the others are civilians
                own = _own_noun(tokens, root, rules)
                if own is not None:
                    return own
            return root.subject
        near = _nearest_victim_before(tokens, found.num.b0, rules)
        if near is not None:
            return near
        if parent is not None and parent.kind in {"killed", "injured"}:
            return _root(parent).subject
        return "people"
    return ""


def _groups_before(tokens: Sequence[Token], end: int, rules: LangRules) -> int:
    """How many different victim groups a list before ``end`` names ("a child and three
    women"; none where a breakdown opens)."""
    seen: set[str] = set()
    for k in range(end):
        if rules.include_cues.match(tokens, k) is not None:
            return 0  # a breakdown, not a list of groups: "eight civilians, including ..."
        vic = rules.victims.match(tokens, k)
        if vic is not None and vic[1] <= end and vic[0] not in {"people", "other"}:
            seen.add(vic[0])
    return len(seen)


def _own_noun(tokens: Sequence[Token], found: Found, rules: LangRules) -> str | None:
    """The victim noun right after a count of this sentence ("five civilians of one family")."""
    i = found.num.i1
    if not tokens or found.start < tokens[0].start or i >= len(tokens):
        return None
    if tokens[found.num.i0].start != found.start and tokens[found.num.b0].start != found.start:
        return None  # not this sentence's tokens
    hit = rules.victims.match(tokens, i)
    if hit is None or hit[0] in {"family_members", "people"}:
        return None
    return hit[0]


_CASUALTY_KINDS = frozenset({"killed", "injured"})


def _in_brackets_list(tokens: Sequence[Token], prev: Found, b0: int, rules: LangRules) -> bool:
    """True when ``prev`` also opened a bracket of the same list: "a house (12 dead), a flat
    (six dead) and a tent (three children)"."""
    at = next((k for k in range(b0) if tokens[k].start == prev.start), -1)
    if at < 1 or tokens[at - 1].text != "(":
        return False
    return not any(tokens[k].norm in rules.clause_breaks for k in range(at, b0))


_MIXED = frozenset({"fighters", "civilians"})
_FAMILY_GROUPS = frozenset({"children", "women", "men"})
_SECTORS = {"health": "medical_staff", "medical": "medical_staff", "healthcare": "medical_staff"}


def _toll_on(tokens: Sequence[Token], b0: int, rules: LangRules) -> str | None:
    """The group of "the toll on the health sector stands at 192 killed" / "the toll among
    paramedics reached 40 dead"."""
    for k in range(b0 - 1, max(0, b0 - 12), -1):
        if tokens[k].norm in rules.clause_breaks or tokens[k].kind == "num":
            return None
        if tokens[k - 1].norm == "toll" and tokens[k].norm in {"on", "among"}:
            m = k + 1
            if m < b0 and tokens[m].norm == "the":
                m += 1
            if m + 1 < b0 and tokens[m + 1].norm == "sector":
                return _SECTORS.get(tokens[m].norm)
            vic = rules.victims.match(tokens, m) if m < b0 else None
            return vic[0] if vic is not None and vic[0] != "people" else None
    return None


_TOTAL_NOUNS = frozenset({"casualties", "casualty", "deaths", "victims", "toll", "dead"})


def _group_of_casualties(tokens: Sequence[Token], b0: int, rules: LangRules) -> str | None:
    """The group of a combined total a count splits: "903 civilian casualties: 181 killed and
    722 injured", "3,812 civilian casualties (1,366 killed ...)" give civilians."""
    if b0 < 3 or tokens[b0 - 1].text not in {"(", ":", "—", "–"}:
        return None
    k = b0 - 2
    if tokens[k].kind == "num" and tokens[b0 - 1].text == "(":
        # "..., of which the coalition caused 519 (363 killed and 156 injured)": the kind of
        # total the sentence has been counting
        k = next(
            (x for x in range(k - 1, max(-1, k - 30), -1) if tokens[x].norm in _TOTAL_NOUNS), -1
        )
        if k < 0 or any(tokens[x].norm in rules.clause_breaks for x in range(k, b0)):
            return None
    if tokens[k].norm not in _TOTAL_NOUNS:
        return None
    for m in range(k - 1, max(-1, k - 3), -1):
        vic = rules.victims.match(tokens, m)
        if vic is not None and vic[1] == k and vic[0] != "people":
            return vic[0]
    return None


def _root(f: Found) -> Found:
    """The claim a breakdown part belongs to ("nine of them children" -> "17 civilians")."""
    seen = 0
    while f.inherited and f.parent is not None and seen < 10:
        f = f.parent
        seen += 1
    return f


def _bound_after(tokens: Sequence[Token], found: Found, rules: LangRules) -> None:
    if found.num.bound != "exact":
        return
    for m in range(found.head_end, min(len(tokens), found.head_end + 3)):
        hit = rules.bounds_after.match(tokens, m)
        if hit is not None:
            found.num.bound = hit[0]
            return
        if tokens[m].kind == "num" or tokens[m].norm in rules.clause_breaks:
            return


def _strike(
    tokens: Sequence[Token],
    found: Found,
    head: _Head,
    rules: LangRules,
    starts: set[int],
    prev: Found | None,
    linked: bool,
    near_after: tuple[str, int] | None,
) -> Found | None:
    n = len(tokens)
    j = head.end
    subject = head.value
    if subject == "airstrike" and "bomb" in tokens[j - 1].forms:
        # "three bombs had been dropped by a drone": the carrier names the strikes
        for m in range(j, min(n, j + 7)):
            if tokens[m].norm in rules.clause_breaks or tokens[m].kind == "num":
                break
            carrier = rules.weapons.match(tokens, m)
            if carrier is not None and carrier[0] in {"drone", "barrel_bomb"}:
                subject = carrier[0]
                break
    # "attacks on vital civilian facilities", "27 strikes on schools": facility counts
    if j < n and tokens[j].norm in rules.facility_links:
        m = j + 1
        while m < n and m - j <= 4:
            fac = rules.facilities.match(tokens, m)
            if fac is not None:
                found.kind = "facilities_hit"
                found.subject = fac[0]
                found.weapon = None if subject == "other" else subject
                found.end = tokens[fac[1] - 1].end
                found.head_end = fac[1]
                found.status = _status(tokens, found, rules)
                found.rule = "attacks_on_facilities"
                return found
            skip = _skippable(tokens[m], rules) or tokens[m].norm in rules.determiners
            if not skip and tokens[m].kind != "num":  # "492 attacks on 330 facilities"
                break
            m += 1
    # "attacks involving cluster munitions", "attacks from multiple launch rocket systems"
    named_after = False
    if subject == "other" and j < n and tokens[j].norm in rules.weapon_links:
        m = j + 1
        while m < n and m - j <= 4:
            w = rules.weapons.match(tokens, m)
            if w is not None:
                subject = w[0]
                named_after = True
                break
            m += 1
    if subject == "other" and head.value == "other" and not named_after:
        # "used cluster munitions in at least seven attacks"
        for m in range(found.num.b0 - 1, max(-1, found.num.b0 - 7), -1):
            if tokens[m].norm in rules.clause_breaks:
                break
            w = rules.weapons.match(tokens, m)
            if w is not None and w[0] != "other" and w[1] <= found.num.b0:
                for back in (1, 2):  # "cluster munitions" rather than "munitions"
                    wider = rules.weapons.match(tokens, m - back) if m - back >= 0 else None
                    if wider is not None and wider[1] >= w[1] and wider[0] != "other":
                        w = wider
                subject = w[0]
                break
    # "five attacks hit medical facilities": the attacks count the facilities they hit
    if subject == "other" and j < n and rules.hit_cues.match(tokens, j) is not None:
        for m in range(j + 1, min(n, j + 5)):
            fac = rules.facilities.match(tokens, m)
            if fac is not None:
                found.kind, found.subject, found.weapon = "facilities_hit", fac[0], None
                found.status = _status(tokens, found, rules)
                found.rule = "attacks_on_facilities"
                return found
            if tokens[m].norm in rules.clause_breaks or tokens[m].kind == "num":
                break
    # "35 drones and all three missiles were destroyed": shot down, not strikes
    k = j
    while k < n and k - j < 12:
        tok = tokens[k]
        if tok.norm in rules.auxiliaries or tok.norm in _INTERCEPT_GLUE or tok.kind == "num":
            k += 1
        elif tok.norm in rules.units or (_looks_like_name(tok, rules) and tok.kind == "word"):
            k += 1
        else:
            w = rules.weapons.match(tokens, k)
            if w is None:
                break
            k = w[1]
    if k > j and k < n and tokens[k].norm in {"destroyed", "neutralised", "neutralized"}:
        if tokens[k - 1].norm in {"were", "was", "been"}:
            return None
    launched = j < n and tokens[j].norm in {"launched", "fired"}
    if near_after is not None and near_after[0] == "block" and not launched:
        return None  # "40 drones were shot down" (but "40 drones launched ... were shot down")
    if (
        prev is not None
        and prev.kind == "facilities_hit"
        and subject == "other"
        and (linked or (prev.rule in _ATTACK_RULES and head.value == "other"))
    ):
        # "629 attacks" continuing a list of attacks on facilities; "898 attacks on vital
        # facilities, including 431 attacks by regime forces and 239 attacks by Russian forces"
        found.kind = "facilities_hit"
        found.subject = "any"
        found.rule = "attacks_after_facility_attacks"
        return found
    found.kind = "strikes"
    found.subject = subject
    found.weapon = subject
    return found


_USED = frozenset({"used", "using", "involved", "involving", "with"})
# rules whose claims count attacks on facilities: a bare count of attacks after one counts them too
_ATTACK_RULES = frozenset(
    {"attacks_on_facilities", "attacks_after_facility_attacks", "attacks_under_facility_header"}
)


def _part_of_attacks(
    tokens: Sequence[Token], found: Found, head: _Head, rules: LangRules, ref: Found | None
) -> Found | None:
    """A share of a count of attacks or facilities hit: "Russian forces carried out 41 of them",
    "in the remaining three", "two of them medical", "10 of the attacks used barrel bombs"."""
    # "10 of the 41 attacks used barrel bombs", "14 raids, two of them with cluster munitions"
    if head.noun == "weapon" or (ref is not None and ref.kind == "strikes" and not head.noun):
        m = head.end
        if m < len(tokens) and tokens[m].norm in _USED:
            for k in range(m + 1, min(len(tokens), m + 4)):
                w = rules.weapons.match(tokens, k)
                if w is not None:
                    found.kind, found.subject, found.weapon = "strikes", w[0], w[0]
                    return found
    if ref is None or ref.kind != "facilities_hit":
        return None  # "shot down 30 of the missiles", "one of them released gas": no count
    if ref.parent is not None and not ref.inherited and ref.parent.kind == ref.kind:
        ref = ref.parent  # "carried out 18 of them; the remaining 12": shares of one total
    if head.noun == "facility" and head.value:
        found.kind, found.subject = "facilities_hit", head.value
    else:
        found.kind, found.subject = ref.kind, ref.subject
        found.weapon = ref.weapon
    found.status = _status(tokens, found, rules) if found.kind == "facilities_hit" else None
    found.parent = ref
    return found


def _facility(
    tokens: Sequence[Token],
    found: Found,
    head: _Head,
    rules: LangRules,
    prev: Found | None,
    parent: Found | None,
    linked: bool,
) -> Found | None:
    n = len(tokens)
    hit = False
    lo = max(0, found.num.b0 - _NEAR_BEFORE)
    for m in range(found.num.b0 - 1, lo - 1, -1):
        if tokens[m].norm in rules.clause_breaks:
            break
        h = rules.hit_cues.match(tokens, m)
        if h is not None and h[1] <= found.num.b0:
            hit = True
            break
    if not hit:
        m = found.head_end
        hi = min(n, found.head_end + _FAR_AFTER)
        while m < hi:
            if tokens[m].text == "(":  # "1,600 clinics (a tenth of all) were damaged"
                close = next((x for x in range(m, min(n, m + 12)) if tokens[x].text == ")"), -1)
                if close > 0:
                    hi = min(n, hi + close + 1 - m)
                    m = close + 1
                    continue
            if tokens[m].kind == "num" and _continues_facility_list(tokens, m, rules):
                m += 1  # "25 clinics and 72 schools had been damaged"
                continue
            if tokens[m].norm == "out" and m + 2 < n and tokens[m + 1].norm == "of":
                if tokens[m + 2].kind == "num":
                    m += 3  # "16 hospitals out of 35 have stopped functioning"
                    continue
            if tokens[m].norm in rules.clause_breaks or tokens[m].kind == "num":
                break
            if rules.hit_cues.match(tokens, m) is not None:
                hit = True
                break
            if rules.statuses.match(tokens, m) is not None:
                hit = True
                break
            m += 1
    b0 = found.num.b0
    if not hit and b0 >= 1 and tokens[b0 - 1].norm in {"onto", "into", "on"}:
        # "two cylinders were dropped from helicopters onto two buildings"
        for m in range(b0 - 2, max(-1, b0 - 10), -1):
            if tokens[m].norm in rules.clause_breaks:
                break
            if tokens[m].norm in _DROPPED:
                hit = True
                break
    if not hit and b0 >= 1 and tokens[b0 - 1].norm in rules.facility_links:
        # "used cluster munitions on four camps"
        for m in range(b0 - 2, max(-1, b0 - 8), -1):
            if rules.weapons.match(tokens, m) is not None:
                hit = True
                break
    if not hit and head.noun == "link":
        # "Among these attacks were 19 on medical facilities": attacks named before the count
        for m in range(found.num.b0 - 1, max(-1, found.num.b0 - 12), -1):
            w = rules.weapons.match(tokens, m)
            if w is not None and w[1] <= found.num.b0:
                hit = True
                break
    if not hit and linked and prev is not None and prev.kind in {"facilities_hit", "strikes"}:
        hit = True
        found.parent = prev
        found.inherited = True
    if (
        not hit
        and prev is None
        and parent is not None
        and parent.kind == "facilities_hit"
        and _include_before(tokens, found.num, rules)
    ):
        hit = True  # "... 19 attacks on civilian facilities. These included three schools"
        found.parent = parent
        found.inherited = True
    if not hit:
        return None
    found.kind = "facilities_hit"
    found.subject = head.value
    ref = prev or parent
    if head.noun == "facility" and ref is not None and ref.kind == "facilities_hit":
        found.subject = ref.subject  # "seven clinics ... Two of the facilities were destroyed"
    found.status = _status(tokens, found, rules)
    return found


def _continues_facility_list(tokens: Sequence[Token], m: int, rules: LangRules) -> bool:
    """True for the count at ``m`` in "25 clinics and 72 schools": another part of a list."""
    if m < 1 or not (tokens[m - 1].norm in rules.and_words or tokens[m - 1].text in {",", "،"}):
        return False
    return any(rules.facilities.match(tokens, k) is not None for k in range(m + 1, m + 4))


def _status(tokens: Sequence[Token], found: Found, rules: LangRules) -> str | None:
    n = len(tokens)
    best: tuple[int, str] | None = None
    lo = max(0, found.num.b0 - 6)
    hi = min(n, found.head_end + 8)
    if found.head_end < n and tokens[found.head_end].text == "(":  # "(a fifth of all)"
        close = next((x for x in range(found.head_end, min(n, hi + 8)) if tokens[x].text == ")"), 0)
        hi = min(n, max(hi, close + 6))
    for m in range(lo, hi):
        hit = rules.statuses.match(tokens, m)
        if hit is not None:
            dist = abs(m - found.head_end) if m >= found.head_end else found.num.b0 - m
            if best is None or dist < best[0]:
                best = (dist, hit[0])
    return best[1] if best else None
