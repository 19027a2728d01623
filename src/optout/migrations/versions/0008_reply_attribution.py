"""campaigns on outbound texts, and each reply's link to the send it answered

``messages.campaign`` is the name a sender gives a broadcast on ``POST /v1/messages``.
``messages.answers_id`` is set on an inbound reply: the latest outbound text to the same
contact within the reply window (72 hours unless ``OPTOUT_REPLY_WINDOW_HOURS`` says
otherwise), so each reply, and each opt-out it made, knows which send it answered; the
reply's ``campaign`` is that send's.
Replies stored before this revision answer nothing. Not a foreign key, like
``contacts.status_event_id``: adding one would rebuild the messages table on SQLite.

The indexes serve the Reports page and a campaign's conversations: campaign texts and
the replies to them by time and by name (partial: no other message enters them), and
ledger events of an account by time and by the reply behind them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 06:00:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
CAMPAIGN = "campaign IS NOT NULL"


def _only(condition: str) -> dict[str, Any]:
    """Return the options of a partial index holding only the rows meeting ``condition``."""
    return {"sqlite_where": sa.text(condition), "postgresql_where": sa.text(condition)}


def upgrade() -> None:
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("campaign", sa.String(100), nullable=True))
        batch_op.add_column(sa.Column("answers_id", Id, nullable=True))
        batch_op.create_index(
            "ix_messages_campaign_time",
            ["account_id", "created_at", "campaign", "direction"],
            **_only(CAMPAIGN),
        )
        batch_op.create_index(
            "ix_messages_campaign_name", ["account_id", "campaign"], **_only(CAMPAIGN)
        )
    # Not in batch mode: a rebuilt opt_events would lose its append-only triggers on SQLite.
    op.create_index("ix_opt_events_account_created", "opt_events", ["account_id", "created_at"])
    op.create_index("ix_opt_events_message", "opt_events", ["message_id"])


def downgrade() -> None:
    op.drop_index("ix_opt_events_message", "opt_events")
    op.drop_index("ix_opt_events_account_created", "opt_events")
    with op.batch_alter_table("messages", schema=None) as batch_op:
        batch_op.drop_index("ix_messages_campaign_name")
        batch_op.drop_index("ix_messages_campaign_time")
        batch_op.drop_column("answers_id")
        batch_op.drop_column("campaign")
