"""``harmwatch version``."""

from __future__ import annotations

from harmwatch import __version__
from harmwatch.cli._app import app, out_console


@app.command()
def version() -> None:
    """Print the harmwatch version.

    Example: harmwatch version
    """
    out_console.print(f"harmwatch {__version__}")
