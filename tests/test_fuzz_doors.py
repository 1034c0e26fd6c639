"""Fuzzing the doors (bounded, in the suite): what reaches the user's terminal or pipe is always
one safe line or valid JSON, and hostile pages never crash reading.

The extractor's own fuzzing (time and crashes on hostile text) lives in tests/extract/.
"""

from __future__ import annotations

import contextlib
import io
import json
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from harmwatch.cli._output import json_line, printable
from harmwatch.errors import InputError
from harmwatch.ingest import read_bytes, sniff_media_type
from harmwatch.ingest._html import page_text

# any code point, lone surrogates included (file names that are not UTF-8 come as surrogates)
ANY_TEXT = st.text(alphabet=st.characters(codec=None, categories=None), max_size=200)
MARKUP = st.lists(
    st.sampled_from(
        ["<", ">", "</", "<!--", "-->", "<script>", "</script>", "<style", "<p>", "<div>",
         "&amp;", "&#", "<a href='", "'", '"', "\n", " ", "12 killed", "<br/>", "<![CDATA["]
    ),
    max_size=60,
).map("".join)  # fmt: skip
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(ANY_TEXT)
def test_printable_is_one_line_a_strict_terminal_can_print(text: str) -> None:
    shown = printable(text)
    shown.encode("utf-8")  # never a lone surrogate
    assert "\n" not in shown and "\r" not in shown
    assert not any(unicodedata.category(ch) == "Cc" for ch in shown)
    assert not any("\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069" for ch in shown)


@FUZZ
@given(st.dictionaries(st.sampled_from(["source", "text", "name"]), ANY_TEXT, max_size=3))
def test_a_json_line_is_one_line_of_valid_utf8_json(record: dict[str, str]) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        json_line(record)
    line = out.getvalue()
    assert line.endswith("\n") and line.count("\n") == 1
    line.encode("utf-8")
    assert set(json.loads(line)) == set(record)


@FUZZ
@given(st.one_of(MARKUP, ANY_TEXT))
def test_plain_text_of_any_markup_never_fails(html: str) -> None:
    text = page_text(html)
    assert "<script>" not in text.lower()


@FUZZ
@given(st.one_of(MARKUP.map(str.encode), st.binary(max_size=300)))
def test_any_page_gives_a_document_or_a_clear_refusal(raw: bytes) -> None:
    assert sniff_media_type(raw) in ("text/html", "text/plain")
    try:
        document = read_bytes(raw, source="x.html", media_type="text/html")
    except InputError as error:
        assert str(error).startswith("x.html: ")
    else:
        assert document.raw == raw
        assert document.text.strip()
