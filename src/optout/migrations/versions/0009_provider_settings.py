"""keep each account's SMS provider settings as data, one row per setting

``provider_settings`` holds ``(account, provider, name) -> value``, so a new provider
needs no migration. The Twilio account SID and auth token move there from ``accounts``;
the old columns are emptied, not dropped: on SQLite dropping a column rebuilds
``accounts``, which must not happen while foreign keys cascade.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 06:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TWILIO = {"twilio_account_sid": "account_sid", "twilio_auth_token": "auth_token"}


def upgrade() -> None:
    id_type = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "provider_settings",
        sa.Column("id", id_type, nullable=False),
        sa.Column("account_id", id_type, nullable=False),
        sa.Column("provider", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_provider_settings_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_provider_settings")),
        sa.UniqueConstraint(
            "account_id",
            "provider",
            "name",
            name=op.f("uq_provider_settings_account_id_provider_name"),
        ),
    )
    for column, name in TWILIO.items():
        op.execute(
            f"INSERT INTO provider_settings (account_id, provider, name, value, updated_at) "
            f"SELECT id, 'twilio', '{name}', {column}, created_at FROM accounts "
            f"WHERE {column} IS NOT NULL AND {column} <> ''"
        )
        op.execute(f"UPDATE accounts SET {column} = NULL")


def downgrade() -> None:
    for column, name in TWILIO.items():
        op.execute(
            f"UPDATE accounts SET {column} = (SELECT value FROM provider_settings AS s "
            f"WHERE s.account_id = accounts.id AND s.provider = 'twilio' AND s.name = '{name}')"
        )
    op.drop_table("provider_settings")
