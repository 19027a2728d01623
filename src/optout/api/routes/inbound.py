"""``POST /v1/inbound``: hand over one inbound reply from any SMS platform."""

from __future__ import annotations

from fastapi import APIRouter

from optout.api.deps import AccountDep, DetectorDep, SessionDep
from optout.api.schemas import ContactOut, DecisionOut, InboundIn, InboundOut
from optout.services.inbound import InboundMessage, InboundResult, receive_inbound

router = APIRouter(prefix="/v1", tags=["inbound"])


@router.post("/inbound")
def post_inbound(
    body: InboundIn, account: AccountDep, session: SessionDep, detector: DetectorDep
) -> InboundOut:
    """Store a reply, apply its opt-out decision and return the reply to send, if any."""
    inbound = InboundMessage(body.from_, body.to, body.body, body.id, body.received_at)
    result = receive_inbound(session, account=account, detector=detector, inbound=inbound)
    return inbound_out(result)


def inbound_out(result: InboundResult) -> InboundOut:
    """Return the answer form of an inbound result."""
    return InboundOut(
        message_id=result.message_id,
        decision=DecisionOut.of(result.decision),
        reply=result.reply,
        contact=ContactOut(number=result.number, status=result.status),
        duplicate=result.duplicate,
    )
