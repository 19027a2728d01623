"""give each account its own opt-out keywords beside the standard ones

Twilio's Advanced Opt-Out lets a sender declare keywords ("LEAVE4GOOD"); a reply that is one,
however typed, is a keyword opt-out. They are kept one per line; existing accounts have none.
The column is added in place (no table rebuild), so the ledger's triggers stay as they are.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 07:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "accounts", sa.Column("opt_out_keywords", sa.Text(), nullable=False, server_default="")
    )


def downgrade() -> None:
    op.execute("ALTER TABLE accounts DROP COLUMN opt_out_keywords")
