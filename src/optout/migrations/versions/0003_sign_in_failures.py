"""count wrong sign-in passwords in the database

The sign-in page pauses an email after five wrong passwords in fifteen minutes. The
count was kept in each worker's memory, so N workers allowed N times the guesses;
``sign_in_failures`` holds it where every worker sees it. Rows older than the window
are pruned as new ones are recorded.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 11:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sign_in_failures",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_failures")),
    )
    op.create_index("ix_sign_in_failures_email_at", "sign_in_failures", ["email", "at"])


def downgrade() -> None:
    op.drop_index("ix_sign_in_failures_email_at", table_name="sign_in_failures")
    op.drop_table("sign_in_failures")
