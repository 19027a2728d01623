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
from optout.store.conversations import (
    add_message,
    conversation_for,
    find_message,
    touch_conversation,
)
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
    stored = find_message(
        session, account_id=account.id, direction=Direction.INBOUND, provider_id=inbound.provider_id
    )
    if stored is not None:
        return _replay(stored)
    contact = lock_contact(session, account_id=account.id, number=number)
    received_at = _aware(inbound.received_at)
    message = _store(session, contact, inbound, number, received_at)
    if message is None:  # another worker stored the same message id first
        return _replay(_stored(session, account, inbound))
    decision = detector.decide(inbound.body, last_unstop_at=contact.last_unstop_at, now=received_at)
    reply = _apply(session, account, contact, message, decision)
    _remember(message, decision, reply, contact)
    return _result(message, decision, reply, contact.number, ContactStatus(contact.status))


def _store(
    session: Session, contact: Contact, inbound: InboundMessage, number: str, at: datetime
) -> Message | None:
    conversation = conversation_for(session, contact)
    message = add_message(
        session,
        conversation,
        direction=Direction.INBOUND.value,
        provider_id=inbound.provider_id,
        from_number=number,
        to_number=_to_number(inbound.to_number),
        body=inbound.body,
        created_at=at,
    )
    if message is not None:
        touch_conversation(conversation, body=inbound.body, at=at)
    return message


def _apply(
    session: Session, account: Account, contact: Contact, message: Message, decision: Decision
) -> str | None:
    if decision.action is Action.OPT_OUT:
        keyword = decision.trigger is Trigger.KEYWORD
        event = opt_out_contact(
            session,
            contact,
            source=EventSource.KEYWORD if keyword else EventSource.AUTO,
            actor=CONTACT_ACTOR if keyword else AUTO_ACTOR,
            message=message,
            decision=decision,
        )
        return opt_out_reply(account) if event is not None else None
    if decision.action is Action.OPT_IN:
        if contact.last_unstop_at is None or contact.last_unstop_at < message.created_at:
            contact.last_unstop_at = message.created_at
        opt_in_contact(session, contact, source=EventSource.KEYWORD, actor=CONTACT_ACTOR)
        return opt_in_reply(account)
    if decision.action is Action.HELP:
        return help_reply(account)
    return None


def _remember(message: Message, decision: Decision, reply: str | None, contact: Contact) -> None:
    """Keep the decision and answer on the message, so a retry gets the same answer."""
    message.action = decision.action.value
    message.trigger = decision.trigger.value if decision.trigger else None
    message.exclusion = decision.exclusion.value if decision.exclusion else None
    message.confidence = decision.confidence
    message.reason = decision.reason
    message.span_start, message.span_end = decision.span or (None, None)
    message.reply = reply
    message.status = contact.status  # for inbound messages: the contact's status after it


def _replay(message: Message) -> InboundResult:
    decision = Decision(
        Action(message.action or Action.NONE),
        Trigger(message.trigger) if message.trigger else None,
        Exclusion(message.exclusion) if message.exclusion else None,
        message.confidence if message.confidence is not None else 1.0,
        message.reason or "",
        _span(message),
    )
    status = ContactStatus(message.status or ContactStatus.ACTIVE)
    return _result(message, decision, message.reply, message.from_number, status, duplicate=True)


def _result(
    message: Message,
    decision: Decision,
    reply: str | None,
    number: str,
    status: ContactStatus,
    *,
    duplicate: bool = False,
) -> InboundResult:
    return InboundResult(message.id, decision, reply, number, status, duplicate)


def _stored(session: Session, account: Account, inbound: InboundMessage) -> Message:
    message = find_message(
        session, account_id=account.id, direction=Direction.INBOUND, provider_id=inbound.provider_id
    )
    if message is None:
        raise RuntimeError("a conflicting message vanished; the database lost a committed row")
    return message


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
