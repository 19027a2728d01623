"""``POST /v1/inbound``: hand over one inbound reply from any SMS platform.

The hot path of the service, so the route takes no dependencies and the whole request takes
one trip to a thread of its own (and :mod:`optout.api.inbound_lane` serves it ahead of the
router and the middleware layers): the key check, the body's validation and the work share one
transaction on a pooled connection, committed before the answer is sent
(:func:`~optout.services.inbound.receive_with_key`). The key is checked before anything is
stored, and a body that fails validation is refused only after the key passed, as on every
``/v1`` operation, so a stranger learns nothing about the body's shape. Only the account's
inbound key is taken, the one its delivery channel holds: with the management key the
account could post a START in a contact's name (403). A worker process stores at most
:data:`INBOUND_SLOTS` replies at once; the others wait their turn in order.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from optout.api.deps import bearer_key, parsed_json
from optout.api.schemas import InboundIn, InboundOut
from optout.domain import KeyPurpose
from optout.services.api_keys import authenticate_key
from optout.services.inbound import InboundMessage, InboundResult, receive_with_key
from optout.store.engine import driver_transaction

router = APIRouter(prefix="/v1", tags=["inbound"])
_BODY = {"content": {"application/json": {"schema": InboundIn.model_json_schema(by_alias=True)}}}
_OPENAPI = {"requestBody": _BODY | {"required": True}, "security": [{"HTTPBearer": []}]}

INBOUND_SLOTS = 6
"""Replies one worker process stores at once; the rest wait for a slot in arrival order.

With a thread per waiting reply (anyio's default allows 40), the threads' turns at the GIL
come in no particular order and the unluckiest replies wait longest. Under the load
benchmark's burst on 2 cores, p99 fell from 150-165 ms to 95-110 ms with 6 slots, at the
same replies per second; 4 slots gained little more and cost throughput, 8 kept more of the
tail. The slots are a plain thread pool of that size, whose queue keeps arrival order:
anyio's hand-off and capacity limiter cost more CPU per reply than the pool's. The limit is
the worker's own: it holds no state that another worker needs."""


@router.post("/inbound", response_model=InboundOut, openapi_extra=_OPENAPI)
async def post_inbound(request: Request) -> Response:
    """Store a reply, apply its opt-out decision and return the reply to send, if any."""
    answer = await answer_inbound(request.app, bearer_key(request.headers), await request.body())
    return Response(answer, media_type="application/json")


async def answer_inbound(app: FastAPI, key: str | None, body: bytes) -> bytes:
    """Return the JSON answer to a reply delivered with ``key``, or raise why it is refused.

    The route's whole work, served ahead of the router by :mod:`optout.api.inbound_lane`.
    """
    payload = parsed_json(body)
    work = inbound_slots(app).submit(_receive, app, key, payload)
    return await asyncio.wrap_future(work)


def inbound_slots(app: FastAPI) -> ThreadPoolExecutor:
    """Return the app's pool of threads storing replies, made on first use."""
    slots: ThreadPoolExecutor | None = getattr(app.state, "inbound_slots", None)
    if slots is None:
        slots = app.state.inbound_slots = ThreadPoolExecutor(INBOUND_SLOTS, "inbound")
    return slots


def _receive(app: FastAPI, key: str | None, payload: Any) -> bytes:
    with driver_transaction(app.state.engine) as connection:
        try:
            body = _inbound_in(payload)
        except RequestValidationError:
            authenticate_key(connection, key, KeyPurpose.INBOUND)  # a stranger gets a 401
            raise
        inbound = InboundMessage(
            body.from_, body.to, body.body, body.id, body.received_at, body.prompt
        )
        region = app.state.settings.default_region
        result = receive_with_key(
            connection, key=key, detector=app.state.detector, inbound=inbound, region=region
        )
    return InboundOut.model_validate(inbound_answer(result)).model_dump_json().encode()


def _inbound_in(payload: Any) -> InboundIn:
    try:
        return InboundIn.model_validate(payload)
    except ValidationError as error:
        raise RequestValidationError(error.errors(include_url=False)) from None


def inbound_answer(result: InboundResult) -> dict[str, Any]:
    """Return the answer to an inbound reply as plain values, for ``InboundOut`` to validate.

    The declared response model checks and serialises it (pydantic's core does both in
    about 9 µs, less than ``json.dumps`` of the same values), so the answer cannot drift
    from the schema the API documents.
    """
    return {
        "message_id": result.message_id,
        "decision": result.decision.to_dict(),
        "reply": result.reply,
        "contact": {
            "number": result.number,
            "status": result.status.value,
            "validated": result.validated,
        },
        "duplicate": result.duplicate,
    }
