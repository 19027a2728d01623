"""index opt-outs in force by the event that set them

The Auto Opt-Out folder and the opt-outs list page newest opt-out first
(``status_event_id`` descending) within one account, status and source. Extending
``ix_contacts_account_status`` with ``status_event_id`` lets both read one page
straight from the index instead of sorting every opt-out of the account; the old
index is a prefix of the new one and goes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 11:20:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

OLD = ["account_id", "status", "status_source"]


def upgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_account_status_event", [*OLD, "status_event_id"])
        batch_op.drop_index("ix_contacts_account_status")


def downgrade() -> None:
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index("ix_contacts_account_status", OLD)
        batch_op.drop_index("ix_contacts_account_status_event")
