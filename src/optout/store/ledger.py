"""The opt-out ledger: append-only events and the contact status each one sets.

:func:`record_event` (one contact) and :func:`opt_out_many` (an import batch) are the only
writers; each adds the events and moves the contacts' status in the caller's transaction, so
the two can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, insert, select, text, update
from sqlalchemy.orm import Session

from optout.domain import ContactStatus, EventSource, EventType
from optout.store.tables import Contact, Conversation, Message, OptEvent, UTCDateTime, utcnow
from optout.store.upserts import dialect_of, insert_into, locks_rows, table_of


def record_event(
    session: Session,
    contact: Contact,
    *,
    type: EventType,
    source: EventSource,
    actor: str,
    **details: Any,
) -> OptEvent:
    """Append an event for ``contact`` and set its status to match."""
    event = OptEvent(
        account_id=contact.account_id,
        contact_id=contact.id,
        type=type.value,
        source=source.value,
        actor=actor,
        created_at=details.pop("created_at", None) or utcnow(),
        **details,
    )
    session.add(event)
    session.flush()
    opted_out = type is EventType.OPT_OUT
    contact.status = (ContactStatus.OPTED_OUT if opted_out else ContactStatus.ACTIVE).value
    contact.status_source = source.value
    contact.status_changed_at = event.created_at
    contact.status_event_id = event.id
    return event


def events_for(session: Session, contact_id: int) -> list[OptEvent]:
    """Return the contact's events, oldest first."""
    statement = select(OptEvent).where(OptEvent.contact_id == contact_id).order_by(OptEvent.id)
    return list(session.scalars(statement))


def status_event(session: Session, contact: Contact) -> OptEvent | None:
    """Return the event that set the contact's current status."""
    if contact.status_event_id is None:
        return None
    return session.get(OptEvent, contact.status_event_id)


def _opted_out(account_id: int) -> Select[Contact, OptEvent]:
    return (
        select(Contact, OptEvent)
        .join(OptEvent, OptEvent.id == Contact.status_event_id)
        .where(
            Contact.account_id == account_id,
            Contact.status == ContactStatus.OPTED_OUT.value,
        )
    )


def auto_opt_out_rows(
    session: Session, *, account_id: int, before_event_id: int | None, limit: int
) -> list[tuple[Contact, OptEvent, Message, int]]:
    """Return auto opt-outs in force with their message and conversation id, newest first."""
    statement = (
        _opted_out(account_id)
        .add_columns(Message, Conversation.id)
        .join(Message, Message.id == OptEvent.message_id)
        .join(Conversation, Conversation.contact_id == Contact.id)
        .where(Contact.status_source == EventSource.AUTO.value)
        .order_by(Contact.status_event_id.desc())
        .limit(limit)
    )
    if before_event_id is not None:
        statement = statement.where(Contact.status_event_id < before_event_id)
    return [(row[0], row[1], row[2], row[3]) for row in session.execute(statement)]


def opted_out_rows(
    session: Session,
    *,
    account_id: int,
    number_like: str | None,
    before_event_id: int | None,
    limit: int,
) -> list[tuple[Contact, OptEvent]]:
    """Return the account's opt-outs in force, newest first, optionally filtered by digits."""
    statement = _opted_out(account_id).order_by(Contact.status_event_id.desc()).limit(limit)
    if number_like:
        statement = statement.where(Contact.number.contains(number_like, autoescape=True))
    if before_event_id is not None:
        statement = statement.where(Contact.status_event_id < before_event_id)
    return [(contact, event) for contact, event in session.execute(statement)]


def received_times(session: Session, *, message_ids: Sequence[int]) -> dict[int, datetime]:
    """Return when each of these messages was received, by id."""
    if not message_ids:
        return {}
    query = select(Message.id, Message.created_at).where(Message.id.in_(message_ids))
    return dict(session.execute(query).all())


def iter_opted_out(session: Session, *, account_id: int) -> Iterator[tuple[Contact, OptEvent]]:
    """Yield every opt-out in force, oldest number first, streaming from the database."""
    statement = _opted_out(account_id).order_by(Contact.number)
    rows = session.execute(statement.execution_options(yield_per=2000))
    yield from rows


def opt_out_many(
    session: Session,
    *,
    account_id: int,
    numbers: Sequence[str],
    source: EventSource,
    actor: str,
    note: str | None = None,
) -> int:
    """Opt out every one of ``numbers`` (E.164, distinct) not opted out yet; return how many.

    A few statements per batch instead of several per number: contacts are upserted, those
    still active are locked in id order, and their events and new status are written together.
    """
    if not numbers:
        return 0
    now = utcnow()
    # Sorted, like the locks below, so two imports of overlapping lists cannot deadlock.
    if dialect_of(session) == "postgresql":
        values = {"account": account_id, "numbers": sorted(numbers), "now": now}
        session.execute(_CONTACTS_INSERT_ALL, values)
    else:
        rows = [{"account_id": account_id, "number": n, "created_at": now} for n in sorted(numbers)]
        session.execute(_contacts_insert("sqlite"), rows)
    active = _active_contacts(session, account_id, numbers)
    if not active:
        return 0
    if dialect_of(session) == "postgresql":
        values = {"account": account_id, "ids": active, "source": source.value, "now": now}
        session.execute(_OPT_OUT_ALL, values | {"actor": actor, "note": note})
        _forget_status(session, set(active))
        return len(active)
    events = [_event_row(account_id, contact_id, source, actor, now) for contact_id in active]
    for event in events:
        event["note"] = note
    event_ids = session.scalars(
        insert(OptEvent).returning(OptEvent.id, sort_by_parameter_order=True), events
    ).all()
    changes = [
        {"cid": contact_id, "eid": event_id, "source": source.value, "at": now}
        for contact_id, event_id in zip(active, event_ids, strict=True)
    ]
    session.execute(_SET_OPTED_OUT, changes)
    _forget_status(session, set(active))
    return len(active)


def _forget_status(session: Session, contact_ids: set[int]) -> None:
    """Expire contacts this session loaded before their status changed under it."""
    for instance in list(session.identity_map.values()):
        if isinstance(instance, Contact) and instance.id in contact_ids:
            session.expire(instance)


def _active_contacts(session: Session, account_id: int, numbers: Sequence[str]) -> list[int]:
    statement = (
        select(Contact.id)
        .where(
            Contact.account_id == account_id,
            Contact.number.in_(numbers),
            Contact.status != ContactStatus.OPTED_OUT.value,
        )
        .order_by(Contact.id)
    )
    if locks_rows(session):
        statement = statement.with_for_update()
    return list(session.scalars(statement))


def _event_row(
    account_id: int, contact_id: int, source: EventSource, actor: str, at: datetime
) -> dict[str, Any]:
    return {
        "account_id": account_id,
        "contact_id": contact_id,
        "type": EventType.OPT_OUT.value,
        "source": source.value,
        "actor": actor,
        "created_at": at,
    }


@cache
def _contacts_insert(dialect: str) -> Any:
    return (
        insert_into(dialect, table_of(Contact))
        .values(status="active")
        .on_conflict_do_nothing(index_elements=["account_id", "number"])
    )


# PostgreSQL adds a batch's new contacts in one statement, and writes their events and the
# status each sets in another (SQLite, where a statement costs a function call, runs many).
_CONTACTS_INSERT_ALL = text(
    """
    INSERT INTO contacts (account_id, number, status, created_at)
    SELECT :account, n.number, 'active', :now
    FROM unnest(CAST(:numbers AS text[])) WITH ORDINALITY AS n(number, position)
    ORDER BY n.position
    ON CONFLICT (account_id, number) DO NOTHING
    """
).bindparams(bindparam("now", type_=UTCDateTime()))

_OPT_OUT_ALL = text(
    """
    WITH event AS (
        INSERT INTO opt_events (account_id, contact_id, type, source, actor, note, created_at)
        SELECT :account, c.id, 'opt_out', :source, :actor, :note, :now
        FROM unnest(CAST(:ids AS bigint[])) AS c(id)
        RETURNING id, contact_id
    )
    UPDATE contacts SET status = 'opted_out', status_source = :source,
        status_changed_at = :now, status_event_id = event.id
    FROM event WHERE contacts.id = event.contact_id
    """
).bindparams(bindparam("now", type_=UTCDateTime()))

_SET_OPTED_OUT = (
    update(table_of(Contact))
    .where(table_of(Contact).c.id == bindparam("cid"))
    .values(
        status=ContactStatus.OPTED_OUT.value,
        status_source=bindparam("source"),
        status_changed_at=bindparam("at"),
        status_event_id=bindparam("eid"),
    )
)
