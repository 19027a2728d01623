"""remember the sessions signed out, so a copied cookie cannot be used after "Sign out"

Each sign-in gets a random session id, kept in the signed cookie. "Sign out" records that
id here, and a cookie whose id is recorded is refused on every worker. Rows older than a
cookie's lifetime (14 days) are no longer needed and are removed as new ones are added.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ended_sessions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_ended_sessions_ended_at", "ended_sessions", ["ended_at"])


def downgrade() -> None:
    op.drop_index("ix_ended_sessions_ended_at", table_name="ended_sessions")
    op.drop_table("ended_sessions")
