"""Sentence spans of a document: breaks at . ! ? ؟ and line ends, not after abbreviations.

Very long runs without a break are cut into windows so that no sentence costs more than a
bounded amount of work.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["MAX_SENTENCE_CHARS", "iter_sentences", "split_sentences"]

MAX_SENTENCE_CHARS = 1500

# possessive runs that start only where a run starts: a line of 10 MB of dots is one step a dot
_BREAK = re.compile(r"(?<![.!?؟。])[.!?؟。]++[\"'”’»)\]]*+(?=\s)|(?<!\n)\n\s*+|[\u2029\u2028]")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr st mt gen col lt sgt capt maj rep sen gov prof no nos vs etc inc ltd co
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.n u.k e.g i.e a.m p.m approx
    est fig al jr sr incl""".split()
)
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, in order, stripped of surrounding space."""
    return list(iter_sentences(text))


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
