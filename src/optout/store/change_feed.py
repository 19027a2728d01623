"""Hearing of committed changes to any account's conversations, from any process (PostgreSQL).

The database announces them itself: inserting a message, a ledger event or a review of a
watched account (:func:`watch_accounts`) sends ``NOTIFY optout_changes`` with the account's
id, in the inserting transaction (migration 0015). PostgreSQL delivers it only once that
transaction commits, so whoever hears of a change can read it. A process keeps one
connection listening (:func:`listen_for_changes`); when that connection is lost and opened
again, anything may have changed meanwhile, and the listener says so (``on_gap``). SQLite
has no such channel (:func:`can_listen`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Collection
from datetime import datetime, timedelta

import psycopg
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from optout.store.tables import LiveWatch
from optout.store.upserts import dialect_of, insert_into, table_of

CHANNEL = "optout_changes"
FIRST_RETRY_SECONDS = 1.0
LAST_RETRY_SECONDS = 30.0
CONNECT_TIMEOUT_SECONDS = 10
WATCH = timedelta(minutes=2)
"""How long an account's changes are announced after a server last said it streams them."""

_log = logging.getLogger(__name__)


def can_listen(database_url: str) -> bool:
    """Return whether the database at ``database_url`` announces changes (PostgreSQL does)."""
    return make_url(database_url).get_backend_name() == "postgresql"


def conninfo(database_url: str) -> str:
    """Return the libpq connection string of a SQLAlchemy PostgreSQL URL."""
    url = make_url(database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def watch_accounts(session: Session, *, account_ids: Collection[int], now: datetime) -> None:
    """Have the database announce these accounts' changes until ``now`` + WATCH.

    Only watched accounts are announced: PostgreSQL makes every committing transaction that
    sends a notification wait for the one before it, which would slow every reply down.
    """
    if not account_ids:
        return
    insert = insert_into(dialect_of(session), table_of(LiveWatch))
    rows = [{"account_id": account_id, "until": now + WATCH} for account_id in account_ids]
    upsert = insert.values(rows).on_conflict_do_update(
        index_elements=["account_id"], set_={"until": insert.excluded.until}
    )
    session.execute(upsert)


async def listen_for_changes(
    database_url: str, *, on_change: Callable[[int], None], on_gap: Callable[[], None]
) -> None:
    """Call ``on_change(account_id)`` for each committed change, until cancelled.

    A lost connection is opened again, waiting a little longer after each failure in a row;
    ``on_gap()`` is called each time listening starts, for what may have been missed.
    """
    delay = FIRST_RETRY_SECONDS
    while True:
        listening = False

        def started() -> None:
            nonlocal listening
            listening = True
            on_gap()

        try:
            await _listen(database_url, on_change, started)
        except psycopg.Error as error:
            _log.warning("listening for changes failed (%s); retrying", type(error).__name__)
        # Not a busy loop against a database that is down: wait longer after each failure.
        delay = FIRST_RETRY_SECONDS if listening else min(delay * 2, LAST_RETRY_SECONDS)
        await asyncio.sleep(delay)


async def _listen(
    database_url: str, on_change: Callable[[int], None], on_gap: Callable[[], None]
) -> None:
    connection = await psycopg.AsyncConnection.connect(
        conninfo(database_url),
        autocommit=True,
        connect_timeout=CONNECT_TIMEOUT_SECONDS,
        application_name="optout change listener",
        # A peer that vanished without closing the connection is noticed within minutes.
        keepalives=1,
        keepalives_idle=60,
        keepalives_interval=10,
        keepalives_count=3,
    )
    async with connection:
        await connection.execute(f"LISTEN {CHANNEL}")
        on_gap()
        async for notification in connection.notifies():
            if notification.payload.isdigit():
                on_change(int(notification.payload))
