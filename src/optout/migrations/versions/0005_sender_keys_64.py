"""room for every sender key: numbers, short codes and alphanumeric senders

A reply is stored under the most canonical key its sender gives (E.164 where it can be
made, else the sender as given, normalised), and a sender as given can be longer than an
E.164 number. PostgreSQL widens the three columns in place (no table rewrite); SQLite does
not enforce lengths, so nothing is rebuilt there.

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
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in COLUMNS:
        op.alter_column(table, column, type_=sa.String(64), existing_type=sa.String(20))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in COLUMNS:
        op.alter_column(table, column, type_=sa.String(20), existing_type=sa.String(64))
