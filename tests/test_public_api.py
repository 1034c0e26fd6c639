"""Each stage has one front door: its ``__all__`` names exactly what it exports."""

from __future__ import annotations

import importlib

import pytest

PACKAGES = [
    "harmwatch",
    "harmwatch.errors",
    "harmwatch.vocab",
    "harmwatch.model",
    "harmwatch.ingest",
    "harmwatch.extract",
    "harmwatch.geo",
    "harmwatch.store",
    "harmwatch.link",
    "harmwatch.analyze",
    "harmwatch.pipeline",
    "harmwatch.review",
    "harmwatch.serialize",
    "harmwatch.publish",
    "harmwatch.api",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_every_name_in_all_exists(name: str) -> None:
    module = importlib.import_module(name)
    exported = module.__all__
    assert sorted(set(exported)) == sorted(exported), "__all__ has duplicates"
    for attr in exported:
        assert hasattr(module, attr), f"{name}.__all__ names {attr!r}, which is missing"


def test_every_error_class_has_a_docstring_and_status() -> None:
    from harmwatch import errors

    for attr in errors.__all__:
        cls = getattr(errors, attr)
        assert cls.__doc__, attr
        assert isinstance(cls.status, int)
