"""Retries racing through the real server: ``optout serve --workers 2`` on PostgreSQL.

Client processes send the same provider message id at once, and STOP/START from one number,
over HTTP, so the requests land on both worker processes. Every answer must be a 200 with
the same message and decision; the database ends with one message and at most one event per
message, and the contact's status is that of its latest event.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from optout.store.engine import make_engine
from optout.store.tables import Contact, Message, OptEvent

OPTOUT = str(Path(sys.executable).with_name("optout"))
pytestmark = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)

CLIENTS = 4
PER_CLIENT = 6


@dataclass(frozen=True)
class Served:
    """``optout serve`` with two workers, and the inbound key of its one account."""

    url: str
    key: str
    database_url: str


@pytest.fixture
def served(database_url: str, optout_serve: Callable[..., tuple[str, Path]]) -> Served:
    env = {**os.environ, "OPTOUT_DATABASE_URL": database_url, "OPTOUT_LOG_LEVEL": "WARNING"}
    created = subprocess.run([OPTOUT, "accounts", "create", "Races", "--json"], env=env,
                             check=True, capture_output=True, text=True)  # fmt: skip
    url, _log = optout_serve(env, "--workers", "2")
    return Served(url, json.loads(created.stdout)["inbound_key"], database_url)


def _deliver(url: str, key: str, replies: list[dict[str, str]], start: float) -> list[Any]:
    """Post each reply from a thread and connection of its own, all starting at ``start``."""
    clients = [httpx.Client(base_url=url, timeout=30) for _ in replies]
    for client in clients:  # connect first, so the requests themselves race
        client.get("/healthz")
    headers = {"Authorization": f"Bearer {key}"}

    def post(client: httpx.Client, reply: dict[str, str]) -> tuple[int, Any]:
        time.sleep(max(0.0, start - time.time()))
        response = client.post("/v1/inbound", json=reply, headers=headers)
        return response.status_code, response.json()

    with ThreadPoolExecutor(len(replies)) as threads:
        answers = list(threads.map(post, clients, replies))
    for client in clients:
        client.close()
    return answers


def _race(served: Served, replies: list[list[dict[str, str]]]) -> list[Any]:
    start = time.time() + 5.0
    with ProcessPoolExecutor(len(replies), mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(_deliver, served.url, served.key, part, start) for part in replies]
        return [answer for future in futures for answer in future.result(timeout=120)]


def _reply(body: str, provider_id: str) -> dict[str, str]:
    return {"from": "+14155550123", "to": "+14155550100", "body": body, "id": provider_id}


def _count(served: Served, model: type[Any]) -> int:
    engine = make_engine(served.database_url)
    with Session(engine) as session:
        count = session.scalar(select(func.count()).select_from(model)) or 0
    engine.dispose()
    return count


def test_one_message_retried_from_many_clients_is_stored_once(served: Served):
    answers = _race(served, [[_reply("STOP", "SM-retried")] * PER_CLIENT] * CLIENTS)
    assert {status for status, _ in answers} == {200}, answers
    firsts = [answer for _, answer in answers if not answer["duplicate"]]
    assert len(firsts) == 1, f"{len(firsts)} deliveries were each taken as the first"
    same = {json.dumps({**answer, "duplicate": None}, sort_keys=True) for _, answer in answers}
    assert len(same) == 1, same
    assert firsts[0]["contact"]["status"] == "opted_out"
    assert (_count(served, Message), _count(served, OptEvent)) == (1, 1)


def test_stop_and_start_from_one_number_apply_in_one_order(served: Served):
    parts = [
        [_reply("STOP" if (c + i) % 2 else "START", f"SM-{c}-{i}") for i in range(PER_CLIENT)]
        for c in range(CLIENTS)
    ]
    answers = _race(served, parts)
    assert {status for status, _ in answers} == {200}, answers
    assert _count(served, Message) == CLIENTS * PER_CLIENT
    engine = make_engine(served.database_url)
    with Session(engine) as session:
        contact = session.scalars(select(Contact)).one()
        events = list(session.scalars(select(OptEvent).order_by(OptEvent.id)))
        last = session.scalars(select(Message).order_by(Message.id.desc()).limit(1)).one()
    engine.dispose()
    types = [event.type for event in events]
    assert types and all(a != b for a, b in zip(types, types[1:], strict=False)), types
    assert contact.status_event_id == events[-1].id
    assert contact.status == {"opt_out": "opted_out", "opt_in": "active"}[types[-1]]
    assert contact.status == last.status
