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
    KeyPurpose,
    ReplyAccount,
    ReplyContext,
    Trigger,
)
from optout.exceptions import AuthenticationFailed, InvalidInput
from optout.numbers import MAX_KEY_CHARS, SenderKey, lookup_key, sender_key
from optout.services.api_keys import (
    authenticate_key,
    checked_key,
    key_actor,
    key_parts,
    wrong_key,
)
from optout.services.ledger import AUTO_ACTOR, CONTACT_ACTOR, opt_in_changes, opt_out_changes
from optout.services.replies import help_reply, opt_in_reply, opt_out_reply
from optout.store.engine import region_of
from optout.store.inbound import (
    Reply,
    Sender,
    StoredReply,
    event_values,
    find_stored_reply,
    forget_contact,
    lock_sender,
    lock_sender_for_key,
    message_values,
    store_reply,
)
from optout.store.prepared import Db
from optout.store.tables import utcnow

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
    session: Session,
    *,
    account: ReplyAccount,
    detector: Detector,
    inbound: InboundMessage,
    channel: str,
) -> InboundResult:
    """Store the reply, apply the detector's decision and return the answer to give.

    ``channel`` names the credential or channel that delivered the reply (an inbound key,
    a signed webhook); the ledger event the reply makes records it. The work is done in the
    session's transaction, on its connection (the path :func:`receive_with_key` takes too).

    A stored reply with the same provider id is a retry only when it has the same sender
    and body; any other reply under that id is a new message, stored under
    :func:`reused_provider_id` (a provider that reuses ids must not make a STOP vanish).
    """
    connection, reply = session.connection(), _prepare(inbound, region_of(session))
    sender = lock_sender(
        connection,
        account_id=account.id,
        number=reply.key.key,
        provider_id=inbound.provider_id,
        prompt_since=reply.prompt_since,
    )
    try:
        return _receive(connection, account, sender, reply, detector, channel)
    finally:
        forget_contact(session, sender.id)  # the session's copy may be out of date now


def receive_with_key(
    connection: Db, *, key: str | None, detector: Detector, inbound: InboundMessage, region: str
) -> InboundResult:
    """Check the account's inbound key, then receive the reply as :func:`receive_inbound` does.

    The key's lookup travels with the contact's lock (:func:`lock_sender_for_key`), so a
    reply costs no round trip of its own for the key. A reply that is refused anyway (an
    implausible time) is refused only after the key passed, as on every call.
    """
    try:
        reply = _prepare(inbound, region)
    except InvalidInput:
        authenticate_key(connection, key, KeyPurpose.INBOUND)
        raise
    parts = key_parts(key)
    if parts is None:  # nothing shaped like a key: refused without a lookup
        raise wrong_key()
    found, sender = lock_sender_for_key(
        connection,
        prefix=parts[0],
        key_hash=parts[1],
        purpose=KeyPurpose.INBOUND.value,
        number=reply.key.key,
        provider_id=inbound.provider_id,
        prompt_since=reply.prompt_since,
    )
    account = checked_key(found, key, KeyPurpose.INBOUND)
    if sender is None:  # the key passed, so the upsert found it too; kept for safety's sake
        raise AuthenticationFailed("the inbound key was revoked meanwhile; use the current one")
    channel = key_actor(key, KeyPurpose.INBOUND)
    return _receive(connection, account, sender, reply, detector, channel)


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A reply read before anything is stored: its sender's key, its time, the region."""

    inbound: InboundMessage
    key: SenderKey
    received_at: datetime
    region: str

    @property
    def prompt_since(self) -> datetime:
        """Return the earliest time a text this reply answers can have been sent."""
        return self.received_at - reply_window()


def _prepare(inbound: InboundMessage, region: str) -> _Prepared:
    key = sender_key(inbound.from_number, region, field="from")
    return _Prepared(inbound, key, received_time(inbound.received_at), region)


def _receive(
    connection: Db,
    account: ReplyAccount,
    sender: Sender,
    reply: _Prepared,
    detector: Detector,
    channel: str,
) -> InboundResult:
    """Answer a retry of a stored reply, or store the new reply; the sender is locked."""
    inbound, number = reply.inbound, reply.key.key
    provider_id, stored = inbound.provider_id, None
    if sender.stored_message_id is not None:
        stored = find_stored_reply(
            connection, account_id=account.id, message_id=sender.stored_message_id
        )
        if not _same_reply(stored, number, inbound):
            provider_id = reused_provider_id(inbound, number)
            stored = find_stored_reply(connection, account_id=account.id, provider_id=provider_id)
    if stored is not None:
        return _replay(stored, reply.region)
    for attempt in (provider_id, reused_provider_id(inbound, number)):
        new = _NewReply(reply, attempt, channel)
        result = _store_new(connection, account, detector, sender, new)
        if result is not None:
            return result
        stored = find_stored_reply(
            connection, account_id=account.id, provider_id=attempt
        )  # committed meanwhile
        if _same_reply(stored, number, inbound):
            return _replay(stored, reply.region)
    raise RuntimeError("a reply's own provider id was taken by a different reply")


def reply_context(account: ReplyAccount, prompt: str | None) -> ReplyContext | None:
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


def _same_reply(stored: StoredReply | None, number: str, inbound: InboundMessage) -> bool:
    """Return whether ``stored`` is this reply: a retry has the same sender and body."""
    return stored is not None and stored.from_number == number and stored.body == inbound.body


@dataclass(frozen=True, slots=True)
class _NewReply:
    """A reply to store: as read, the id to store it under, the channel that delivered it."""

    reply: _Prepared
    provider_id: str
    channel: str


def _store_new(
    connection: Db, account: ReplyAccount, detector: Detector, sender: Sender, new: _NewReply
) -> InboundResult | None:
    """Decide and store a new reply; return None if its provider id was taken meanwhile."""
    inbound, key, received_at = new.reply.inbound, new.reply.key, new.reply.received_at
    context = reply_context(account, inbound.prompt or sender.prompt)
    decision = detector.decide(
        inbound.body, context=context, last_unstop_at=sender.last_unstop_at, now=received_at
    )
    reply = _reply(account, sender, decision)
    status = _status_after(sender, decision)
    message = message_values(
        decision,
        direction=Direction.INBOUND.value,
        provider_id=new.provider_id,
        from_number=key.key,
        to_number=_to_number(inbound, new.reply.region),
        body=inbound.body,
        created_at=received_at,
        reply=reply,
        status=status.value,
    )
    stored = _to_store(account, sender, decision, message, received_at, new.channel)
    message_id = store_reply(connection, stored)
    if message_id is None:
        return None
    return InboundResult(message_id, decision, reply, key.key, status, validated=key.validated)


def _reply(account: ReplyAccount, sender: Sender, decision: Decision) -> str | None:
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
    account: ReplyAccount,
    sender: Sender,
    decision: Decision,
    message: dict[str, Any],
    at: datetime,
    channel: str,
) -> Reply:
    """Return the reply to store, with the ledger event and UNSTOP time it sets."""
    unstop = at if _moves_unstop(sender, decision, at) else None
    since = at - reply_window()
    event = _event(sender, decision, channel)
    return Reply(account.id, sender.id, message, event, unstop, answers_since=since)


def reply_window() -> timedelta:
    """Return how long after a send a reply is taken to answer it (``reply_window_hours``)."""
    from optout.config import get_settings  # read at call time, never at import

    return timedelta(hours=get_settings().reply_window_hours)


def _event(sender: Sender, decision: Decision, channel: str) -> dict[str, Any] | None:
    """Return the ledger event the reply adds, or None when it changes no status."""
    if decision.action is Action.OPT_OUT:
        keyword = decision.trigger is Trigger.KEYWORD
        source = EventSource.KEYWORD if keyword else EventSource.AUTO
        if not opt_out_changes(sender.status, sender.status_source, source):
            return None
        actor = CONTACT_ACTOR if keyword else AUTO_ACTOR
        return event_values(
            decision, type=EventType.OPT_OUT, source=source, actor=actor, channel=channel
        )
    if decision.action is Action.OPT_IN and opt_in_changes(sender.status):
        return event_values(
            None,
            type=EventType.OPT_IN,
            source=EventSource.KEYWORD,
            actor=CONTACT_ACTOR,
            channel=channel,
        )
    return None


def _moves_unstop(sender: Sender, decision: Decision, at: datetime) -> bool:
    if decision.action is not Action.OPT_IN:
        return False
    return sender.last_unstop_at is None or sender.last_unstop_at < at


def _replay(stored: StoredReply | None, region: str) -> InboundResult:
    if stored is None:
        raise RuntimeError("a conflicting message vanished; the database lost a committed row")
    status = ContactStatus(stored.status or ContactStatus.ACTIVE)
    validated = sender_key(stored.from_number, region).validated
    number = stored.from_number
    return InboundResult(stored.id, stored.decision, stored.reply, number, status, True, validated)


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
