"""Write docs/cli.md from the commands themselves, so the reference cannot drift from --help.

Run: .venv/bin/python scripts/gen_cli_docs.py   (tests/test_docs.py fails when it is stale)
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Any

import typer

from harmwatch.cli import app

OUT = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def _param_line(param: Any) -> str:
    if param.param_type_name == "argument":
        return f"- `{param.name.upper()}`" + (
            f": {param.help}" if getattr(param, "help", None) else ""
        )
    names = ", ".join(f"`{opt}`" for opt in [*param.opts, *param.secondary_opts])
    default = ""
    if param.default not in (None, False, (), []) and not param.is_flag:
        default = f" (default `{param.default}`)"
    envvar = f" [env `{param.envvar}`]" if getattr(param, "envvar", None) else ""
    return f"- {names}: {param.help or ''}{default}{envvar}"


def _command_section(path: str, command: Any) -> list[str]:
    lines = [f"## `{path}`", ""]
    help_text = inspect.cleandoc(command.help or "")
    lines += [help_text, ""]
    params = [p for p in command.params if p.name != "help"]
    if params:
        lines += [_param_line(p) for p in params] + [""]
    return lines


def render() -> str:
    """The whole CLI reference as Markdown."""
    root = typer.main.get_command(app)
    lines = [
        "# Command reference",
        "",
        "Generated from the commands by `scripts/gen_cli_docs.py`; do not edit by hand.",
        "",
        "## Global options",
        "",
    ]
    lines += [_param_line(p) for p in root.params if p.name != "help"] + [""]
    for name in sorted(root.commands):  # type: ignore[attr-defined]
        command = root.commands[name]  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None)
        if subcommands:
            lines += [f"## `harmwatch {name}`", "", inspect.cleandoc(command.help or ""), ""]
            for sub in sorted(subcommands):
                lines += _command_section(f"harmwatch {name} {sub}", subcommands[sub])
        else:
            lines += _command_section(f"harmwatch {name}", command)
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {OUT}\n")
