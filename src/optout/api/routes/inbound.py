"""``POST /v1/inbound``: hand over one inbound reply from any SMS platform.

The hot path of the service, so the route takes no dependencies and the whole request takes
one trip to the threadpool: the key check, the body's validation and the work share one
transaction, committed before the answer is sent. The key is checked before the body, as on
every ``/v1`` operation, so a stranger learns nothing about the body's shape.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from optout.api.deps import authenticated, bearer_key, json_body
from optout.api.schemas import InboundIn, InboundOut
from optout.detect import Detector
from optout.services.inbound import InboundMessage, InboundResult, receive_inbound

router = APIRouter(prefix="/v1", tags=["inbound"])
_BODY = {"content": {"application/json": {"schema": InboundIn.model_json_schema(by_alias=True)}}}
_OPENAPI = {"requestBody": _BODY | {"required": True}, "security": [{"HTTPBearer": []}]}


@router.post("/inbound", response_model=InboundOut, openapi_extra=_OPENAPI)
async def post_inbound(request: Request) -> Response:
    """Store a reply, apply its opt-out decision and return the reply to send, if any."""
    payload = await json_body(request)
    detector: Detector = request.app.state.detector
    answer = await run_in_threadpool(_receive, request, bearer_key(request), detector, payload)
    return Response(answer, media_type="application/json")


def _receive(request: Request, key: str | None, detector: Detector, payload: Any) -> bytes:
    with authenticated(request, key) as (session, account):
        body = _inbound_in(payload)
        inbound = InboundMessage(body.from_, body.to, body.body, body.id, body.received_at)
        result = receive_inbound(session, account=account, detector=detector, inbound=inbound)
    return json.dumps(inbound_answer(result), ensure_ascii=False, separators=(",", ":")).encode()


def _inbound_in(payload: Any) -> InboundIn:
    try:
        return InboundIn.model_validate(payload)
    except ValidationError as error:
        raise RequestValidationError(error.errors(include_url=False)) from None


def inbound_answer(result: InboundResult) -> dict[str, Any]:
    """Return the answer to an inbound reply, shaped as ``InboundOut``.

    Built as plain values: a model would be validated again only to be serialised.
    """
    return {
        "message_id": result.message_id,
        "decision": result.decision.to_dict(),
        "reply": result.reply,
        "contact": {"number": result.number, "status": result.status.value},
        "duplicate": result.duplicate,
    }
