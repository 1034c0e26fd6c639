"""Builders of test data with sensible defaults: change only what a test is about.

doc = a_document("At least 23 civilians were killed.", title="Idlib")
url = make_store(tmp_path, documents=[doc])          # a real SQLite file, via harmwatch.store
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from harmwatch import review
from harmwatch.model import (
    Attribution,
    Claim,
    Document,
    Extraction,
    FacilityHit,
    Figure,
    Incident,
    Period,
    Place,
    PlaceMention,
    Report,
    SourceRef,
    Tally,
    User,
)
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


# --- reports and incidents ------------------------------------------------------------------

TOWNS: dict[str, Place] = {
    "Maarat al-Numan": Place(
        id="geonames:167611",
        name="Maarat al-Numan",
        lat=35.6434,
        lon=36.6717,
        feature="city",
        admin1="Idlib",
        admin2="Maarrat al-Nu'man",
    ),
    "Kafranbel": Place(
        id="geonames:168661",
        name="Kafranbel",
        lat=35.6137,
        lon=36.5608,
        feature="town",
        admin1="Idlib",
        admin2="Maarrat al-Nu'man",
    ),
    "Khan Shaykhun": Place(
        id="geonames:168325",
        name="Khan Shaykhun",
        lat=35.4418,
        lon=36.6508,
        feature="town",
        admin1="Idlib",
        admin2="Maarrat al-Nu'man",
    ),
    "Jisr al-Shughur": Place(
        id="geonames:169023",
        name="Jisr al-Shughur",
        lat=35.8124,
        lon=36.3190,
        feature="city",
        admin1="Idlib",
        admin2="Jisr al-Shughur",
    ),
    "Ariha": Place(
        id="geonames:172994",
        name="Ariha",
        lat=35.8136,
        lon=36.6098,
        feature="city",
        admin1="Idlib",
        admin2="Ariha",
    ),
    "Idlib governorate": Place(
        id="ocha:SY07",
        name="Idlib",
        lat=35.8,
        lon=36.6,
        feature="governorate",
        admin1="Idlib",
    ),
}


def a_place(name: str = "Maarat al-Numan") -> Place:
    """A gazetteer place from TOWNS (real coordinates of Idlib towns)."""
    return TOWNS[name]


def a_figure(value: int = 9, **changes: Any) -> Figure:
    """A source's figure: ``value`` civilians killed, exact, quoted as evidence."""
    fields: dict[str, Any] = {
        "kind": "killed",
        "subject": "civilians",
        "value": value,
        "bound": "exact",
        "evidence": f"{value} civilians",
    }
    fields.update(changes)
    return Figure(**fields)


def a_report(key: str = "a" * 64 + ":0", **changes: Any) -> Report:
    """One source's report of a strike on Maarat al-Numan market on 1 October 2017."""
    sha = key.split(":", 1)[0]
    fields: dict[str, Any] = {
        "key": key,
        "document_sha256": sha,
        "source": f"file:///reports/{sha[:12]}.txt",
        "date_start": date(2017, 10, 1),
        "date_end": date(2017, 10, 1),
        "time_precision": 1,
        "place": a_place(),
        "geo_precision": 1,
        "perpetrators": ("Russia",),
        "weapons": ("airstrike",),
        "figures": (a_figure(),),
        "facilities": (FacilityHit(type="market"),),
        "published": date(2017, 10, 2),
        "place_name": "Maarat al-Numan",
    }
    fields.update(changes)
    return Report(**fields)


def an_incident(*reports: Report, **changes: Any) -> Incident:
    """An unstored incident holding ``reports`` (default: one a_report())."""
    members = reports or (a_report(),)
    fields: dict[str, Any] = {
        "id": None,
        "reports": tuple(r.key for r in members),
        "sources": tuple(SourceRef(r.key, r.document_sha256, r.source) for r in members),
        "first_date": members[0].date_start,
        "last_date": members[0].date_end,
        "time_precision": 1,
        "place": members[0].place,
        "geo_precision": 1,
        "attributions": (Attribution("Russia", len(members)),),
        "weapons": ("airstrike",),
        "tallies": (
            Tally(
                kind="killed",
                subject="civilians",
                best=9,
                low=9,
                high=9,
                rule="one source",
                figures=tuple((r.key, r.figures[0]) for r in members),
            ),
        ),
        "facilities": (FacilityHit(type="market"),),
    }
    fields.update(changes)
    return Incident(**fields)


# --- files of other kinds: PDF, DOCX, spreadsheets ---------------------------------------------

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
"""The project's licence-restricted real files (``../shared/data``): tests use them only where
they exist, and never copy them."""

Run = tuple[float, float, str]


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def a_pdf(*pages: str | list[Run] | None, size: float = 10) -> bytes:
    """A small real PDF (Helvetica, A4). Each page is text (lines laid out from the top), a
    list of (x, y, text) runs placed where given (to draw a table), or None for a page that is
    only an image (a scan) with no text layer."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    image = add(
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
    )
    kids: list[int] = []
    for page in pages:
        if page is None:
            content = b"q 595 0 0 842 0 0 cm /Im1 Do Q"
        else:
            runs = (
                [(72.0, 770.0 - 1.4 * size * n, line) for n, line in enumerate(page.split("\n"))]
                if isinstance(page, str)
                else page
            )
            content = b"".join(
                b"BT /F1 %g Tf %g %g Td %s Tj ET\n" % (size, x, y, _pdf_string(text))
                for x, y, text in runs
            )
        stream = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                % (tree, stream, font, image)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)


def a_table_page(
    rows: list[list[str]], *, columns: list[float], top: float = 700, pitch: float = 16
) -> list[Run]:
    """Runs that draw ``rows`` as a table: cell n of each row starts at x ``columns[n]``."""
    return [
        (columns[n], top - pitch * r, cell)
        for r, row in enumerate(rows)
        for n, cell in enumerate(row)
        if cell
    ]


def a_docx(*blocks: str | list[list[str]] | None, title: str | None = None) -> bytes:
    """A .docx file: each block is a paragraph (str), a table (rows of cells), or None for a
    page break."""
    import io

    import docx

    word = docx.Document()
    if title:
        word.core_properties.title = title
    for block in blocks:
        if block is None:
            word.add_page_break()
        elif isinstance(block, str):
            word.add_paragraph(block)
        else:
            table = word.add_table(rows=len(block), cols=max(len(row) for row in block))
            for r, row in enumerate(block):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def a_csv(
    header: list[str], *rows: list[str], encoding: str = "utf-8", newline: str = "\r\n"
) -> bytes:
    """A CSV file's bytes (quoted where needed), in ``encoding`` with ``newline`` line ends."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode(encoding)


def an_xlsx(
    *rows: list[object], sheet: str = "Sheet1", extra_sheets: tuple[str, ...] = ()
) -> bytes:
    """An .xlsx workbook whose first sheet holds ``rows`` (values as given: str, int, date...)."""
    import io

    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = sheet
    for row in rows:
        first.append(list(row))
    for name in extra_sheets:
        book.create_sheet(name).append(["notes"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- incidents and reports as the analysis reads them ----------------------------------------


def a_place_like(**changes: Any) -> Place:
    """Maarat al-Numan with its admin names and P-codes, any field changed."""
    fields: dict[str, Any] = {
        "id": "geonames:167611",
        "name": "Maarat al-Numan",
        "lat": 35.6434,
        "lon": 36.6717,
        "feature": "city",
        "admin1": "Idlib",
        "admin2": "Maarrat al-Nu'man",
        "admin1_pcode": "SY07",
        "admin2_pcode": "SY0702",
        "country": "SY",
    }
    fields.update(changes)
    return Place(**fields)


def a_source_report(key: str = "a" * 64 + ":0", **changes: Any) -> Report:
    """One source's report (23 civilians killed in Maarat al-Numan on 25 September 2017)."""
    document = key.split(":", 1)[0]
    fields: dict[str, Any] = {
        "key": key,
        "document_sha256": document,
        "source": f"file:///reports/{document[:12]}.txt",
        "date_start": date(2017, 9, 25),
        "date_end": date(2017, 9, 25),
        "time_precision": 1,
        "place": a_place_like(),
        "geo_precision": 1,
        "perpetrators": ("Russia",),
        "weapons": ("airstrike",),
        "figures": (Figure("killed", "civilians", 23, evidence="23 civilians"),),
    }
    fields.update(changes)
    return Report(**fields)


def a_tally(kind: str, subject: str, *given: tuple[str, int], rule: str = "maximum") -> Tally:
    """A tally from (report key, value) pairs, best by ``rule`` (``maximum`` or ``minimum``)."""
    values = [value for _, value in given]
    return Tally(
        kind,
        subject,
        best=max(values) if rule == "maximum" else min(values),
        low=min(values),
        high=max(values),
        rule=rule,
        figures=tuple((key, Figure(kind, subject, value)) for key, value in given),
    )


def a_counted_incident(
    id: int = 1,
    *,
    killed: dict[str, int] | None = None,
    injured: dict[str, int] | None = None,
    strikes: dict[str, int] | None = None,
    facility_types: Iterable[str] = (),
    perpetrators: Iterable[str] = ("Russia",),
    day: date = date(2017, 9, 25),
    **changes: Any,
) -> Incident:
    """A stored incident of one report (``doc<id>:0``) in Maarat al-Numan, as summaries read it.

    Args:
        id: the incident's id.
        killed, injured: victim group -> number, each a one-source tally (default: killed
            23 civilians).
        strikes: weapon -> the number of strikes its source states.
        facility_types: one facility hit of each type listed.
        perpetrators: known perpetrators, one source each.
        day: its date (first and last).
        changes: any other Incident field (``place``, ``facilities``, ``grade``...).
    """
    key = changes.get("reports", (f"doc{id}:0",))[0]
    given = (
        ("killed", {"civilians": 23} if killed is None else killed),
        ("injured", injured or {}),
        ("strikes", strikes or {}),
    )
    document = key.split(":", 1)[0]
    fields: dict[str, Any] = {
        "id": id,
        "reports": (key,),
        "sources": (SourceRef(key, document, f"file:///reports/{document}.txt"),),
        "first_date": day,
        "last_date": day,
        "time_precision": 1,
        "place": a_place_like(),
        "geo_precision": 1,
        "attributions": tuple(Attribution(p, 1) for p in perpetrators),
        "weapons": ("airstrike",),
        "tallies": tuple(
            a_tally(kind, subject, (key, value))
            for kind, values in given
            for subject, value in values.items()
        ),
        "facilities": tuple(FacilityHit(t) for t in facility_types),
    }
    fields.update(changes)
    return Incident(**fields)


# --- review -----------------------------------------------------------------------------------


def rebuild(reports: list[Report], *, incident_id: int | None, version: int = 1) -> Incident:
    """Stands in for linking's incident builder: the incident those reports make up."""
    return an_incident(*reports, id=incident_id, version=version)


@dataclass
class World:
    """Three documents; incident ``a`` from the first two, incident ``b`` from the third."""

    store: Store
    documents: list[Document]
    reports: list[Report]
    a: Incident
    b: Incident
    analyst: User
    other: User
    viewer: User


def a_review_world(store: Store) -> World:
    """Three stored documents with claims, incidents a and b, and users rima (admin), omar and
    lina (analysts), sam (viewer)."""
    documents = []
    for n, confidence in enumerate((0.95, 0.9, 0.4)):
        document = a_document(f"{DEFAULT_TEXT} Report {n}.")
        store.add_document(document, an_extraction(a_claim(confidence=confidence)))
        documents.append(document)
    reports = [
        a_report(f"{d.sha256}:0", source=d.source, figures=(a_figure(23, claim=0),))
        for d in documents
    ]
    store.add_reports(reports, assembler="test-1")
    a, b = store.save_link([an_incident(*reports[:2]), an_incident(reports[2])]).incidents
    admin, _ = review.add_user(store, "rima", "admin", by=None, unnamed="root (test)")
    for name, role in (("omar", "analyst"), ("lina", "analyst"), ("sam", "viewer")):
        review.add_user(store, name, role, by=admin, unnamed="-")
    users = {u.name: u for u in store.list_users()}
    return World(store, documents, reports, a, b, users["omar"], users["lina"], users["sam"])
