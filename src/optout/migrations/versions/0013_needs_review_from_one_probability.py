"""Needs review: every reply the model leaned towards opting out, whatever the thresholds

The partial index of replies that look like opt-outs held "none" decisions whose opt-out
probability lay between 0.5 and the model's lowest threshold (0.855), so a retrained model
with a higher threshold left replies in between out of every folder. It now holds every
"none" decision from 0.5 up; those above a threshold were vetoed by a guard, unsure too.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 08:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_INDEX = "ix_messages_account_lookalike"
_FROM_HALF = sa.text(
    "direction = 'inbound' AND (exclusion IN ('too_long', 'recent_unstop') OR "
    "(action = 'none' AND \"trigger\" IS NULL AND confidence <= 0.5))"
)
_BAND = sa.text(
    "direction = 'inbound' AND (exclusion IN ('too_long', 'recent_unstop') OR "
    "(action = 'none' AND \"trigger\" IS NULL AND confidence > 0.145 AND confidence <= 0.5))"
)


def _replace(predicate: sa.TextClause) -> None:
    op.drop_index(_INDEX, table_name="messages")
    op.create_index(
        _INDEX, "messages", ["account_id", "id"], sqlite_where=predicate, postgresql_where=predicate
    )


def upgrade() -> None:
    _replace(_FROM_HALF)


def downgrade() -> None:
    _replace(_BAND)
