"""The Auto Opt-Out folder: auto opt-outs in force, and undoing one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from optout.api.deps import AccountDep, ActorDep, RowId, SessionDep
from optout.api.routes.contacts import contact_out
from optout.api.schemas import AutoOptOutOut, AutoOptOutPage, ConfirmIn, ContactOut
from optout.services import conversations, ledger

router = APIRouter(prefix="/v1", tags=["auto opt-outs"])


@router.get("/auto-opt-outs")
def get_auto_opt_outs(
    account: AccountDep,
    session: SessionDep,
    after: Annotated[str | None, Query(max_length=20)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> AutoOptOutPage:
    """Return the messages whose auto opt-out is in force, newest first."""
    items, next_cursor = ledger.auto_opt_out_folder(
        session, account=account, after=after, limit=limit
    )
    total = conversations.count_auto_opt_outs(session, account_id=account.id)
    return AutoOptOutPage(
        items=[AutoOptOutOut.model_validate(item) for item in items],
        next=next_cursor,
        total=total,
    )


@router.post("/auto-opt-outs/{message_id}/opt-back-in")
def post_opt_back_in(
    message_id: RowId, body: ConfirmIn, account: AccountDep, actor: ActorDep, session: SessionDep
) -> ContactOut:
    """Undo one auto opt-out (``confirm: true`` required); it leaves the folder."""
    contact = ledger.opt_back_in_auto(
        session, account=account, message_id=message_id, actor=actor, confirm=body.confirm
    )
    return contact_out(contact)
