"""give each account a time zone; keep an uploaded file's numbers until the user confirms

``accounts.time_zone`` is the IANA zone the pages show times and read dates in (NULL: each
reader's own). ``import_previews`` holds the numbers read from an uploaded file between its
preview and the user's confirm, so the confirm opts out exactly what was shown. The column
is added in place (no table rebuild), so the ledger's triggers stay as they are.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.add_column("accounts", sa.Column("time_zone", sa.String(length=64), nullable=True))
    op.create_table(
        "import_previews",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("account_id", _ID, nullable=False),
        sa.Column("user_id", _ID, nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("numbers", sa.Text(), nullable=False),
        sa.Column("skipped", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_import_previews_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_import_previews_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_import_previews")),
    )


def downgrade() -> None:
    op.drop_table("import_previews")
    op.execute("ALTER TABLE accounts DROP COLUMN time_zone")
