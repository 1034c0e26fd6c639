"""The alias tables extraction reads map only to values of the closed vocabularies."""

from __future__ import annotations

from harmwatch import vocab


def test_alias_tables_map_to_closed_values() -> None:
    checks = [
        (vocab.VICTIM_NOUNS, vocab.VICTIM_GROUPS),
        (vocab.WEAPON_NOUNS, vocab.WEAPONS),
        (vocab.FACILITY_NOUNS, vocab.FACILITY_TYPES),
        (vocab.BOUND_PHRASES, vocab.BOUNDS),
        (vocab.BOUND_PHRASES_AFTER, vocab.BOUNDS),
        (vocab.FACILITY_STATUS_CUES, vocab.FACILITY_STATUSES),
        (vocab.CASUALTY_NOUNS, ("killed", "injured")),
    ]
    for table, allowed in checks:
        for lang, aliases in table.items():
            bad = {k: v for k, v in aliases.items() if v not in allowed}
            assert not bad, f"{lang}: {bad}"


def test_every_actor_has_a_known_conflict_and_a_unique_name() -> None:
    names = [a.name for a in vocab.actors()]
    assert len(names) == len(set(names))
    for actor in vocab.actors():
        assert actor.aliases, actor.name
        for conflict in actor.conflict.split("|"):
            assert conflict in vocab.CONFLICT_CUES, (actor.name, conflict)
