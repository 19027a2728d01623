"""Receiving an inbound reply: store it, decide, apply the decision, answer once.

A provider's retry of the same message id finds the stored message and gets the first
answer back; nothing else changes. The reply, its decision, the ledger event and the
contact's new status are written together (:mod:`optout.store.inbound`).

A reply is never refused for its sender's number: it is stored under the most canonical
key that can be made (:func:`optout.numbers.sender_key`), and the answer says whether
``phonenumbers`` could validate it.
"""

from __future__ import annotations

import hashlib
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
    ReplyContext,
    Trigger,
)
from optout.exceptions import InvalidInput
from optout.numbers import MAX_KEY_CHARS, SenderKey, lookup_key, sender_key
from optout.services.ledger import AUTO_ACTOR, CONTACT_ACTOR, opt_in_changes, opt_out_changes
from optout.services.replies import help_reply, opt_in_reply, opt_out_reply
from optout.store.conversations import find_message
from optout.store.engine import region_of
from optout.store.inbound import Reply, Sender, lock_sender, store_reply
from optout.store.tables import Account, Message, OptEvent, utcnow

EARLIEST_RECEIVED_AT = datetime(2000, 1, 1, tzinfo=UTC)
MAX_CLOCK_AHEAD = timedelta(days=1)
"""How far ahead of this server's clock a reply's ``received_at`` may be (clock skew)."""


@dataclass(frozen=True, slots=True)
class InboundMessage:
    """One SMS reply as a provider hands it over."""

    from_number: str
    to_number: str
    body: str
    provider_id: str
    received_at: datetime | None = None
    prompt: str | None = None
    """The text the reply answers, when the platform keeps its own outbound log; otherwise
    the latest text this service sent to the number within the reply window is used."""


@dataclass(frozen=True, slots=True)
class InboundResult:
    """What receiving a reply did: the decision, the reply to send and the contact's status."""

    message_id: int
    decision: Decision
    reply: str | None
    number: str
    status: ContactStatus
    duplicate: bool = False
    validated: bool = True


def receive_inbound(
    session: Session, *, account: Account, detector: Detector, inbound: InboundMessage, channel: str
) -> InboundResult:
    """Store the reply, apply the detector's decision and return the answer to give.

    ``channel`` names the credential or channel that delivered the reply (an inbound key,
    a signed webhook); the ledger event the reply makes records it.

    A stored reply with the same provider id is a retry only when it has the same sender
    and body; any other reply under that id is a new message, stored under
    :func:`reused_provider_id` (a provider that reuses ids must not make a STOP vanish).
    """
    region = region_of(session)
    key = sender_key(inbound.from_number, region, field="from")
    received_at = received_time(inbound.received_at)
    sender = lock_sender(
        session,
        account_id=account.id,
        number=key.key,
        provider_id=inbound.provider_id,
        prompt_since=received_at - reply_window(),
    )
    provider_id, stored = inbound.provider_id, None
    if sender.stored_message_id is not None:
        stored = session.get(Message, sender.stored_message_id)
        if not _same_reply(stored, key.key, inbound):
            provider_id = reused_provider_id(inbound, key.key)
            stored = _stored(session, account, provider_id)
    if stored is not None:
        return _replay(stored, region)
    for attempt in (provider_id, reused_provider_id(inbound, key.key)):
        new = _NewReply(inbound, key, attempt, received_at, channel)
        result = _store_new(session, account, detector, sender, new)
        if result is not None:
            return result
        stored = _stored(session, account, attempt)  # committed meanwhile by another worker
        if _same_reply(stored, key.key, inbound):
            return _replay(stored, region)
    raise RuntimeError("a reply's own provider id was taken by a different reply")


def reply_context(account: Account, prompt: str | None) -> ReplyContext | None:
    """Return what the detector may know beside a reply: the text it answers, own keywords."""
    keywords = account.declared_keywords
    return ReplyContext(prompt, keywords) if prompt or keywords else None


def reused_provider_id(inbound: InboundMessage, number: str) -> str:
    """Return the id a reply is stored under when its provider id holds a different reply.

    The provider's id, then ``~`` and a digest of id, sender and body: a retry of this reply
    finds it again, and it stays within the column's 128 characters.
    """
    digest = hashlib.sha256("\0".join((inbound.provider_id, number, inbound.body)).encode())
    return f"{inbound.provider_id[:100]}~{digest.hexdigest()[:24]}"


def _same_reply(stored: Message | None, number: str, inbound: InboundMessage) -> bool:
    """Return whether ``stored`` is this reply: a retry has the same sender and body."""
    return stored is not None and stored.from_number == number and stored.body == inbound.body


@dataclass(frozen=True, slots=True)
class _NewReply:
    """A reply to store: as delivered, its sender's key, the id and time to store it under."""

    inbound: InboundMessage
    key: SenderKey
    provider_id: str
    received_at: datetime
    channel: str


def _store_new(
    session: Session, account: Account, detector: Detector, sender: Sender, new: _NewReply
) -> InboundResult | None:
    """Decide and store a new reply; return None if its provider id was taken meanwhile."""
    inbound, key, provider_id, received_at = new.inbound, new.key, new.provider_id, new.received_at
    context = reply_context(account, inbound.prompt or sender.prompt)
    decision = detector.decide(
        inbound.body, context=context, last_unstop_at=sender.last_unstop_at, now=received_at
    )
    reply = _reply(account, sender, decision)
    status = _status_after(sender, decision)
    to = _to_number(inbound, region_of(session))
    message = _message(inbound, decision, number=key.key, to=to, provider_id=provider_id)
    message |= {"created_at": received_at, "reply": reply, "status": status.value}
    stored = _to_store(account, sender, decision, message, received_at, new.channel)
    message_id = store_reply(session, stored)
    if message_id is None:
        return None
    return InboundResult(message_id, decision, reply, key.key, status, validated=key.validated)


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
    account: Account,
    sender: Sender,
    decision: Decision,
    message: dict[str, Any],
    at: datetime,
    channel: str,
) -> Reply:
    """Return the reply to store, with the ledger event and UNSTOP time it sets."""
    unstop = at if _moves_unstop(sender, decision, at) else None
    since = at - reply_window()
    event = _event(sender, decision)
    if event is not None:
        event["channel"] = channel
    return Reply(account.id, sender.id, message, event, unstop, answers_since=since)


def reply_window() -> timedelta:
    """Return how long after a send a reply is taken to answer it (``reply_window_hours``)."""
    from optout.config import get_settings  # read at call time, never at import

    return timedelta(hours=get_settings().reply_window_hours)


def _message(
    inbound: InboundMessage, decision: Decision, *, number: str, to: str, provider_id: str
) -> dict[str, Any]:
    return {
        "direction": Direction.INBOUND.value,
        "provider_id": provider_id,
        "from_number": number,
        "to_number": to,
        "body": inbound.body,
        **Message.decision_columns(decision),
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
        **OptEvent.decision_columns(decision),
    }


def _moves_unstop(sender: Sender, decision: Decision, at: datetime) -> bool:
    if decision.action is not Action.OPT_IN:
        return False
    return sender.last_unstop_at is None or sender.last_unstop_at < at


def _replay(message: Message | None, region: str) -> InboundResult:
    if message is None:
        raise RuntimeError("a conflicting message vanished; the database lost a committed row")
    decision = message.decision
    status = ContactStatus(message.status or ContactStatus.ACTIVE)
    validated = sender_key(message.from_number, region).validated
    number = message.from_number
    return InboundResult(message.id, decision, message.reply, number, status, True, validated)


def _stored(session: Session, account: Account, provider_id: str) -> Message | None:
    return find_message(
        session, account_id=account.id, direction=Direction.INBOUND, provider_id=provider_id
    )


def received_time(moment: datetime | None) -> datetime:
    """Return when a reply was received (now, when not given), refusing implausible times.

    A time before 2000 or more than a day ahead is a provider's mistake or a forgery: stored,
    it would move the reply out of order, or past what any date arithmetic can hold.
    """
    if moment is None:
        return utcnow()
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    if not EARLIEST_RECEIVED_AT <= aware <= utcnow() + MAX_CLOCK_AHEAD:
        raise InvalidInput(
            f"received_at: {moment.isoformat()} is not a plausible time for a reply; give a "
            "time after 2000 and at most a day ahead, or leave it out to use the time of receipt",
            field="received_at",
        )
    return aware


def _to_number(inbound: InboundMessage, region: str) -> str:
    """Return the number the reply was sent to, as a key; short codes are kept as they are."""
    key = lookup_key(inbound.to_number, region)
    return key.key if key is not None else inbound.to_number.strip()[:MAX_KEY_CHARS]
