"""Inbound replies racing each other through ``receive_inbound``, on real databases.

A provider retries a message while the first delivery is still being processed, often on
another worker: every copy must get the first answer, and the message is stored once with at
most one ledger event. Replies from one number (STOP, START, STOP ...) arriving together are
applied one after another: the events alternate and the contact's status is the latest one's.

Threads share one engine, as a worker's request threads do; processes have engines of their
own, as separate workers do. Everyone waits at a barrier (threads) or a shared start time
(processes) so the calls really overlap.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import get_context
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from optout.detect import Detector
from optout.services.accounts import create_account
from optout.services.inbound import InboundMessage, receive_inbound
from optout.store.engine import make_engine
from optout.store.tables import Account, Contact, Message, OptEvent

THREADS = 16
PROCESSES = 4
NUMBER = "+14155550123"
SENDER = "+14155550100"

Answer = tuple[int, str, str | None, str, str | None, str]
_DETECTOR = Detector()
ON_POSTGRESQL = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


def _account(engine: Engine) -> int:
    with Session(engine) as session, session.begin():
        account, _key = create_account(session, name="Races")
        return account.id


def _receive(
    engine: Engine, account_id: int, body: str, provider_id: str, number: str = NUMBER
) -> Answer:
    """Deliver one reply in a transaction of its own; return the answer, minus the retry flag."""
    inbound = InboundMessage(number, SENDER, body, provider_id)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        account = session.get_one(Account, account_id)
        result = receive_inbound(
            session, account=account, detector=_DETECTOR, inbound=inbound, channel="test"
        )
    decision = result.decision
    return (result.message_id, decision.action.value, result.reply, result.number,
            decision.trigger.value if decision.trigger else None, result.status.value)  # fmt: skip


def _in_threads(calls: list[Callable[[], Answer]]) -> list[Answer]:
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], Answer]) -> Answer:
        barrier.wait(timeout=30)
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def _receive_in_process(
    url: str, account_id: int, body: str, provider_id: str, at: float
) -> Answer:
    engine = make_engine(url)
    with engine.connect():  # connect before the start line, as a running worker would be
        pass
    time.sleep(max(0.0, at - time.time()))
    try:
        return _receive(engine, account_id, body, provider_id)
    finally:
        engine.dispose()


def _in_processes(url: str, account_id: int, deliveries: list[tuple[str, str]]) -> list[Answer]:
    start = time.time() + 4.0  # every process has imported and connected by then
    with ProcessPoolExecutor(PROCESSES, mp_context=get_context("spawn")) as pool:
        futures = [
            pool.submit(_receive_in_process, url, account_id, body, provider_id, start)
            for body, provider_id in deliveries
        ]
        return [future.result(timeout=60) for future in futures]


def _count(engine: Engine, model: type[Any]) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


@pytest.fixture
def racing_engine(database_url: str) -> Any:
    engine = make_engine(database_url, pool_size=THREADS, max_overflow=0)
    yield engine
    engine.dispose()


@pytest.mark.parametrize("body", ["STOP", "remove me from your list", "thanks!"])
def test_one_message_delivered_by_many_threads_is_stored_once(racing_engine: Engine, body: str):
    account_id = _account(racing_engine)
    answers = _in_threads(
        [lambda: _receive(racing_engine, account_id, body, "SM-retried")] * THREADS
    )
    assert len(set(answers)) == 1, f"different answers to one message: {set(answers)}"
    assert _count(racing_engine, Message) == 1
    assert _count(racing_engine, OptEvent) <= 1


@ON_POSTGRESQL
def test_one_message_delivered_by_many_processes_is_stored_once(database_url: str):
    engine = make_engine(database_url)
    account_id = _account(engine)
    answers = _in_processes(database_url, account_id, [("STOP", "SM-retried")] * PROCESSES)
    assert len(set(answers)) == 1, f"different answers to one message: {set(answers)}"
    assert answers[0][1] == "opt_out"
    assert (_count(engine, Message), _count(engine, OptEvent)) == (1, 1)
    engine.dispose()


def test_one_provider_id_from_many_senders_at_once_stores_every_reply(racing_engine: Engine):
    """A provider that reuses an id must not make a STOP vanish, even when the copies race."""
    account_id = _account(racing_engine)
    numbers = [f"+1415555{i:04d}" for i in range(200, 200 + THREADS // 2)]
    calls = [
        (lambda number=number: _receive(racing_engine, account_id, "STOP", "SM-reused", number))
        for number in numbers * 2
    ]
    answers = _in_threads(calls)
    by_number = {answer[3]: answer for answer in answers}
    assert sorted(by_number) == numbers
    assert set(answers) == set(by_number.values()), "a sender's copies got different answers"
    assert all(answer[5] == "opted_out" for answer in answers)
    assert _count(racing_engine, Message) == len(numbers)
    assert _count(racing_engine, OptEvent) == len(numbers)


def _assert_ledger_consistent(engine: Engine, bodies_by_id: dict[str, str]) -> None:
    """Events alternate, each message saw the status its own body asks for, the last one wins."""
    with Session(engine) as session:
        contact = session.scalars(select(Contact)).one()
        events = list(session.scalars(select(OptEvent).order_by(OptEvent.id)))
        messages = list(session.scalars(select(Message).order_by(Message.id)))
    assert len(messages) == len(bodies_by_id)
    expected = {"STOP": "opted_out", "START": "active"}
    for message in messages:
        assert message.status == expected[bodies_by_id[message.provider_id or ""]]
    types = [event.type for event in events]
    assert all(a != b for a, b in zip(types, types[1:], strict=False)), types
    assert types and contact.status_event_id == events[-1].id
    assert contact.status == messages[-1].status
    assert contact.status == {"opt_out": "opted_out", "opt_in": "active"}[events[-1].type]


def test_stop_and_start_racing_from_threads_apply_in_one_order(racing_engine: Engine):
    account_id = _account(racing_engine)
    bodies = {f"SM-{i}": ("STOP" if i % 2 == 0 else "START") for i in range(THREADS)}
    answers = _in_threads(
        [
            (lambda body=body, sid=sid: _receive(racing_engine, account_id, body, sid))
            for sid, body in bodies.items()
        ]
    )
    assert len({answer[0] for answer in answers}) == THREADS
    _assert_ledger_consistent(racing_engine, bodies)


@ON_POSTGRESQL
def test_stop_and_start_racing_from_processes_apply_in_one_order(database_url: str):
    engine = make_engine(database_url)
    account_id = _account(engine)
    bodies = {f"SM-{i}": ("STOP" if i % 2 == 0 else "START") for i in range(PROCESSES * 2)}
    deliveries = [(body, sid) for sid, body in bodies.items()]
    answers = _in_processes(database_url, account_id, deliveries)
    assert len({answer[0] for answer in answers}) == len(bodies)
    _assert_ledger_consistent(engine, bodies)
    engine.dispose()
