"""Covering indexes for period summaries.

``ix_incidents_admin1_dates`` (the governorate, lower-cased, then the dates, then every column a
summary's flat rows read) lets a governorate's month and its surge baseline be read from one
range of the index, without the incidents table; the side tables' covering indexes do the same
for their rows of those incidents. ``ix_incidents_spans`` holds only the incidents that span
days: a window reads the incidents that start in it from the first index, and looks back for
those that started before it and reach into it in this one.

Revision ID: 0009_summary_indexes
Revises: 0008_places
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_summary_indexes"
down_revision = "0008_places"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_incidents_admin1_dates",
        "incidents",
        [
            sa.text("lower(admin1)"),
            "first_date",
            "last_date",
            "grade",
            "time_precision",
            "place_id",
            "place_name",
            "lat",
            "lon",
            "admin1",
            "admin2",
        ],
    )
    spans = sa.text("last_date > first_date")
    op.create_index(
        "ix_incidents_spans",
        "incidents",
        ["first_date", "last_date"],
        sqlite_where=spans,
        postgresql_where=spans,
    )
    op.create_index(
        "ix_incident_tallies_cover",
        "incident_tallies",
        ["incident_id", "kind", "subject", "best", "low", "high", "sources"],
    )
    op.create_index(
        "ix_incident_perpetrators_cover",
        "incident_perpetrators",
        ["incident_id", "perpetrator", "certainty"],
    )
    op.create_index("ix_incident_facilities_cover", "incident_facilities", ["incident_id", "type"])


def downgrade() -> None:
    op.drop_index("ix_incident_facilities_cover", table_name="incident_facilities")
    op.drop_index("ix_incident_perpetrators_cover", table_name="incident_perpetrators")
    op.drop_index("ix_incident_tallies_cover", table_name="incident_tallies")
    op.drop_index("ix_incidents_spans", table_name="incidents")
    op.drop_index("ix_incidents_admin1_dates", table_name="incidents")
