"""store what each opt-out said, its family, on the reply and on the ledger event

Until now the family ("wrong number", "stop texting", …) travelled inside the ``reason``
text and the pages parsed it back. Existing rows are filled from that text: the reason of
every detector decision opens with its family. The ledger stays append-only: its UPDATE
trigger is lifted for this one statement, which fills only the new column.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 08:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

FAMILIES = (
    "keyword first",
    "stop texting",
    "remove from list",
    "unsubscribe",
    "opt out",
    "do not contact",
    "consent withdrawn",
    "wrong number",
    "wrong person",
    "hostile demand",
    "asks how to opt out",
    "stop sign",
    "opt-out intent",
)
"""The families as they were named when this migration was written (never import them)."""


def _family_of_reason(opt_out: str) -> str:
    """Return SQL for the family a stored reason opens with, where ``opt_out`` holds."""
    cases = " ".join(f"WHEN reason LIKE '{family}: %' THEN '{family}'" for family in FAMILIES)
    keyword = "WHEN reason LIKE 'keyword %' THEN 'keyword'"
    return f"CASE WHEN NOT ({opt_out}) THEN NULL {keyword} {cases} END"


def upgrade() -> None:
    op.add_column("messages", sa.Column("family", sa.String(24), nullable=True))
    op.add_column("opt_events", sa.Column("family", sa.String(24), nullable=True))
    op.execute(
        "UPDATE messages SET family = "
        + _family_of_reason("action = 'opt_out' OR exclusion IS NOT NULL")
        + " WHERE direction = 'inbound' AND reason IS NOT NULL"
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        op.execute("ALTER TABLE opt_events DISABLE TRIGGER opt_events_append_only")
    else:
        op.execute("DROP TRIGGER opt_events_no_update")
    op.execute(
        "UPDATE opt_events SET family = "
        + _family_of_reason("type = 'opt_out' AND source IN ('keyword', 'auto')")
        + " WHERE reason IS NOT NULL"
    )
    if postgresql:
        op.execute("ALTER TABLE opt_events ENABLE TRIGGER opt_events_append_only")
    else:
        op.execute(
            "CREATE TRIGGER opt_events_no_update BEFORE UPDATE ON opt_events "
            "BEGIN SELECT RAISE(ABORT, 'opt_events is append-only'); END"
        )


def downgrade() -> None:
    op.execute("ALTER TABLE opt_events DROP COLUMN family")
    op.execute("ALTER TABLE messages DROP COLUMN family")
