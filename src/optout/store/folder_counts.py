"""The folder counts the database keeps up to date (migration 0014's triggers).

Nothing here writes: every reply, opt-out, opt-in and review changes the counts in its own
transaction, through the triggers, whichever code wrote it. Reading sums the account's
rows of changes, a few dozen at most, so a count costs the same at ten thousand
conversations and at a million.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.orm import Session

from optout.store.tables import FolderCount
from optout.store.upserts import dialect_of, table_of


@dataclass(frozen=True, slots=True)
class FolderCounts:
    """An account's counts, exact as of its last committed change."""

    conversations: int
    """Conversations with a message (the All folder)."""
    opted_out: int
    """Conversations with a message whose contact is opted out (the Opted Out folder)."""
    auto_opt_outs: int
    """Auto opt-outs in force (the Auto Opt-Out folder)."""
    auto_unreviewed: int
    """Auto opt-outs in force that nobody chose to keep yet."""
    needs_review: int
    """Replies waiting in Needs review."""
    auto_opt_outs_made: int
    """Auto opt-outs ever made, undone or not."""
    auto_opt_outs_undone: int
    """Auto opt-outs that people undid (opted back in)."""


_TABLE = table_of(FolderCount)
_COUNTS = [column for column in _TABLE.c if column.name not in ("id", "account_id")]
_READ = select(*(func.coalesce(func.sum(column), 0) for column in _COUNTS), func.count()).where(
    _TABLE.c.account_id == bindparam("account")
)
FOLD_AFTER = 1_000
"""Rows of one account beyond which reading its counts folds them first (PostgreSQL)."""
_NAMES = ", ".join(column.name for column in _COUNTS)
_FOLD = text(
    "WITH gone AS (DELETE FROM folder_counts WHERE id IN (SELECT id FROM folder_counts "
    "WHERE account_id = :account FOR UPDATE SKIP LOCKED) RETURNING *) "
    f"INSERT INTO folder_counts (account_id, {_NAMES}) SELECT :account, "
    + ", ".join(f"coalesce(sum({column.name}), 0)" for column in _COUNTS)
    + " FROM gone"
)


def folder_counts(session: Session, *, account_id: int) -> FolderCounts:
    """Return the account's folder counts."""
    *sums, rows = session.execute(_READ, {"account": account_id}).one()
    if rows > FOLD_AFTER and dialect_of(session) == "postgresql":
        _fold(session, account_id)
    return FolderCounts(*(int(value) for value in sums))


def _fold(session: Session, account_id: int) -> None:
    """Fold the account's rows into one, in a transaction of its own, waiting on no one.

    A transaction folds once at most on PostgreSQL (migration 0013), so a bulk statement
    leaves its rows unfolded; the next read folds them for the reads after it.
    """
    with session.get_bind().engine.begin() as connection:
        connection.execute(_FOLD, {"account": account_id})
