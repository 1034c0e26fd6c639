"""``harmwatch version`` (also ``harmwatch --version``)."""

from __future__ import annotations

from harmwatch import __version__
from harmwatch.cli._app import app
from harmwatch.cli._output import say


@app.command()
def version() -> None:
    """Print the harmwatch version.

    Example: harmwatch version
    """
    say(f"harmwatch {__version__}")
