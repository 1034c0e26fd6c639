"""HTML to main text, title and publication date with trafilatura; banners and errors dropped.

A page whose main text trafilatura cannot find (or cannot parse: 100,000 nested divs) falls
back to its whole text, read by ``page_text`` in one linear pass without building a tree.
"""

from __future__ import annotations

import html as html_entities
import re
from datetime import date
from functools import cache
from typing import Any

__all__ = ["NoMainText", "html_to_text", "page_text"]

# Lines that are never part of a report: cookie notices, error pages, "enable JavaScript".
_BANNERS = re.compile(
    r"""
    the\ website\ encountered\ an\ unexpected\ error
    | please\ try\ again\ later
    | (this|our)\ (web)?site\ uses\ cookies
    | we\ use\ cookies
    | (accept|allow|reject|manage)\ (all\ )?cookies
    | cookie\ (policy|settings|preferences)
    | (please\ )?enable\ javascript
    | javascript\ is\ (disabled|required)
    | your\ browser\ (does\ not|doesn't)\ support
    | ^(404|403|500|502|503)\b
    | page\ not\ found
    | access\ denied
    | service\ (temporarily\ )?unavailable
    | internal\ server\ error
    | error\ establishing\ a\ database\ connection
    | subscribe\ to\ our\ newsletter
    | sign\ up\ for\ our\ newsletter
    | share\ this\ (article|story|page)
    | all\ rights\ reserved
    | ^copyright\b | ^©
    """,
    re.IGNORECASE | re.VERBOSE,
)
_BANNER_MAX = 300
# Cheap pre-check: a line is matched against _BANNERS only if it holds one of these.
_BANNER_WORDS = (
    "error", "try again", "cookie", "javascript", "browser", "40", "50", "not found", "denied",
    "unavailable", "database", "newsletter", "share this", "rights reserved", "copyright", "©",
)  # fmt: skip
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template")


class NoMainText(ValueError):
    """The page has no main text (only scripts, menus or an error banner)."""


def _without_banners(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped) <= _BANNER_MAX:
            lowered = stripped.lower()
            if any(word in lowered for word in _BANNER_WORDS) and _BANNERS.search(stripped):
                continue
        lines.append(stripped)
    return "\n".join(lines)


@cache
def _extractor() -> Any:
    """trafilatura's options, built once: fast (no external fallbacks), favouring precision."""
    from trafilatura.settings import Extractor

    return Extractor(
        output_format="python",
        fast=True,
        precision=True,
        comments=False,
        tables=True,
        dedup=False,
        with_metadata=False,
    )


def html_to_text(html: str, *, url: str | None = None) -> tuple[str, str | None, date | None]:
    """Main text, title and publication date of an HTML page; raises NoMainText if it has none."""
    import trafilatura
    from lxml import html as lxml_html

    title = published_text = text = None
    try:
        tree = lxml_html.fromstring(html)
        title, published_text = _metadata(tree, url=url)
        result = trafilatura.bare_extraction(tree, url=url, options=_extractor())
        if result is not None and not isinstance(result, dict):
            text = result.text
    except Exception:  # a page the parsers choke on (too deep, malformed) still has its text
        tree = None
    main = _without_banners(text or "")
    if not main and tree is not None:
        main = _without_banners(_plain_body_text(html))
    if not main:
        main = _without_banners(page_text(html))
    if not main:
        raise NoMainText(
            "no main text found (the page holds only scripts, menus or an error banner)"
        )
    published = None
    if published_text:
        try:
            published = date.fromisoformat(published_text[:10])
        except ValueError:
            published = None
    return main, (title or None), published


def _metadata(tree: Any, *, url: str | None) -> tuple[str | None, str | None]:
    """Title and publication date (YYYY-MM-DD) from the page's markup.

    The parts of trafilatura's metadata extraction harmwatch needs (meta tags, JSON-LD, title,
    htmldate without its extensive body search), without author, sitename and category
    extraction, which cost more than the text itself. Read-only: the tree is not changed.
    """
    from htmldate import find_date
    from trafilatura import metadata as trafilatura_metadata

    title: str | None = None
    try:
        found = trafilatura_metadata.examine_meta(tree)
        try:
            found = trafilatura_metadata.extract_meta_json(tree, found)
        except Exception:  # trafilatura guards this the same way: JSON-LD in the wild is messy
            pass
        title = found.title or trafilatura_metadata.extract_title(tree)
    except (AttributeError, TypeError, ValueError):
        title = None
    published = find_date(
        tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d", url=url
    )
    return (title.strip() or None) if title else None, published


def _plain_body_text(html: str) -> str:
    """Fallback for short pages trafilatura declines: body text without scripts and menus."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return ""
    for element in list(tree.iter(*_DROP_TAGS)):
        element.drop_tree()
    body = tree.find("body")
    node = body if body is not None else tree
    block_text = "\n".join(
        " ".join(part.split()) for part in node.itertext() if part and part.strip()
    )
    return block_text


_MARKUP = re.compile(r"<!--|<[!/?]?[A-Za-z]")
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)")
_SKIPPED_CONTENT = frozenset({"script", "style", "noscript", "template", "svg", "head"})
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header hr li main nav ol p pre section table td th tr ul title".split()
)
_CLOSERS: dict[str, re.Pattern[str]] = {}


def page_text(html: str) -> str:
    """The whole text of a page, markup removed: one pass, linear in its length on any input.

    Script, style and template contents are dropped, block elements end lines, entities are
    decoded. For pages trafilatura and lxml cannot read; keeps menus and footers (it does not
    know which part is the article).
    """
    pieces: list[str] = []
    position, size = 0, len(html)
    while position < size:
        found = _MARKUP.search(html, position)
        if found is None:
            pieces.append(html[position:])
            break
        pieces.append(html[position : found.start()])
        if found.group() == "<!--":
            end = html.find("-->", found.end())
            if end < 0:
                break  # the rest is a comment
            position = end + 3
            continue
        end = html.find(">", found.end())
        if end < 0:  # no ">" anywhere after: no tag can close, the rest is text
            pieces.append(html[found.start() :])
            break
        name_match = _TAG_NAME.match(html, found.start())
        name = name_match.group(1).lower() if name_match else ""
        position = end + 1
        if name in _BLOCK_TAGS:
            pieces.append("\n")
        if name in _SKIPPED_CONTENT and html[found.start() + 1] != "/":
            closer = _CLOSERS.get(name)
            if closer is None:
                closer = _CLOSERS[name] = re.compile(rf"</{name}\s*>", re.IGNORECASE)
            closing = closer.search(html, position)
            if closing is None:
                break  # unclosed: the rest is its content
            position = closing.end()
    text = html_entities.unescape("".join(pieces))
    return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())
