"""Contacts: a number's status and its ledger events."""

from __future__ import annotations

from fastapi import APIRouter

from optout.api.deps import AccountDep, SessionDep
from optout.api.schemas import ContactHistoryOut, ContactOut, EventOut
from optout.domain import ContactStatus
from optout.numbers import is_validated
from optout.services import ledger
from optout.store.tables import Contact, OptEvent

router = APIRouter(prefix="/v1", tags=["contacts"])


@router.get("/contacts/{number}")
def get_contact(number: str, account: AccountDep, session: SessionDep) -> ContactHistoryOut:
    """Return a contact's status and its ledger events; 404 for a number never seen."""
    contact, events = ledger.contact_history(session, account=account, number=number)
    return ContactHistoryOut(
        **contact_out(contact).model_dump(), events=[event_out(event) for event in events]
    )


def contact_out(contact: Contact) -> ContactOut:
    """Return the answer form of a contact."""
    validated = is_validated(contact.number)
    return ContactOut(
        number=contact.number, status=ContactStatus(contact.status), validated=validated
    )


def event_out(event: OptEvent) -> EventOut:
    """Return the answer form of a ledger event."""
    return EventOut.model_validate(event)
