"""each campaign's texts, replies and opt-outs per UTC day, kept by the database

The Reports page's campaign table counted every campaign text and reply of the period
(0.1 s over 90 days at a million messages, growing with the traffic). ``campaign_days``
holds one row per account, UTC day and campaign: ``sent`` (the campaign's outbound texts
made that day), ``replies`` (the other messages carrying the campaign: replies that
answered one of its texts) and ``opt_outs`` (ledger opt-outs made that day whose message
carries the campaign). The page sums a few rows per campaign instead.

Triggers keep it in the transaction of every write that changes it, on SQLite and
PostgreSQL alike: a message inserted, deleted or moved (to another day, campaign,
direction or account), and an opt-out written to the ledger (append-only, so never
changed). A decrement only updates a row that exists, so an account's cascading delete
never writes one back. The rows are filled from the existing messages and ledger here.

SQLite drops a table's triggers with the table: a later migration that rebuilds
``messages`` or ``opt_events`` in batch mode must create them again (``SQLITE``);
``tests/services/test_campaign_days.py`` fails when they are missing.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_COLUMNS = "account_id, day, campaign, sent, replies, opt_outs"
_KEY = "account_id, day, campaign"

_SQLITE_COUNT_NEW = f"""
    INSERT INTO campaign_days ({_COLUMNS})
    SELECT NEW.account_id, date(NEW.created_at), NEW.campaign,
           NEW.direction = 'outbound', NEW.direction <> 'outbound', 0
    WHERE NEW.campaign IS NOT NULL
    ON CONFLICT ({_KEY}) DO UPDATE
    SET sent = sent + excluded.sent, replies = replies + excluded.replies;
"""
_SQLITE_UNCOUNT_OLD = """
    UPDATE campaign_days
    SET sent = sent - (OLD.direction = 'outbound'),
        replies = replies - (OLD.direction <> 'outbound')
    WHERE account_id = OLD.account_id AND day = date(OLD.created_at) AND campaign = OLD.campaign;
"""
SQLITE = [
    f"""
    CREATE TRIGGER campaign_days_message_insert AFTER INSERT ON messages
    WHEN NEW.campaign IS NOT NULL
    BEGIN {_SQLITE_COUNT_NEW} END
    """,
    f"""
    CREATE TRIGGER campaign_days_message_delete AFTER DELETE ON messages
    WHEN OLD.campaign IS NOT NULL
    BEGIN {_SQLITE_UNCOUNT_OLD} END
    """,
    f"""
    CREATE TRIGGER campaign_days_message_update
    AFTER UPDATE OF account_id, created_at, campaign, direction ON messages
    WHEN OLD.account_id IS NOT NEW.account_id OR OLD.created_at IS NOT NEW.created_at
      OR OLD.campaign IS NOT NEW.campaign OR OLD.direction IS NOT NEW.direction
    BEGIN
        {_SQLITE_UNCOUNT_OLD}
        {_SQLITE_COUNT_NEW}
        -- The opt-outs this message caused follow its campaign.
        UPDATE campaign_days
        SET opt_outs = opt_outs - (
            SELECT count(*) FROM opt_events AS e
            WHERE e.message_id = NEW.id AND e.type = 'opt_out'
              AND e.account_id = campaign_days.account_id
              AND date(e.created_at) = campaign_days.day)
        WHERE campaign = OLD.campaign AND OLD.campaign IS NOT NEW.campaign;
        INSERT INTO campaign_days ({_COLUMNS})
        SELECT e.account_id, date(e.created_at), NEW.campaign, 0, 0, count(*)
        FROM opt_events AS e
        WHERE e.message_id = NEW.id AND e.type = 'opt_out'
          AND NEW.campaign IS NOT NULL AND OLD.campaign IS NOT NEW.campaign
        GROUP BY e.account_id, date(e.created_at)
        ON CONFLICT ({_KEY}) DO UPDATE SET opt_outs = opt_outs + excluded.opt_outs;
    END
    """,
    f"""
    CREATE TRIGGER campaign_days_opt_out AFTER INSERT ON opt_events
    WHEN NEW.type = 'opt_out' AND NEW.message_id IS NOT NULL
    BEGIN
        INSERT INTO campaign_days ({_COLUMNS})
        SELECT NEW.account_id, date(NEW.created_at), m.campaign, 0, 0, 1
        FROM messages AS m WHERE m.id = NEW.message_id AND m.campaign IS NOT NULL
        ON CONFLICT ({_KEY}) DO UPDATE SET opt_outs = opt_outs + 1;
    END
    """,
]

_PG_DAY = "(({0}) AT TIME ZONE 'UTC')::date"
POSTGRESQL = [
    f"""
    CREATE FUNCTION campaign_days_add(
        account bigint, at timestamptz, name text, more_sent int, more_replies int,
        more_opt_outs int
    ) RETURNS void AS $$
        INSERT INTO campaign_days AS d ({_COLUMNS})
        VALUES (account, {_PG_DAY.format("at")}, name, more_sent, more_replies, more_opt_outs)
        ON CONFLICT ({_KEY}) DO UPDATE
        SET sent = d.sent + excluded.sent, replies = d.replies + excluded.replies,
            opt_outs = d.opt_outs + excluded.opt_outs
    $$ LANGUAGE sql
    """,
    f"""
    CREATE FUNCTION campaign_days_take(
        account bigint, at timestamptz, name text, less_sent int, less_replies int,
        less_opt_outs int
    ) RETURNS void AS $$
        UPDATE campaign_days AS d
        SET sent = d.sent - less_sent, replies = d.replies - less_replies,
            opt_outs = d.opt_outs - less_opt_outs
        WHERE d.account_id = account AND d.day = {_PG_DAY.format("at")} AND d.campaign = name
    $$ LANGUAGE sql
    """,
    """
    CREATE FUNCTION campaign_days_follow_messages() RETURNS trigger AS $$
    DECLARE
        opt_out record;
    BEGIN
        IF TG_OP <> 'INSERT' AND OLD.campaign IS NOT NULL THEN
            PERFORM campaign_days_take(OLD.account_id, OLD.created_at, OLD.campaign,
                (OLD.direction = 'outbound')::int, (OLD.direction <> 'outbound')::int, 0);
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.campaign IS NOT NULL THEN
            PERFORM campaign_days_add(NEW.account_id, NEW.created_at, NEW.campaign,
                (NEW.direction = 'outbound')::int, (NEW.direction <> 'outbound')::int, 0);
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.campaign IS DISTINCT FROM NEW.campaign THEN
            -- The opt-outs this message caused follow its campaign.
            FOR opt_out IN
                SELECT account_id, created_at FROM opt_events
                WHERE message_id = NEW.id AND type = 'opt_out'
            LOOP
                IF OLD.campaign IS NOT NULL THEN
                    PERFORM campaign_days_take(
                        opt_out.account_id, opt_out.created_at, OLD.campaign, 0, 0, 1);
                END IF;
                IF NEW.campaign IS NOT NULL THEN
                    PERFORM campaign_days_add(
                        opt_out.account_id, opt_out.created_at, NEW.campaign, 0, 0, 1);
                END IF;
            END LOOP;
        END IF;
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER campaign_days_message_insert AFTER INSERT ON messages
    FOR EACH ROW WHEN (NEW.campaign IS NOT NULL)
    EXECUTE FUNCTION campaign_days_follow_messages()
    """,
    """
    CREATE TRIGGER campaign_days_message_delete AFTER DELETE ON messages
    FOR EACH ROW WHEN (OLD.campaign IS NOT NULL)
    EXECUTE FUNCTION campaign_days_follow_messages()
    """,
    """
    CREATE TRIGGER campaign_days_message_update
    AFTER UPDATE OF account_id, created_at, campaign, direction ON messages
    FOR EACH ROW WHEN (
        OLD.account_id IS DISTINCT FROM NEW.account_id
        OR OLD.created_at IS DISTINCT FROM NEW.created_at
        OR OLD.campaign IS DISTINCT FROM NEW.campaign
        OR OLD.direction IS DISTINCT FROM NEW.direction)
    EXECUTE FUNCTION campaign_days_follow_messages()
    """,
    """
    CREATE FUNCTION campaign_days_count_opt_out() RETURNS trigger AS $$
    BEGIN
        PERFORM campaign_days_add(NEW.account_id, NEW.created_at, m.campaign, 0, 0, 1)
        FROM messages AS m WHERE m.id = NEW.message_id AND m.campaign IS NOT NULL;
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER campaign_days_opt_out AFTER INSERT ON opt_events
    FOR EACH ROW WHEN (NEW.type = 'opt_out' AND NEW.message_id IS NOT NULL)
    EXECUTE FUNCTION campaign_days_count_opt_out()
    """,
]


def _backfill(day: str) -> list[str]:
    """Return the statements counting the existing messages and opt-outs into the rows."""
    return [
        f"""
        INSERT INTO campaign_days ({_COLUMNS})
        SELECT account_id, {day.format("created_at")}, campaign,
               sum(CASE WHEN direction = 'outbound' THEN 1 ELSE 0 END),
               sum(CASE WHEN direction = 'outbound' THEN 0 ELSE 1 END), 0
        FROM messages WHERE campaign IS NOT NULL
        GROUP BY account_id, {day.format("created_at")}, campaign
        """,
        f"""
        INSERT INTO campaign_days ({_COLUMNS})
        SELECT e.account_id, {day.format("e.created_at")}, m.campaign, 0, 0, count(*)
        FROM opt_events AS e JOIN messages AS m ON m.id = e.message_id
        WHERE e.type = 'opt_out' AND m.campaign IS NOT NULL
        GROUP BY e.account_id, {day.format("e.created_at")}, m.campaign
        ON CONFLICT ({_KEY}) DO UPDATE SET opt_outs = excluded.opt_outs
        """,
    ]


def upgrade() -> None:
    op.create_table(
        "campaign_days",
        sa.Column("account_id", _ID, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("campaign", sa.String(length=100), nullable=False),
        sa.Column("sent", sa.Integer(), nullable=False),
        sa.Column("replies", sa.Integer(), nullable=False),
        sa.Column("opt_outs", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["accounts.id"],
            name=op.f("fk_campaign_days_account_id_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("account_id", "day", "campaign", name=op.f("pk_campaign_days")),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in _backfill(_PG_DAY if postgresql else "date({0})"):
        op.execute(statement)
    for statement in POSTGRESQL if postgresql else SQLITE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for trigger in ("message_insert", "message_delete", "message_update"):
            op.execute(f"DROP TRIGGER campaign_days_{trigger} ON messages")
        op.execute("DROP TRIGGER campaign_days_opt_out ON opt_events")
        for function in ("follow_messages", "count_opt_out", "add", "take"):
            op.execute(f"DROP FUNCTION campaign_days_{function}")
    else:
        for trigger in ("message_insert", "message_delete", "message_update", "opt_out"):
            op.execute(f"DROP TRIGGER campaign_days_{trigger}")
    op.drop_table("campaign_days")
