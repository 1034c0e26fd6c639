"""A regular expression for a set of words, shaped as a prefix tree so that it runs fast.

Python's ``re`` tries the alternatives of ``a|b|c`` one by one at every position; a pattern
that branches on the next character instead (``(?:a(?:bc|d)|x)``) costs one step per character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["trie_pattern"]

_END = ""
_Node = dict[str, "_Node"]


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source matching exactly ``words`` (longest first at each branch)."""
    root: _Node = {}
    for word in words:
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _render(root) or "(?!)"


def _render(node: _Node) -> str:
    ends = _END in node
    branches = [re.escape(ch) + _render(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body
