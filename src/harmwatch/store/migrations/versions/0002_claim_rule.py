"""Claims record the rule that produced them and the precision of their place.

Revision ID: 0002_claim_rule
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_claim_rule"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.add_column(sa.Column("rule", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("geo_precision", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("geo_precision")
        batch.drop_column("rule")
