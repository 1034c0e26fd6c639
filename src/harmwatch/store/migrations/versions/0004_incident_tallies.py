"""Each incident's tallies as rows (kind, subject, best, low, high, sources), for summaries that
read the store's flat rows; an index on incidents' first and last dates, for date windows.

Incidents already stored get their rows from their JSON data.

Revision ID: 0004_incident_tallies
Revises: 0003_incidents
Create Date: 2026-12-02
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004_incident_tallies"
down_revision = "0003_incidents"
branch_labels = None
depends_on = None


def _rows(incident_id: int, data: dict[str, Any]) -> list[dict[str, Any]]:
    documents = {s["report"]: s["document_sha256"] for s in data.get("sources", ())}
    rows = []
    for tally in data.get("tallies", ()):
        keys = {f["report"] for f in tally.get("figures", ())}
        rows.append(
            {
                "incident_id": incident_id,
                "kind": tally["kind"],
                "subject": tally["subject"],
                "best": tally["best"],
                "low": tally["low"],
                "high": tally["high"],
                "sources": len({documents.get(k, k.split(":", 1)[0]) for k in keys}),
            }
        )
    return rows


def upgrade() -> None:
    table = op.create_table(
        "incident_tallies",
        sa.Column("incident_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("subject", sa.String(32), nullable=False),
        sa.Column("best", sa.BigInteger, nullable=False),
        sa.Column("low", sa.BigInteger, nullable=False),
        sa.Column("high", sa.BigInteger, nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name="fk_incident_tallies_incident_id_incidents",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("incident_id", "kind", "subject", name="pk_incident_tallies"),
    )
    assert table is not None
    op.create_index("ix_incidents_first_date_last_date", "incidents", ["first_date", "last_date"])
    connection = op.get_bind()
    rows: list[dict[str, Any]] = []
    for incident_id, data in connection.execute(sa.text("SELECT id, data FROM incidents")):
        rows.extend(_rows(int(incident_id), data if isinstance(data, dict) else json.loads(data)))
        if len(rows) >= 5000:
            op.bulk_insert(table, rows)
            rows = []
    if rows:
        op.bulk_insert(table, rows)


def downgrade() -> None:
    op.drop_index("ix_incidents_first_date_last_date", table_name="incidents")
    op.drop_table("incident_tallies")
