"""PostgreSQL announces each change to an account's conversations on the optout_changes channel

A new message (a reply, a text sent), a new ledger event (an opt-out, an opt-in) or a new
review sends ``NOTIFY optout_changes, '<account id>'`` from the transaction that inserts
it. PostgreSQL delivers a notification only when that transaction commits, and the same
account's notifications of one transaction as one, so a listener never hears of a change it
cannot read yet, and a bulk import is one notification. Every writer is heard: the API, the
pages and the command line, in any process. Open Conversations pages listen through their
server (:mod:`optout.store.change_feed`). SQLite has no such channel; its pages ask instead.

Revision ID: 0014
Revises: 0011
Create Date: 2026-12-08 09:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0011"
branch_labels = None
depends_on = None

TABLES = ("messages", "opt_events", "message_reviews")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """
        CREATE FUNCTION optout_notify_change() RETURNS trigger AS $$
        BEGIN
            PERFORM pg_notify('optout_changes', NEW.account_id::text);
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
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_notify_change ON {table}")
    op.execute("DROP FUNCTION IF EXISTS optout_notify_change()")
