"""Analysts' review entries: append-only, like the audit log that records each of them.

Revision ID: 0006_review
Revises: 0005_audit
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_review"
down_revision = "0005_audit"
branch_labels = None
depends_on = None

TABLE = "review_entries"
FUNCTION = "harmwatch_refuse_change"  # created by 0005_audit


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer, autoincrement=True, nullable=False),
        sa.Column("incident_id", sa.Integer, nullable=False),
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
        sa.PrimaryKeyConstraint("id", name="pk_review_entries"),
    )
    op.create_index("ix_review_entries_incident_id", TABLE, ["incident_id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
            f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
        )
        op.execute(
            f"CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
        )
    else:
        for operation in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {TABLE}_append_only_{operation.lower()} "
                f"BEFORE {operation} ON {TABLE} BEGIN "
                f"SELECT RAISE(ABORT, '{TABLE} is append-only: {operation} refused'); END"
            )


def downgrade() -> None:
    op.drop_table(TABLE)  # its triggers go with it
