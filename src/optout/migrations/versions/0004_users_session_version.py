"""give each user a session version, for "sign out everywhere"

A signed-in browser's cookie records the user's ``session_version`` at sign-in; a
cookie with an older version is refused. Raising the number ends every session of the
user on every device and every worker at once, with nothing kept in process memory.
Existing users start at 0.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 15:15:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_version", sa.Integer(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("session_version")
