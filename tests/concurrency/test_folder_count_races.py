"""Folder counts stay exact while replies, opt-outs and reviews race on PostgreSQL.

Threads share one engine, as a worker's request threads do, and each change is a
transaction of its own. They start together at a barrier and hit the same few contacts:
keywords, auto opt-outs, replies waiting for review, opt-ins, and several people giving a
verdict on the same reply at the same moment. Afterwards every kept count must equal a
plain COUNT, which it would not if two transactions counted one change twice or not at all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from itertools import count

import pytest
from sqlalchemy import Engine, Select, select
from sqlalchemy.orm import Session
from tests.folder_counts import plain_counts

from optout.detect import Detector
from optout.domain import ReviewOutcome
from optout.services import conversations, reviews
from optout.services.accounts import create_account
from optout.services.inbound import InboundMessage, receive_inbound
from optout.store import reviews as review_store
from optout.store.tables import Account, Contact, OptEvent

THREADS = 8
ROUNDS = 12
SENDER = "+14155550100"
NUMBERS = [f"+1415555{index:04d}" for index in range(1, 7)]
LONG = (
    "Hi, I got your message about the flu clinic but I have moved to another state and I "
    "do not need these reminders any more, so please remove me from your list. Thank you "
    "for all the help over the years, the staff were always lovely to my kids."
)
BODIES = ["STOP", LONG, "wrong number, nobody named Sam here", "these texts are a lot", "START"]
ON_POSTGRESQL = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
_DETECTOR = Detector()
_IDS = count()


def _account(engine: Engine) -> int:
    with Session(engine) as session, session.begin():
        account, _key = create_account(session, name="Races")
        return account.id


def _receive(engine: Engine, account_id: int, number: str, body: str) -> None:
    inbound = InboundMessage(number, SENDER, body, f"race-{next(_IDS)}")
    with Session(engine, expire_on_commit=False) as session, session.begin():
        account = session.get_one(Account, account_id)
        receive_inbound(
            session, account=account, detector=_DETECTOR, inbound=inbound, channel="test"
        )


def _review(engine: Engine, account_id: int, outcome: ReviewOutcome) -> None:
    """Give ``outcome`` to the newest reply it applies to, as a person clicking would."""
    with Session(engine, expire_on_commit=False) as session, session.begin():
        account = session.get_one(Account, account_id)
        if outcome in reviews.FOLDER_OUTCOMES:
            waiting = review_store.waiting_ids(account_id).limit(1)
        else:
            waiting = _auto_message_ids(account_id).limit(1)
        message_ids = list(session.scalars(waiting))
        if message_ids:
            reviews.review(
                session, account=account, message_ids=message_ids, outcome=outcome, actor="t"
            )


def _auto_message_ids(account_id: int) -> Select[tuple[int | None]]:
    """Return the query of the messages behind the auto opt-outs in force, newest first."""
    return (
        select(OptEvent.message_id)
        .join(Contact, Contact.status_event_id == OptEvent.id)
        .where(Contact.account_id == account_id, Contact.status == "opted_out")
        .where(Contact.status_source == "auto")
        .order_by(OptEvent.id.desc())
    )


def _work(engine: Engine, account_id: int, worker: int) -> Callable[[], None]:
    def run() -> None:
        for round_ in range(ROUNDS):
            number = NUMBERS[(worker + round_) % len(NUMBERS)]
            _receive(engine, account_id, number, BODIES[(worker * 3 + round_) % len(BODIES)])
            _receive(engine, account_id, f"+1303555{worker:02d}{round_:02d}", "ok thanks")
            outcome = list(ReviewOutcome)[(worker + round_) % len(ReviewOutcome)]
            _review(engine, account_id, outcome)

    return run


@ON_POSTGRESQL
def test_counts_stay_exact_under_concurrent_writers(engine: Engine):
    account_id = _account(engine)
    for number in NUMBERS:  # each contact starts with a reply waiting for review
        _receive(engine, account_id, number, LONG)
    barrier = threading.Barrier(THREADS)

    def start(worker: int) -> None:
        barrier.wait(timeout=30)
        _work(engine, account_id, worker)()

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(start, range(THREADS)))
    with Session(engine) as session:
        counts = conversations.folder_counts(session, account_id=account_id)
        assert counts == plain_counts(session, account_id)
    assert counts.conversations == len(NUMBERS) + THREADS * ROUNDS
    assert counts.auto_opt_outs_made > 0


@ON_POSTGRESQL
def test_one_reply_reviewed_by_several_people_at_once_leaves_the_folder_once(engine: Engine):
    account_id = _account(engine)
    for number in NUMBERS:
        _receive(engine, account_id, number, LONG)
    barrier = threading.Barrier(THREADS)

    def start(worker: int) -> None:
        barrier.wait(timeout=30)
        outcome = ReviewOutcome.NOT_AN_OPT_OUT if worker % 2 else ReviewOutcome.OPTED_OUT
        for _ in NUMBERS:
            _review(engine, account_id, outcome)

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(start, range(THREADS)))
    with Session(engine) as session:
        counts = conversations.folder_counts(session, account_id=account_id)
        assert counts == plain_counts(session, account_id)
    assert counts.needs_review == 0
