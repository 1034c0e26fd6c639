"""The Store: documents, their extractions and the audit log in SQLite or PostgreSQL."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime
from itertools import islice
from types import TracebackType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, Row

from harmwatch.errors import ConfigError, Conflict, NotFound
from harmwatch.extract import EXTRACTOR_VERSION as _EXTRACTOR_VERSION
from harmwatch.model import (
    AddedPlace,
    Claim,
    Document,
    Extraction,
    Facility,
    Incident,
    LinkDecision,
    Period,
    Place,
    PlaceMention,
    Report,
    ReviewEntry,
    StoredClaim,
    User,
)
from harmwatch.serialize import link_decision_to_dict
from harmwatch.store import _added, _engine, _review, _users
from harmwatch.store import _incidents as _links
from harmwatch.store._audit import AuditEntry, append_entry, check_tail, entry_from_row
from harmwatch.store._digest import (
    CLAIM_COLUMNS,
    CLAIM_LATER_COLUMNS,
    PLACE_MENTION_COLUMNS,
    PLACE_MENTION_LATER_COLUMNS,
    RowsDigest,
    document_digest,
    extraction_digest,
)
from harmwatch.store._incidents import IncidentQuery, LinkWrite
from harmwatch.store._review import NEW_INCIDENT, ReviewWrite
from harmwatch.store._schema import (
    added_places,
    audit_log,
    claims,
    documents,
    extractions,
    facilities,
    incidents,
    place_mentions,
    reports,
    review_entries,
    users,
    zones,
)
from harmwatch.store._summary import SummaryRows, read_daily_counts, read_summary_rows
from harmwatch.store._url import normalise_url
from harmwatch.store._verify import AuditReport, check_head, verify_log

__all__ = ["DEFAULT_ACTOR", "EXTRACTOR_VERSION", "IncidentQuery", "LinkWrite", "Store"]

# Recorded with every extraction unless the caller names another: the running extractor's.
EXTRACTOR_VERSION = _EXTRACTOR_VERSION

DEFAULT_ACTOR = "harmwatch"

_BATCH = 200
_INSERT_BATCH = 500


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _naive_utc(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _aware_utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else moment.replace(tzinfo=UTC)


class Store:
    """A harmwatch database. Open it with ``Store.open(url)``, use it as a context manager.

    Every write is one transaction: a document, its extraction and its audit entry are stored
    together or not at all.
    """

    def __init__(self, engine: Engine, *, url: str) -> None:
        self._engine = engine
        self.url = url
        """The database URL with any password hidden."""

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    # --- opening and closing ------------------------------------------------------------------

    @classmethod
    def open(cls, url: str = "sqlite:///harmwatch.db", *, upgrade: bool = True) -> Store:
        """Open the database at ``url``; a new, empty database gets the schema.

        Args:
            url: sqlite:///path.db, a file path, or postgresql://user@host/dbname.
            upgrade: create the schema in a new database (default True). An existing
                database at an older revision is never changed here: run ``harmwatch db upgrade``.

        Raises:
            ConfigError: the URL cannot be used, the server does not answer, or the schema is
                not the one this harmwatch needs.
        """
        url = normalise_url(url)
        shown = _engine.display_url(url)
        missing = _engine.missing_sqlite_file(url)
        if missing is not None and not upgrade:
            raise ConfigError(
                f"no database at {missing}; create it with `harmwatch db upgrade` "
                "or by ingesting documents"
            )
        engine = _engine.make_engine(url)
        try:
            with _engine.translate_errors(shown):
                with engine.connect() as connection:
                    revision = _engine.current_revision(connection)
                    tables = _engine.table_names(connection) if revision is None else []
                if revision is None and upgrade and not tables:
                    _engine.upgrade(engine)
                elif revision is None and tables:
                    raise ConfigError(
                        f"database {shown} holds tables that are not harmwatch's; "
                        "give --db a new file or an empty database"
                    )
                elif revision != _engine.head_revision():
                    raise ConfigError(
                        f"database {shown} is at schema revision {revision or 'none'}, this "
                        f"harmwatch needs {_engine.head_revision()}; run `harmwatch db upgrade`"
                    )
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, url=shown)

    @staticmethod
    def upgrade(url: str) -> tuple[str | None, str]:
        """Bring the database at ``url`` to the newest schema; returns (before, after) revisions."""
        url = normalise_url(url)
        shown = _engine.display_url(url)
        engine = _engine.make_engine(url)
        try:
            with _engine.translate_errors(shown):
                return _engine.upgrade(engine)
        finally:
            engine.dispose()

    def close(self) -> None:
        """Release the database connections."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with _engine.translate_errors(self.url), self._engine.connect() as connection:
            with connection.begin():
                yield connection

    @contextmanager
    def _snapshot(self) -> Iterator[Connection]:
        """A read transaction that sees one consistent state of every table."""
        with _engine.translate_errors(self.url), self._engine.connect() as connection:
            if connection.dialect.name == "postgresql":
                connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                yield connection

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with _engine.translate_errors(self.url):
            options = {_engine.WRITE: True}
            with self._engine.connect().execution_options(**options) as connection:
                with connection.begin():
                    if connection.dialect.name == "postgresql":
                        # One writer at a time keeps the audit chain linear.
                        connection.execute(sa.text("LOCK TABLE audit_log IN EXCLUSIVE MODE"))
                    yield connection

    # --- documents ----------------------------------------------------------------------------

    def add_document(
        self,
        document: Document,
        extraction: Extraction | None = None,
        *,
        claims: Iterable[Claim] | None = None,
        places: Iterable[PlaceMention] | None = None,
        extractor_version: str = EXTRACTOR_VERSION,
        actor: str = DEFAULT_ACTOR,
    ) -> bool:
        """Store a document (and its extraction) with an audit entry, in one transaction.

        Returns False, changing nothing, when a document with the same sha256 is stored already.

        Args:
            claims, places: the extraction's claims and places when they arrive as a stream:
                read once, in batches, so that a document with a million claims is never whole
                in memory here (``extraction`` then gives the other fields; its own claims and
                places are not read).
        """
        if hashlib.sha256(document.raw).hexdigest() != document.sha256:
            raise ValueError(f"document {document.source}: sha256 does not match its raw bytes")
        now = _utcnow()
        with self._write() as connection:
            if _has_document(connection, document.sha256):
                return False
            row = _document_row(document, now)
            connection.execute(_INSERT_DOCUMENT, row)
            after = _document_summary(document)
            after["row_sha256"] = document_digest(row)
            if extraction is not None:
                after["extraction"] = _insert_extraction(
                    connection,
                    document.sha256,
                    extraction,
                    extractor_version,
                    now,
                    extraction.claims if claims is None else claims,
                    extraction.places if places is None else places,
                )
            append_entry(
                connection,
                at=now,
                actor=actor,
                action="document.add",
                entity=f"document:{document.sha256}",
                before=None,
                after=after,
            )
        return True

    def has_document(self, sha256: str) -> bool:
        """Whether a document with this sha256 is stored."""
        with self._read() as connection:
            return _has_document(connection, sha256)

    def get_document(self, sha256: str) -> Document:
        """The stored document; raises NotFound."""
        with self._read() as connection:
            row = connection.execute(
                sa.select(documents).where(documents.c.sha256 == sha256)
            ).first()
        if row is None:
            raise NotFound(f"no document with sha256 {sha256}")
        return _document_from_row(row)

    def count_documents(self) -> int:
        """How many documents are stored."""
        with self._read() as connection:
            return int(
                connection.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()
            )

    def iter_documents(self) -> Iterator[Document]:
        """Every stored document in sha256 order, read a batch at a time (memory stays flat)."""
        after = ""
        while True:
            with self._read() as connection:
                rows = connection.execute(
                    sa.select(documents)
                    .where(documents.c.sha256 > after)
                    .order_by(documents.c.sha256)
                    .limit(_BATCH)
                ).all()
            if not rows:
                return
            for row in rows:
                yield _document_from_row(row)
            after = rows[-1].sha256

    # --- extractions --------------------------------------------------------------------------

    def save_extraction(
        self,
        sha256: str,
        extraction: Extraction,
        *,
        claims: Iterable[Claim] | None = None,
        places: Iterable[PlaceMention] | None = None,
        extractor_version: str = EXTRACTOR_VERSION,
        actor: str = DEFAULT_ACTOR,
    ) -> None:
        """Store what an extractor found in a stored document, with an audit entry.

        Raises NotFound for an unknown document, Conflict when this extractor version's result
        is stored already (claims are never edited; a new extractor version adds its own).
        ``claims`` and ``places`` stream them, as for ``add_document``.
        """
        now = _utcnow()
        with self._write() as connection:
            if not _has_document(connection, sha256):
                raise NotFound(f"no document with sha256 {sha256}")
            if _extraction_id(connection, sha256, extractor_version) is not None:
                raise Conflict(
                    f"document {sha256} already has an extraction by {extractor_version}"
                )
            summary = _insert_extraction(
                connection,
                sha256,
                extraction,
                extractor_version,
                now,
                extraction.claims if claims is None else claims,
                extraction.places if places is None else places,
            )
            append_entry(
                connection,
                at=now,
                actor=actor,
                action="extraction.add",
                entity=f"document:{sha256}",
                before=None,
                after=summary,
            )

    def record_analysis_failure(
        self,
        sha256: str,
        reason: str,
        *,
        extractor_version: str = EXTRACTOR_VERSION,
        actor: str = DEFAULT_ACTOR,
    ) -> None:
        """Record in the audit log that analysing a stored document failed, and why.

        The document stays without an extraction by this version, so a later run analyses it
        again. Raises NotFound for an unknown document.
        """
        now = _utcnow()
        after = {
            "extractor_version": extractor_version,
            "reason": reason.encode("utf-8", "backslashreplace").decode("utf-8"),
        }
        with self._write() as connection:
            if not _has_document(connection, sha256):
                raise NotFound(f"no document with sha256 {sha256}")
            append_entry(
                connection,
                at=now,
                actor=actor,
                action="extraction.fail",
                entity=f"document:{sha256}",
                before=None,
                after=after,
            )

    def newest_extractor_versions(self) -> Iterator[tuple[str, str | None]]:
        """(sha256, version of its newest extraction or None) of every stored document, in
        sha256 order, a batch at a time."""
        newest = (
            sa.select(
                extractions.c.document_sha256.label("sha256"),
                sa.func.max(extractions.c.id).label("id"),
            )
            .group_by(extractions.c.document_sha256)
            .subquery()
        )
        after = ""
        while True:
            with self._read() as connection:
                rows = connection.execute(
                    sa.select(documents.c.sha256, extractions.c.extractor_version)
                    .select_from(
                        documents.outerjoin(
                            newest, newest.c.sha256 == documents.c.sha256
                        ).outerjoin(extractions, extractions.c.id == newest.c.id)
                    )
                    .where(documents.c.sha256 > after)
                    .order_by(documents.c.sha256)
                    .limit(_BATCH)
                ).all()
            if not rows:
                return
            for row in rows:
                yield row.sha256, row.extractor_version
            after = rows[-1].sha256

    def has_extraction(self, sha256: str, *, extractor_version: str | None = None) -> bool:
        """Whether the document has an extraction (by that extractor version, if given)."""
        with self._read() as connection:
            return _extraction_id(connection, sha256, extractor_version) is not None

    def get_extraction(
        self, sha256: str, *, extractor_version: str | None = None
    ) -> Extraction | None:
        """The document's newest extraction (or the named version's), None when it has none."""
        with self._read() as connection:
            extraction_id = _extraction_id(connection, sha256, extractor_version)
            if extraction_id is None:
                return None
            row = connection.execute(
                sa.select(extractions).where(extractions.c.id == extraction_id)
            ).one()
            found_claims = _claims(connection, extraction_id)
            found_places = _places(connection, extraction_id)
        period = Period(row.period_start, row.period_end) if row.has_period else None
        return Extraction(
            lang=row.lang,
            published=row.published,
            period=period,
            claims=tuple(found_claims),
            places=tuple(found_places),
            perpetrators=tuple(row.perpetrators),
            weapons=tuple(row.weapons),
        )

    def claims_for(self, sha256: str, *, extractor_version: str | None = None) -> list[Claim]:
        """The claims of the document's newest extraction (or the named version's)."""
        with self._read() as connection:
            extraction_id = _extraction_id(connection, sha256, extractor_version)
            return [] if extraction_id is None else _claims(connection, extraction_id)

    def places_for(
        self, sha256: str, *, extractor_version: str | None = None
    ) -> list[PlaceMention]:
        """The place mentions of the document's newest extraction (or the named version's)."""
        with self._read() as connection:
            extraction_id = _extraction_id(connection, sha256, extractor_version)
            return [] if extraction_id is None else _places(connection, extraction_id)

    # --- reports ------------------------------------------------------------------------------

    def add_reports(
        self,
        found: Iterable[Report],
        *,
        assembler: str,
        actor: str = DEFAULT_ACTOR,
        replace_document: str | None = None,
    ) -> int:
        """Store reports whose key is new, with one audit entry; returns how many were added.

        ``assembler`` names what made them (``harmwatch-link-1``, ``import:acled``).
        ``replace_document`` first removes that document's reports (re-assembly), in the same
        transaction. Raises NotFound when a report's document is not stored.
        """
        batch = list(found)
        now = _utcnow()
        with self._write() as connection:
            removed = (
                _links.delete_reports(connection, replace_document)
                if replace_document is not None
                else []
            )
            added = _links.insert_reports(connection, batch, assembler=assembler, now=now)
            if not added and not removed:
                return 0
            new = set(added)
            documents_touched = sorted({r.document_sha256 for r in batch})
            append_entry(
                connection,
                at=now,
                actor=actor,
                action="reports.add",
                entity="reports",
                before={"removed": len(removed)} if removed else None,
                after={
                    "assembler": assembler,
                    "reports": len(added),
                    "period_totals": sum(1 for r in batch if r.period_total and r.key in new),
                    "documents": len(documents_touched),
                    "first_document": documents_touched[0] if documents_touched else None,
                },
            )
        return len(added)

    def get_report(self, key: str) -> Report:
        """One stored report; raises NotFound."""
        with self._read() as connection:
            found = _links.read_reports(connection, keys=[key])
        if not found:
            raise NotFound(f"no report {key}")
        return found[0]

    def reports_for(self, sha256: str) -> list[Report]:
        """The reports assembled from (or imported with) one document, in key order."""
        with self._read() as connection:
            return _links.read_reports(connection, document=sha256)

    def reports_of(self, incident_id: int) -> list[Report]:
        """The reports that make up an incident, in key order."""
        with self._read() as connection:
            return _links.read_reports(connection, incident_id=incident_id)

    def get_reports(self, keys: Sequence[str]) -> list[Report]:
        """The stored reports among ``keys``, in key order (unknown keys are skipped)."""
        with self._read() as connection:
            return _links.read_reports(connection, keys=keys)

    def iter_reports(self, *, period_total: bool | None = None) -> Iterator[Report]:
        """Every stored report in key order (only period totals, or none, if asked)."""
        after = ""
        while True:
            with self._read() as connection:
                batch = _links.read_reports(
                    connection, period_total=period_total, after=after, limit=_BATCH * 10
                )
            if not batch:
                return
            yield from batch
            after = batch[-1].key

    def summary_rows(
        self,
        *,
        date_from: date,
        date_to: date,
        admin1: str | Sequence[str] | None = None,
        admin2: str | None = None,
        place_ids: Sequence[str] = (),
        bbox: tuple[float, float, float, float] | None = None,
        tallies_only: bool = False,
    ) -> SummaryRows:
        """Flat rows of the incidents overlapping the dates (in ``admin1`` and ``bbox`` when
        given) and of their tallies, perpetrators, weapons and facilities (only tallies when
        ``tallies_only``): what a quick summary reads, without decoding incidents."""
        with self._read() as connection:
            return read_summary_rows(
                connection,
                date_from=date_from,
                date_to=date_to,
                admin1=admin1,
                admin2=admin2,
                place_ids=place_ids,
                bbox=bbox,
                tallies_only=tallies_only,
            )

    def daily_counts(
        self,
        *,
        date_from: date,
        date_to: date,
        admin1: str | Sequence[str] | None = None,
        admin2: str | None = None,
        place_ids: Sequence[str] = (),
    ) -> list[tuple[date, str | None, int, int]]:
        """(first date, grade, incidents, killed) of the incidents wholly inside the dates and
        in the named governorates (district) or places: a summary's surge baseline, in SQL."""
        with self._read() as connection:
            return read_daily_counts(
                connection,
                date_from=date_from,
                date_to=date_to,
                admin1=admin1,
                admin2=admin2,
                place_ids=place_ids,
            )

    def period_totals(self, *, date_from: date, date_to: date) -> list[Report]:
        """The period-total reports whose dates overlap ``date_from``..``date_to``."""
        with self._read() as connection:
            return _links.read_reports(
                connection, period_total=True, date_from=date_from, date_to=date_to
            )

    def documents_without_reports(self) -> list[str]:
        """Sha256 of every document whose extraction found claims but that has no reports yet."""
        with self._read() as connection:
            rows = connection.execute(
                sa.select(claims.c.document_sha256)
                .where(~sa.exists().where(reports.c.document_sha256 == claims.c.document_sha256))
                .distinct()
                .order_by(claims.c.document_sha256)
            )
            return [row.document_sha256 for row in rows]

    def reports_near(
        self, *, admin1: Sequence[str], date_from: date, date_to: date
    ) -> list[Report]:
        """Reports in any of these admin1s whose dates touch the window, with every other
        report of the incidents they belong to (so that an incident comes whole)."""
        with self._read() as connection:
            keys = _links.keys_near(connection, admin1=admin1, date_from=date_from, date_to=date_to)
            incident_ids = set(_links.membership_of(connection, keys).values())
            keys = sorted(set(keys) | set(_links.members_of(connection, sorted(incident_ids))))
            return _links.read_reports(connection, keys=keys)

    def membership_of(self, keys: Sequence[str]) -> dict[str, int]:
        """Report key -> incident id for those of ``keys`` that belong to an incident."""
        with self._read() as connection:
            return _links.membership_of(connection, keys)

    # --- incidents ----------------------------------------------------------------------------

    def membership(self) -> dict[str, int]:
        """Report key -> incident id, for every report that belongs to an incident."""
        with self._read() as connection:
            return _links.load_membership(connection)

    def save_link(
        self,
        found: Sequence[Incident],
        *,
        retire: Sequence[int] = (),
        registry: Sequence[Facility] = (),
        summary: dict[str, Any] | None = None,
        actor: str = DEFAULT_ACTOR,
    ) -> LinkWrite:
        """Store one link run (incidents, membership, facility registry) and its audit entry.

        Incidents with an id replace the stored ones (their version grows when they changed;
        grade and flags are kept); incidents without one are created; ``retire`` names stored
        incidents that the run dissolved. One audit entry ``link.run`` records the counts.
        """
        now = _utcnow()
        with self._write() as connection:
            written = _links.write_link(
                connection, found, retire=retire, registry=registry, now=now
            )
            append_entry(
                connection,
                at=now,
                actor=actor,
                action="link.run",
                entity="incidents",
                before=None,
                after={
                    **(summary or {}),
                    "incidents": len(found),
                    "created": written.created,
                    "changed": written.changed,
                    "unchanged": written.unchanged,
                    "retired": written.retired,
                    "facilities": len(registry),
                    "membership_sha256": written.membership_sha256,
                },
            )
        return written

    def get_incident(self, incident_id: int) -> Incident:
        """One stored incident; raises NotFound."""
        with self._read() as connection:
            return _links.read_incident(connection, incident_id)

    def incidents(self, query: IncidentQuery | None = None) -> list[Incident]:
        """Stored incidents matching ``query`` (all without one), by first date then id."""
        with self._read() as connection:
            return _links.query_incidents(connection, query or IncidentQuery())

    def count_incidents(self) -> int:
        """How many incidents are stored."""
        with self._read() as connection:
            return int(
                connection.execute(sa.select(sa.func.count()).select_from(incidents)).scalar_one()
            )

    # --- facilities ---------------------------------------------------------------------------

    def facilities(self) -> list[Facility]:
        """The facility registry, by id."""
        with self._read() as connection:
            return _links.read_facilities(connection)

    def get_facility(self, facility_id: str) -> Facility:
        """One registry facility; raises NotFound."""
        with self._read() as connection:
            found = _links.read_facilities(connection, ids=[facility_id])
        if not found:
            raise NotFound(f"no facility {facility_id}; `harmwatch facilities` lists them")
        return found[0]

    def facility_attacks(self) -> dict[str, list[int]]:
        """Facility id -> the incidents that hit it, oldest first."""
        with self._read() as connection:
            return _links.facility_attack_counts(connection)

    # --- analysts' link decisions -------------------------------------------------------------

    def add_link_decision(self, decision: LinkDecision, *, actor: str = DEFAULT_ACTOR) -> int:
        """Record a merge, split or confirmed membership that every relink keeps; returns its id.

        Raises NotFound when a report it names is not stored.
        """
        now = _utcnow()
        with self._write() as connection:
            return _record_decision(connection, decision, actor=actor, now=now)

    def link_decisions(self) -> list[LinkDecision]:
        """Every analyst link decision, oldest first."""
        with self._read() as connection:
            return _links.load_decisions(connection)

    # --- places and zones users add ------------------------------------------------------------

    def add_places(
        self, origin: str, places: Sequence[AddedPlace], *, actor: str = DEFAULT_ACTOR
    ) -> bool:
        """Store the places of one import (``origin``: its name, e.g. the file name), replacing
        an earlier import of the same name, with an audit entry; False, changing nothing, when
        the same places are stored already under that name."""
        now = _utcnow()
        with self._write() as connection:
            counts = _added.replace_places(connection, origin, places, now)
            if counts is None:
                return False
            append_entry(
                connection,
                at=now,
                actor=actor,
                action="places.import",
                entity=f"places:{origin}",
                before=None if not counts[0] else {"places": counts[0]},
                after={"places": counts[1], "ids": sorted({p.place.id for p in places})[:20]},
            )
        return True

    def added_places(self) -> list[AddedPlace]:
        """Every place users added, by import name, then in the import's order."""
        with self._read() as connection:
            return _added.read_places(connection)

    def add_zones(
        self, origin: str, features: Sequence[dict[str, Any]], *, actor: str = DEFAULT_ACTOR
    ) -> bool:
        """Store one file's zones (GeoJSON features, checked by the caller) under ``origin``,
        replacing an earlier file of the same name, with an audit entry; False, changing
        nothing, when the same zones are stored already under that name."""
        now = _utcnow()
        with self._write() as connection:
            counts = _added.replace_zones(connection, origin, features, now)
            if counts is None:
                return False
            names = [str((f.get("properties") or {}).get("name")) for f in features]
            append_entry(
                connection,
                at=now,
                actor=actor,
                action="zones.add",
                entity=f"zones:{origin}",
                before=None if not counts[0] else {"zones": counts[0]},
                after={"zones": counts[1], "names": names[:20]},
            )
        return True

    def zone_features(self) -> list[tuple[str, dict[str, Any]]]:
        """Every zone users added, as (import name, GeoJSON feature)."""
        with self._read() as connection:
            return _added.read_zones(connection)

    # --- review -------------------------------------------------------------------------------

    def add_review(
        self,
        entry: ReviewEntry,
        *,
        versions: Mapping[int, int],
        grade: str | None = None,
        set_grade: bool = False,
        decisions: Sequence[LinkDecision] = (),
        rewrite: Sequence[Incident] = (),
        retire: Sequence[int] = (),
        registry: Sequence[Facility] = (),
    ) -> ReviewWrite:
        """Store an analyst's decision with its audit entry, in one transaction, if every
        incident it touches is still at the version the analyst read.

        Args:
            entry: the decision (its ``incident_id`` is the incident it is about).
            versions: incident id -> the version the analyst read, for every incident the
                write touches; each is raised by one. Conflict ("incident 412 changed since you
                opened it; reload and review again") when one moved on.
            grade, set_grade: set the incident's grade (None clears it).
            decisions: link decisions (pins) that keep this decision through every relink.
            rewrite, retire: for a merge or split, the incidents as they now are (one without
                an id is created) and the ids that no longer exist; ``registry`` the facility
                registry they name.
        """
        now = _utcnow()
        with self._write() as connection:
            current = _review.check_versions(connection, versions)
            grades = None
            if set_grade:
                before = connection.execute(
                    sa.select(incidents.c.grade).where(incidents.c.id == entry.incident_id)
                ).scalar()
                grades = {"before": before, "after": grade}
            created: list[int] = []
            if rewrite or retire:
                kept = [
                    i if i.id is None else replace(i, version=current.get(i.id, i.version))
                    for i in rewrite
                ]
                written = _links.write_link(
                    connection, kept, retire=retire, registry=registry, now=now
                )
                created = [
                    i.id
                    for i, old in zip(written.incidents, kept, strict=True)
                    if old.id is None and i.id is not None
                ]
                gone = set(retire)
                current = _review.read_versions(connection, [i for i in current if i not in gone])
            stored = _review.insert_review(
                connection,
                entry,
                now=now,
                versions={i: (versions[i], v + 1) for i, v in current.items()},
                grades=grades,
                retired=retire,
                created=created,
            )
            for decision in decisions:
                pin = decision
                if decision.kind == "pin" and decision.incident_id == NEW_INCIDENT:
                    pin = replace(decision, incident_id=created[0])
                _record_decision(connection, pin, actor=entry.actor, now=now)
            bumped = _review.bump_versions(
                connection,
                current,
                now=now,
                grade={entry.incident_id: grade} if set_grade else None,
            )
        return ReviewWrite(entry=stored, versions=bumped, created=tuple(created))

    def confidential_documents(self, shas: Iterable[str]) -> set[str]:
        """Which of these documents are marked confidential."""
        wanted = sorted(set(shas))
        found: set[str] = set()
        with self._read() as connection:
            for start in range(0, len(wanted), _BATCH):
                chunk = wanted[start : start + _BATCH]
                found.update(
                    connection.execute(
                        sa.select(documents.c.sha256).where(
                            documents.c.sha256.in_(chunk), documents.c.confidential.is_(True)
                        )
                    ).scalars()
                )
        return found

    def low_confidence_claims(self, floor: float) -> dict[str, float]:
        """``<document sha256>:<ordinal>`` -> confidence, for every claim of a document's newest
        extraction whose confidence is below ``floor``."""
        newest = sa.select(sa.func.max(extractions.c.id)).group_by(extractions.c.document_sha256)
        query = sa.select(claims.c.document_sha256, claims.c.ordinal, claims.c.confidence).where(
            claims.c.confidence < floor, claims.c.extraction_id.in_(newest)
        )
        with self._read() as connection:
            return {
                f"{row.document_sha256}:{row.ordinal}": float(row.confidence)
                for row in connection.execute(query)
            }

    def reviews_of(self, incident_ids: Sequence[int] | None = None) -> dict[int, list[ReviewEntry]]:
        """Review entries by incident, oldest first (every incident's when not given)."""
        with self._read() as connection:
            return _review.read_reviews(connection, incident_ids)

    # --- stored claims --------------------------------------------------------------------------

    def iter_claims(
        self,
        *,
        document: str | None = None,
        kind: str | None = None,
        perpetrator: str | None = None,
        place_ids: Collection[str] | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> Iterator[StoredClaim]:
        """Every claim of each document's newest extraction, with its document and place, in
        the order they were stored (read a batch at a time).

        Args:
            document: a document's sha256, or its first characters.
            kind: only claims of this kind.
            perpetrator: only claims attributed to this actor (also as one of "A or B"),
                case-insensitive.
            place_ids: only claims placed at one of these gazetteer ids.
            date_from, date_to: only claims dated in this range (inclusive); a claim without
                a date of its own is dated by its document's publication date.
        """
        newest = sa.select(sa.func.max(extractions.c.id)).group_by(extractions.c.document_sha256)
        day = sa.func.coalesce(claims.c.date, extractions.c.published, documents.c.published)
        query = (
            sa.select(
                claims,
                documents.c.source,
                sa.func.coalesce(documents.c.published, extractions.c.published).label("dated"),
            )
            .join(extractions, extractions.c.id == claims.c.extraction_id)
            .join(documents, documents.c.sha256 == claims.c.document_sha256)
            .where(claims.c.extraction_id.in_(newest))
        )
        if document:
            query = query.where(claims.c.document_sha256.startswith(document.lower()))
        if kind is not None:
            query = query.where(claims.c.kind == kind)
        if perpetrator:
            name = sa.func.lower(claims.c.perpetrator)
            wanted = perpetrator.lower()
            query = query.where(
                sa.or_(
                    name == wanted,
                    name.startswith(f"{wanted} or ", autoescape=True),
                    name.endswith(f" or {wanted}", autoescape=True),
                )
            )
        if place_ids is not None:
            query = query.where(claims.c.place_id.in_(sorted(place_ids)))
        if date_from is not None:
            query = query.where(day >= date_from)
        if date_to is not None:
            query = query.where(day <= date_to)
        after = 0
        while True:
            with self._read() as connection:
                rows = connection.execute(
                    query.where(claims.c.id > after).order_by(claims.c.id).limit(_BATCH)
                ).all()
                places = _places_of(connection, rows)
            if not rows:
                return
            for row in rows:
                yield StoredClaim(
                    document_sha256=row.document_sha256,
                    source=row.source,
                    published=row.dated,
                    claim=Claim(
                        **{field.name: getattr(row, field.name) for field in _CLAIM_FIELDS}
                    ),
                    place=places.get((row.extraction_id, row.place_id)),
                )
            after = rows[-1].id

    # --- the database as a whole --------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table, for ``harmwatch db info``."""
        tables = (
            documents,
            extractions,
            claims,
            place_mentions,
            reports,
            incidents,
            facilities,
            added_places,
            zones,
            review_entries,
            users,
            audit_log,
        )
        with self._read() as connection:
            return {
                table.name: int(
                    connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
                )
                for table in tables
            }

    def revision(self) -> str | None:
        """The schema revision recorded in the database."""
        with self._read() as connection:
            return _engine.current_revision(connection)

    # --- users ------------------------------------------------------------------------------

    def add_user(
        self, name: str, role: str, *, actor: str, only_if_first: bool = False
    ) -> tuple[User, str]:
        """Add a user with a new API token; returns (user, token). Only the token's hash is kept.

        ``only_if_first`` refuses (Conflict) unless there are no users yet, in the same
        transaction: the first admin is the one user added without an admin's say-so.
        """
        with self._write() as connection:
            return _users.add_user(
                connection, name, role, actor=actor, now=_utcnow(), only_if_first=only_if_first
            )

    def get_user(self, name: str) -> User:
        """The user called ``name``; raises NotFound."""
        with self._read() as connection:
            return _users.get_user(connection, name)

    def list_users(self) -> list[User]:
        """Every user, by name."""
        with self._read() as connection:
            return _users.list_users(connection)

    def disable_user(self, name: str, *, actor: str) -> User:
        """Disable a user so that their token stops working (never the last active admin)."""
        with self._write() as connection:
            return _users.disable_user(connection, name, actor=actor, now=_utcnow())

    def rotate_token(self, name: str, *, actor: str) -> str:
        """A new token for the user (the old one stops working); returns it, shown once."""
        with self._write() as connection:
            return _users.rotate_token(connection, name, actor=actor, now=_utcnow())

    def authenticate(self, token: str) -> User:
        """The active user this API token belongs to; raises Unauthorized otherwise."""
        with self._read() as connection:
            return _users.authenticate(connection, token)

    # --- audit log ----------------------------------------------------------------------------

    def iter_audit(
        self,
        *,
        entity: str | None = None,
        actor: str | None = None,
        since: datetime | date | None = None,
    ) -> Iterator[AuditEntry]:
        """Audit entries in order, read a batch at a time.

        Args:
            entity: only entries about this entity (``document:<sha256>``, ``user:<name>``...);
                a value ending in ``:`` matches every entity with that prefix.
            actor: only entries by this actor.
            since: only entries at or after this moment (a date means its midnight, UTC).
        """
        query = sa.select(audit_log)
        if entity is not None:
            if entity.endswith(":"):
                query = query.where(audit_log.c.entity.startswith(entity, autoescape=True))
            else:
                query = query.where(audit_log.c.entity == entity)
        if actor is not None:
            query = query.where(audit_log.c.actor == actor)
        if since is not None:
            moment = (
                since
                if isinstance(since, datetime)
                else datetime.combine(since, datetime.min.time())
            )
            query = query.where(audit_log.c.at >= _naive_utc(moment))
        after = 0
        while True:
            with self._read() as connection:
                rows = connection.execute(
                    query.where(audit_log.c.seq > after).order_by(audit_log.c.seq).limit(_BATCH)
                ).all()
            if not rows:
                return
            for row in rows:
                yield entry_from_row(row)
            after = rows[-1].seq

    def check_audit_tail(self) -> None:
        """Raise Conflict if the last audit entry is broken (the cheap check every write makes
        too); call it before a long run of writes to refuse them all at once."""
        with self._read() as connection:
            check_tail(connection)

    def audit_head(self) -> AuditEntry | None:
        """The last entry of the audit log (its hash is the value to publish), None if empty."""
        with self._read() as connection:
            row = connection.execute(
                sa.select(audit_log).order_by(audit_log.c.seq.desc()).limit(1)
            ).first()
        return None if row is None else entry_from_row(row)

    def check_audit(self, *, head: str | None = None) -> AuditReport:
        """Re-compute the chain and check every evidence row against it, in one snapshot.

        Args:
            head: a head hash published earlier (``audit_head().hash``); the report then says
                whether it is still in the chain.
        """
        published = None if head is None else check_head(head)
        with self._snapshot() as connection:
            return verify_log(connection, head=published)

    def verify_audit(self, *, head: str | None = None) -> int:
        """Check the chain and the rows; returns the number of entries, raises Conflict naming
        the first broken entry or row."""
        report = self.check_audit(head=head)
        if report.problems:
            first = report.problems[0]
            more = len(report.problems) - 1
            suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
            raise Conflict(f"audit log broken: {first.message}{suffix}")
        return report.entries


# --- rows <-> domain types ------------------------------------------------------------------------


_INSERT_DOCUMENT = sa.insert(documents)
_INSERT_EXTRACTION = sa.insert(extractions)
_INSERT_CLAIMS = sa.insert(claims)
_INSERT_PLACES = sa.insert(place_mentions)
_HAS_DOCUMENT = sa.select(documents.c.sha256).where(documents.c.sha256 == sa.bindparam("sha256"))


def _record_decision(
    connection: Connection, decision: LinkDecision, *, actor: str, now: datetime
) -> int:
    """Store a link decision with its ``link.decision`` audit entry; NotFound for an unknown
    report."""
    known = {r.key for r in _links.read_reports(connection, keys=decision.reports)}
    missing = [key for key in decision.reports if key not in known]
    if missing:
        raise NotFound(f"no report {missing[0]}")
    decision_id = _links.insert_decision(connection, decision, now)
    append_entry(
        connection,
        at=now,
        actor=actor,
        action="link.decision",
        entity=f"link_decision:{decision_id}",
        before=None,
        after={**link_decision_to_dict(decision), "at": now.isoformat()},
    )
    return decision_id


def _has_document(connection: Connection, sha256: str) -> bool:
    return connection.execute(_HAS_DOCUMENT, {"sha256": sha256}).first() is not None


def _document_row(document: Document, now: datetime) -> dict[str, Any]:
    return {
        "sha256": document.sha256,
        "source": document.source,
        "retrieved_at": _naive_utc(document.retrieved_at),
        "stored_at": now,
        "published": document.published,
        "title": document.title,
        "lang": document.lang,
        "media_type": document.media_type,
        "encoding": document.encoding,
        "text": document.text,
        "raw": document.raw,
        "warc": document.warc,
        "confidential": document.confidential,
        "pages": list(document.pages) if document.pages else None,
    }


def _document_from_row(row: Row[Any]) -> Document:
    return Document(
        sha256=row.sha256,
        source=row.source,
        raw=bytes(row.raw),
        text=row.text,
        media_type=row.media_type,
        title=row.title,
        published=row.published,
        lang=row.lang,
        retrieved_at=_aware_utc(row.retrieved_at),
        encoding=row.encoding,
        warc=None if row.warc is None else bytes(row.warc),
        confidential=row.confidential,
        pages=tuple(row.pages or ()),
    )


def _document_summary(document: Document) -> dict[str, Any]:
    """What the audit log says of a document: a confidential one's source and title stay out
    (the row digest covers them)."""
    hidden = document.confidential
    return {
        "sha256": document.sha256,
        "source": None if hidden else document.source,
        "title": None if hidden else document.title,
        "published": None if document.published is None else document.published.isoformat(),
        "lang": document.lang,
        "media_type": document.media_type,
        "bytes": len(document.raw),
        "confidential": document.confidential,
    }


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _extraction_id(
    connection: Connection, sha256: str, extractor_version: str | None
) -> int | None:
    query = sa.select(extractions.c.id).where(extractions.c.document_sha256 == sha256)
    if extractor_version is not None:
        query = query.where(extractions.c.extractor_version == extractor_version)
    found = connection.execute(query.order_by(extractions.c.id.desc()).limit(1)).scalar()
    return None if found is None else int(found)


def _insert_extraction(
    connection: Connection,
    sha256: str,
    extraction: Extraction,
    extractor_version: str,
    now: datetime,
    claim_items: Iterable[Claim],
    place_items: Iterable[PlaceMention],
) -> dict[str, Any]:
    """Insert an extraction with its claims and places (read once, in batches); returns its
    audit summary (with the digests that ``audit verify`` checks the rows against)."""
    period = extraction.period
    row = {
        "document_sha256": sha256,
        "extractor_version": extractor_version,
        "extracted_at": now,
        "lang": extraction.lang,
        "published": extraction.published,
        "period_start": None if period is None else period.start,
        "period_end": None if period is None else period.end,
        "has_period": period is not None,
        "perpetrators": list(extraction.perpetrators),
        "weapons": list(extraction.weapons),
    }
    result = connection.execute(_INSERT_EXTRACTION, row)
    primary_key = result.inserted_primary_key
    assert primary_key is not None
    extraction_id = primary_key[0]
    # rows go in batches, so that a document with a million claims needs no million dicts;
    # their digests are taken as they go
    claims_digest = RowsDigest(CLAIM_COLUMNS, CLAIM_LATER_COLUMNS)
    n_claims = 0
    for batch in _batches(claim_items, _INSERT_BATCH):
        claim_rows = [
            {
                "extraction_id": extraction_id,
                "document_sha256": sha256,
                "extractor_version": extractor_version,
                "ordinal": ordinal,
                **{field.name: getattr(claim, field.name) for field in _CLAIM_FIELDS},
            }
            for ordinal, claim in enumerate(batch, start=n_claims)
        ]
        n_claims += len(batch)
        connection.execute(_INSERT_CLAIMS, claim_rows)
        for claim_row in claim_rows:
            claims_digest.add(claim_row)
    places_digest = RowsDigest(PLACE_MENTION_COLUMNS, PLACE_MENTION_LATER_COLUMNS)
    n_places = 0
    for batch in _batches(place_items, _INSERT_BATCH):
        place_rows = [
            {
                "extraction_id": extraction_id,
                "document_sha256": sha256,
                "ordinal": ordinal,
                "name": mention.name,
                "start": mention.start,
                "end": mention.end,
                "sentence": mention.sentence,
                "score": mention.score,
                "place_id": None if mention.place is None else mention.place.id,
                "place": None if mention.place is None else _place_json(mention.place),
                "review": mention.review,
                "geo_precision": mention.geo_precision,
            }
            for ordinal, mention in enumerate(batch, start=n_places)
        ]
        n_places += len(batch)
        connection.execute(_INSERT_PLACES, place_rows)
        for place_row in place_rows:
            places_digest.add(place_row)
    return {
        "extractor_version": extractor_version,
        "claims": n_claims,
        "places": n_places,
        "fields_sha256": extraction_digest(row),
        "claims_sha256": claims_digest.hexdigest(),
        "places_sha256": places_digest.hexdigest(),
    }


_CLAIM_FIELDS = dataclasses.fields(Claim)
_PLACE_FIELDS = tuple(field.name for field in dataclasses.fields(Place))


def _place_json(place: Place) -> dict[str, Any]:
    """A Place as JSON (its fields are plain values; faster than dataclasses.asdict)."""
    return {name: getattr(place, name) for name in _PLACE_FIELDS}


def _claims(connection: Connection, extraction_id: int) -> list[Claim]:
    rows = connection.execute(
        sa.select(claims).where(claims.c.extraction_id == extraction_id).order_by(claims.c.ordinal)
    ).all()
    return [
        Claim(**{field.name: getattr(row, field.name) for field in _CLAIM_FIELDS}) for row in rows
    ]


def _claim_from_row(row: Row[Any]) -> Claim:
    return Claim(**{field.name: getattr(row, field.name) for field in _CLAIM_FIELDS})


def _places_of(connection: Connection, rows: Sequence[Row[Any]]) -> dict[tuple[int, str], Place]:
    """The places the claims in ``rows`` are placed at, by (extraction id, place id)."""
    wanted = {(row.extraction_id, row.place_id) for row in rows if row.place_id is not None}
    if not wanted:
        return {}
    found = connection.execute(
        sa.select(place_mentions.c.extraction_id, place_mentions.c.place_id, place_mentions.c.place)
        .where(place_mentions.c.extraction_id.in_(sorted({e for e, _ in wanted})))
        .where(place_mentions.c.place_id.in_(sorted({p for _, p in wanted})))
    ).all()
    return {
        (row.extraction_id, row.place_id): Place(**row.place)
        for row in found
        if (row.extraction_id, row.place_id) in wanted and row.place is not None
    }


def _places(connection: Connection, extraction_id: int) -> list[PlaceMention]:
    rows = connection.execute(
        sa.select(place_mentions)
        .where(place_mentions.c.extraction_id == extraction_id)
        .order_by(place_mentions.c.ordinal)
    ).all()
    return [
        PlaceMention(
            name=row.name,
            start=row.start,
            end=row.end,
            sentence=row.sentence,
            place=None if row.place is None else Place(**row.place),
            score=row.score,
            review=row.review,
            geo_precision=row.geo_precision,
        )
        for row in rows
    ]
