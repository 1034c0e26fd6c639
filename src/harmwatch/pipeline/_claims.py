"""Stored claims as a user asks for them: by document, kind, perpetrator, place and dates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from harmwatch import vocab
from harmwatch.errors import InputError
from harmwatch.geo import Gazetteer, fold_name
from harmwatch.model import Place, StoredClaim
from harmwatch.store import Store

__all__ = ["list_claims"]


def list_claims(
    store: Store,
    *,
    document: str | None = None,
    kind: str | None = None,
    perpetrator: str | None = None,
    place: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    gazetteer: Gazetteer | None = None,
) -> Iterator[StoredClaim]:
    """The stored claims that match every filter given (each document's newest extraction).

    Args:
        document: a document's sha256, or its first characters (at least 4).
        kind: killed, injured, strikes or facilities_hit.
        perpetrator: an actor, also where the text leaves it between two ("A or B").
        place: a gazetteer id (``geonames:169389``), or a name in any spelling: claims placed at
            that place, or anywhere in the governorate, district or subdistrict of that name.
        date_from, date_to: the claim's date (else its document's) in this range, inclusive.
        gazetteer: resolves spellings of ``place`` (``Idleb`` -> ``Idlib``); default none.

    Raises:
        InputError: an unknown kind, a document prefix too short, or dates in the wrong order.
    """
    if kind is not None and kind not in vocab.CLAIM_KINDS:
        raise InputError(f"--kind must be one of {', '.join(vocab.CLAIM_KINDS)}; got {kind!r}")
    if document is not None and (
        len(document) < 4 or any(c not in "0123456789abcdef" for c in document.lower())
    ):
        raise InputError(
            f"--document {document!r}: give a document's sha256, or at least its first 4 "
            "hexadecimal characters"
        )
    if date_from is not None and date_to is not None and date_to < date_from:
        raise InputError(f"--to {date_to} is before --from {date_from}")
    place_ids = {place} if place is not None and ":" in place else None
    names = _names(place, gazetteer) if place is not None and place_ids is None else None
    for record in store.iter_claims(
        document=document,
        kind=kind,
        perpetrator=perpetrator,
        place_ids=place_ids,
        date_from=date_from,
        date_to=date_to,
    ):
        if names is None or (record.place is not None and _named(record.place, names)):
            yield record


def _names(place: str, gazetteer: Gazetteer | None) -> set[str]:
    """The folded names a ``--place`` value stands for: as written, and as the gazetteer reads
    it."""
    names = {fold_name(place)}
    if gazetteer is not None:
        match = gazetteer.geocode(place, fuzzy=False)
        if match.place is not None:
            names.add(fold_name(match.place.name))
    return names - {""}


def _named(place: Place, names: set[str]) -> bool:
    for name in (place.name, place.admin1, place.admin2, place.admin3):
        if name and fold_name(name) in names:
            return True
    return False
