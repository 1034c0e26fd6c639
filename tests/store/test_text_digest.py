"""A document's text is hashed in chunks (a 200 MB text is never copied whole): same digest."""

from __future__ import annotations

import hashlib

import pytest

from harmwatch.store import _digest


@pytest.mark.parametrize(
    "text",
    ["", "abc", "Saraqib \u0633\u0631\u0627\u0642\u0628 \U0001f600", "a\ud83d\ude00b\udc80" * 5],
)
def test_chunked_text_digest_is_the_whole_texts(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    whole = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    assert _digest._text_sha256(text) == whole
    monkeypatch.setattr(_digest, "_HASH_CHUNK", 3)  # chunks that cut pairs and characters
    assert _digest._text_sha256(text) == whole
