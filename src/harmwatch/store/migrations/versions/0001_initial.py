"""Documents, extractions, claims, place mentions, reports, incidents and the audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("sha256", sa.String(64), nullable=False),
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
        sa.PrimaryKeyConstraint("sha256", name="pk_documents"),
    )
    op.create_table(
        "extractions",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("extractor_version", sa.String(64), nullable=False),
        sa.Column("extracted_at", sa.DateTime, nullable=False),
        sa.Column("lang", sa.String(16), nullable=False),
        sa.Column("published", sa.Date, nullable=True),
        sa.Column("period_start", sa.Date, nullable=True),
        sa.Column("period_end", sa.Date, nullable=True),
        sa.Column("has_period", sa.Boolean, nullable=False),
        sa.Column("perpetrators", sa.JSON, nullable=False),
        sa.Column("weapons", sa.JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_sha256"],
            ["documents.sha256"],
            name="fk_extractions_document_sha256_documents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_extractions"),
        sa.UniqueConstraint(
            "document_sha256",
            "extractor_version",
            name="uq_extractions_document_sha256_extractor_version",
        ),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("extraction_id", sa.Integer, nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=False),
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
        sa.ForeignKeyConstraint(
            ["extraction_id"],
            ["extractions.id"],
            name="fk_claims_extraction_id_extractions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
    )
    op.create_index("ix_claims_extraction_id", "claims", ["extraction_id"])
    op.create_index("ix_claims_document_sha256", "claims", ["document_sha256"])
    op.create_table(
        "place_mentions",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("extraction_id", sa.Integer, nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("place_id", sa.String(100), nullable=True),
        sa.Column("place", sa.JSON, nullable=True),
        sa.ForeignKeyConstraint(
            ["extraction_id"],
            ["extractions.id"],
            name="fk_place_mentions_extraction_id_extractions",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_place_mentions"),
    )
    op.create_index("ix_place_mentions_extraction_id", "place_mentions", ["extraction_id"])
    op.create_index("ix_place_mentions_document_sha256", "place_mentions", ["document_sha256"])
    op.create_index("ix_place_mentions_place_id", "place_mentions", ["place_id"])
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("first_date", sa.Date, nullable=True),
        sa.Column("last_date", sa.Date, nullable=True),
        sa.Column("place_id", sa.String(100), nullable=True),
        sa.Column("place_precision", sa.Integer, nullable=True),
        sa.Column("grade", sa.String(32), nullable=True),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_incidents"),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("incident_id", sa.Integer, nullable=True),
        sa.Column("date_start", sa.Date, nullable=True),
        sa.Column("date_end", sa.Date, nullable=True),
        sa.Column("date_precision", sa.Integer, nullable=True),
        sa.Column("place_id", sa.String(100), nullable=True),
        sa.Column("place_precision", sa.Integer, nullable=True),
        sa.Column("is_period_total", sa.Boolean, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_sha256"],
            ["documents.sha256"],
            name="fk_reports_document_sha256_documents",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name="fk_reports_incident_id_incidents",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_reports"),
    )
    op.create_index("ix_reports_document_sha256", "reports", ["document_sha256"])
    op.create_index("ix_reports_incident_id", "reports", ["incident_id"])
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("entity", sa.String(200), nullable=False),
        sa.Column("before", sa.JSON, nullable=True),
        sa.Column("after", sa.JSON, nullable=True),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_audit_log"),
        sa.UniqueConstraint("hash", name="uq_audit_log_hash"),
    )
    op.create_index("ix_audit_log_entity", "audit_log", ["entity"])


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("reports")
    op.drop_table("incidents")
    op.drop_table("place_mentions")
    op.drop_table("claims")
    op.drop_table("extractions")
    op.drop_table("documents")
