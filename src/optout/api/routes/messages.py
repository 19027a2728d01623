"""``POST /v1/messages``: an outbound text, refused for opted-out numbers."""

from __future__ import annotations

from fastapi import APIRouter

from optout.api.deps import AccountDep, SessionDep
from optout.api.schemas import MessageIn, MessageOut
from optout.services.outbound import send

router = APIRouter(prefix="/v1", tags=["messages"])


@router.post("/messages", status_code=201, response_model_by_alias=True)
def post_message(body: MessageIn, account: AccountDep, session: SessionDep) -> MessageOut:
    """Hand a text to the account's provider; 409 ``opted_out`` for an opted-out number."""
    message = send(
        session,
        account=account,
        to=body.to,
        body=body.body,
        from_number=body.from_,
        campaign=body.campaign,
    )
    return MessageOut(
        id=message.id,
        to=message.to_number,
        from_=message.from_number,
        body=message.body,
        status=message.status or "sent",
        provider=account.provider,
        provider_id=message.provider_id,
        campaign=message.campaign,
    )
