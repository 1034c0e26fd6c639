"""The ``harmwatch`` command: thin, it parses options, calls the stages and renders.

Each command group lives in its own module and registers itself on the one ``app``.
"""

from __future__ import annotations

from harmwatch.cli import (
    _audit,  # noqa: F401  (registers commands)
    _claims,  # noqa: F401  (registers commands)
    _db,  # noqa: F401  (registers commands)
    _demo,  # noqa: F401  (registers commands)
    _extract,  # noqa: F401  (registers commands)
    _geo,  # noqa: F401  (registers commands)
    _import,  # noqa: F401  (registers commands)
    _incidents,  # noqa: F401  (registers commands)
    _ingest,  # noqa: F401  (registers commands)
    _reextract,  # noqa: F401  (registers commands)
    _review,  # noqa: F401  (registers commands)
    _summary,  # noqa: F401  (registers commands)
    _users,  # noqa: F401  (registers commands)
    _version,  # noqa: F401  (registers commands)
)
from harmwatch.cli._app import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``harmwatch`` console script."""
    app()
