"""People's verdicts on replies read as opt-outs, and the replies still waiting for one.

:func:`record_review` is the only writer; ``message_reviews`` is append-only. A reply
"looks like an opt-out" by :data:`optout.store.tables.LOOKALIKE`; the queries here spell
that predicate on the ``messages`` table itself, so both databases read it off the
partial index ``ix_messages_account_lookalike``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, select, text
from sqlalchemy.orm import Session

from optout.domain import ContactStatus, ReviewOutcome
from optout.store.tables import Contact, Message, MessageReview, utcnow

# The index's predicate, column for column: a planner uses a partial index only for a query
# whose WHERE holds the index's own terms, with the same literals.
LOOKALIKE_MESSAGE = text(
    "messages.direction = 'inbound' AND (messages.exclusion IN ('too_long', 'recent_unstop') "
    "OR (messages.action = 'none' AND messages.\"trigger\" IS NULL "
    "AND messages.confidence <= 0.5))"
)


def record_review(
    session: Session, message: Message, *, outcome: ReviewOutcome, actor: str
) -> MessageReview:
    """Append a person's verdict on ``message``."""
    review = MessageReview(
        account_id=message.account_id,
        message_id=message.id,
        outcome=outcome.value,
        actor=actor,
        created_at=utcnow(),
    )
    session.add(review)
    session.flush()
    return review


def reviewed(message_id: Any, *outcomes: ReviewOutcome) -> ColumnElement[bool]:
    """Return whether the message has a review (with one of ``outcomes``, if given)."""
    query = exists().where(MessageReview.message_id == message_id)
    if outcomes:
        query = query.where(MessageReview.outcome.in_([o.value for o in outcomes]))
    return query


def _waiting(account_id: int, *conditions: ColumnElement[bool]) -> Select[Message, str, int]:
    return (
        select(Message, Contact.number, Message.conversation_id)
        .join(Contact, Contact.id == Message.contact_id)
        .where(
            Message.account_id == account_id,
            LOOKALIKE_MESSAGE,
            Contact.status == ContactStatus.ACTIVE.value,
            ~reviewed(Message.id),
            *conditions,
        )
    )


def waiting_rows(
    session: Session,
    *,
    account_id: int,
    before_id: int | None,
    limit: int,
    conditions: Sequence[ColumnElement[bool]] = (),
) -> list[tuple[Message, str, int]]:
    """Return replies waiting in Needs review, newest first, with number and conversation."""
    query = _waiting(account_id, *conditions).order_by(Message.id.desc()).limit(limit)
    if before_id is not None:
        query = query.where(Message.id < before_id)
    return [(row[0], row[1], row[2]) for row in session.execute(query)]


def waiting_ids(account_id: int, *conditions: ColumnElement[bool]) -> Select[Any]:
    """Return the query of the ids of replies waiting in Needs review, newest first.

    The order makes SQLite read the partial index (account, id) that holds only these
    replies; unordered, its statistics pick the (account, direction) index and read them all.
    """
    query = _waiting(account_id, *conditions).with_only_columns(Message.id)
    return query.order_by(Message.id.desc())


def waiting_message(session: Session, *, account_id: int, message_id: int) -> Message | None:
    """Return the reply if it waits in Needs review, else None."""
    query = _waiting(account_id).where(Message.id == message_id)
    row = session.execute(query).first()
    return None if row is None else row[0]


def reviews_of(
    session: Session, *, account_id: int | None
) -> Iterator[tuple[MessageReview, Message]]:
    """Yield every review of the account (of all, for None) with its reply, oldest first."""
    query = (
        select(MessageReview, Message)
        .join(Message, Message.id == MessageReview.message_id)
        .order_by(MessageReview.id)
    )
    if account_id is not None:
        query = query.where(MessageReview.account_id == account_id)
    for row in session.execute(query).all():  # the caller reads more while it iterates
        yield row[0], row[1]
