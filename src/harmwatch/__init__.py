"""harmwatch: documenting attacks on civilians, every number traceable to its source."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
