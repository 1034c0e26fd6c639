"""Builders of test data with sensible defaults: change only what a test is about.

doc = a_document("At least 23 civilians were killed.", title="Idlib")
url = make_store(tmp_path, documents=[doc])          # a real SQLite file, via harmwatch.store
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from harmwatch.model import Claim, Document, Extraction, Period, Place, PlaceMention
from harmwatch.store import Store

DEFAULT_TEXT = (
    "At least 23 civilians were killed and 40 injured in airstrikes on Maarat al-Numan "
    "on Sunday, the civil defence said."
)


def a_document(text: str = DEFAULT_TEXT, **changes: Any) -> Document:
    """A plain-text Document whose raw bytes are ``text`` in UTF-8 (unless ``raw`` is given)."""
    raw: bytes = changes.pop("raw", text.encode("utf-8"))
    sha256 = hashlib.sha256(raw).hexdigest()
    fields: dict[str, Any] = {
        "sha256": sha256,
        "source": f"file:///reports/{sha256[:12]}.txt",
        "raw": raw,
        "text": text,
        "media_type": "text/plain",
        "title": text.split("\n", 1)[0][:80],
        "published": date(2019, 5, 20),
        "lang": "en",
        "retrieved_at": datetime(2019, 5, 21, 8, 30, tzinfo=UTC),
        "encoding": "utf-8",
    }
    fields.update(changes)
    return Document(**fields)


def a_claim(**changes: Any) -> Claim:
    """A claim: "23 civilians" killed, exact, its span at the start of DEFAULT_TEXT's count."""
    start = DEFAULT_TEXT.index("23 civilians")
    fields: dict[str, Any] = {
        "kind": "killed",
        "subject": "civilians",
        "value": 23,
        "start": start,
        "end": start + len("23 civilians"),
        "text": "23 civilians",
        "sentence": 0,
        "bound": "at_least",
        "perpetrator": None,
        "weapon": "airstrike",
        "date": date(2019, 5, 19),
    }
    fields.update(changes)
    return Claim(**fields)


def a_place_mention(**changes: Any) -> PlaceMention:
    """Maarat al-Numan as mentioned in DEFAULT_TEXT, resolved to a gazetteer entry."""
    start = DEFAULT_TEXT.index("Maarat al-Numan")
    place = Place(
        id="geonames:169389",
        name="Maarat al-Numan",
        lat=35.64,
        lon=36.67,
        feature="city",
        geonameid=169389,
        name_ar="معرة النعمان",
        admin1="Idlib",
        population=58008,
    )
    fields: dict[str, Any] = {
        "name": "Maarat al-Numan",
        "start": start,
        "end": start + len("Maarat al-Numan"),
        "sentence": 0,
        "place": place,
        "score": 0.97,
    }
    fields.update(changes)
    return PlaceMention(**fields)


def an_extraction(*claims: Claim, **changes: Any) -> Extraction:
    """An extraction holding ``claims`` (default: one a_claim()) and one place mention."""
    fields: dict[str, Any] = {
        "lang": "en",
        "published": date(2019, 5, 20),
        "period": Period(date(2019, 5, 19), date(2019, 5, 19)),
        "claims": claims or (a_claim(),),
        "places": (a_place_mention(),),
        "perpetrators": (),
        "weapons": ("airstrike",),
    }
    fields.update(changes)
    return Extraction(**fields)


def make_store(
    tmp_path: Path,
    *,
    documents: Iterable[Document | tuple[Document, Extraction | None]] | None = None,
    filename: str = "harmwatch.db",
) -> str:
    """Write a real SQLite database through harmwatch.store and return its URL.

    Args:
        tmp_path: folder for the file.
        documents: what to store: Documents, or (Document, Extraction) pairs. Default: one
            a_document() with an_extraction().
        filename: the database file's name.
    """
    url = f"sqlite:///{tmp_path / filename}"
    items = list(documents) if documents is not None else [(a_document(), an_extraction())]
    with Store.open(url) as store:
        for item in items:
            document, extraction = item if isinstance(item, tuple) else (item, None)
            store.add_document(document, extraction)
    return url


def replace(document: Document, **changes: Any) -> Document:
    """A copy of a Document with fields changed (sha256 recomputed when ``raw`` changes)."""
    if "raw" in changes and "sha256" not in changes:
        changes["sha256"] = hashlib.sha256(changes["raw"]).hexdigest()
    return dataclasses.replace(document, **changes)


def tamper(url: str, *statements: str, params: dict[str, Any] | None = None) -> None:
    """Run SQL on a harmwatch database as someone with full rights would, past its guards.

    The append-only triggers are switched off for these statements and put back after, as a
    careful forger would do, so that only the forged change is left to find.
    """
    import sqlalchemy as sa

    from harmwatch.store._engine import make_engine, normalise_url

    engine = make_engine(normalise_url(url))
    try:
        with engine.connect() as connection, connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
                saved: list[str] = []
            else:
                saved = list(
                    connection.exec_driver_sql(
                        "SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                        "AND name LIKE '%append_only%'"
                    ).scalars()
                )
                names = list(
                    connection.exec_driver_sql(
                        "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                        "AND name LIKE '%append_only%'"
                    ).scalars()
                )
                for name in names:
                    connection.exec_driver_sql(f"DROP TRIGGER {name}")
            for statement in statements:
                connection.execute(sa.text(statement), params or {})
            for sql in saved:
                connection.exec_driver_sql(sql)
    finally:
        engine.dispose()
