"""Counts written in a sentence: digits, Arabic-Indic digits, number words, dozens, ranges.

``find_numbers`` walks a sentence's tokens once and returns every count with its token range,
value, the top of a range, and the bound said before it ("at least", "more than", "up to").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from harmwatch.extract._rules import LangRules
from harmwatch.extract._tokens import Token

__all__ = ["Number", "find_numbers", "parse_digits"]

_THOUSANDS = re.compile(r"^\d{1,3}(?:[,.]\d{3})+$")
_PLAIN = re.compile(r"^\d+$")
_DECIMAL = re.compile(r"^\d+\.\d+$")
_DASHES = frozenset({"-", "–", "—"})
_MAX_VALUE = 100_000_000


@dataclass(slots=True)
class Number:
    """A count in a sentence: tokens ``i0:i1`` (``b0`` where its bound phrase starts)."""

    i0: int
    i1: int
    value: int
    is_word: bool
    b0: int
    bound: str = "exact"
    max: int | None = None
    digits: str = ""


_MAX_DIGITS = 15  # longer runs of digits are codes, hashes or tables, never one count


def parse_digits(text: str) -> float | None:
    """Value of a digit token ("1,250", "1.250", "12", "1.5"), or None when it is no count."""
    if len(text) > _MAX_DIGITS:
        return None  # and int() of 309+ digits would overflow float, of 4,300+ raise
    if _PLAIN.match(text):
        return float(int(text))
    if _THOUSANDS.match(text):
        return float(int(text.replace(",", "").replace(".", "")))
    if _DECIMAL.match(text):
        return float(text)
    return None


def _word_value(tok: Token, rules: LangRules, first: bool) -> tuple[str, int] | None:
    """('unit'|'scale'|'dozen'|'teen', value) for a number word, trying the clitic-free forms."""
    clitics = rules.flags.number_clitics
    # clitics و ب ل only, never the article: "الأحد" is Sunday, not one
    forms: tuple[str, ...] = (tok.norm,)
    if clitics and len(tok.norm) > 2 and tok.norm[0] in clitics:
        forms = (tok.norm, tok.norm[1:])
    for form in forms:
        if form in rules.units:
            return ("unit", rules.units[form])
        if form in rules.scales:
            return ("scale", rules.scales[form])
        if form in rules.dozen:
            return ("dozen", rules.dozen[form])
    return None


def _parse_words(tokens: Sequence[Token], i: int, rules: LangRules) -> tuple[int, int] | None:
    """(value, end index) of a number written in words starting at token ``i``."""
    total = 0
    current = 0
    seen = False
    j = i
    n = len(tokens)
    last_end = i
    while j < n:
        tok = tokens[j]
        if tok.kind == "num":
            break
        if tok.kind != "word":
            # Arabic "٨ الاف، و٢٧٢": a comma inside a compound number
            if seen and tok.text in {",", "،"} and rules.flags.comma_inside_numbers and j + 2 < n:
                if tokens[j + 1].norm in rules.and_words or tokens[j + 1].norm.startswith("و"):
                    j += 1
                    continue
            break
        hyphenated = "-" in tok.norm and rules.flags.hyphenated_numbers
        parts = tok.norm.split("-") if hyphenated else [tok.norm]
        if len(parts) > 1:
            vals = [rules.units.get(p) for p in parts]
            if all(v is not None for v in vals):
                current += sum(v for v in vals if v is not None)
                seen = True
                j += 1
                last_end = j
                continue
            break
        hit = _word_value(tok, rules, not seen)
        if hit is None:
            if seen and tok.norm in rules.and_words and j + 1 < n:
                nxt = _word_value(tokens[j + 1], rules, False)
                if nxt is not None or tokens[j + 1].kind == "num":
                    j += 1
                    continue
            if not seen and tok.norm in rules.articles and j + 1 < n:
                nxt = _word_value(tokens[j + 1], rules, True)
                if nxt is not None and nxt[0] in {"scale", "dozen"}:
                    current = 1
                    seen = True
                    j += 1
                    continue
            break
        kind, v = hit
        if kind == "unit":
            flags = rules.flags
            if flags.teens_unit_then_ten and v == 10 and seen and 0 < current % 100 < 10:
                current += 10  # سبعة عشر = 17
            elif current % 10 and v < 10 and not flags.units_before_tens and current % 100 < 20:
                break  # "three five" is two numbers
            else:
                current += v
        elif kind == "dozen":
            current = max(current, 1) * v
        else:  # scale
            if v == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * v
                current = 0
        seen = True
        j += 1
        last_end = j
    if not seen:
        return None
    value = total + current
    return (value, last_end)


def _number_at(
    tokens: Sequence[Token], i: int, rules: LangRules
) -> tuple[int, int, bool, str] | None:
    """(value, end index, written in words, digits) of a number starting at token ``i``."""
    tok = tokens[i]
    if tok.kind == "num":
        v = parse_digits(tok.norm)
        if v is None:
            return None
        j = i + 1
        if j < len(tokens):
            hit = _word_value(tokens[j], rules, False)
            if hit is not None and hit[0] == "scale" and hit[1] >= 1000:
                v *= hit[1]
                j += 1
                # "٤ الاف و٧٧٣"
                and_more = rules.flags.and_after_thousands
                rest = _parse_words(tokens, j, rules) if and_more else None
                if rest is None and and_more and j < len(tokens):
                    k = j + 1 if tokens[j].text in {",", "،"} else j
                    if k + 1 < len(tokens) and tokens[k].norm in rules.and_words:
                        if tokens[k + 1].kind == "num":
                            extra = parse_digits(tokens[k + 1].norm)
                            if extra is not None and extra < 1000:
                                v += extra
                                j = k + 2
                elif rest is not None:
                    v += rest[0]
                    j = rest[1]
            elif hit is not None and hit[0] == "dozen":
                v *= hit[1]
                j += 1
        if v != int(v):
            return None
        return (int(v), j, False, tok.norm)
    if tok.kind != "word":
        return None
    parsed = _parse_words(tokens, i, rules)
    if parsed is None:
        return None
    return (parsed[0], parsed[1], True, "")


def _may_start_number(norm: str, rules: LangRules) -> bool:
    if norm in rules.units or norm in rules.scales or norm in rules.dozen:
        return True
    if norm in rules.articles:
        return True
    if "-" in norm:
        return norm.split("-", 1)[0] in rules.units
    clitics = rules.flags.number_clitics
    if clitics and len(norm) > 2 and norm[0] in clitics:
        rest = norm[1:]
        return rest in rules.units or rest in rules.scales
    return False


def find_numbers(tokens: Sequence[Token], rules: LangRules) -> list[Number]:
    """Every count in a sentence's tokens, left to right, with bounds and ranges joined."""
    out: list[Number] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.kind == "punct":
            i += 1
            continue
        if rules.duals and tok.kind == "word" and any(f in rules.duals for f in tok.forms):
            # "طفلان": the noun itself is the count; its head is itself
            out.append(Number(i0=i, i1=i, value=2, is_word=True, b0=i))
            i += 1
            continue
        if tok.kind == "word" and not _may_start_number(tok.norm, rules):
            i += 1
            continue
        hit = _number_at(tokens, i, rules)
        if hit is None:
            i += 1
            continue
        value, end, is_word, digits = hit
        if value > _MAX_VALUE:
            i = end
            continue
        num = Number(i0=i, i1=end, value=value, is_word=is_word, b0=i, digits=digits)
        _attach_bound(tokens, num, rules)
        _attach_range(tokens, num, rules)
        out.append(num)
        i = num.i1
    return out


def _attach_bound(tokens: Sequence[Token], num: Number, rules: LangRules) -> None:
    hit = rules.bounds_before.match_ending(tokens, num.i0)
    if hit is None:
        # "at least a dozen", "تجاوزت ال (2350)": an article or a bracket between
        end = num.i0
        while end > 0 and num.i0 - end < 2 and tokens[end - 1].norm in rules.bound_gap:
            end -= 1
        hit = rules.bounds_before.match_ending(tokens, end) if end < num.i0 else None
    if hit is not None:
        num.bound, num.b0 = hit
    if num.b0 >= 1 and tokens[num.b0 - 1].norm in rules.range_words:
        num.b0 -= 1


def _attach_range(tokens: Sequence[Token], num: Number, rules: LangRules) -> None:
    j = num.i1
    if j + 1 >= len(tokens):
        return
    link = tokens[j].norm
    if link not in rules.range_links and link not in _DASHES and link not in rules.and_words:
        return
    between = num.b0 < num.i0 and tokens[num.b0].norm in rules.range_words
    if link in rules.and_words and not between:
        return
    if link in _DASHES and num.is_word:
        return
    nxt = _number_at(tokens, j + 1, rules)
    if nxt is None:
        return
    top = nxt[0]
    if top <= num.value or top > num.value * 20 + 20:
        return
    num.max = top
    num.i1 = nxt[1]
    num.bound = "at_least"
