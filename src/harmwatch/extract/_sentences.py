"""Sentence spans of a document: breaks at . ! ? ؟ and line ends, not after abbreviations.

Very long runs without a break are cut into windows so that no sentence costs more than a
bounded amount of work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["MAX_SENTENCE_CHARS", "iter_sentences", "sentence_spans", "split_sentences"]

MAX_SENTENCE_CHARS = 1500

# possessive runs that start only where a run starts: a line of 10 MB of dots is one step a dot
_BREAK = re.compile(r"(?<![.!?؟。])[.!?؟。]++[\"'”’»)\]]*+(?=\s)|(?<!\n)\n\s*+|[\u2029\u2028]")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st mt gen col lt sgt capt maj rep sen gov prof no nos vs etc inc ltd co
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e a.m p.m approx
    est fig al jr sr incl""".split()
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")


_MEMO_MAX = 1_000_000  # characters: a larger text's spans are not kept (nor the text)
_memo: tuple[str, tuple[tuple[int, int], ...]] = ("", ())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, in order, stripped of surrounding space.

    The spans of the last text (up to a million characters) are kept: extraction and then
    place-finding split the same document, and so pay for it once.
    """
    global _memo
    kept, spans_kept = _memo  # one read: another thread may replace it meanwhile
    if text is kept:
        return list(spans_kept)
    spans = list(iter_sentences(text))
    if len(text) <= _MEMO_MAX:
        _memo = (text, tuple(spans))
    return spans


def sentence_spans(text: str) -> Iterable[tuple[int, int]]:
    """The sentences of ``text``: a list (kept for the next caller) for an everyday text, one
    at a time for a huge one (which must not hold a list of them in memory)."""
    return split_sentences(text) if len(text) <= _MEMO_MAX else iter_sentences(text)


def iter_sentences(text: str) -> Iterator[tuple[int, int]]:
    """The spans of :func:`split_sentences`, one at a time (a huge text holds no list of them)."""
    start = 0
    for m in _BREAK.finditer(text):
        end = m.end()
        punct = m.group()
        if punct[:1] == ".":
            before = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if before is not None:
                word = before.group(1).lower()
                if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                    continue
                if "." in word and len(word) <= 5:  # U.S. / a.m.
                    continue
            nxt = end
            while nxt < len(text) and text[nxt] in " \t":
                nxt += 1
            if nxt < len(text) and text[nxt].islower():
                continue
        yield from _spans(text, start, end)
        start = end
    yield from _spans(text, start, len(text))


def _spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        yield (start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield (start, end)
