"""Conversations and their messages, inbound and outbound."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import case, or_, select
from sqlalchemy.orm import Session

from optout.domain import Direction
from optout.store.tables import Contact, Conversation, Message, utcnow
from optout.store.upserts import insert_for, insert_or_ignore


def record_in_conversation(session: Session, contact: Contact, *, body: str, at: datetime) -> int:
    """Create or update the contact's conversation with its latest message; return its id.

    One upsert: a message older than the conversation's latest one leaves it unchanged.
    """
    insert = insert_for(session, Conversation)
    newer = or_(
        Conversation.last_message_at.is_(None),
        Conversation.last_message_at <= insert.excluded.last_message_at,
    )
    statement = (
        insert.values(
            account_id=contact.account_id,
            contact_id=contact.id,
            last_message_at=at,
            last_message_body=body,
            created_at=utcnow(),
        )
        .on_conflict_do_update(
            index_elements=["contact_id"],
            set_={
                "last_message_at": case(
                    (newer, insert.excluded.last_message_at), else_=Conversation.last_message_at
                ),
                "last_message_body": case(
                    (newer, insert.excluded.last_message_body),
                    else_=Conversation.last_message_body,
                ),
            },
        )
        .returning(Conversation.id)
    )
    conversation_id: int = session.execute(statement).scalar_one()
    return conversation_id


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


def add_message(
    session: Session, contact: Contact, conversation_id: int, **values: Any
) -> int | None:
    """Store a message; return its id, or None when its provider id is already stored."""
    values = {
        "account_id": contact.account_id,
        "conversation_id": conversation_id,
        "contact_id": contact.id,
        "created_at": utcnow(),
        **values,
    }
    conflict = ["account_id", "direction", "provider_id"]
    return insert_or_ignore(session, Message, values, conflict)


def latest_inbound_to(session: Session, contact_id: int) -> str | None:
    """Return the number the contact last texted, to answer from the same one."""
    statement = (
        select(Message.to_number)
        .where(Message.contact_id == contact_id, Message.direction == Direction.INBOUND.value)
        .order_by(Message.id.desc())
        .limit(1)
    )
    return session.scalars(statement).first()
