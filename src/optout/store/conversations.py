"""Conversations and their messages, inbound and outbound."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import bindparam, case, or_, select
from sqlalchemy.orm import Session

from optout.domain import Direction
from optout.store.tables import Contact, Conversation, Message, utcnow
from optout.store.upserts import dialect_of, insert_into, table_of


def record_in_conversation(session: Session, contact: Contact, *, body: str, at: datetime) -> int:
    """Create or update the contact's conversation with its latest message; return its id."""
    values = {
        "account_id": contact.account_id,
        "contact_id": contact.id,
        "at": at,
        "body": body,
        "created_at": utcnow(),
    }
    conversation_id: int = session.execute(
        conversation_upsert(dialect_of(session)), values
    ).scalar_one()
    return conversation_id


@cache
def conversation_upsert(dialect: str) -> Any:
    """Return the conversation upsert (params ``account_id, contact_id, at, body, created_at``)."""
    table = table_of(Conversation)
    insert = insert_into(dialect, table).values(
        account_id=bindparam("account_id"),
        contact_id=bindparam("contact_id"),
        last_message_at=bindparam("at"),
        last_message_body=bindparam("body"),
        created_at=bindparam("created_at"),
    )
    return keeping_latest_message(insert).returning(table.c.id)


def keeping_latest_message(insert: Any) -> Any:
    """Return ``insert`` into conversations as an upsert that keeps the latest message.

    A message older than the conversation's latest one leaves the conversation unchanged.
    """
    table = table_of(Conversation)
    newer = or_(
        table.c.last_message_at.is_(None),
        table.c.last_message_at <= insert.excluded.last_message_at,
    )
    return insert.on_conflict_do_update(
        index_elements=["contact_id"],
        set_={
            "last_message_at": case(
                (newer, insert.excluded.last_message_at), else_=table.c.last_message_at
            ),
            "last_message_body": case(
                (newer, insert.excluded.last_message_body), else_=table.c.last_message_body
            ),
        },
    )


def find_message(
    session: Session, *, account_id: int, direction: Direction, provider_id: str
) -> Message | None:
    """Return the account's message with this provider id, if it was stored already.

    Only the id is looked up first: nearly every message is new, and loading no row of a
    wide table still costs reading its description; a retry then loads the row by its key.
    """
    values = {"account_id": account_id, "direction": direction.value, "provider_id": provider_id}
    message_id = session.execute(_FIND_MESSAGE_ID, values).scalar_one_or_none()
    return None if message_id is None else session.get(Message, message_id)


_FIND_MESSAGE_ID = select(Message.id).where(
    Message.account_id == bindparam("account_id"),
    Message.direction == bindparam("direction"),
    Message.provider_id == bindparam("provider_id"),
)


def get_message(session: Session, *, account_id: int, message_id: int) -> Message | None:
    """Return the account's message with this id; another account's is None."""
    message = session.get(Message, message_id)
    return message if message is not None and message.account_id == account_id else None


def add_message(
    session: Session, contact: Contact, conversation_id: int, **values: Any
) -> int | None:
    """Store a message; return its id, or None when its provider id is already stored."""
    row = dict.fromkeys(_MESSAGE_COLUMNS) | {"created_at": utcnow()} | values
    row |= {"account_id": contact.account_id, "conversation_id": conversation_id}
    row["contact_id"] = contact.id
    message_id: int | None = session.execute(
        _message_insert(dialect_of(session)), row
    ).scalar_one_or_none()
    return message_id


_MESSAGE_COLUMNS = [column.name for column in table_of(Message).c if column.name != "id"]


@cache
def _message_insert(dialect: str) -> Any:
    table = table_of(Message)
    return (
        insert_into(dialect, table)
        .values({name: bindparam(name) for name in _MESSAGE_COLUMNS})
        .on_conflict_do_nothing(index_elements=["account_id", "direction", "provider_id"])
        .returning(table.c.id)
    )


def latest_inbound_to(session: Session, contact_id: int) -> str | None:
    """Return the number the contact last texted, to answer from the same one."""
    statement = (
        select(Message.to_number)
        .where(Message.contact_id == contact_id, Message.direction == Direction.INBOUND.value)
        .order_by(Message.id.desc())
        .limit(1)
    )
    return session.scalars(statement).first()
