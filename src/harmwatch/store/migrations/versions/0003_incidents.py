"""Reports and incidents take their real shape; facilities, incident membership, link decisions.

The placeholder ``reports`` and ``incidents`` tables of 0001 were never written to, so they are
dropped and made again.

Revision ID: 0003_incidents
Revises: 0002_claim_rule
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_incidents"
down_revision = "0002_claim_rule"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_reports_incident_id", table_name="reports")
    op.drop_index("ix_reports_document_sha256", table_name="reports")
    op.drop_table("reports")
    op.drop_table("incidents")
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("first_date", sa.Date, nullable=True),
        sa.Column("last_date", sa.Date, nullable=True),
        sa.Column("time_precision", sa.Integer, nullable=True),
        sa.Column("place_id", sa.String(100), nullable=True),
        sa.Column("place_name", sa.Text, nullable=True),
        sa.Column("geo_precision", sa.Integer, nullable=True),
        sa.Column("admin1", sa.String(200), nullable=True),
        sa.Column("admin2", sa.String(200), nullable=True),
        sa.Column("lat", sa.Float, nullable=True),
        sa.Column("lon", sa.Float, nullable=True),
        sa.Column("grade", sa.String(32), nullable=True),
        sa.Column("n_reports", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_incidents"),
    )
    op.create_index("ix_incidents_first_date", "incidents", ["first_date"])
    op.create_index("ix_incidents_place_id", "incidents", ["place_id"])
    op.create_index("ix_incidents_admin1", "incidents", ["admin1"])
    op.create_index("ix_incidents_grade", "incidents", ["grade"])
    op.create_table(
        "reports",
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("document_sha256", sa.String(64), nullable=False),
        sa.Column("incident_id", sa.Integer, nullable=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("date_start", sa.Date, nullable=True),
        sa.Column("date_end", sa.Date, nullable=True),
        sa.Column("time_precision", sa.Integer, nullable=True),
        sa.Column("place_id", sa.String(100), nullable=True),
        sa.Column("geo_precision", sa.Integer, nullable=True),
        sa.Column("admin1", sa.String(200), nullable=True),
        sa.Column("period_total", sa.Boolean, nullable=False),
        sa.Column("assembler", sa.String(64), nullable=False),
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
        sa.PrimaryKeyConstraint("key", name="pk_reports"),
    )
    op.create_index("ix_reports_document_sha256", "reports", ["document_sha256"])
    op.create_index("ix_reports_incident_id", "reports", ["incident_id"])
    op.create_index("ix_reports_date_start", "reports", ["date_start"])
    op.create_index("ix_reports_place_id", "reports", ["place_id"])
    op.create_index("ix_reports_admin1", "reports", ["admin1"])
    op.create_table(
        "facilities",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("place_id", sa.String(100), nullable=True),
        sa.Column("place_name", sa.Text, nullable=True),
        sa.Column("admin1", sa.String(200), nullable=True),
        sa.Column("lat", sa.Float, nullable=True),
        sa.Column("lon", sa.Float, nullable=True),
        sa.Column("status", sa.String(32), nullable=True),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_facilities"),
    )
    op.create_index("ix_facilities_type", "facilities", ["type"])
    op.create_index("ix_facilities_place_id", "facilities", ["place_id"])
    op.create_table(
        "incident_perpetrators",
        sa.Column("incident_id", sa.Integer, nullable=False),
        sa.Column("perpetrator", sa.String(200), nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("certainty", sa.String(16), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name="fk_incident_perpetrators_incident_id_incidents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("incident_id", "perpetrator", name="pk_incident_perpetrators"),
    )
    op.create_index(
        "ix_incident_perpetrators_perpetrator", "incident_perpetrators", ["perpetrator"]
    )
    op.create_table(
        "incident_weapons",
        sa.Column("incident_id", sa.Integer, nullable=False),
        sa.Column("weapon", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name="fk_incident_weapons_incident_id_incidents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("incident_id", "weapon", name="pk_incident_weapons"),
    )
    op.create_index("ix_incident_weapons_weapon", "incident_weapons", ["weapon"])
    op.create_table(
        "incident_facilities",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("incident_id", sa.Integer, nullable=False),
        sa.Column("facility_id", sa.String(64), nullable=True),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("status", sa.String(32), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name="fk_incident_facilities_incident_id_incidents",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["facility_id"],
            ["facilities.id"],
            name="fk_incident_facilities_facility_id_facilities",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_incident_facilities"),
    )
    op.create_index("ix_incident_facilities_incident_id", "incident_facilities", ["incident_id"])
    op.create_index("ix_incident_facilities_facility_id", "incident_facilities", ["facility_id"])
    op.create_index("ix_incident_facilities_type", "incident_facilities", ["type"])
    op.create_table(
        "link_decisions",
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("reports", sa.JSON, nullable=False),
        sa.Column("incident_id", sa.Integer, nullable=True),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_link_decisions"),
    )


def downgrade() -> None:
    op.drop_table("link_decisions")
    op.drop_table("incident_facilities")
    op.drop_table("incident_weapons")
    op.drop_table("incident_perpetrators")
    op.drop_table("facilities")
    op.drop_table("reports")
    op.drop_table("incidents")
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
