"""Documents record where each page starts in their text (PDF, DOCX).

Revision ID: 0005_document_pages
Revises: 0004_incident_tallies
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_document_pages"
down_revision = "0004_incident_tallies"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("pages", sa.JSON, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("pages")
