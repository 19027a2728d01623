"""Receiving an inbound reply: store it, decide, apply the decision, answer once.

A provider's retry of the same message id finds the stored message and gets the first
answer back; nothing else changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from optout.detect import Detector
from optout.domain import (
    Action,
    ContactStatus,
    Decision,
    Direction,
    EventSource,
    Exclusion,
    Trigger,
)
from optout.numbers import default_region, normalise, normalise_for_lookup
from optout.services.ledger import AUTO_ACTOR, CONTACT_ACTOR, opt_in_contact, opt_out_contact
from optout.services.replies import help_reply, opt_in_reply, opt_out_reply
from optout.store.contacts import lock_contact
from optout.store.conversations import add_message, find_message, record_in_conversation
from optout.store.tables import Account, Contact, Message, utcnow


@dataclass(frozen=True, slots=True)
class InboundMessage:
    """One SMS reply as a provider hands it over."""

    from_number: str
    to_number: str
    body: str
    provider_id: str
    received_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class InboundResult:
    """What receiving a reply did: the decision, the reply to send and the contact's status."""

    message_id: int
    decision: Decision
    reply: str | None
    number: str
    status: ContactStatus
    duplicate: bool = False


def receive_inbound(
    session: Session, *, account: Account, detector: Detector, inbound: InboundMessage
) -> InboundResult:
    """Store the reply, apply the detector's decision and return the answer to give."""
    number = normalise(inbound.from_number, default_region(), field="from")
    contact = lock_contact(session, account_id=account.id, number=number)
    # Looked up under the contact's lock, so a concurrent retry waits and then finds it.
    stored = _stored(session, account, inbound)
    if stored is not None:
        return _replay(stored)
    received_at = _aware(inbound.received_at)
    decision = detector.decide(inbound.body, last_unstop_at=contact.last_unstop_at, now=received_at)
    reply = _reply(account, contact, decision)
    message_id = _store(session, contact, inbound, decision, reply, received_at)
    if message_id is None:  # the same id arrived from another number at the same moment
        return _replay(_stored(session, account, inbound))
    _apply(session, contact, decision, message_id, received_at)
    return InboundResult(message_id, decision, reply, number, ContactStatus(contact.status))


def _reply(account: Account, contact: Contact, decision: Decision) -> str | None:
    """Return the answer to send: an opt-out is confirmed once, only when it changes."""
    if decision.action is Action.OPT_OUT:
        changes = contact.status != ContactStatus.OPTED_OUT.value
        return opt_out_reply(account) if changes else None
    if decision.action is Action.OPT_IN:
        return opt_in_reply(account)
    if decision.action is Action.HELP:
        return help_reply(account)
    return None


def _store(
    session: Session,
    contact: Contact,
    inbound: InboundMessage,
    decision: Decision,
    reply: str | None,
    at: datetime,
) -> int | None:
    """Store the message with its decision and answer, so a retry gets the same answer."""
    conversation_id = record_in_conversation(session, contact, body=inbound.body, at=at)
    span_start, span_end = decision.span or (None, None)
    return add_message(
        session,
        contact,
        conversation_id,
        direction=Direction.INBOUND.value,
        provider_id=inbound.provider_id,
        from_number=contact.number,
        to_number=_to_number(inbound.to_number),
        body=inbound.body,
        created_at=at,
        action=decision.action.value,
        trigger=decision.trigger.value if decision.trigger else None,
        exclusion=decision.exclusion.value if decision.exclusion else None,
        confidence=decision.confidence,
        reason=decision.reason,
        span_start=span_start,
        span_end=span_end,
        reply=reply,
        status=_status_after(contact, decision).value,  # inbound: the contact's status after
    )


def _status_after(contact: Contact, decision: Decision) -> ContactStatus:
    if decision.action is Action.OPT_OUT:
        return ContactStatus.OPTED_OUT
    if decision.action is Action.OPT_IN:
        return ContactStatus.ACTIVE
    return ContactStatus(contact.status)


def _apply(
    session: Session, contact: Contact, decision: Decision, message_id: int, at: datetime
) -> None:
    if decision.action is Action.OPT_OUT:
        keyword = decision.trigger is Trigger.KEYWORD
        opt_out_contact(
            session,
            contact,
            source=EventSource.KEYWORD if keyword else EventSource.AUTO,
            actor=CONTACT_ACTOR if keyword else AUTO_ACTOR,
            message_id=message_id,
            decision=decision,
        )
    elif decision.action is Action.OPT_IN:
        opt_in_contact(session, contact, source=EventSource.KEYWORD, actor=CONTACT_ACTOR)
        if contact.last_unstop_at is None or contact.last_unstop_at < at:
            contact.last_unstop_at = at


def _replay(message: Message | None) -> InboundResult:
    if message is None:
        raise RuntimeError("a conflicting message vanished; the database lost a committed row")
    decision = Decision(
        Action(message.action or Action.NONE),
        Trigger(message.trigger) if message.trigger else None,
        Exclusion(message.exclusion) if message.exclusion else None,
        message.confidence if message.confidence is not None else 1.0,
        message.reason or "",
        _span(message),
    )
    status = ContactStatus(message.status or ContactStatus.ACTIVE)
    return InboundResult(message.id, decision, message.reply, message.from_number, status, True)


def _stored(session: Session, account: Account, inbound: InboundMessage) -> Message | None:
    return find_message(
        session, account_id=account.id, direction=Direction.INBOUND, provider_id=inbound.provider_id
    )


def _span(message: Message) -> tuple[int, int] | None:
    if message.span_start is None or message.span_end is None:
        return None
    return (message.span_start, message.span_end)


def _aware(moment: datetime | None) -> datetime:
    if moment is None:
        return utcnow()
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _to_number(raw: str) -> str:
    """Return the number the reply was sent to; short codes are kept as they are."""
    return normalise_for_lookup(raw, default_region()) or raw.strip()[:20]
