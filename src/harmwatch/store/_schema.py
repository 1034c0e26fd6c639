"""The tables, as SQLAlchemy Core metadata: the one description of the schema.

Migrations in ``migrations/versions`` build exactly this; a test compares the two. Timestamps are
naive UTC (the same on SQLite and PostgreSQL, so audit hashes are reproducible).

Triggers are not metadata: ``APPEND_ONLY_TABLES`` names the tables whose rows the database
itself refuses to UPDATE or DELETE (migrations 0005_audit and 0006_review install the
triggers; a test checks that every table named here refuses both on SQLite and PostgreSQL).
"""

from __future__ import annotations

import sqlalchemy as sa

__all__ = [
    "APPEND_ONLY_TABLES",
    "added_places",
    "audit_log",
    "claims",
    "documents",
    "extractions",
    "facilities",
    "incident_facilities",
    "incident_perpetrators",
    "incident_tallies",
    "incident_weapons",
    "incidents",
    "link_decisions",
    "metadata",
    "place_mentions",
    "reports",
    "review_entries",
    "users",
    "zones",
]

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("retrieved_at", sa.DateTime, nullable=True),
    sa.Column("stored_at", sa.DateTime, nullable=False),
    sa.Column("published", sa.Date, nullable=True),
    sa.Column("title", sa.Text, nullable=True),
    sa.Column("lang", sa.String(16), nullable=True),
    sa.Column("media_type", sa.String(100), nullable=False),
    sa.Column("encoding", sa.String(64), nullable=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("raw", sa.LargeBinary, nullable=False),
    sa.Column("warc", sa.LargeBinary, nullable=True),
    sa.Column("confidential", sa.Boolean, nullable=False),
    sa.Column("pages", sa.JSON, nullable=True),
)

extractions = sa.Table(
    "extractions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "document_sha256",
        sa.String(64),
        sa.ForeignKey("documents.sha256", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("extractor_version", sa.String(64), nullable=False),
    sa.Column("extracted_at", sa.DateTime, nullable=False),
    sa.Column("lang", sa.String(16), nullable=False),
    sa.Column("published", sa.Date, nullable=True),
    sa.Column("period_start", sa.Date, nullable=True),
    sa.Column("period_end", sa.Date, nullable=True),
    sa.Column("has_period", sa.Boolean, nullable=False),
    sa.Column("perpetrators", sa.JSON, nullable=False),
    sa.Column("weapons", sa.JSON, nullable=False),
    sa.UniqueConstraint("document_sha256", "extractor_version"),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "extraction_id",
        sa.Integer,
        sa.ForeignKey("extractions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("document_sha256", sa.String(64), nullable=False, index=True),
    sa.Column("extractor_version", sa.String(64), nullable=False),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("subject", sa.String(32), nullable=False),
    sa.Column("value", sa.BigInteger, nullable=False),
    sa.Column("max", sa.BigInteger, nullable=True),
    sa.Column("bound", sa.String(16), nullable=False),
    sa.Column("perpetrator", sa.String(200), nullable=True),
    sa.Column("weapon", sa.String(32), nullable=True),
    sa.Column("status", sa.String(32), nullable=True),
    sa.Column("date", sa.Date, nullable=True),
    sa.Column("place_id", sa.String(100), nullable=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("sentence", sa.Integer, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("rule", sa.String(64), nullable=False, server_default=""),
    sa.Column("geo_precision", sa.Integer, nullable=True),
    sa.Column("place_review", sa.Boolean, nullable=False, server_default=sa.false()),
)

place_mentions = sa.Table(
    "place_mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "extraction_id",
        sa.Integer,
        sa.ForeignKey("extractions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("document_sha256", sa.String(64), nullable=False, index=True),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("sentence", sa.Integer, nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("place_id", sa.String(100), nullable=True, index=True),
    sa.Column("place", sa.JSON, nullable=True),
    sa.Column("review", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("geo_precision", sa.Integer, nullable=True),
)

# Places users added to the gazetteer, one row per place of one import (``origin``: the import's
# name, e.g. the file stem); ``place`` holds the Place fields, ``names`` its other names.
added_places = sa.Table(
    "added_places",
    metadata,
    sa.Column("origin", sa.String(200), primary_key=True),
    sa.Column("place_id", sa.String(100), primary_key=True),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("place", sa.JSON, nullable=False),
    sa.Column("names", sa.JSON, nullable=False),
    sa.Column("added_at", sa.DateTime, nullable=False),
)

# Zones users added (``harmwatch zones add``): each a GeoJSON feature kept as given.
zones = sa.Table(
    "zones",
    metadata,
    sa.Column("origin", sa.String(200), primary_key=True),
    sa.Column("ordinal", sa.Integer, primary_key=True),
    sa.Column("zone_id", sa.String(200), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("feature", sa.JSON, nullable=False),
    sa.Column("added_at", sa.DateTime, nullable=False),
)

incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("first_date", sa.Date, nullable=True, index=True),
    sa.Column("last_date", sa.Date, nullable=True),
    sa.Column("time_precision", sa.Integer, nullable=True),
    sa.Column("place_id", sa.String(100), nullable=True, index=True),
    sa.Column("place_name", sa.Text, nullable=True),
    sa.Column("geo_precision", sa.Integer, nullable=True),
    sa.Column("admin1", sa.String(200), nullable=True, index=True),
    sa.Column("admin2", sa.String(200), nullable=True),
    sa.Column("lat", sa.Float, nullable=True),
    sa.Column("lon", sa.Float, nullable=True),
    sa.Column("grade", sa.String(32), nullable=True, index=True),
    sa.Column("n_reports", sa.Integer, nullable=False),
    sa.Column("n_sources", sa.Integer, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)

# Dates as an interval, for window queries (an incident overlaps a window from its first date
# to its last); the first_date index alone cannot filter on the last date.
sa.Index("ix_incidents_first_date_last_date", incidents.c.first_date, incidents.c.last_date)
# A summary's area and dates, covering every column its flat rows read: a governorate's (or the
# country's, governorate by governorate) incidents in a window are one range of this index each,
# and neither the month's rows nor the surge baseline's daily counts read the incidents table.
sa.Index(
    "ix_incidents_admin1_dates",
    sa.func.lower(incidents.c.admin1),
    incidents.c.first_date,
    incidents.c.last_date,
    incidents.c.grade,
    incidents.c.time_precision,
    incidents.c.place_id,
    incidents.c.place_name,
    incidents.c.lat,
    incidents.c.lon,
    incidents.c.admin1,
    incidents.c.admin2,
)
# Incidents that span days, the few a window's query must look for before its first day.
_spans = incidents.c.last_date > incidents.c.first_date
sa.Index(
    "ix_incidents_spans",
    incidents.c.first_date,
    incidents.c.last_date,
    sqlite_where=_spans,
    postgresql_where=_spans,
)

reports = sa.Table(
    "reports",
    metadata,
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column(
        "document_sha256",
        sa.String(64),
        sa.ForeignKey("documents.sha256", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column(
        "incident_id",
        sa.Integer,
        sa.ForeignKey("incidents.id", ondelete="SET NULL"),
        nullable=True,
        index=True,
    ),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("date_start", sa.Date, nullable=True, index=True),
    sa.Column("date_end", sa.Date, nullable=True),
    sa.Column("time_precision", sa.Integer, nullable=True),
    sa.Column("place_id", sa.String(100), nullable=True, index=True),
    sa.Column("geo_precision", sa.Integer, nullable=True),
    sa.Column("admin1", sa.String(200), nullable=True, index=True),
    sa.Column("period_total", sa.Boolean, nullable=False),
    sa.Column("assembler", sa.String(64), nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
)

facilities = sa.Table(
    "facilities",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False, index=True),
    sa.Column("place_id", sa.String(100), nullable=True, index=True),
    sa.Column("place_name", sa.Text, nullable=True),
    sa.Column("admin1", sa.String(200), nullable=True),
    sa.Column("lat", sa.Float, nullable=True),
    sa.Column("lon", sa.Float, nullable=True),
    sa.Column("status", sa.String(32), nullable=True),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)

incident_perpetrators = sa.Table(
    "incident_perpetrators",
    metadata,
    sa.Column(
        "incident_id",
        sa.Integer,
        sa.ForeignKey("incidents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("perpetrator", sa.String(200), primary_key=True, index=True),
    sa.Column("sources", sa.Integer, nullable=False),
    sa.Column("certainty", sa.String(16), nullable=False),
)

incident_tallies = sa.Table(
    "incident_tallies",
    metadata,
    sa.Column(
        "incident_id",
        sa.Integer,
        sa.ForeignKey("incidents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("kind", sa.String(32), primary_key=True),
    sa.Column("subject", sa.String(32), primary_key=True),
    sa.Column("best", sa.BigInteger, nullable=False),
    sa.Column("low", sa.BigInteger, nullable=False),
    sa.Column("high", sa.BigInteger, nullable=False),
    sa.Column("sources", sa.Integer, nullable=False),
)

# The side tables' rows of an incident, read from the index alone (summaries read thousands).
sa.Index(
    "ix_incident_tallies_cover",
    incident_tallies.c.incident_id,
    incident_tallies.c.kind,
    incident_tallies.c.subject,
    incident_tallies.c.best,
    incident_tallies.c.low,
    incident_tallies.c.high,
    incident_tallies.c.sources,
)
sa.Index(
    "ix_incident_perpetrators_cover",
    incident_perpetrators.c.incident_id,
    incident_perpetrators.c.perpetrator,
    incident_perpetrators.c.certainty,
)

incident_weapons = sa.Table(
    "incident_weapons",
    metadata,
    sa.Column(
        "incident_id",
        sa.Integer,
        sa.ForeignKey("incidents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("weapon", sa.String(32), primary_key=True, index=True),
)

incident_facilities = sa.Table(
    "incident_facilities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "incident_id",
        sa.Integer,
        sa.ForeignKey("incidents.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column(
        "facility_id",
        sa.String(64),
        sa.ForeignKey("facilities.id", ondelete="CASCADE"),
        nullable=True,
        index=True,
    ),
    sa.Column("type", sa.String(32), nullable=False, index=True),
    sa.Column("status", sa.String(32), nullable=True),
)

sa.Index(
    "ix_incident_facilities_cover", incident_facilities.c.incident_id, incident_facilities.c.type
)

link_decisions = sa.Table(
    "link_decisions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("reports", sa.JSON, nullable=False),
    sa.Column("incident_id", sa.Integer, nullable=True),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("action", sa.String(64), nullable=False),
    sa.Column("entity", sa.String(200), nullable=False, index=True),
    sa.Column("before", sa.JSON, nullable=True),
    sa.Column("after", sa.JSON, nullable=True),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False, unique=True),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("token_id", sa.String(32), nullable=False, unique=True),
    sa.Column("token_hash", sa.String(200), nullable=False),
    sa.Column("disabled", sa.Boolean, nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)

review_entries = sa.Table(
    "review_entries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("incident_id", sa.Integer, nullable=False, index=True),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("field", sa.String(100), nullable=True),
    sa.Column("target", sa.Text, nullable=True),
    sa.Column("value", sa.JSON, nullable=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("confidential", sa.Boolean, nullable=False),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("incident_version", sa.Integer, nullable=True),
    sa.Column("salt", sa.String(32), nullable=False),
)

APPEND_ONLY_TABLES: tuple[str, ...] = ("audit_log", "documents", "claims", "review_entries")
"""Tables whose rows are evidence: the database refuses UPDATE and DELETE on them."""
