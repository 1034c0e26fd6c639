"""Docs that cannot rot: the CLI reference, the error tree and the vocabularies are all written."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import typer

from harmwatch import errors, vocab
from harmwatch.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts/gen_cli_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_generated_from_the_current_commands() -> None:
    expected = _generator().render()
    actual = (ROOT / "docs/cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run .venv/bin/python scripts/gen_cli_docs.py"


def test_every_command_has_a_description_and_an_example() -> None:
    root = typer.main.get_command(app)
    for name, command in root.commands.items():  # type: ignore[attr-defined]
        leaves = getattr(command, "commands", None) or {name: command}
        for leaf_name, leaf in leaves.items():
            assert leaf.help, f"{name} {leaf_name} has no help"
            assert "Example:" in leaf.help or leaf_name == "version", f"{leaf_name}: no example"


def test_every_error_class_is_documented() -> None:
    text = (ROOT / "docs/errors.md").read_text(encoding="utf-8")
    for name in errors.__all__:
        assert f"`{name}`" in text, f"{name} is missing from docs/errors.md"


def test_every_vocabulary_value_is_documented() -> None:
    text = (ROOT / "docs/vocabulary.md").read_text(encoding="utf-8")
    values = {*vocab.CLAIM_KINDS, *vocab.VICTIM_GROUPS, *vocab.WEAPONS, *vocab.FACILITY_TYPES}
    values |= {*vocab.BOUNDS, *vocab.FACILITY_STATUSES}
    values |= {*vocab.GRADES, *vocab.PERPETRATOR_CERTAINTIES, *vocab.LINK_DECISIONS}
    missing = sorted(v for v in values if f"`{v}`" not in text)
    assert not missing, f"docs/vocabulary.md lacks {missing}"
