"""PostgreSQL announces a change to an account's conversations when it commits, never before.

The order notifications arrive in is the order their transactions committed, so "B's change,
committed while A's was still open, is heard first" shows A's was not announced early.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import deque
from collections.abc import Callable, Iterator

import anyio
import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from optout.detect import Detector
from optout.domain import EventSource, ReviewOutcome
from optout.services import ledger, reviews
from optout.services.accounts import create_account
from optout.services.inbound import InboundMessage, receive_inbound
from optout.store.change_feed import (
    CHANNEL,
    WATCH,
    conninfo,
    listen_for_changes,
    watch_accounts,
)
from optout.store.engine import make_engine, make_session_factory
from optout.store.tables import Account, utcnow

pytestmark = pytest.mark.postgres

SENDER = "+12025550100"


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.fixture
def factory(postgres_url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(postgres_url)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture
def accounts(factory) -> tuple[int, int]:
    """Return two accounts whose pages are open (watched)."""
    with factory.begin() as session:
        first, _key = create_account(session, name="Maple")
        second, _key = create_account(session, name="Harbor")
        watch_accounts(session, account_ids=[first.id, second.id], now=utcnow())
        return first.id, second.id


@pytest.fixture
def listener(postgres_url: str, accounts) -> Iterator[psycopg.Connection]:
    del accounts  # made before listening: creating an account announces nothing anyway
    with psycopg.connect(conninfo(postgres_url), autocommit=True) as connection:
        connection.execute(f"LISTEN {CHANNEL}")
        yield connection


def _reply(session: Session, detector: Detector, account_id: int, body: str, key: str) -> None:
    account = session.get_one(Account, account_id)
    inbound = InboundMessage(f"+1202555{len(key):04d}", SENDER, body, key)
    receive_inbound(session, account=account, detector=detector, inbound=inbound, channel="test")


@pytest.fixture
def heard(listener: psycopg.Connection) -> Callable[[], int]:
    """Return a function that waits for the next notification and returns its account."""
    backlog: deque[int] = deque()  # one read may bring several

    def next_change() -> int:
        if not backlog:
            notes = listener.notifies(timeout=30, stop_after=1)
            backlog.extend(int(note.payload) for note in notes if note.channel == CHANNEL)
        assert backlog, "no change was announced"
        return backlog.popleft()

    return next_change


def test_a_change_is_announced_when_it_commits_never_before(factory, accounts, heard, detector):
    first, second = accounts
    with factory.begin() as pending:
        _reply(pending, detector, first, "STOP", "a")
        with factory.begin() as other:
            _reply(other, detector, second, "Thanks!", "bb")
        assert heard() == second
    assert heard() == first


def test_a_rolled_back_change_is_never_announced(factory, accounts, heard, detector):
    first, second = accounts
    with factory() as session:
        transaction = session.begin()
        _reply(session, detector, first, "STOP", "a")
        transaction.rollback()
    with factory.begin() as session:
        _reply(session, detector, second, "STOP", "bb")
    assert heard() == second


def test_only_an_account_with_an_open_page_is_announced(factory, accounts, heard, detector):
    _first, second = accounts
    with factory.begin() as session:
        unwatched, _key = create_account(session, name="Quiet")
        lapsed, _key = create_account(session, name="Closed")
        watch_accounts(session, account_ids=[lapsed.id], now=utcnow() - WATCH * 2)
    for account_id, key in ((unwatched.id, "a"), (lapsed.id, "aa"), (second, "aaa")):
        with factory.begin() as session:
            _reply(session, detector, account_id, "STOP", key)
    assert heard() == second
    with factory.begin() as session:  # a page of it opens
        watch_accounts(session, account_ids=[unwatched.id], now=utcnow())
    with factory.begin() as session:
        _reply(session, detector, unwatched.id, "START", "a")
    assert heard() == unwatched.id


def test_one_transaction_is_one_announcement_per_account(factory, accounts, heard, detector):
    first, second = accounts
    with factory.begin() as session:
        for key in ("a", "aa", "aaa"):
            _reply(session, detector, first, "please remove me from your list", key)
        account = session.get_one(Account, first)
        ledger.opt_out(
            session, account=account, number="+12025550199", source=EventSource.MANUAL, actor="t"
        )
    with factory.begin() as session:
        _reply(session, detector, second, "STOP", "bbbb")
    assert [heard(), heard()] == [first, second]


def test_a_review_is_announced(factory, accounts, heard, detector):
    first, _second = accounts
    with factory.begin() as session:
        _reply(session, detector, first, "wrong number", "a")
    assert heard() == first
    with factory.begin() as session:
        message_id = session.scalar(
            text("SELECT id FROM messages WHERE account_id = :a"), {"a": first}
        )
        account = session.get_one(Account, first)
        kept = reviews.review(
            session,
            account=account,
            message_ids=[message_id],
            outcome=ReviewOutcome.KEPT,
            actor="user:ana@maple.test",
        )
        assert kept == 1
    assert heard() == first


def test_the_listener_hears_commits_and_listens_again_after_losing_its_connection(
    postgres_url, factory, accounts, detector, run_async
):
    run_async(_listens_again(postgres_url, factory, accounts, detector))


async def _listens_again(postgres_url, factory, accounts, detector) -> None:
    first, second = accounts
    heard: asyncio.Queue[int] = asyncio.Queue()
    gaps: asyncio.Queue[None] = asyncio.Queue()
    listening = asyncio.create_task(
        listen_for_changes(
            postgres_url, on_change=heard.put_nowait, on_gap=lambda: gaps.put_nowait(None)
        )
    )
    try:
        with anyio.fail_after(30):
            await gaps.get()
            await anyio.to_thread.run_sync(_commit_reply, factory, detector, first, "a")
            assert await heard.get() == first
            await anyio.to_thread.run_sync(_drop_listeners, postgres_url)
            await gaps.get()  # listening again, and says changes may have been missed
            await anyio.to_thread.run_sync(_commit_reply, factory, detector, second, "bb")
            assert await heard.get() == second
    finally:
        listening.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await listening


def _commit_reply(factory, detector, account_id: int, key: str) -> None:
    with factory.begin() as session:
        _reply(session, detector, account_id, "STOP", key)


def _drop_listeners(url: str) -> None:
    with psycopg.connect(conninfo(url), autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE application_name = 'optout change listener' AND datname = current_database()"
        )
