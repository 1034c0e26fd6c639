"""The project's own development set (tests/extract/devset) follows the eval-dev annotation rules.

Every ``NNN.json`` sits next to its ``NNN.txt`` and its claims use the closed vocabularies of
:mod:`harmwatch.vocab`, canonical actor names, quotes found verbatim in the text and showing
their value (digits, Arabic-Indic digits, English or Arabic number words, Arabic duals).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from harmwatch import vocab

DEVSET = Path(__file__).resolve().parent / "devset"
FIELDS = ("id", "lang", "published", "conflict", "claims", "places", "perpetrators", "notes")
CLAIM_FIELDS = {"kind", "subject", "value", "bound", "perpetrator", "quote", "max"}
LANGS = {"en", "ar", "fr", "es", "de", "it", "pt", "tr"}
CONFLICTS = {
    "Syria",
    "Yemen",
    "Ukraine",
    "Gaza",
    "Lebanon",
    "Sudan",
    "Myanmar",
    "Afghanistan",
    "Ethiopia",
    "Iraq",
}
MAX_QUOTE = 130

EN_ONES = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen".split()
    )
}
EN_TENS = {
    w: 10 * i
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
AR_WORDS = {
    "واحد": 1,
    "واحدة": 1,
    "اثنان": 2,
    "اثنين": 2,
    "ثلاث": 3,
    "ثلاثة": 3,
    "اربع": 4,
    "اربعة": 4,
    "خمس": 5,
    "خمسة": 5,
    "ست": 6,
    "ستة": 6,
    "سبع": 7,
    "سبعة": 7,
    "ثمان": 8,
    "ثماني": 8,
    "ثمانية": 8,
    "تسع": 9,
    "تسعة": 9,
    "عشر": 10,
    "عشرة": 10,
}
AR_DUAL_ENDINGS = ("ان", "ين")
AR_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def english_values(quote: str) -> set[int]:
    """Values of English number-word phrases ("twenty-three", "a dozen", "a hundred")."""
    toks = re.findall(r"[a-z]+", quote.lower())
    out: set[int] = set()
    for i in range(len(toks)):
        cur, used = 0, False
        j = i
        if toks[j] == "a" and j + 1 < len(toks) and toks[j + 1] in ("dozen", "hundred"):
            cur, used, j = 1, True, j + 1
        while j < len(toks):
            tok = toks[j]
            if tok in EN_ONES:
                cur += EN_ONES[tok]
            elif tok in EN_TENS:
                cur += EN_TENS[tok]
            elif tok == "dozen" and used:
                cur *= 12
            elif tok == "hundred" and used:
                cur *= 100
            elif tok == "and" and used:
                j += 1
                continue
            else:
                break
            used = True
            out.add(cur)
            j += 1
    return out


def arabic_values(quote: str) -> set[int]:
    """Values of Arabic number words (with a leading و/ب/ال stripped) and of dual nouns (2)."""
    out: set[int] = set()
    for raw in re.findall(r"[\u0621-\u064a\u0670]+", quote):
        tok = re.sub(r"[\u064b-\u0652]", "", raw).translate(str.maketrans("أإآ", "ااا"))
        for cand in (tok, tok[1:], tok.removeprefix("ال"), tok.removeprefix("وال")):
            if cand in AR_WORDS:
                out.add(AR_WORDS[cand])
        if len(tok) > 4 and tok.endswith(AR_DUAL_ENDINGS):
            out.add(2)  # dual nouns: طفلان, منزلين, مدرستين, مركزين
    return out


# German and Portuguese number words used in the dev set's texts ("einundzwanzig" is one word)
OTHER_WORDS = {
    "zwei": 2, "drei": 3, "vier": 4, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "elf": 11, "einundzwanzig": 21, "um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3,
    "quatro": 4, "cinco": 5, "sete": 7, "a": 1, "an": 1,
}  # fmt: skip


def other_values(quote: str) -> set[int]:
    """Values of German / Portuguese number words, and of "a"/"an" counting one in a list."""
    return {OTHER_WORDS[w] for w in re.findall(r"\w+", quote.lower()) if w in OTHER_WORDS}


def value_in_quote(value: int, quote: str) -> bool:
    """True when ``quote`` shows ``value`` in digits or words."""
    digits = quote.translate(AR_DIGITS)
    for form in {str(value), f"{value:,}", f"{value:,}".replace(",", ".")}:
        if re.search(rf"(?<![\d,.]){re.escape(form)}(?![\d]|[,.]\d)", digits):
            return True
    return (
        value in english_values(quote)
        or value in arabic_values(quote)
        or value in other_values(quote)
    )


def canonical_actors() -> set[str]:
    return {actor.name for actor in vocab.actors()}


def perpetrator_problem(perpetrator: Any) -> str | None:
    if perpetrator is None:
        return None
    if not isinstance(perpetrator, str):
        return f"perpetrator {perpetrator!r} is not a string"
    parts = perpetrator.split(" or ")
    unknown = [p for p in parts if p not in canonical_actors()]
    if unknown or len(parts) > 2 or len(set(parts)) != len(parts):
        return f"perpetrator {perpetrator!r} is not one or two canonical actors"
    return None


def claim_problems(claim: dict[str, Any], text: str) -> list[str]:
    problems = []
    extra = set(claim) - CLAIM_FIELDS
    if extra:
        problems.append(f"unknown fields {sorted(extra)}")
    kind, subject, value = claim.get("kind"), claim.get("subject"), claim.get("value")
    if kind not in vocab.CLAIM_KINDS:
        problems.append(f"kind {kind!r} not in {vocab.CLAIM_KINDS}")
    elif subject not in vocab.SUBJECTS_BY_KIND[kind]:
        problems.append(f"subject {subject!r} not allowed for {kind}")
    if claim.get("bound") not in vocab.BOUNDS:
        problems.append(f"bound {claim.get('bound')!r} not in {vocab.BOUNDS}")
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        problems.append(f"value {value!r} is not a non-negative integer")
    if "max" in claim:
        top = claim["max"]
        if not isinstance(top, int) or not isinstance(value, int) or top <= value:
            problems.append(f"max {top!r} must be an integer above value {value!r}")
        elif claim.get("bound") != "at_least":
            problems.append("a range is annotated with bound at_least")
    problem = perpetrator_problem(claim.get("perpetrator"))
    if problem:
        problems.append(problem)
    quote = claim.get("quote")
    if not isinstance(quote, str) or not quote or quote not in text:
        problems.append(f"quote not found verbatim: {quote!r}")
    elif len(quote) > MAX_QUOTE:
        problems.append(f"quote longer than {MAX_QUOTE} characters")
    elif isinstance(value, int) and not value_in_quote(value, quote):
        problems.append(f"value {value} not visible in quote {quote!r}")
    return problems


def gold_problems(path: Path) -> list[str]:
    """Every rule a gold file breaks, one message each (empty when it is clean)."""
    text_path = path.with_suffix(".txt")
    if not text_path.exists():
        return ["no text file next to it"]
    text = text_path.read_text(encoding="utf-8")
    gold = json.loads(path.read_text(encoding="utf-8"))
    problems = [f"missing field {f}" for f in FIELDS if f not in gold]
    if gold.get("id") != path.stem:
        problems.append(f"id {gold.get('id')!r} is not the file name")
    if gold.get("lang") not in LANGS:
        problems.append(f"lang {gold.get('lang')!r}")
    if gold.get("conflict") not in CONFLICTS:
        problems.append(f"conflict {gold.get('conflict')!r}")
    published = gold.get("published")
    if published is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(published)):
        problems.append(f"published {published!r} is not YYYY-MM-DD")
    named = set(gold.get("perpetrators", []))
    seen: set[tuple[Any, ...]] = set()
    for n, claim in enumerate(gold.get("claims", [])):
        problems += [f"claim {n}: {p}" for p in claim_problems(claim, text)]
        for actor in (claim.get("perpetrator") or "").split(" or "):
            if actor and actor not in named:
                problems.append(f"claim {n}: {actor!r} missing from perpetrators")
        key = (claim.get("kind"), claim.get("subject"), claim.get("value"), claim.get("quote"))
        if key in seen:
            problems.append(f"claim {n}: annotated twice {key}")
        seen.add(key)
    for actor in named:
        problem = perpetrator_problem(actor)
        if problem or " or " in actor:
            problems.append(f"perpetrators entry {actor!r} is not one canonical actor")
    for place in gold.get("places", []):
        if place not in text:
            problems.append(f"place {place!r} not in the text")
    words = len(text.split())
    if not 60 <= words <= 300:
        problems.append(f"text has {words} words")
    return problems


GOLD_FILES = sorted(DEVSET.glob("*.json"))


def test_devset_has_enough_documents_in_english_and_arabic() -> None:
    langs = [json.loads(p.read_text(encoding="utf-8"))["lang"] for p in GOLD_FILES]
    assert len(GOLD_FILES) >= 60
    assert langs.count("en") >= 50
    assert "ar" in langs
    assert sorted(p.stem for p in DEVSET.glob("*.txt")) == [p.stem for p in GOLD_FILES]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_follows_the_annotation_rules(path: Path) -> None:
    assert gold_problems(path) == []


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        (23, "killing twenty-three civilians"),
        (36, "Three dozen people"),
        (12, "killed a dozen people"),
        (100, "more than a hundred raids"),
        (1031, "At least 1,031 civilians"),
        (92, "٩٢ شهيداً"),
        (3, "مقتل ثلاثة أطفال"),
        (2, "طفلان"),
    ],
)
def test_number_reader_sees_values_written_in_many_ways(value: int, quote: str) -> None:
    assert value_in_quote(value, quote)


@pytest.mark.parametrize(("value", "quote"), [(12, "112 bodies"), (4, "14 injured"), (2, "2,000")])
def test_number_reader_does_not_see_a_value_inside_a_larger_number(value: int, quote: str) -> None:
    assert not value_in_quote(value, quote)
