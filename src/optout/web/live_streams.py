"""The live streams open Conversations pages hold, and the changes each one waits for.

A server process on PostgreSQL keeps one connection listening for committed changes
(:mod:`optout.store.change_feed`) and tells each open stream of the changed account. The
database announces only the accounts a server says it streams to, renewed every forty
seconds while a stream of the account is open (:func:`watch`). A
stream waiting costs the process one connection slot and an idle task: no thread and no
database connection. There are at most ``live_streams`` of them per process, and never more
than half its ``max_connections``, so pages left open cannot starve the API; a page refused
a stream asks every few seconds instead. Changes coalesce: a stream that has not sent its
last change yet sends one for all that came meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager

from anyio import to_thread
from fastapi import FastAPI, Request
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from optout.config import Settings
from optout.store.change_feed import WATCH, can_listen, listen_for_changes, watch_accounts
from optout.store.tables import utcnow

RENEW_SECONDS = WATCH.total_seconds() / 3
"""How often a process renews the watch of the accounts it streams to."""

_log = logging.getLogger(__name__)


class StreamsFull(Exception):
    """This process holds as many live streams as it may; the page asks every few seconds."""


class Subscription:
    """One open stream: the account it follows and whether a change came since it last sent."""

    def __init__(self, streams: LiveStreams, account_id: int) -> None:
        self.account_id = account_id
        self.process = streams.process
        self._streams = streams
        self._changed = asyncio.Event()

    def notify(self) -> None:
        """Mark that the account changed (several marks before the next send are one)."""
        self._changed.set()

    async def next_change(self) -> bool:
        """Wait for the account's next change; return False once the process is closing."""
        await self._changed.wait()
        self._changed.clear()
        return not self._streams.closing

    def close(self) -> None:
        """Give the stream's place back."""
        self._streams.remove(self)


class LiveStreams:
    """The open streams of this process, by account, at most ``limit`` at once."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.closing = False
        self.process = secrets.token_hex(4)
        """Names this process in each stream's first event, to tell workers apart."""
        self._by_account: dict[int, set[Subscription]] = {}
        self._count = 0

    @property
    def count(self) -> int:
        """Return how many streams are open."""
        return self._count

    def accounts(self) -> list[int]:
        """Return the accounts that have a stream open."""
        return list(self._by_account)

    def open(self, account_id: int) -> Subscription:
        """Open a stream following ``account_id``, or raise StreamsFull."""
        if self.closing or self._count >= self.limit:
            raise StreamsFull()
        subscription = Subscription(self, account_id)
        self._by_account.setdefault(account_id, set()).add(subscription)
        self._count += 1
        return subscription

    def remove(self, subscription: Subscription) -> None:
        """Forget a closed stream (closing one twice is harmless)."""
        followers = self._by_account.get(subscription.account_id, set())
        if subscription in followers:
            followers.discard(subscription)
            self._count -= 1
        if not followers:
            self._by_account.pop(subscription.account_id, None)

    def publish(self, account_id: int) -> None:
        """Tell every stream following ``account_id`` that it changed."""
        for subscription in self._by_account.get(account_id, ()):
            subscription.notify()

    def publish_all(self) -> None:
        """Tell every stream that its account may have changed (changes may have been missed)."""
        for followers in self._by_account.values():
            for subscription in followers:
                subscription.notify()

    def close(self) -> None:
        """End every stream and refuse new ones: the process is stopping."""
        self.closing = True
        self.publish_all()


def live_streams_of(request: Request) -> LiveStreams | None:
    """Return this process's live streams, or None where the database announces no change."""
    streams: LiveStreams | None = getattr(request.app.state, "live_streams", None)
    return streams


def stream_limit(settings: Settings) -> int:
    """Return how many live streams one process may hold."""
    return max(1, min(settings.live_streams, settings.max_connections // 2))


@asynccontextmanager
async def live_changes(app: FastAPI) -> AsyncIterator[None]:
    """Listen for changes while the server runs, on PostgreSQL; on SQLite pages ask instead."""
    settings: Settings = app.state.settings
    app.state.live_streams = None
    if not can_listen(settings.database_url):
        yield
        return
    streams = app.state.live_streams = LiveStreams(stream_limit(settings))
    tasks = [
        asyncio.create_task(
            listen_for_changes(
                settings.database_url, on_change=streams.publish, on_gap=streams.publish_all
            )
        ),
        asyncio.create_task(_keep_watching(app.state.session_factory, streams)),
    ]
    try:
        yield
    finally:
        streams.close()
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def watch(factory: sessionmaker[Session], account_ids: Collection[int]) -> None:
    """Have the database announce these accounts' changes for a while (in a worker thread)."""
    await to_thread.run_sync(_watch, factory, account_ids)


def _watch(factory: sessionmaker[Session], account_ids: Collection[int]) -> None:
    with factory.begin() as session:
        watch_accounts(session, account_ids=account_ids, now=utcnow())


async def _keep_watching(factory: sessionmaker[Session], streams: LiveStreams) -> None:
    """Renew the watch of the accounts with a stream open, before it lapses, until cancelled."""
    while True:
        await asyncio.sleep(RENEW_SECONDS)
        try:
            await watch(factory, streams.accounts())
        except SQLAlchemyError as error:  # the database is away: try again next time
            _log.warning("live pages' watch not renewed: %s", type(error).__name__)
