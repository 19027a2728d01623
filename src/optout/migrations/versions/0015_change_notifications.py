"""PostgreSQL announces changes to the accounts whose Conversations page is open

A new message (a reply, a text sent), a new ledger event (an opt-out, an opt-in) or a new
review sends ``NOTIFY optout_changes, '<account id>'`` from the transaction that inserts it,
when the account is in ``live_watches`` (a server holds a live page of it open; each server
renews its accounts every minute, and a row lapses at ``until``). PostgreSQL delivers a
notification only when that transaction commits, and the same account's notifications of one
transaction as one, so a listener never hears of a change it cannot read yet, and a bulk
import is one notification. Every writer is heard: the API, the pages and the command line,
in any process. Only watched accounts are announced because PostgreSQL makes each committing
transaction that sends a notification wait for the one before it: announcing every reply cost
a busy server a quarter or more of its inbound replies per second. The table exists on SQLite
too, unused: SQLite has no such channel, and its pages ask instead.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-08 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

TABLES = ("messages", "opt_events", "message_reviews")


def upgrade() -> None:
    op.create_table(
        "live_watches",
        sa.Column("account_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite")),
        sa.Column("until", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_live_watches_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_live_watches")),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """
        CREATE FUNCTION optout_notify_change() RETURNS trigger AS $$
        BEGIN
            IF EXISTS (
                SELECT 1 FROM live_watches
                WHERE account_id = NEW.account_id AND until > now()
            ) THEN
                PERFORM pg_notify('optout_changes', NEW.account_id::text);
            END IF;
            RETURN NULL;
        END;
        $$ LANGUAGE plpgsql
        """
    )
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_notify_change AFTER INSERT ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION optout_notify_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_notify_change ON {table}")
        op.execute("DROP FUNCTION IF EXISTS optout_notify_change()")
    op.drop_table("live_watches")
