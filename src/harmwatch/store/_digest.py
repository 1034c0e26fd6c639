"""Digests of stored rows, recorded in audit entries so that ``audit verify`` can re-check rows.

Each digest is ``sha256_json`` of a dict (or a list of dicts) of a row's columns. The columns
are listed here, frozen: a column added later enters a digest only when the row sets it
(``DOCUMENT_LATER_COLUMNS``), so that rows written before it keep verifying. Dates and times
are ISO 8601 (naive UTC, microseconds); a document's text and WARC record enter by their own
SHA-256; its raw bytes are covered by its key, which is their SHA-256.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

from harmwatch.store._audit import canonical_json, sha256_json

__all__ = [
    "CLAIM_COLUMNS",
    "CLAIM_LATER_COLUMNS",
    "DOCUMENT_COLUMNS",
    "DOCUMENT_LATER_COLUMNS",
    "EXTRACTION_COLUMNS",
    "PLACE_MENTION_COLUMNS",
    "PLACE_MENTION_LATER_COLUMNS",
    "REVIEW_COLUMNS",
    "USER_COLUMNS",
    "RowsDigest",
    "document_digest",
    "extraction_digest",
    "review_digest",
    "rows_digest",
    "user_digest",
]

DOCUMENT_COLUMNS = (
    "sha256",
    "source",
    "retrieved_at",
    "stored_at",
    "published",
    "title",
    "lang",
    "media_type",
    "encoding",
    "confidential",
)
EXTRACTION_COLUMNS = (
    "document_sha256",
    "extractor_version",
    "extracted_at",
    "lang",
    "published",
    "period_start",
    "period_end",
    "has_period",
    "perpetrators",
    "weapons",
)
CLAIM_COLUMNS = (
    "document_sha256",
    "extractor_version",
    "ordinal",
    "kind",
    "subject",
    "value",
    "max",
    "bound",
    "perpetrator",
    "weapon",
    "status",
    "date",
    "place_id",
    "start",
    "end",
    "text",
    "sentence",
    "confidence",
    "rule",
    "geo_precision",
)
PLACE_MENTION_COLUMNS = (
    "document_sha256",
    "ordinal",
    "name",
    "start",
    "end",
    "sentence",
    "score",
    "place_id",
    "place",
)
# Columns added after a table's digest was fixed: they enter it only when set (not None, not
# False), so that rows written before them keep their digests.
DOCUMENT_LATER_COLUMNS = ("pages",)
CLAIM_LATER_COLUMNS = ("place_review",)
PLACE_MENTION_LATER_COLUMNS = ("review", "geo_precision")
USER_COLUMNS = ("name", "role", "disabled", "token_hash")
REVIEW_COLUMNS = (
    "id",
    "incident_id",
    "action",
    "field",
    "target",
    "value",
    "reason",
    "confidential",
    "actor",
    "at",
    "incident_version",
    "salt",
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def _pick(
    row: Mapping[str, Any], columns: Iterable[str], later: Iterable[str] = ()
) -> dict[str, Any]:
    picked = {name: _plain(row[name]) for name in columns}
    for name in later:
        value = row.get(name)
        if value is not None and value is not False:
            picked[name] = _plain(value)
    return picked


_HASH_CHUNK = 1 << 20  # characters encoded at a time: a 200 MB text is not copied whole


def _text_sha256(text: str | None) -> str | None:
    """SHA-256 of the text's UTF-8 bytes (surrogates passed through one by one, so that a
    chunked encoding gives the same bytes as a whole one)."""
    if text is None:
        return None
    digest = hashlib.sha256()
    for start in range(0, len(text), _HASH_CHUNK):
        digest.update(text[start : start + _HASH_CHUNK].encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def document_digest(row: Mapping[str, Any]) -> str:
    """Digest of a ``documents`` row: its columns, its text's and WARC record's SHA-256."""
    fields = _pick(row, DOCUMENT_COLUMNS, DOCUMENT_LATER_COLUMNS)
    fields["text_sha256"] = _text_sha256(row["text"])
    warc = row["warc"]
    fields["warc_sha256"] = None if warc is None else hashlib.sha256(bytes(warc)).hexdigest()
    return sha256_json(fields)


def extraction_digest(row: Mapping[str, Any]) -> str:
    """Digest of an ``extractions`` row (without its generated id)."""
    return sha256_json(_pick(row, EXTRACTION_COLUMNS))


def rows_digest(
    rows: Iterable[Mapping[str, Any]], columns: tuple[str, ...], later: tuple[str, ...] = ()
) -> str:
    """Digest of a list of rows in the order given (claims or place mentions by ordinal): the
    SHA-256 of their canonical JSON array, taken a row at a time (no list is built)."""
    digest = RowsDigest(columns, later)
    for row in rows:
        digest.add(row)
    return digest.hexdigest()


class RowsDigest:
    """``rows_digest`` fed one row at a time: the same value as ``sha256_json`` of the list."""

    def __init__(self, columns: tuple[str, ...], later: tuple[str, ...] = ()) -> None:
        self._columns = columns
        self._later = later
        self._hash = hashlib.sha256(b"[")
        self._first = True

    def add(self, row: Mapping[str, Any]) -> None:
        """Take the next row."""
        if not self._first:
            self._hash.update(b",")
        self._first = False
        picked = _pick(row, self._columns, self._later)
        self._hash.update(canonical_json(picked).encode("utf-8"))

    def hexdigest(self) -> str:
        """The digest of the rows taken so far."""
        final = self._hash.copy()
        final.update(b"]")
        return final.hexdigest()


def user_digest(row: Mapping[str, Any]) -> str:
    """Digest of a ``users`` row: name, role, status and the stored hash of its token."""
    return sha256_json(_pick(row, USER_COLUMNS))


def review_digest(row: Mapping[str, Any]) -> str:
    """Digest of a ``review_entries`` row; its random ``salt`` keeps a short confidential value
    (a witness's name) from being guessed back from the digest in the audit log."""
    return sha256_json(_pick(row, REVIEW_COLUMNS))
