"""folder counts kept up to date by the database, so a page never counts a folder

The Conversations page showed each folder's count, the unreviewed auto opt-outs and the
share of auto opt-outs undone by counting rows on every view: at a million conversations
the counts cost more than the rest of the page. The database now keeps them.

Every count is a sum over rows whose own columns decide what each row adds, so a trigger
adds ``f(NEW) - f(OLD)`` and nothing it reads can be stale, whatever else the statement or a
concurrent transaction changes. A folder that depends on more than one table gets what it
needs onto the contact's row, kept by triggers on the other tables:

- ``contacts.has_messages``: its conversation holds a message (All, Opted Out);
- ``contacts.waiting_reviews``: its replies that look like opt-outs and that nobody
  reviewed yet (Needs review holds them while the contact is active);
- ``contacts.status_kept``: someone chose to keep the auto opt-out in force (Auto
  Opt-Out's count is of the ones nobody kept); read only while the status is an auto
  opt-out.

The triggers append one row of changes per event to ``folder_counts`` and an account's
counts are the sums of its rows: concurrent replies insert rows and never wait on one
another. Every 64th row folds the account's rows into itself; on PostgreSQL it takes only
rows nobody else holds (``SKIP LOCKED``), so the fold waits on no one either, and a
transaction folds once at most. A trigger that
reads another table (a reply's other reviews, a contact's status event) first locks the
contact, the lock every change to one contact already takes, so two transactions cannot
both count the same change.

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-08 09:00:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0011"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
CONTACT_COUNTS = ("conversations", "opted_out", "auto_opt_outs", "auto_unreviewed", "needs_review")
COUNTS = (*CONTACT_COUNTS, "auto_opt_outs_made", "auto_opt_outs_undone")
STATUS_COLUMNS = ("status", "status_source", "has_messages", "waiting_reviews", "status_kept")
DECISION_COLUMNS = ("direction", "exclusion", "action", '"trigger"', "confidence", "contact_id")
FOLD_EVERY = 64


def _lookalike(row: str) -> str:
    """Return whether message ``row`` looks like an opt-out that was not applied.

    The predicate of the partial index ``ix_messages_account_lookalike`` (migration 0010),
    which the Needs review folder reads: a migration that changes one recreates the other.
    """
    return (
        f"{row}.direction = 'inbound' AND ({row}.exclusion IN ('too_long', 'recent_unstop') OR "
        f"({row}.action = 'none' AND {row}.\"trigger\" IS NULL AND {row}.confidence > 0.145 "
        f"AND {row}.confidence <= 0.5))"
    )


def _contact_counts(row: str) -> list[str]:
    """Return what contact ``row`` adds to each of CONTACT_COUNTS."""
    auto = f"{row}.status = 'opted_out' AND {row}.status_source = 'auto'"
    return [
        f"CASE WHEN {row}.has_messages THEN 1 ELSE 0 END",
        f"CASE WHEN {row}.has_messages AND {row}.status = 'opted_out' THEN 1 ELSE 0 END",
        f"CASE WHEN {auto} THEN 1 ELSE 0 END",
        f"CASE WHEN {auto} AND NOT {row}.status_kept THEN 1 ELSE 0 END",
        f"CASE WHEN {row}.status = 'active' THEN {row}.waiting_reviews ELSE 0 END",
    ]


def _contact_change(inserted: bool) -> str:
    """Return the statement appending what a contact's insert or update changed."""
    old = ["0"] * len(CONTACT_COUNTS) if inserted else _contact_counts("OLD")
    deltas = [f"({new}) - ({was})" for new, was in zip(_contact_counts("NEW"), old, strict=True)]
    return (
        f"INSERT INTO folder_counts (account_id, {', '.join(CONTACT_COUNTS)}) "
        f"SELECT NEW.account_id, {', '.join(deltas)} "
        f"WHERE {' OR '.join(f'{delta} <> 0' for delta in deltas)}"
    )


_MESSAGE_CONTACT = "(SELECT contact_id FROM messages WHERE id = NEW.message_id)"
_LOCK_MESSAGE_CONTACT = f"PERFORM 1 FROM contacts WHERE id = {_MESSAGE_CONTACT} FOR UPDATE"
_KEPT_EVENT = (
    "EXISTS (SELECT 1 FROM opt_events AS e JOIN message_reviews AS r "
    "ON r.message_id = e.message_id WHERE e.id = {event} AND r.outcome = 'kept')"
)
_REVIEWED = "EXISTS (SELECT 1 FROM message_reviews WHERE message_id = {message})"
_LOOKS = "CASE WHEN {} THEN 1 ELSE 0 END"


def _waiting_change(sign: str, row: str) -> str:
    """Return the statement moving the waiting count of message ``row``'s contact."""
    return (
        f"UPDATE contacts SET waiting_reviews = waiting_reviews {sign} 1 "
        f"WHERE id = {row}.contact_id AND {_lookalike(row)} "
        f"AND NOT {_REVIEWED.format(message=f'{row}.id')}"
    )


_FIRST_REVIEW = (
    "UPDATE contacts SET waiting_reviews = waiting_reviews - 1 "
    f"WHERE id = (SELECT m.contact_id FROM messages AS m WHERE m.id = NEW.message_id "
    f"AND {_lookalike('m')}) AND NOT EXISTS (SELECT 1 FROM message_reviews AS r "
    "WHERE r.message_id = NEW.message_id AND r.id <> NEW.id)"
)
_KEPT_REVIEW = (
    f"UPDATE contacts SET status_kept = true WHERE NEW.outcome = 'kept' "
    f"AND id = {_MESSAGE_CONTACT} AND NOT status_kept "
    "AND status_event_id IN (SELECT id FROM opt_events WHERE message_id = NEW.message_id)"
)
_UNDONE_REVIEW = (
    "INSERT INTO folder_counts (account_id, auto_opt_outs_undone) "
    "SELECT NEW.account_id, 1 WHERE NEW.outcome = 'opted_back_in'"
)
_HAS_MESSAGES = (
    "UPDATE contacts SET has_messages = (NEW.last_message_at IS NOT NULL) "
    "WHERE id = NEW.contact_id AND has_messages <> (NEW.last_message_at IS NOT NULL)"
)


def _triggers(differs: str) -> list[tuple[str, str, list[str], list[str]]]:
    """Return each trigger: name, when it fires, its statements, PostgreSQL's locks first.

    ``differs`` is the dialect's "is distinct from" (``IS NOT`` on SQLite).
    """
    changed = " OR ".join(f"OLD.{c} {differs} NEW.{c}" for c in STATUS_COLUMNS)
    # A contact that never texted, has nothing to review and is no auto opt-out counts
    # nowhere, before or after: an import of a million such numbers calls no function.
    counts = (
        "OLD.has_messages OR NEW.has_messages OR OLD.waiting_reviews <> 0 "
        "OR NEW.waiting_reviews <> 0 OR OLD.status_source = 'auto' OR NEW.status_source = 'auto'"
    )
    moved = (
        f"{_LOOKS.format(_lookalike('OLD'))} <> {_LOOKS.format(_lookalike('NEW'))} "
        "OR OLD.contact_id <> NEW.contact_id"
    )
    lock_both = "PERFORM 1 FROM contacts WHERE id IN (OLD.contact_id, NEW.contact_id) FOR UPDATE"
    return [
        (
            "contacts_count_insert",
            "AFTER INSERT ON contacts FOR EACH ROW WHEN "
            "(NEW.has_messages OR NEW.waiting_reviews <> 0 OR NEW.status <> 'active')",
            [_contact_change(inserted=True)],
            [],
        ),
        (
            "contacts_count_update",
            f"AFTER UPDATE OF {', '.join(STATUS_COLUMNS)}, status_event_id ON contacts "
            f"FOR EACH ROW WHEN (({changed}) AND ({counts}))",
            [_contact_change(inserted=False)],
            [],
        ),
        (
            "conversations_count_insert",
            "AFTER INSERT ON conversations FOR EACH ROW WHEN (NEW.last_message_at IS NOT NULL)",
            [_HAS_MESSAGES],
            [],
        ),
        (
            "conversations_count_update",
            "AFTER UPDATE OF last_message_at ON conversations FOR EACH ROW "
            "WHEN ((OLD.last_message_at IS NULL) <> (NEW.last_message_at IS NULL))",
            [_HAS_MESSAGES],
            [],
        ),
        (
            "messages_count_insert",
            f"AFTER INSERT ON messages FOR EACH ROW WHEN ({_lookalike('NEW')})",
            ["UPDATE contacts SET waiting_reviews = waiting_reviews + 1 WHERE id = NEW.contact_id"],
            [],
        ),
        (
            "messages_count_update",
            f"AFTER UPDATE OF {', '.join(DECISION_COLUMNS)} ON messages FOR EACH ROW "
            f"WHEN ({moved})",
            [_waiting_change("-", "OLD"), _waiting_change("+", "NEW")],
            [lock_both],
        ),
        (
            "message_reviews_count_insert",
            "AFTER INSERT ON message_reviews FOR EACH ROW",
            [_FIRST_REVIEW, _KEPT_REVIEW, _UNDONE_REVIEW],
            [_LOCK_MESSAGE_CONTACT],
        ),
        (
            "opt_events_count_insert",
            "AFTER INSERT ON opt_events FOR EACH ROW "
            "WHEN (NEW.type = 'opt_out' AND NEW.source = 'auto')",
            [
                "INSERT INTO folder_counts (account_id, auto_opt_outs_made) "
                "VALUES (NEW.account_id, 1)"
            ],
            [],
        ),
    ]


_FOLD_WHEN = f"AFTER INSERT ON folder_counts FOR EACH ROW WHEN (NEW.id % {FOLD_EVERY} = 0)"
_SUMS = ", ".join(f"coalesce(sum({c}), 0) AS {c}" for c in COUNTS)
SQLITE_FOLD = [
    f"UPDATE folder_counts SET {', '.join(f'{c} = s.{c}' for c in COUNTS)} "
    f"FROM (SELECT {_SUMS} FROM folder_counts WHERE account_id = NEW.account_id) AS s "
    "WHERE folder_counts.id = NEW.id",
    "DELETE FROM folder_counts WHERE account_id = NEW.account_id AND id <> NEW.id",
]
# A transaction folds once at most: the rows a fold deletes stay in the index until the
# transaction ends, so a bulk statement folding every 64th of its own million rows would
# read all the ones it already folded each time. A later transaction folds what it left.
POSTGRES_FOLD = [
    "IF current_setting('optout.folded', true) = 'yes' THEN RETURN NULL; END IF",
    "PERFORM set_config('optout.folded', 'yes', true)",
    "WITH gone AS (DELETE FROM folder_counts WHERE id IN (SELECT id FROM folder_counts "
    "WHERE account_id = NEW.account_id AND id <> NEW.id FOR UPDATE SKIP LOCKED) RETURNING *) "
    f"UPDATE folder_counts SET {', '.join(f'{c} = folder_counts.{c} + s.{c}' for c in COUNTS)} "
    f"FROM (SELECT {_SUMS} FROM gone) AS s WHERE folder_counts.id = NEW.id",
]
POSTGRES_STATUS_KEPT = f"NEW.status_kept := {_KEPT_EVENT.format(event='NEW.status_event_id')}"
SQLITE_STATUS_KEPT = (
    f"UPDATE contacts SET status_kept = {_KEPT_EVENT.format(event='NEW.status_event_id')} "
    "WHERE id = NEW.id"
)
# Only an auto opt-out's status_kept counts (Auto Opt-Out's unreviewed ones), so only a new
# auto opt-out reads whether its message was kept; under any other status it is not read.
_NEW_EVENT = (
    "UPDATE OF status_event_id ON contacts FOR EACH ROW "
    "WHEN (OLD.status_event_id {} NEW.status_event_id AND NEW.status_source = 'auto')"
)


def _postgres(name: str, when: str, statements: list[str], returns: str = "NULL") -> None:
    body = " ".join(f"{statement};" for statement in statements)
    op.execute(
        f"CREATE FUNCTION {name}() RETURNS trigger AS $$ BEGIN {body} RETURN {returns}; END; "
        "$$ LANGUAGE plpgsql"
    )
    op.execute(f"CREATE TRIGGER {name} {when} EXECUTE FUNCTION {name}()")


def _sqlite(name: str, when: str, statements: list[str]) -> None:
    op.execute(f"CREATE TRIGGER {name} {when} BEGIN {' '.join(f'{s};' for s in statements)} END")


def _install_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, when, statements, locks in _triggers("IS DISTINCT FROM"):
            _postgres(name, when, locks + statements)
        _postgres("folder_counts_fold", _FOLD_WHEN, POSTGRES_FOLD)
        when = f"BEFORE {_NEW_EVENT.format('IS DISTINCT FROM')}"
        _postgres("contacts_status_kept", when, [POSTGRES_STATUS_KEPT], returns="NEW")
        return
    for name, when, statements, _locks in _triggers("IS NOT"):
        _sqlite(name, when, statements)
    _sqlite("folder_counts_fold", _FOLD_WHEN, SQLITE_FOLD)
    _sqlite("contacts_status_kept", f"AFTER {_NEW_EVENT.format('IS NOT')}", [SQLITE_STATUS_KEPT])


def _backfill() -> None:
    """Fill the new columns and one row of counts per account from the rows there are."""
    op.execute(
        "UPDATE contacts SET has_messages = true FROM conversations AS c "
        "WHERE c.contact_id = contacts.id AND c.last_message_at IS NOT NULL"
    )
    op.execute(
        "UPDATE contacts SET waiting_reviews = w.n FROM (SELECT m.contact_id, count(*) AS n "
        f"FROM messages AS m WHERE {_lookalike('m')} "
        f"AND NOT {_REVIEWED.format(message='m.id')} GROUP BY m.contact_id) AS w "
        "WHERE w.contact_id = contacts.id"
    )
    kept = _KEPT_EVENT.format(event="status_event_id")
    op.execute(f"UPDATE contacts SET status_kept = true WHERE {kept}")
    sums = ", ".join(f"sum({count})" for count in _contact_counts("c"))
    op.execute(
        f"INSERT INTO folder_counts (account_id, {', '.join(CONTACT_COUNTS)}) "
        f"SELECT c.account_id, {sums} FROM contacts AS c GROUP BY c.account_id"
    )
    op.execute(
        "INSERT INTO folder_counts (account_id, auto_opt_outs_made) SELECT account_id, count(*) "
        "FROM opt_events WHERE type = 'opt_out' AND source = 'auto' GROUP BY account_id"
    )
    op.execute(
        "INSERT INTO folder_counts (account_id, auto_opt_outs_undone) SELECT account_id, "
        "count(*) FROM message_reviews WHERE outcome = 'opted_back_in' GROUP BY account_id"
    )


def upgrade() -> None:
    false: Any = sa.false()  # 'false' on PostgreSQL, 0 on SQLite
    zero = sa.text("0")
    columns: list[tuple[str, Any, Any]] = [
        ("has_messages", sa.Boolean(), false),
        ("waiting_reviews", sa.Integer(), zero),
        ("status_kept", sa.Boolean(), false),
    ]
    for name, type_, default in columns:
        op.add_column("contacts", sa.Column(name, type_, nullable=False, server_default=default))
    op.create_table(
        "folder_counts",
        sa.Column("id", _ID, primary_key=True),
        sa.Column(
            "account_id",
            _ID,
            sa.ForeignKey(
                "accounts.id", name="fk_folder_counts_account_id_accounts", ondelete="CASCADE"
            ),
            nullable=False,
        ),
        *(sa.Column(c, sa.Integer(), nullable=False, server_default=zero) for c in COUNTS),
        sa.PrimaryKeyConstraint("id", name="pk_folder_counts"),
    )
    op.create_index("ix_folder_counts_account", "folder_counts", ["account_id"])
    _backfill()
    _install_triggers()


TRIGGERS = {
    "contacts": ["contacts_count_insert", "contacts_count_update", "contacts_status_kept"],
    "conversations": ["conversations_count_insert", "conversations_count_update"],
    "messages": ["messages_count_insert", "messages_count_update"],
    "message_reviews": ["message_reviews_count_insert"],
    "opt_events": ["opt_events_count_insert"],
}


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, names in TRIGGERS.items():
        for name in names:
            op.execute(f"DROP TRIGGER {name} ON {table}" if postgres else f"DROP TRIGGER {name}")
            if postgres:
                op.execute(f"DROP FUNCTION {name}()")
    op.drop_table("folder_counts")
    if postgres:
        op.execute("DROP FUNCTION folder_counts_fold()")
    for column in ("status_kept", "waiting_reviews", "has_messages"):
        op.execute(f"ALTER TABLE contacts DROP COLUMN {column}")
