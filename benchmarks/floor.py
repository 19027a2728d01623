"""The floor of ``POST /v1/inbound``: the least Python that does the same durable work.

A raw ASGI application (no framework, no middleware) that reads the reply with orjson, checks
the inbound key and takes the contact's lock, decides with the real ``Detector.decide`` and
stores the reply, its ledger event and the contact's status with optout's own statements
(:mod:`optout.store.inbound`, imported, never copied, so the floor follows every change to
the schema and the SQL), on a psycopg pool, committed with ``synchronous_commit`` on (the
server's default) before it answers. Its blocking work runs on a plain thread pool of the
same size as optout's inbound slots. What it leaves out is what the service adds on top:
routing, middleware, validation with pydantic, the error answers, the SQLAlchemy engine.

The load benchmark starts it under uvicorn beside ``optout serve`` (:mod:`load`):

    python -m uvicorn floor:create_app --factory --app-dir benchmarks --workers 2
"""

from __future__ import annotations

import asyncio
import gc
import hmac
import os
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from psycopg_pool import ConnectionPool
from sqlalchemy.engine import make_url

from optout.api.routes.inbound import INBOUND_SLOTS
from optout.detect import Detector
from optout.domain import Action, ReplyContext
from optout.numbers import sender_key
from optout.services.api_keys import key_parts
from optout.store.engine import POOL_SIZE
from optout.store.inbound import (
    Reply,
    event_values,
    lock_sender_for_key,
    message_values,
    store_reply,
)

ASGI = Callable[[dict[str, Any], Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]],
                Awaitable[None]]  # fmt: skip
WINDOW = timedelta(hours=72)
JSON = [(b"content-type", b"application/json")]


class Floor:
    """The floor's state in one worker: the detector, the connections, the threads."""

    def __init__(self, url: str) -> None:
        conninfo = make_url(url).set(drivername="postgresql").render_as_string(False)
        self.pool = ConnectionPool(conninfo, min_size=INBOUND_SLOTS, max_size=POOL_SIZE)
        self.detector = Detector()
        self.detector.warm_up()
        self.threads = ThreadPoolExecutor(INBOUND_SLOTS, "floor")

    def receive(self, key: str, reply: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Store one reply; return the status and answer."""
        parts = key_parts(key)
        if parts is None:
            return 401, {"error": "unauthorized"}
        number, now = sender_key(reply["from"]).key, datetime.now(UTC)
        with self.pool.connection() as connection:
            found, sender = lock_sender_for_key(
                connection,
                prefix=parts[0],
                key_hash=parts[1],
                purpose="inbound",
                number=number,
                provider_id=reply["id"],
                prompt_since=now - WINDOW,
            )
            if found is None or sender is None or not hmac.compare_digest(found.key_hash, parts[1]):
                return 401, {"error": "unauthorized"}
            context = ReplyContext(sender.prompt) if sender.prompt else None
            decision = self.detector.decide(
                reply["body"], context=context, last_unstop_at=sender.last_unstop_at, now=now
            )
            opts_out = decision.action is Action.OPT_OUT
            event = None
            if opts_out and sender.status != "opted_out":
                event = event_values(
                    decision, type="opt_out", source="keyword", actor="contact", channel="floor"
                )
            status = "opted_out" if opts_out else sender.status
            message = message_values(
                decision,
                direction="inbound",
                provider_id=reply["id"],
                from_number=number,
                to_number=reply["to"],
                body=reply["body"],
                created_at=now,
                reply=None,
                status=status,
            )
            stored = Reply(
                found.account["id"], sender.id, message, event, answers_since=now - WINDOW
            )
            message_id = store_reply(connection, stored)
        answer = {"message_id": message_id, "decision": decision.to_dict(), "reply": None,
                  "contact": {"number": number, "status": status}}  # fmt: skip
        return 200, answer

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await _lifespan(receive, send)
            return
        body, more = b"", True
        while more:
            message = await receive()
            body, more = body + message.get("body", b""), message.get("more_body", False)
        headers = dict(scope["headers"])
        key = headers.get(b"authorization", b"").decode().removeprefix("Bearer ").strip()
        work = self.threads.submit(self.receive, key, orjson.loads(body))
        status, answer = await asyncio.wrap_future(work)
        payload = orjson.dumps(answer)
        headers = [*JSON, (b"content-length", b"%d" % len(payload))]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": payload})


async def _lifespan(receive: Any, send: Any) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return


def create_app() -> Floor:
    """Build one worker's floor on ``OPTOUT_DATABASE_URL``, its detector warmed up and frozen."""
    floor = Floor(os.environ["OPTOUT_DATABASE_URL"])
    gc.collect()
    gc.freeze()
    return floor
