"""A reply's trips to PostgreSQL: four, with the key checked on every reply.

Each round trip costs the worker and the database a wake-up, so a reply takes no more than
BEGIN, one statement that checks the key and locks the contact, one that writes the message,
ledger event and status, and COMMIT. The key is never cached: a revoked key stops working
with the next reply.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import event

from optout.domain import KeyPurpose
from optout.services.accounts import get_account_by_slug, rotate_api_key

ON_POSTGRESQL = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


def _reply(body: str, number: str, provider_id: str) -> dict[str, str]:
    return {"from": number, "to": "+12025550100", "body": body, "id": provider_id}


@pytest.fixture
def traced(app, tmp_path: Path) -> Iterator[Path]:
    """Log every message the engine's connections exchange with PostgreSQL (libpq's trace)."""
    path = tmp_path / "trace.txt"
    with path.open("w") as log:

        def trace(dbapi_connection, _record, _proxy) -> None:
            dbapi_connection.pgconn.trace(log.fileno())
            dbapi_connection.pgconn.set_trace_flags(psycopg.pq.Trace.SUPPRESS_TIMESTAMPS)

        def untrace(dbapi_connection, _record) -> None:
            dbapi_connection.pgconn.untrace()

        engine = app.state.engine
        event.listen(engine, "checkout", trace)
        event.listen(engine, "checkin", untrace)
        yield path
        event.remove(engine, "checkout", trace)
        event.remove(engine, "checkin", untrace)


def round_trips(trace: str) -> list[list[str]]:
    """Return what the client sent in each round trip: a turn of its messages, then the
    server's answers, before it sends again."""
    trips: list[list[str]] = []
    answered = True
    for line in trace.splitlines():
        direction, _length, message = (line.split("\t") + ["", ""])[:3]
        if direction == "F":
            if answered:
                trips.append([])
            trips[-1].append(message)
            answered = False
        elif direction == "B":
            answered = True
    return trips


@ON_POSTGRESQL
def test_a_reply_that_opts_out_takes_four_round_trips(client, tenant, traced):
    # the same kind of reply first: each statement is prepared once per connection
    warm = _reply("STOP", "+12025550111", "SM-warm")
    assert client.post("/v1/inbound", json=warm, headers=tenant.inbound_headers).is_success
    start = traced.stat().st_size  # each connection's log is flushed when it is given back
    reply = _reply("STOP", "+12025550123", "SM-counted")
    response = client.post("/v1/inbound", json=reply, headers=tenant.inbound_headers)
    assert response.json()["contact"]["status"] == "opted_out"
    trips = round_trips(traced.read_bytes()[start:].decode())
    assert len(trips) == 4, trips
    begin, lock, writes, commit = trips
    assert begin == commit == ["Query"]
    assert lock.count("Execute") == writes.count("Execute") == 1
    events = client.get("/v1/contacts/+12025550123", headers=tenant.headers).json()["events"]
    assert [e["type"] for e in events] == ["opt_out"]


def test_a_revoked_inbound_key_is_refused_from_the_next_reply(app, client, tenant):
    first = _reply("hello", "+12025550123", "SM1")
    assert client.post("/v1/inbound", json=first, headers=tenant.inbound_headers).is_success
    with app.state.session_factory() as session, session.begin():
        account = get_account_by_slug(session, tenant.slug)
        new_key = rotate_api_key(session, account=account, purpose=KeyPurpose.INBOUND)
    stop = _reply("STOP", "+12025550123", "SM2")
    refused = client.post("/v1/inbound", json=stop, headers=tenant.inbound_headers)
    assert refused.status_code == 401, refused.text
    history = client.get("/v1/contacts/+12025550123", headers=tenant.headers).json()
    assert history["status"] == "active"
    accepted = client.post("/v1/inbound", json=stop, headers={"Authorization": f"Bearer {new_key}"})
    assert accepted.json()["contact"]["status"] == "opted_out"
