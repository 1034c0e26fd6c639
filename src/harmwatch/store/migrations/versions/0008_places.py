"""Places and zones users add live in the database; place matches keep their review flag.

``added_places`` and ``zones`` hold what ``harmwatch gazetteer import`` and ``harmwatch zones
add`` store (one row per place or zone, keyed by the import it came from), so that a team on one
server sees the same additions. ``place_mentions`` gain ``review`` and ``geo_precision``;
``claims`` gain ``place_review`` (the claim's place is a weak match).

Revision ID: 0008_places
Revises: 0007_document_pages
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_places"
down_revision = "0007_document_pages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN (no batch copy on SQLite): the append-only triggers on these tables stay
    op.add_column(
        "place_mentions",
        sa.Column("review", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.add_column("place_mentions", sa.Column("geo_precision", sa.Integer, nullable=True))
    op.add_column(
        "claims",
        sa.Column("place_review", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "added_places",
        sa.Column("origin", sa.String(200), nullable=False),
        sa.Column("place_id", sa.String(100), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("place", sa.JSON, nullable=False),
        sa.Column("names", sa.JSON, nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("origin", "place_id", name="pk_added_places"),
    )
    op.create_table(
        "zones",
        sa.Column("origin", sa.String(200), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("zone_id", sa.String(200), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("feature", sa.JSON, nullable=False),
        sa.Column("added_at", sa.DateTime, nullable=False),
        sa.PrimaryKeyConstraint("origin", "ordinal", name="pk_zones"),
    )


def downgrade() -> None:
    op.drop_table("zones")
    op.drop_table("added_places")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("place_review")
    with op.batch_alter_table("place_mentions") as batch:
        batch.drop_column("geo_precision")
        batch.drop_column("review")
