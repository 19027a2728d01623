"""room for every sender key; inbound keys apart from management keys; the event's channel

A reply is stored under the most canonical key its sender gives (E.164 where it can be
made, else the sender as given, normalised), and a sender as given can be longer than an
E.164 number: PostgreSQL widens the three columns in place (no table rewrite); SQLite does
not enforce lengths.

An API key now has a purpose: ``management`` (every key so far) or ``inbound``, the key only
the delivery channel holds, the one ``POST /v1/inbound`` takes. A ledger event records the
``channel`` that delivered the reply behind it. Both columns are added in place, without the
batch table rebuild that would drop the ledger's triggers on SQLite.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = (("contacts", "number"), ("messages", "from_number"), ("messages", "to_number"))


def upgrade() -> None:
    op.add_column(
        "api_keys",
        sa.Column("purpose", sa.String(12), server_default="management", nullable=False),
    )
    op.add_column("opt_events", sa.Column("channel", sa.String(64), nullable=True))
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in COLUMNS:
        op.alter_column(table, column, type_=sa.String(64), existing_type=sa.String(20))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, column in COLUMNS:
            op.alter_column(table, column, type_=sa.String(20), existing_type=sa.String(64))
    # In place on both (SQLite 3.35+): a batch rebuild would drop the ledger's triggers.
    op.execute("ALTER TABLE api_keys DROP COLUMN purpose")
    op.execute("ALTER TABLE opt_events DROP COLUMN channel")
