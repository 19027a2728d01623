"""people's verdicts on replies read as opt-outs; indexes for Needs review and word search

``message_reviews`` records who decided what about a reply (keep an auto opt-out, opt
back in, opt out from Needs review, not an opt-out); like ``opt_events`` the database
refuses UPDATE and DELETE on it. A partial index on ``messages`` holds only the replies
that look like opt-outs but were not applied, so the Needs review folder reads only those.
Word search over messages uses a GIN index of ``to_tsvector('simple', body)`` on
PostgreSQL and an FTS5 table kept by triggers (``messages_fts``) on SQLite.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_LOOKALIKE = sa.text(
    "direction = 'inbound' AND (exclusion IN ('too_long', 'recent_unstop') OR "
    "(action = 'none' AND \"trigger\" IS NULL AND confidence > 0.145 AND confidence <= 0.5))"
)


def upgrade() -> None:
    op.create_table(
        "message_reviews",
        sa.Column("id", _ID, nullable=False),
        sa.Column("account_id", _ID, nullable=False),
        sa.Column("message_id", _ID, nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=320), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_message_reviews_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["message_id"], ["messages.id"], name=op.f("fk_message_reviews_message_id_messages")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_reviews")),
    )
    with op.batch_alter_table("message_reviews", schema=None) as batch_op:
        batch_op.create_index("ix_message_reviews_message", ["message_id"], unique=False)
        batch_op.create_index("ix_message_reviews_account", ["account_id", "id"], unique=False)
    op.create_index(
        "ix_messages_account_lookalike",
        "messages",
        ["account_id", "id"],
        sqlite_where=_LOOKALIKE,
        postgresql_where=_LOOKALIKE,
    )
    _install_append_only_triggers()
    _install_word_search()


def _install_word_search() -> None:
    """Index every message's words: a GIN index on PostgreSQL, an FTS5 table on SQLite."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_messages_body_words ON messages "
            "USING gin (to_tsvector('simple'::regconfig, body))"
        )
        return
    op.execute(
        "CREATE VIRTUAL TABLE messages_fts USING fts5(body, content='messages', content_rowid='id')"
    )
    op.execute("INSERT INTO messages_fts (rowid, body) SELECT id, body FROM messages")
    op.execute(
        "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN "
        "INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body); END"
    )
    op.execute(
        "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN "
        "INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body); "
        "END"
    )
    op.execute(
        "CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN "
        "INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body); "
        "INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body); END"
    )


def _install_append_only_triggers() -> None:
    """Make the database itself refuse UPDATE and DELETE on the reviews."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION message_reviews_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'message_reviews is append-only';
            END;
            $$ LANGUAGE plpgsql
            """
        )
        op.execute(
            "CREATE TRIGGER message_reviews_append_only BEFORE UPDATE OR DELETE "
            "ON message_reviews FOR EACH ROW EXECUTE FUNCTION message_reviews_append_only()"
        )
        return
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER message_reviews_no_{verb.lower()} BEFORE {verb} ON message_reviews "
            "BEGIN SELECT RAISE(ABORT, 'message_reviews is append-only'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_messages_body_words")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS messages_fts_{name}")
        op.execute("DROP TABLE IF EXISTS messages_fts")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS message_reviews_append_only ON message_reviews")
        op.execute("DROP FUNCTION IF EXISTS message_reviews_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS message_reviews_no_update")
        op.execute("DROP TRIGGER IF EXISTS message_reviews_no_delete")
    op.drop_index("ix_messages_account_lookalike", table_name="messages")
    op.drop_table("message_reviews")
