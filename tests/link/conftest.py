"""The project's example reports, read and analysed once per session."""

from __future__ import annotations

import pytest
from link_examples import Analysed, analyse_examples


@pytest.fixture(scope="session")
def examples() -> Analysed:
    """(file name, document, extraction) of every example report."""
    return analyse_examples()
