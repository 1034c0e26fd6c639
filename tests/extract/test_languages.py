"""Every registered language fills every word table, with values of the closed vocabularies."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from harmwatch import vocab
from harmwatch.extract import SUPPORTED_LANGUAGES, extract_text
from harmwatch.extract._languages import (
    LANGUAGES,
    OPTIONAL_TABLES,
    Language,
    language,
    table_names,
)

EXTRACT = Path(__file__).resolve().parents[2] / "src" / "harmwatch" / "extract"

VALUES = {
    "victim_nouns": vocab.VICTIM_GROUPS,
    "weapon_nouns": vocab.WEAPONS,
    "facility_nouns": vocab.FACILITY_TYPES,
    "bounds_before": vocab.BOUNDS,
    "bounds_after": vocab.BOUNDS,
    "facility_statuses": vocab.FACILITY_STATUSES,
    "casualty_nouns": ("killed", "injured"),
}


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_every_registered_language_fills_every_table(code: str) -> None:
    lang = language(code)
    assert isinstance(lang, Language) and lang.code == code
    empty = [name for name in table_names() if not getattr(lang, name)]
    assert [name for name in empty if name not in OPTIONAL_TABLES] == []


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_word_tables_map_only_to_closed_vocabulary_values(code: str) -> None:
    lang = language(code)
    for name, allowed in VALUES.items():
        bad = {k: v for k, v in getattr(lang, name).items() if v not in allowed}
        assert not bad, f"{code}.{name}: {bad}"
    assert sorted(set(lang.months.values())) == list(range(1, 13))
    assert sorted(set(lang.weekdays.values())) == list(range(7))
    actors = {a.name for a in vocab.actors()}
    assert set(lang.actor_aliases) <= actors


def test_shared_rule_code_has_no_branch_on_a_language_code() -> None:
    branch = re.compile(r"""lang\s*(?:==|!=)\s*["']|lang\s+(?:not\s+)?in\s+\{["']""")
    offenders = [
        f"{path.name}:{n}"
        for path in EXTRACT.glob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if branch.search(line)
    ]
    assert offenders == []


def test_the_public_list_of_languages_is_the_registry() -> None:
    assert dict(SUPPORTED_LANGUAGES) == LANGUAGES


def test_every_actor_has_a_known_conflict_and_a_unique_name() -> None:
    names = [a.name for a in vocab.actors()]
    assert len(names) == len(set(names))
    for actor in vocab.actors():
        assert actor.aliases, actor.name
        for conflict in actor.conflict.split("|"):
            assert conflict in vocab.CONFLICT_CUES, (actor.name, conflict)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Bei dem Angriff wurden mindestens zwölf Menschen getötet.", "de", ("killed", 12)),
        ("Pelo menos 14 civis morreram no bombardeio.", "pt", ("killed", 14)),
        ("Au moins 9 civils ont été tués.", "fr", ("killed", 9)),
        ("Al menos 7 civiles murieron.", "es", ("killed", 7)),
        ("Almeno 6 civili sono stati uccisi.", "it", ("killed", 6)),
        ("قتل 5 مدنيين في القصف.", "ar", ("killed", 5)),
        ("At least 4 civilians were killed.", "en", ("killed", 4)),
    ],
)
def test_each_language_reads_a_plain_casualty_sentence(
    text: str, lang: str, expected: tuple[str, int]
) -> None:
    extraction = extract_text(text)
    assert extraction.lang == lang
    assert [(c.kind, c.value) for c in extraction.claims] == [expected]


def test_docs_list_every_supported_language() -> None:
    text = (EXTRACT.parents[2] / "docs" / "extract.md").read_text(encoding="utf-8")
    for code, name in LANGUAGES.items():
        assert f"| `{code}` | {name} |" in text


def test_every_claim_rule_is_documented_with_its_example() -> None:
    from harmwatch.extract._claims import CLAIM_RULES, KIND_RULES
    from harmwatch.extract._pipeline import RULE_CONFIDENCE

    text = (EXTRACT.parents[2] / "docs" / "extract.md").read_text(encoding="utf-8")
    names = [r.__name__.lstrip("_") for r in (*CLAIM_RULES, *KIND_RULES)]
    for rule in (*CLAIM_RULES, *KIND_RULES):
        assert rule.__doc__ and '"' in rule.__doc__, f"{rule.__name__} has no example"
    for name in [*names, *RULE_CONFIDENCE]:
        if name != "casualty_count":
            assert f"`{name}`" in text, f"docs/extract.md does not list the rule {name}"
