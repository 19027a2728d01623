"""The account's opt-outs: list and search, opt a number out, opt it back in."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from optout.api.deps import AccountDep, ActorDep, SessionDep
from optout.api.routes.contacts import contact_out
from optout.api.schemas import ContactOut, OptInIn, OptOutIn, OptOutOut, OptOutPage
from optout.domain import EventSource
from optout.services import ledger

router = APIRouter(prefix="/v1", tags=["opt-outs"])


@router.get("/opt-outs")
def get_opt_outs(
    account: AccountDep,
    session: SessionDep,
    search: Annotated[
        str | None,
        Query(max_length=64, description="A number, in any format, or some of its digits."),
    ] = None,
    after: Annotated[str | None, Query(max_length=20)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> OptOutPage:
    """Return the opt-outs in force, newest first; pass ``next`` as ``after`` for more."""
    items, next_cursor = ledger.list_opt_outs(
        session, account=account, search=search, after=after, limit=limit
    )
    return OptOutPage(
        items=[OptOutOut.model_validate(item) for item in items],
        next=next_cursor,
    )


@router.post("/opt-outs", status_code=201)
def post_opt_out(
    body: OptOutIn, account: AccountDep, actor: ActorDep, session: SessionDep
) -> ContactOut:
    """Opt a number out; one already opted out stays as it is."""
    contact = ledger.opt_out(
        session,
        account=account,
        number=body.number,
        source=EventSource.MANUAL,
        actor=actor,
        note=body.note,
    )
    return contact_out(contact)


@router.post("/opt-ins")
def post_opt_in(
    body: OptInIn, account: AccountDep, actor: ActorDep, session: SessionDep
) -> ContactOut:
    """Opt a number back in; 409 when only the contact may reverse its opt-out."""
    contact = ledger.opt_in(
        session, account=account, number=body.number, actor=actor, confirm=body.confirm
    )
    return contact_out(contact)
