"""``POST /v1/inbound``: hand over one inbound reply from any SMS platform.

The hot path of the service, so the whole request takes one trip to the threadpool: the
key check, the body's validation and the work share one transaction, committed before the
answer is sent. The key is checked before the body, as on every ``/v1`` operation, so a
stranger learns nothing about the body's shape.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from optout.api.deps import Credentials, DetectorDep, authenticated, json_body
from optout.api.schemas import ContactOut, DecisionOut, InboundIn, InboundOut
from optout.detect import Detector
from optout.services.inbound import InboundMessage, InboundResult, receive_inbound

router = APIRouter(prefix="/v1", tags=["inbound"])
_BODY = {"content": {"application/json": {"schema": InboundIn.model_json_schema(by_alias=True)}}}


@router.post(
    "/inbound", response_model=InboundOut, openapi_extra={"requestBody": _BODY | {"required": True}}
)
async def post_inbound(
    payload: Annotated[Any, Depends(json_body)],
    credentials: Credentials,
    detector: DetectorDep,
    request: Request,
) -> Response:
    """Store a reply, apply its opt-out decision and return the reply to send, if any."""
    answer = await run_in_threadpool(_receive, request, credentials, detector, payload)
    return Response(answer, media_type="application/json")


def _receive(request: Request, credentials: Credentials, detector: Detector, payload: Any) -> bytes:
    with authenticated(request, credentials) as (session, account):
        body = _inbound_in(payload)
        inbound = InboundMessage(body.from_, body.to, body.body, body.id, body.received_at)
        result = receive_inbound(session, account=account, detector=detector, inbound=inbound)
    # Serialised once here: a returned model would be validated again against response_model.
    return inbound_out(result).model_dump_json().encode()


def _inbound_in(payload: Any) -> InboundIn:
    try:
        return InboundIn.model_validate(payload)
    except ValidationError as error:
        raise RequestValidationError(error.errors(include_url=False)) from None


def inbound_out(result: InboundResult) -> InboundOut:
    """Return the answer form of an inbound result."""
    return InboundOut(
        message_id=result.message_id,
        decision=DecisionOut.of(result.decision),
        reply=result.reply,
        contact=ContactOut(number=result.number, status=result.status),
        duplicate=result.duplicate,
    )
