"""The opt-out ledger's use cases: opt out, opt back in, history and the Auto Opt-Out folder.

Every change goes through :func:`opt_out_contact` or :func:`opt_in_contact`, which lock the
contact, append one event and move its status in the caller's transaction. An inbound reply
applies the same rules (:func:`opt_out_changes`, :func:`opt_in_changes`) in the statement
that stores it (:mod:`optout.services.inbound`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.orm import Session

from optout.domain import (
    CONTACT_ONLY_SOURCES,
    ContactStatus,
    Decision,
    EventSource,
    EventType,
    Family,
    ReviewOutcome,
)
from optout.exceptions import (
    ConfirmationRequired,
    ContactNotFound,
    NotFound,
    OptInNotAllowed,
)
from optout.numbers import lookup_key, sender_key
from optout.services.paging import row_cursor
from optout.store import ledger as store
from optout.store import reviews
from optout.store.contacts import find_contact, lock_contact, lock_contact_by_id
from optout.store.conversations import get_message
from optout.store.decisions import event_decision_columns
from optout.store.engine import region_of
from optout.store.tables import Account, Contact, Message, OptEvent

CONTACT_ACTOR = "contact"
AUTO_ACTOR = "auto-detector"


@dataclass(frozen=True, slots=True)
class AutoOptOutItem:
    """A message in the Auto Opt-Out folder: it opted its sender out, and that still holds."""

    id: int
    number: str
    body: str
    reason: str
    span: tuple[int, int] | None
    confidence: float | None
    at: datetime
    contact_id: int
    conversation_id: int


@dataclass(frozen=True, slots=True)
class OptOutItem:
    """An opt-out in force, as the opt-outs page and the export show it."""

    number: str
    source: EventSource
    at: datetime
    reason: str | None
    actor: str
    note: str | None
    contact_id: int
    message_id: int | None
    family: Family | None = None
    received_at: datetime | None = None
    """When the reply behind the opt-out arrived (it may differ from ``at``, when applied)."""


def opt_out(
    session: Session,
    *,
    account: Account,
    number: str,
    source: EventSource,
    actor: str,
    note: str | None = None,
    message: Message | None = None,
    decision: Decision | None = None,
) -> Contact:
    """Opt ``number`` out of the account's texts; a number already opted out is unchanged.

    Any sender a reply can come from can be opted out: a number ``phonenumbers`` does not
    know, a short code or an alphanumeric sender (see :func:`optout.numbers.sender_key`).
    """
    key = sender_key(number, region_of(session)).key
    contact = lock_contact(session, account_id=account.id, number=key)
    message_id = message.id if message is not None else None
    opt_out_contact(
        session,
        contact,
        source=source,
        actor=actor,
        note=note,
        message_id=message_id,
        decision=decision,
    )
    return contact


def opt_out_contact(
    session: Session,
    contact: Contact,
    *,
    source: EventSource,
    actor: str,
    note: str | None = None,
    message_id: int | None = None,
    decision: Decision | None = None,
) -> OptEvent | None:
    """Opt a locked contact out; return the new event, or None if it was opted out already."""
    if not opt_out_changes(contact.status, contact.status_source, source):
        return None
    return store.record_event(
        session,
        contact,
        type=EventType.OPT_OUT,
        source=source,
        actor=actor,
        note=note,
        message_id=message_id,
        **event_decision_columns(decision),
    )


def opt_out_changes(status: str, status_source: str | None, source: EventSource) -> bool:
    """Return whether an opt-out from ``source`` is recorded for a contact in this state.

    An opt-out already in force is recorded again only when the contact now asks themselves
    (STOP after an auto opt-out, say): from then on only the contact can reverse it.
    """
    if status != ContactStatus.OPTED_OUT.value:
        return True
    return source in CONTACT_ONLY_SOURCES and status_source not in CONTACT_ONLY_SOURCES


def opt_in_changes(status: str) -> bool:
    """Return whether an opt-in is recorded for a contact in this state: it was opted out."""
    return status == ContactStatus.OPTED_OUT.value


def opt_in(
    session: Session,
    *,
    account: Account,
    number: str,
    actor: str,
    source: EventSource = EventSource.MANUAL,
    confirm: bool,
) -> Contact:
    """Opt ``number`` back in, when the opt-out in force is one the actor may reverse."""
    _require(confirm)
    contact = _known_contact(session, account, number)
    contact = lock_contact_by_id(session, contact.id)
    opt_in_contact(session, contact, source=source, actor=actor)
    return contact


def opt_in_contact(
    session: Session, contact: Contact, *, source: EventSource, actor: str, note: str | None = None
) -> OptEvent | None:
    """Opt a locked contact back in; return the new event, or None if it was active."""
    if not opt_in_changes(contact.status):
        return None
    if contact.status_source in CONTACT_ONLY_SOURCES and actor != CONTACT_ACTOR:
        raise OptInNotAllowed(
            f"{contact.number} opted out themselves ({contact.status_source}); only the "
            "contact can reverse that, by replying START or UNSTOP"
        )
    return store.record_event(
        session, contact, type=EventType.OPT_IN, source=source, actor=actor, note=note
    )


def opt_back_in_auto(
    session: Session, *, account: Account, message_id: int, actor: str, confirm: bool
) -> Contact:
    """Undo the auto opt-out that message ``message_id`` caused; it leaves the folder."""
    _require(confirm)
    message = get_message(session, account_id=account.id, message_id=message_id)
    contact = lock_contact_by_id(session, message.contact_id) if message else None
    event = store.status_event(session, contact) if contact else None
    in_folder = (
        contact is not None
        and contact.status == ContactStatus.OPTED_OUT.value
        and contact.status_source == EventSource.AUTO.value
        and event is not None
        and event.message_id == message_id
    )
    if not in_folder or contact is None or message is None:
        raise NotFound(f"message {message_id} is not in the Auto Opt-Out folder")
    note = f"undid the auto opt-out of message {message_id}"
    opt_in_contact(session, contact, source=EventSource.MANUAL, actor=actor, note=note)
    reviews.record_review(session, message, outcome=ReviewOutcome.OPTED_BACK_IN, actor=actor)
    return contact


def contact_history(
    session: Session, *, account: Account, number: str
) -> tuple[Contact, list[OptEvent]]:
    """Return the contact with ``number`` and its ledger events, oldest first."""
    contact = _known_contact(session, account, number)
    return contact, store.events_for(session, contact.id)


def auto_opt_out_folder(
    session: Session, *, account: Account, after: str | None, limit: int
) -> tuple[list[AutoOptOutItem], str | None]:
    """Return one page of the Auto Opt-Out folder, newest first, and the next page's cursor."""
    rows = store.auto_opt_out_rows(
        session, account_id=account.id, before_event_id=row_cursor(after), limit=limit + 1
    )
    items = [_folder_item(*row) for row in rows[:limit]]
    more = len(rows) > limit
    return items, (str(rows[limit - 1][0].status_event_id) if more and limit else None)


def list_opt_outs(
    session: Session, *, account: Account, search: str | None, after: str | None, limit: int
) -> tuple[list[OptOutItem], str | None]:
    """Return one page of the account's opt-outs, newest first, searched by number."""
    number_like = _search_digits(session, search)
    if number_like == "":
        return [], None
    rows = store.opted_out_rows(
        session,
        account_id=account.id,
        number_like=number_like,
        before_event_id=row_cursor(after),
        limit=limit + 1,
    )
    items = [opt_out_item(contact, event) for contact, event in rows[:limit]]
    ids = [item.message_id for item in items if item.message_id is not None]
    received = store.received_times(session, message_ids=ids)
    items = [replace(item, received_at=received.get(item.message_id or 0)) for item in items]
    more = len(rows) > limit
    return items, (str(rows[limit - 1][0].status_event_id) if more and limit else None)


def opt_out_item(contact: Contact, event: OptEvent) -> OptOutItem:
    """Return the opt-out in force for ``contact``, set by ``event``."""
    return OptOutItem(
        number=contact.number,
        source=EventSource(event.source),
        at=event.created_at,
        reason=event.reason,
        actor=event.actor,
        note=event.note,
        contact_id=contact.id,
        message_id=event.message_id,
        family=Family(event.family) if event.family else None,
    )


def _folder_item(
    contact: Contact, event: OptEvent, message: Message, conversation_id: int
) -> AutoOptOutItem:
    span = message.decision.span
    return AutoOptOutItem(
        id=message.id,
        number=contact.number,
        body=message.body,
        reason=event.reason or message.reason or "",
        span=span,
        confidence=event.confidence,
        at=message.created_at,
        contact_id=contact.id,
        conversation_id=conversation_id,
    )


def _known_contact(session: Session, account: Account, number: str) -> Contact:
    key = sender_key(number, region_of(session)).key
    contact = find_contact(session, account_id=account.id, number=key)
    if contact is None:
        raise ContactNotFound(f"this account has never seen {key}")
    return contact


def _require(confirm: bool) -> None:
    if not confirm:
        raise ConfirmationRequired(
            "confirm: opting a number back in lets it be texted again; send confirm: true "
            "only if you are sure the contact wants messages"
        )


def _search_digits(session: Session, search: str | None) -> str | None:
    """Return what to look for inside stored numbers: None for no filter, '' for no match."""
    if search is None or not search.strip():
        return None
    key = lookup_key(search, region_of(session))
    if key is not None and key.textable:
        return key.key
    return re.sub(r"\D", "", search) or (key.key if key is not None else "")
