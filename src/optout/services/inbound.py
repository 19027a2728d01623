"""Receiving an inbound reply: store it, decide, apply the decision, answer once.

A provider's retry of the same message id finds the stored message and gets the first
answer back; nothing else changes. The reply, its decision, the ledger event and the
contact's new status are written together (:mod:`optout.store.inbound`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from optout.detect import Detector
from optout.domain import (
    Action,
    ContactStatus,
    Decision,
    Direction,
    EventSource,
    EventType,
    Exclusion,
    Trigger,
)
from optout.numbers import default_region, normalise, normalise_for_lookup
from optout.services.ledger import AUTO_ACTOR, CONTACT_ACTOR, opt_in_changes, opt_out_changes
from optout.services.replies import help_reply, opt_in_reply, opt_out_reply
from optout.store.conversations import find_message
from optout.store.inbound import Reply, Sender, lock_sender, store_reply
from optout.store.tables import Account, Message, utcnow


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
    sender = lock_sender(
        session, account_id=account.id, number=number, provider_id=inbound.provider_id
    )
    if sender.stored_message_id is not None:
        return _replay(session.get(Message, sender.stored_message_id))
    received_at = _aware(inbound.received_at)
    decision = detector.decide(inbound.body, last_unstop_at=sender.last_unstop_at, now=received_at)
    reply = _reply(account, sender, decision)
    status = _status_after(sender, decision)
    message = _message(inbound, decision, number=number, at=received_at)
    message |= {"reply": reply, "status": status.value}  # inbound: the contact's status after
    message_id = store_reply(session, _to_store(account, sender, decision, message, received_at))
    if message_id is None:  # a copy was stored meanwhile, from another worker or number
        return _replay(_stored(session, account, inbound))
    return InboundResult(message_id, decision, reply, number, status)


def _reply(account: Account, sender: Sender, decision: Decision) -> str | None:
    """Return the answer to send: an opt-out is confirmed once, only when it changes."""
    if decision.action is Action.OPT_OUT:
        changes = sender.status != ContactStatus.OPTED_OUT.value
        return opt_out_reply(account) if changes else None
    if decision.action is Action.OPT_IN:
        return opt_in_reply(account)
    if decision.action is Action.HELP:
        return help_reply(account)
    return None


def _status_after(sender: Sender, decision: Decision) -> ContactStatus:
    """Return the contact's status once the reply is applied (stored on the message)."""
    if decision.action is Action.OPT_OUT:
        return ContactStatus.OPTED_OUT
    if decision.action is Action.OPT_IN:
        return ContactStatus.ACTIVE
    return ContactStatus(sender.status)


def _to_store(
    account: Account, sender: Sender, decision: Decision, message: dict[str, Any], at: datetime
) -> Reply:
    """Return the reply to store, with the ledger event and UNSTOP time it sets."""
    unstop = at if _moves_unstop(sender, decision, at) else None
    since = at - reply_window()
    event = _event(sender, decision)
    return Reply(account.id, sender.id, message, event, unstop, answers_since=since)


def reply_window() -> timedelta:
    """Return how long after a send a reply is taken to answer it (``reply_window_hours``)."""
    from optout.config import get_settings  # read at call time, never at import

    return timedelta(hours=get_settings().reply_window_hours)


def _message(
    inbound: InboundMessage, decision: Decision, *, number: str, at: datetime
) -> dict[str, Any]:
    span_start, span_end = decision.span or (None, None)
    return {
        "direction": Direction.INBOUND.value,
        "provider_id": inbound.provider_id,
        "from_number": number,
        "to_number": _to_number(inbound.to_number),
        "body": inbound.body,
        "created_at": at,
        "action": decision.action.value,
        "trigger": decision.trigger.value if decision.trigger else None,
        "exclusion": decision.exclusion.value if decision.exclusion else None,
        "confidence": decision.confidence,
        "reason": decision.reason,
        "span_start": span_start,
        "span_end": span_end,
    }


def _event(sender: Sender, decision: Decision) -> dict[str, Any] | None:
    """Return the ledger event the reply adds, or None when it changes no status."""
    if decision.action is Action.OPT_OUT:
        keyword = decision.trigger is Trigger.KEYWORD
        source = EventSource.KEYWORD if keyword else EventSource.AUTO
        if not opt_out_changes(sender.status, sender.status_source, source):
            return None
        actor = CONTACT_ACTOR if keyword else AUTO_ACTOR
        return _event_values(EventType.OPT_OUT, source, actor, decision)
    if decision.action is Action.OPT_IN and opt_in_changes(sender.status):
        return _event_values(EventType.OPT_IN, EventSource.KEYWORD, CONTACT_ACTOR, None)
    return None


def _event_values(
    type: EventType, source: EventSource, actor: str, decision: Decision | None
) -> dict[str, Any]:
    return {
        "type": type.value,
        "source": source.value,
        "actor": actor,
        "reason": decision.reason if decision else None,
        "confidence": decision.confidence if decision else None,
    }


def _moves_unstop(sender: Sender, decision: Decision, at: datetime) -> bool:
    if decision.action is not Action.OPT_IN:
        return False
    return sender.last_unstop_at is None or sender.last_unstop_at < at


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
