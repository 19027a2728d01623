"""Contacts and the opt-out ledger: history, opt out, opt back in."""

from __future__ import annotations

from fastapi import APIRouter

from optout.api.deps import AccountDep, ActorDep, SessionDep
from optout.api.schemas import ContactHistoryOut, ContactOut, EventOut, OptInIn, OptOutIn
from optout.domain import ContactStatus, EventSource
from optout.services import ledger
from optout.store.tables import Contact, OptEvent

router = APIRouter(prefix="/v1", tags=["opt-outs"])


@router.get("/contacts/{number}")
def get_contact(number: str, account: AccountDep, session: SessionDep) -> ContactHistoryOut:
    """Return a contact's status and its ledger events; 404 for a number never seen."""
    with session.begin():
        contact, events = ledger.contact_history(session, account=account, number=number)
        return ContactHistoryOut(
            number=contact.number,
            status=ContactStatus(contact.status),
            events=[event_out(event) for event in events],
        )


@router.post("/opt-outs", status_code=201)
def post_opt_out(
    body: OptOutIn, account: AccountDep, actor: ActorDep, session: SessionDep
) -> ContactOut:
    """Opt a number out; one already opted out stays as it is."""
    with session.begin():
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
    with session.begin():
        contact = ledger.opt_in(
            session, account=account, number=body.number, actor=actor, confirm=body.confirm
        )
        return contact_out(contact)


def contact_out(contact: Contact) -> ContactOut:
    """Return the answer form of a contact."""
    return ContactOut(number=contact.number, status=ContactStatus(contact.status))


def event_out(event: OptEvent) -> EventOut:
    """Return the answer form of a ledger event."""
    return EventOut(
        id=event.id,
        type=event.type,
        source=event.source,
        actor=event.actor,
        at=event.created_at,
        reason=event.reason,
        confidence=event.confidence,
        note=event.note,
        message_id=event.message_id,
    )
