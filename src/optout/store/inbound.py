"""An inbound reply's writes, in as few round trips to the database as it allows.

Two statements carry a new reply. :func:`lock_sender` upserts the contact, which locks its
row until the transaction ends, and reads back whether the reply's provider id is stored
already; :func:`lock_sender_for_key` does the same for the account of an API key, in the
statement that looks the key up. :func:`store_reply` then writes the
conversation, the message and, when the reply changes the contact, the ledger event and the
status it sets. PostgreSQL runs that as one statement of chained CTEs; SQLite, where a
round trip costs no more than a function call, runs the same steps one after another. With
BEGIN and COMMIT, a new reply takes four round trips.

Everything is Core with bound parameters, built once per dialect, and run on PostgreSQL's
driver directly (:mod:`optout.store.prepared`), on any connection in a transaction
(:data:`~optout.store.prepared.Db`): loading ORM objects and SQLAlchemy's work per execution
cost more than the database's own work on this path. How a decision fills its columns is
:mod:`optout.store.decisions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, Executable, bindparam, exists, literal, select, true, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from optout.domain import ContactStatus, Decision, Direction
from optout.store.accounts import FIND_API_KEY, FoundKey, api_key_query, found_key
from optout.store.conversations import conversation_upsert, keeping_latest_message
from optout.store.decisions import (
    DECISION_COLUMNS,
    EVENT_DECISION_COLUMNS,
    decision_columns,
    event_decision_columns,
    stored_decision,
)
from optout.store.prepared import Db, Row, dialect_name, first_row, utc
from optout.store.tables import ApiKey, Contact, Conversation, Message, OptEvent, utcnow
from optout.store.upserts import insert_into, table_of

CONTACTS, CONVERSATIONS = table_of(Contact), table_of(Conversation)
MESSAGES, EVENTS, API_KEYS = table_of(Message), table_of(OptEvent), table_of(ApiKey)
EVENT_COLUMNS = ("type", "source", "actor", "channel", *EVENT_DECISION_COLUMNS)


@dataclass(frozen=True, slots=True)
class Sender:
    """The contact a reply came from, locked, and the reply's id if it is stored already."""

    id: int
    status: str
    status_source: str | None
    last_unstop_at: datetime | None
    stored_message_id: int | None
    prompt: str | None = None
    """The latest text sent to the contact since ``prompt_since``: what the reply answers."""


@dataclass(frozen=True, slots=True)
class Reply:
    """A new reply to store: the message's columns, and what it changes about its sender.

    ``event`` holds the ledger event's ``EVENT_COLUMNS`` (:func:`event_values` makes
    them); the status it sets is the
    message's own ``status`` (an inbound message records its sender's status after it).
    ``last_unstop_at`` is given when the reply moves it. The reply answers the latest
    outbound text of its conversation sent from ``answers_since`` on (see
    :func:`_answered`; None: it answers nothing). ``message`` holds neither ``answers_id``
    nor ``campaign``: both are read off the send it answers.
    """

    account_id: int
    contact_id: int
    message: dict[str, Any]
    event: dict[str, Any] | None = None
    last_unstop_at: datetime | None = None
    answers_since: datetime | None = None


def lock_sender(
    connection: Db,
    *,
    account_id: int,
    number: str,
    provider_id: str,
    prompt_since: datetime,
) -> Sender:
    """Upsert and lock the contact for ``number``; say whether ``provider_id`` is stored.

    The same statement reads the latest text sent to the contact since ``prompt_since``,
    the message a reply answers, which the detector reads as context.

    ``ON CONFLICT DO UPDATE`` takes the contact's row lock on PostgreSQL, which serialises
    every change to one contact across workers; on SQLite the write takes the database's
    single write lock.
    """
    values = _lock_values(number, provider_id, prompt_since) | {"account": account_id}
    row = first_row(connection, _sender_upsert(dialect_name(connection), False), values)
    assert row is not None  # an upsert always returns its row
    return _sender(row)


def lock_sender_for_key(
    connection: Db,
    *,
    prefix: str,
    key_hash: str,
    purpose: str,
    number: str,
    provider_id: str,
    prompt_since: datetime,
) -> tuple[FoundKey | None, Sender | None]:
    """Find the API key with ``prefix`` and, if it is ``key_hash``'s, of ``purpose`` and not
    revoked, lock its account's sender as :func:`lock_sender` does; return both.

    On PostgreSQL the lookup and the upsert are one statement. The upsert names the account
    by the key, so no contact is touched for a key that does not match; the caller still
    checks the key it gets back (in constant time) before anything else.
    """
    values = _lock_values(number, provider_id, prompt_since)
    values |= {"prefix": prefix, "key_hash": key_hash, "purpose": purpose}
    if dialect_name(connection) != "postgresql":
        key = first_row(connection, *api_key_query(prefix))
        sender = first_row(connection, _sender_upsert(dialect_name(connection), True), values)
    else:
        row = first_row(connection, _key_and_sender(), values)
        key, sender = (None, None) if row is None else (row[:_KEY_WIDTH], row[_KEY_WIDTH:])
    found = found_key(key)
    return found, None if sender is None or sender[0] is None else _sender(sender)


def _lock_values(number: str, provider_id: str, prompt_since: datetime) -> dict[str, Any]:
    return {
        "number": number,
        "provider": provider_id,
        "now": utcnow(),
        "prompt_since": prompt_since,
    }


def _sender(row: Row) -> Sender:
    return Sender(row[0], row[1], row[2], utc(row[3]), row[4], row[5])


@cache
def _sender_upsert(dialect: str, by_key: bool) -> Any:
    """Return the contact upsert, for the account of a bound id or of a matching API key."""
    account = _key_account() if by_key else bindparam("account", type_=CONTACTS.c.account_id.type)
    number = bindparam("number", type_=CONTACTS.c.number.type)
    names = ["account_id", "number", "status", "created_at"]
    values = select(account, number, literal(ContactStatus.ACTIVE.value), _now())
    insert = insert_into(dialect, CONTACTS)
    return (
        insert.from_select(names, values.where(account.is_not(None)))
        .on_conflict_do_update(
            index_elements=["account_id", "number"], set_={"number": insert.excluded.number}
        )
        .returning(
            CONTACTS.c.id,
            CONTACTS.c.status,
            CONTACTS.c.status_source,
            CONTACTS.c.last_unstop_at,
            _stored_reply(account).scalar_subquery().label("stored_message_id"),
            _latest_sent(account).scalar_subquery().label("prompt"),
        )
    )


_KEY_WIDTH = len(FIND_API_KEY.selected_columns)


@cache
def _key_and_sender() -> Any:
    """Return PostgreSQL's one statement for :func:`lock_sender_for_key`: the key's row, and
    the locked sender's beside it (all null when the key does not match)."""
    key = FIND_API_KEY.cte("key")
    contact = _sender_upsert("postgresql", True).cte("contact")
    return select(*key.c, *contact.c).select_from(key.outerjoin(contact, true()))


def _key_account() -> Any:
    """Return the account of the API key bound as prefix, hash and purpose, if unrevoked."""
    return (
        select(API_KEYS.c.account_id)
        .where(
            API_KEYS.c.prefix == bindparam("prefix"),
            API_KEYS.c.key_hash == bindparam("key_hash"),
            API_KEYS.c.purpose == bindparam("purpose"),
            API_KEYS.c.revoked_at.is_(None),
        )
        .scalar_subquery()
    )


def _latest_sent(account: Any) -> Any:
    """Return the body of the latest text sent to the contact since ``prompt_since``."""
    sent_at = MESSAGES.c.created_at
    # Found by the bound account and number, not by correlation: SQLite's RETURNING cannot
    # name the upserted row inside a subquery.
    contact = select(CONTACTS.c.id).where(
        CONTACTS.c.account_id == account, CONTACTS.c.number == bindparam("number")
    )
    conversation = select(CONVERSATIONS.c.id).where(
        CONVERSATIONS.c.contact_id == contact.scalar_subquery()
    )
    return (
        select(MESSAGES.c.body)
        .where(
            MESSAGES.c.conversation_id == conversation.scalar_subquery(),
            MESSAGES.c.direction == Direction.OUTBOUND.value,
            sent_at >= bindparam("prompt_since", type_=sent_at.type),
        )
        .order_by(sent_at.desc(), MESSAGES.c.id.desc())
        .limit(1)
    )


def store_reply(connection: Db, reply: Reply) -> int | None:
    """Store a new reply and what it changes; return its id, or None if it is stored already.

    Call it after :func:`lock_sender` found no stored copy. On SQLite nothing can store one
    in between: the transaction holds the write lock. On PostgreSQL a copy committed
    meanwhile is seen first and nothing is written; a copy from another number committing at
    the same moment makes the message insert give way, and nothing but the conversation's
    latest message changes. A session holding the contact must forget it afterwards
    (:func:`forget_contact`): its row changed under it.
    """
    params = _params(reply)
    if isinstance(connection, Connection) and connection.dialect.name != "postgresql":
        return _one_by_one(connection, reply, params)
    statement = _chained(reply.event is not None, reply.last_unstop_at is not None)
    row = first_row(connection, statement, params)
    return None if row is None else int(row[0])


def message_values(decision: Decision, **columns: Any) -> dict[str, Any]:
    """Return a reply's ``messages`` columns: ``columns`` and those keeping ``decision``."""
    return columns | decision_columns(decision)


def event_values(
    decision: Decision | None, *, type: str, source: str, actor: str, channel: str
) -> dict[str, Any]:
    """Return the ledger event's ``EVENT_COLUMNS``, with those keeping ``decision``."""
    return {"type": type, "source": source, "actor": actor, "channel": channel} | (
        event_decision_columns(decision)
    )


@dataclass(frozen=True, slots=True)
class StoredReply:
    """A reply stored already: what a retry of it is answered with."""

    id: int
    from_number: str
    body: str
    reply: str | None
    status: str | None
    decision: Decision


def find_stored_reply(
    connection: Db,
    *,
    account_id: int,
    provider_id: str | None = None,
    message_id: int | None = None,
) -> StoredReply | None:
    """Return the account's stored reply with this provider id (or message id), if any."""
    by_id = message_id is not None
    values = {"account": account_id, "provider": provider_id, "message": message_id}
    row = first_row(connection, _find_stored(by_id), values)
    if row is None:
        return None
    columns = dict(zip(_STORED_COLUMNS, row, strict=True))
    return StoredReply(
        columns["id"],
        columns["from_number"],
        columns["body"],
        columns["reply"],
        columns["status"],
        stored_decision(columns),
    )


_STORED_COLUMNS = ("id", "from_number", "body", "reply", "status", *DECISION_COLUMNS)


@cache
def _find_stored(by_id: bool) -> Any:
    where = (
        MESSAGES.c.id == bindparam("message")
        if by_id
        else MESSAGES.c.provider_id == bindparam("provider")
    )
    return select(*(MESSAGES.c[name] for name in _STORED_COLUMNS)).where(
        where,
        MESSAGES.c.account_id == bindparam("account"),
        MESSAGES.c.direction == Direction.INBOUND.value,
    )


def _params(reply: Reply) -> dict[str, Any]:
    """Return the statements' parameters, none named after a column (see :func:`_param`)."""
    params = {f"message_{name}": value for name, value in reply.message.items()}
    params |= {f"event_{name}": value for name, value in (reply.event or {}).items()}
    params |= {"account": reply.account_id, "contact": reply.contact_id, "now": utcnow()}
    params |= {"provider": reply.message["provider_id"], "status_after": reply.message["status"]}
    params["unstop_at"] = reply.last_unstop_at
    params["answers_since"] = reply.answers_since
    return params


@cache
def _chained(records_event: bool, moves_unstop: bool) -> Executable:
    """Return the PostgreSQL statement storing a reply: each step feeds on the one before.

    The reply's id is looked up again first: under the contact's lock this statement sees a
    copy another worker committed meanwhile, and then changes nothing at all.
    """
    conversation = _conversation_insert().cte("conversation")
    values = _message_values(conversation.c.id)
    message = (
        insert_into("postgresql", MESSAGES)
        .from_select(list(values), select(*values.values()))
        .on_conflict_do_nothing(index_elements=["account_id", "direction", "provider_id"])
        .returning(MESSAGES.c.id)
        .cte("message")
    )
    statement = select(message.c.id)
    event_id = None
    if records_event:
        event = _event_insert(message.c.id).cte("event")
        statement, event_id = statement.add_cte(event), select(event.c.id).scalar_subquery()
    if records_event or moves_unstop:
        contact = _contact_update(event_id, moves_unstop).where(exists(select(message.c.id)))
        statement = statement.add_cte(contact.returning(CONTACTS.c.id).cte("contact"))
    return statement


def _conversation_insert() -> Any:
    names = ["account_id", "contact_id", "last_message_at", "last_message_body", "created_at"]
    values = select(
        _param("account", CONVERSATIONS.c.account_id),
        _param("contact", CONVERSATIONS.c.contact_id),
        _param("message_created_at", MESSAGES.c.created_at),
        _param("message_body", MESSAGES.c.body),
        _now(),
    ).where(~exists(_stored_reply(bindparam("account"))))
    insert = insert_into("postgresql", CONVERSATIONS).from_select(names, values)
    return keeping_latest_message(insert).returning(CONVERSATIONS.c.id)


def _event_insert(message_id: Any) -> Any:
    values = _event_values(message_id)
    insert = insert_into("postgresql", EVENTS).from_select(list(values), select(*values.values()))
    return insert.returning(EVENTS.c.id)


def _one_by_one(connection: Connection, reply: Reply, params: dict[str, Any]) -> int | None:
    """Store the reply step by step (SQLite, whose write lock this transaction holds)."""
    conversation = {"account_id": params["account"], "contact_id": params["contact"]}
    conversation |= {"at": params["message_created_at"], "body": params["message_body"]}
    conversation["created_at"] = params["now"]
    statement = conversation_upsert("sqlite")
    params["conversation"] = connection.execute(statement, conversation).scalar_one()
    message_id: int | None = connection.execute(
        _sqlite_message_insert(), params
    ).scalar_one_or_none()
    if message_id is None:
        return None
    event_id = None
    if reply.event is not None:
        params["stored_message"] = message_id
        event_id = connection.execute(_sqlite_event_insert(), params).scalar_one()
    if event_id is not None or reply.last_unstop_at is not None:
        statement = _sqlite_contact_update(event_id is not None, reply.last_unstop_at is not None)
        connection.execute(statement, params | {"event_id": event_id})
    return message_id


@cache
def _sqlite_message_insert() -> Any:
    return (
        insert_into("sqlite", MESSAGES)
        .values(_message_values(bindparam("conversation")))
        .on_conflict_do_nothing(index_elements=["account_id", "direction", "provider_id"])
        .returning(MESSAGES.c.id)
    )


@cache
def _sqlite_event_insert() -> Any:
    values = _event_values(_param("stored_message", EVENTS.c.message_id))
    return insert_into("sqlite", EVENTS).values(values).returning(EVENTS.c.id)


@cache
def _sqlite_contact_update(records_event: bool, moves_unstop: bool) -> Any:
    return _contact_update(bindparam("event_id") if records_event else None, moves_unstop)


def _contact_update(event_id: Any, moves_unstop: bool) -> Any:
    """Return the contact's UPDATE: the status the event sets, and the last UNSTOP."""
    changes: dict[str, Any] = {}
    if event_id is not None:
        changes |= {"status": bindparam("status_after"), "status_source": bindparam("event_source")}
        changes |= {"status_changed_at": _now(), "status_event_id": event_id}
    if moves_unstop:
        changes["last_unstop_at"] = _param("unstop_at", CONTACTS.c.last_unstop_at)
    return update(CONTACTS).where(CONTACTS.c.id == bindparam("contact")).values(changes)


def _stored_reply(account: Any) -> Any:
    return select(MESSAGES.c.id).where(
        MESSAGES.c.account_id == account,
        MESSAGES.c.direction == Direction.INBOUND.value,
        MESSAGES.c.provider_id == bindparam("provider"),
    )


def _message_values(conversation_id: Any) -> dict[str, Any]:
    """Return each message column's value, bound as ``message_<column>`` where not known."""
    values = {
        column.name: _param(f"message_{column.name}", column)
        for column in MESSAGES.c
        if column.name not in ("id", "campaign", "answers_id")
    }
    values["account_id"] = _param("account", MESSAGES.c.account_id)
    values["contact_id"] = _param("contact", MESSAGES.c.contact_id)
    values["conversation_id"] = conversation_id
    values["answers_id"] = _answered(conversation_id, MESSAGES.c.id)
    values["campaign"] = _answered(conversation_id, MESSAGES.c.campaign)
    return values


def _answered(conversation_id: Any, column: Any) -> Any:
    """Return ``column`` of the outbound text a reply answers: the conversation's latest one
    sent between ``answers_since`` and the reply (read off the conversation's index)."""
    sent_at = MESSAGES.c.created_at
    return (
        select(column)
        .where(
            MESSAGES.c.conversation_id == conversation_id,
            MESSAGES.c.direction == Direction.OUTBOUND.value,
            sent_at >= _param("answers_since", sent_at),
            sent_at <= _param("message_created_at", sent_at),
        )
        .order_by(sent_at.desc(), MESSAGES.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _event_values(message_id: Any) -> dict[str, Any]:
    """Return each column of the ledger event a reply writes, bound as ``event_<column>``."""
    values = {
        "account_id": _param("account", EVENTS.c.account_id),
        "contact_id": _param("contact", EVENTS.c.contact_id),
    }
    values |= {name: _param(f"event_{name}", EVENTS.c[name]) for name in EVENT_COLUMNS}
    return values | {"message_id": message_id, "created_at": _now()}


def _param(name: str, column: Any) -> Any:
    """Return the bound parameter ``name``, typed as ``column``.

    No parameter is named after a column of a table the statement changes: SQLAlchemy adds
    a column whose name is among the parameters to the UPDATE's SET clause.
    """
    return bindparam(name, type_=column.type)


def _now() -> Any:
    """Return the time of the write, taken once per statement so every row agrees on it."""
    return bindparam("now", type_=EVENTS.c.created_at.type)


def forget_contact(session: Session, contact_id: int) -> None:
    """Expire the session's copy of the contact, if it holds one: its row changed under it."""
    contact = session.identity_map.get(identity_key(Contact, contact_id))
    if contact is not None:
        session.expire(contact)
