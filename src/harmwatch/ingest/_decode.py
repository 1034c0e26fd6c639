"""Bytes to text: BOMs, UTF-8, declared and detected charsets, mixed encodings, binary refusal.

Never raises on undecodable bytes: the last resort is UTF-8 with replacement characters, and the
label returned says so (``utf-8+replace``), as it does for repaired mixed encodings
(``utf-8+cp1252``).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

__all__ = ["NotText", "declared_charset", "decode", "encoding_note"]

MIXED = "utf-8+cp1252"
REPLACED = "utf-8+replace"

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image, WAV or AVI)"),
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or a DOCX/XLSX/ODT file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"SQLite format 3\x00", "a SQLite database"),
)

_NOT_UTF8_LEAD = bytes(b for b in range(256) if not 0xC2 <= b <= 0xF4)
_UTF8_FAMILY = {"utf-8", "utf_8", "ascii", "utf-8-sig", "utf-16", "utf-32"}
_CONTROL_OK = {"\t", "\n", "\r", "\f", "\v", "\x1b"}


class NotText(ValueError):
    """The bytes are not text harmwatch can read; the message says why."""


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the bytes that are not UTF-8 as Windows-1252."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error("harmwatch-cp1252", _cp1252_fallback)

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top, if any."""
    found = _META_CHARSET.search(raw[:4096])
    return found.group(1).decode("ascii").lower() if found else None


def decode(raw: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """The text of ``raw`` and a label of how it was decoded; raises NotText for binary data."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _clean(raw.decode(name, errors="replace")), name
    for signature, what in _SIGNATURES:
        if raw.startswith(signature):
            raise NotText(f"binary content ({what}), not text")
    try:
        return _clean(raw.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            if codecs.lookup(declared).name not in ("utf-8",):
                return _checked(raw.decode(declared)), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            pass
    if b"\x00" in raw[:8192]:
        raise NotText("binary content (NUL bytes), not text")
    mixed = _mixed_utf8(raw)
    if mixed is not None:
        return _checked(mixed), MIXED
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is not None and best.encoding:
        return _checked(str(best)), best.encoding
    return _checked(raw.decode("utf-8", errors="replace")), REPLACED


def _mixed_utf8(raw: bytes) -> str | None:
    """Text that is mostly UTF-8 with some Windows-1252 bytes, repaired; None if not so."""
    replaced = raw.decode("utf-8", errors="replace").count("\ufffd")
    invalid = replaced - raw.count("\ufffd".encode())
    valid_multibyte = len(raw.translate(None, _NOT_UTF8_LEAD)) - invalid
    if valid_multibyte < 2 or valid_multibyte * 4 < invalid:
        return None
    return raw.decode("utf-8", errors="harmwatch-cp1252")


def _checked(text: str) -> str:
    """Refuse text that is mostly control characters (binary data read as a code page)."""
    sample = text[:20000]
    controls = sum(
        1 for ch in sample if ch not in _CONTROL_OK and unicodedata.category(ch) in ("Cc", "Co")
    )
    if sample and controls / len(sample) > 0.05:
        raise NotText("binary content (mostly control characters), not text")
    return _clean(text)


def _clean(text: str) -> str:
    """One newline convention, no BOM, no NUL (PostgreSQL cannot store it)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text


def encoding_note(encoding: str | None) -> str | None:
    """What a user should know about how a document was decoded, or None when nothing.

    Example: ``encoding_note("utf-8+replace")`` says undecodable bytes were replaced.
    """
    if encoding is None or encoding.lower() in _UTF8_FAMILY:
        return None
    if encoding == MIXED:
        return "mixed encodings: bytes that are not UTF-8 were read as Windows-1252"
    if encoding == REPLACED:
        return "encoding not recognised: undecodable bytes were replaced by U+FFFD"
    return f"decoded as {encoding}"
