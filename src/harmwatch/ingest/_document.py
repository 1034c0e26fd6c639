"""Raw bytes of any source to a Document: decode, reduce HTML, title, language."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from datetime import UTC, datetime

from harmwatch.errors import InputError
from harmwatch.extract import UNDETERMINED, detect_language
from harmwatch.ingest._decode import NotText, declared_charset, decode
from harmwatch.ingest._html import NoMainText, html_to_text
from harmwatch.ingest._media import DOCX, PDF
from harmwatch.model import Document

__all__ = ["HTML", "MARKDOWN", "PLAIN", "read_bytes", "sniff_media_type"]

PLAIN = "text/plain"
MARKDOWN = "text/markdown"
HTML = "text/html"
_TITLE_MAX = 300
_PAGED = frozenset({PDF, DOCX})


def _paged_reader(media_type: str) -> Callable[..., Document]:
    """The reader of a paged format, imported when a document of it comes (PDFium and
    python-docx are slow to import)."""
    if media_type == PDF:
        from harmwatch.ingest._pdf import read_pdf

        return read_pdf
    from harmwatch.ingest._docx import read_docx

    return read_docx


def read_bytes(
    raw: bytes,
    *,
    source: str,
    media_type: str = PLAIN,
    charset: str | None = None,
    retrieved_at: datetime | None = None,
    warc: bytes | None = None,
) -> Document:
    """A Document from the bytes of a text, Markdown, HTML, PDF or DOCX document.

    Args:
        raw: the bytes exactly as received (kept byte for byte; their sha256 is the key).
        source: where they came from (path or URL), used in messages and stored.
        media_type: text/plain, text/markdown, text/html, application/pdf or the DOCX type.
        charset: the charset the sender declared, if any (tried after UTF-8).
        retrieved_at: when they were received (default now, UTC).
        warc: the WARC record of the HTTP exchange, for fetched URLs.

    Raises:
        InputError: empty, binary, or HTML without main text; the message names ``source``.
    """
    if not raw or raw.isspace():  # (without copying the bytes, as strip() would)
        raise InputError(f"{source}: empty file" if raw == b"" else f"{source}: only whitespace")
    if media_type in _PAGED:
        document = _paged_reader(media_type)(raw, source=source, retrieved_at=retrieved_at)
        return document if warc is None else dataclasses.replace(document, warc=warc)
    is_html = media_type in (HTML, "application/xhtml+xml")
    try:
        text, encoding = decode(
            raw, declared=charset or (declared_charset(raw) if is_html else None)
        )
    except NotText as error:
        raise InputError(f"{source}: {error}") from None
    title = None
    published = None
    if is_html:
        url = source if source.startswith(("http://", "https://")) else None
        try:
            text, title, published = html_to_text(text, url=url)
        except NoMainText as error:
            raise InputError(f"{source}: {error}") from None
    else:
        if not text or text.isspace():
            raise InputError(f"{source}: only whitespace")
        title = _first_line_title(text, markdown=media_type == MARKDOWN)
    return Document(
        sha256=hashlib.sha256(raw).hexdigest(),
        source=source,
        raw=raw,
        text=text,
        media_type=HTML if is_html else media_type,
        title=title,
        published=published,
        lang=_language(text),
        retrieved_at=retrieved_at or datetime.now(UTC),
        encoding=encoding,
        warc=warc,
    )


_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body")
_HTML_TAGS = (b"<html", b"<body", b"<p>", b"<p ", b"<div", b"<article", b"<br", b"<meta ")


def sniff_media_type(raw: bytes) -> str:
    """text/html for bytes that look like a page (from their first 2 kB), else text/plain.

    For sources that carry no name or type, such as standard input.
    """
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):  # XHTML, or a feed or other XML read as text
        return HTML if b"<html" in head else PLAIN
    if head.startswith(_HTML_STARTS):
        return HTML
    if head.startswith(b"<") and any(tag in head for tag in _HTML_TAGS):
        return HTML
    return PLAIN


def _first_line_title(text: str, *, markdown: bool) -> str | None:
    """A plain text's title: its first Markdown heading, else its first non-empty line."""
    lines = [line.strip() for line in text[:100_000].split("\n", 50)[:50] if line.strip()]
    if markdown:
        for line in lines:
            if line.startswith("#"):
                return line.lstrip("#").strip()[:_TITLE_MAX] or None
    return lines[0][:_TITLE_MAX] if lines else None


def _language(text: str) -> str | None:
    """The text's language as the extract stage detects it (None when it cannot tell)."""
    lang = detect_language(text)
    return None if lang == UNDETERMINED else lang
