"""Conversations and their messages, inbound and outbound."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from optout.domain import Direction
from optout.store.tables import Contact, Conversation, Message, utcnow
from optout.store.upserts import insert_or_ignore


def conversation_for(session: Session, contact: Contact) -> Conversation:
    """Return the contact's conversation, created if it has none yet."""
    values = {"account_id": contact.account_id, "contact_id": contact.id, "created_at": utcnow()}
    insert_or_ignore(session, Conversation, values, ["contact_id"])
    statement = select(Conversation).where(Conversation.contact_id == contact.id)
    return session.scalars(statement).one()


def find_message(
    session: Session, *, account_id: int, direction: Direction, provider_id: str
) -> Message | None:
    """Return the account's message with this provider id, if it was stored already."""
    statement = select(Message).where(
        Message.account_id == account_id,
        Message.direction == direction.value,
        Message.provider_id == provider_id,
    )
    return session.scalars(statement).one_or_none()


def get_message(session: Session, *, account_id: int, message_id: int) -> Message | None:
    """Return the account's message with this id; another account's is None."""
    message = session.get(Message, message_id)
    return message if message is not None and message.account_id == account_id else None


def add_message(session: Session, conversation: Conversation, **values: Any) -> Message | None:
    """Store a message in ``conversation``; None when its provider id is already stored."""
    values = {
        "account_id": conversation.account_id,
        "conversation_id": conversation.id,
        "contact_id": conversation.contact_id,
        "created_at": utcnow(),
        **values,
    }
    conflict = ["account_id", "direction", "provider_id"]
    message_id = insert_or_ignore(session, Message, values, conflict)
    if message_id is None:
        return None
    return session.get_one(Message, message_id)


def touch_conversation(conversation: Conversation, *, body: str, at: datetime) -> None:
    """Record ``body`` as the conversation's latest message unless a later one is known."""
    if conversation.last_message_at is None or conversation.last_message_at <= at:
        conversation.last_message_at = at
        conversation.last_message_body = body


def latest_inbound_to(session: Session, contact_id: int) -> str | None:
    """Return the number the contact last texted, to answer from the same one."""
    statement = (
        select(Message.to_number)
        .where(Message.contact_id == contact_id, Message.direction == Direction.INBOUND.value)
        .order_by(Message.id.desc())
        .limit(1)
    )
    return session.scalars(statement).first()
