"""The conversations an account has with its contacts, as the pages list them.

Three folders: ``all``; ``auto`` — contacts opted out automatically (the opt-out is still
in force), each with the message that triggered it; ``opted-out`` — every opted-out
contact. Lists are paginated by keyset (an opaque ``after`` cursor), never by offset, so
the thousandth page costs what the first does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, tuple_
from sqlalchemy.orm import Session, aliased, lazyload

from optout.domain import (
    CONTACT_ONLY_SOURCES,
    ContactStatus,
    Direction,
    EventSource,
    Family,
    ReviewOutcome,
)
from optout.exceptions import InvalidInput, NotFound
from optout.services.conversation_search import (
    Filters,
    capped_count,
    conversation_conditions,
)
from optout.services.paging import BAD_CURSOR, row_cursor
from optout.store.folder_counts import FolderCounts
from optout.store.folder_counts import folder_counts as store_counts
from optout.store.reviews import reviewed
from optout.store.tables import Contact, Conversation, Message, OptEvent

PAGE_SIZE = 50
NO_FILTERS = Filters()
THREAD_LIMIT = 500
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MAX_ID = 2**63 - 1
# Microseconds since 1970 (17 digits reach the year 5000) and a row id that fits a BIGINT.
_CURSOR = re.compile(r"(?P<micros>[0-9]{1,17})\.(?P<id>[0-9]{1,18})")


class Folder(StrEnum):
    """The folders of the conversations page."""

    ALL = "all"
    REVIEW = "review"
    AUTO = "auto"
    OPTED_OUT = "opted-out"


@dataclass(frozen=True, slots=True)
class TriggerMessage:
    """The inbound message behind an opt-out, with the phrase that triggered it."""

    id: int
    body: str
    reason: str | None
    span: tuple[int, int] | None
    confidence: float | None
    at: datetime
    family: Family | None = None


@dataclass(frozen=True, slots=True)
class ConversationRow:
    """One conversation as a list shows it."""

    id: int
    contact_id: int
    number: str
    status: str
    status_source: str | None
    status_event_id: int | None
    status_changed_at: datetime | None
    last_message_at: datetime | None
    last_message_body: str | None
    trigger: TriggerMessage | None
    reviewed: bool = False
    """Someone chose to keep this auto opt-out (it no longer counts as to review)."""

    @property
    def opted_out(self) -> bool:
        """Return whether the contact may not be texted."""
        return self.status == ContactStatus.OPTED_OUT

    @property
    def version(self) -> str:
        """Return what changes when a message comes or goes or the contact's status changes."""
        return f"{encode_cursor(self.last_message_at, self.id)}.{self.status_event_id or 0}"

    @property
    def can_opt_back_in(self) -> bool:
        """Return whether the account holder may undo this opt-out (not the contact's own)."""
        return self.opted_out and self.status_source not in CONTACT_ONLY_SOURCES


@dataclass(frozen=True, slots=True)
class ConversationPage:
    """One page of a folder and the cursor of the next one (None on the last page)."""

    rows: list[ConversationRow]
    next: str | None


@dataclass(frozen=True, slots=True)
class Thread:
    """A conversation with its messages (oldest first) and the contact's ledger events."""

    conversation: ConversationRow
    messages: list[Message]
    events: list[OptEvent]
    truncated: bool

    @property
    def bodies(self) -> dict[int, str]:
        """Return each shown message's text by id (the history quotes the one it undid)."""
        return {message.id: message.body for message in self.messages}


_StatusEvent = aliased(OptEvent)
_Trigger = aliased(Message)


def _rows() -> Select[Conversation, Contact, Message, bool]:
    return (
        select(Conversation, Contact, _Trigger, _kept(_Trigger.id).label("reviewed"))
        .options(lazyload(Conversation.contact))  # the row has the contact already
        .join(Contact, Contact.id == Conversation.contact_id)
        .outerjoin(_StatusEvent, _StatusEvent.id == Contact.status_event_id)
        .outerjoin(_Trigger, _Trigger.id == _StatusEvent.message_id)
    )


def _kept(message_id: Any) -> ColumnElement[bool]:
    return reviewed(message_id, ReviewOutcome.KEPT)


def _to_row(
    conversation: Conversation, contact: Contact, trigger: Message | None, kept: bool = False
) -> ConversationRow:
    return ConversationRow(
        id=conversation.id,
        contact_id=contact.id,
        number=contact.number,
        status=contact.status,
        status_source=contact.status_source,
        status_event_id=contact.status_event_id,
        status_changed_at=contact.status_changed_at,
        last_message_at=conversation.last_message_at,
        last_message_body=conversation.last_message_body,
        trigger=_to_trigger(trigger) if trigger and contact.status == "opted_out" else None,
        reviewed=bool(kept),
    )


def _to_trigger(message: Message) -> TriggerMessage:
    decision = message.decision
    return TriggerMessage(
        message.id,
        message.body,
        message.reason,
        decision.span,
        message.confidence,
        message.created_at,
        decision.family,
    )


def encode_cursor(at: datetime | None, row_id: int) -> str:
    """Return the opaque cursor for the row after (``at``, ``row_id``)."""
    micros = ((at or _EPOCH) - _EPOCH) // timedelta(microseconds=1)
    return f"{micros}.{row_id}"


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    """Return the (time, id) of a cursor, or raise InvalidInput."""
    found = _CURSOR.fullmatch(cursor)
    if found is None:
        raise InvalidInput(BAD_CURSOR, field="after")
    return _EPOCH + timedelta(microseconds=int(found["micros"])), int(found["id"])


def _in_folder(folder: Folder) -> list[ColumnElement[bool]]:
    if folder is Folder.ALL:
        # A conversation with no message yet (a number opted out by hand) has nothing to show.
        return [Conversation.last_message_at.is_not(None)]
    opted_out = Contact.status == ContactStatus.OPTED_OUT.value
    if folder is Folder.AUTO:
        return [opted_out, Contact.status_source == EventSource.AUTO.value]
    return [opted_out, Conversation.last_message_at.is_not(None)]


def _after(folder: Folder, cursor: str) -> ColumnElement[bool]:
    if folder is Folder.AUTO:
        return Contact.status_event_id < (row_cursor(cursor) or 0)
    return tuple_(Conversation.last_message_at, Conversation.id) < tuple_(*decode_cursor(cursor))


def _newest_first(folder: Folder) -> list[ColumnElement[Any]]:
    # The Auto Opt-Out folder is newest opt-out first; the others newest message first.
    if folder is Folder.AUTO:
        return [Contact.status_event_id.desc()]
    return [Conversation.last_message_at.desc(), Conversation.id.desc()]


def folder_query(
    account_id: int,
    folder: Folder,
    after: str | None,
    conditions: Sequence[ColumnElement[bool]] = (),
) -> Select[Conversation, Contact, Message, bool]:
    """Return the query of ``folder``'s conversations after ``after``, newest first."""
    query = _rows().where(Conversation.account_id == account_id, *_in_folder(folder), *conditions)
    if folder is not Folder.ALL or conditions:
        query = query.where(Contact.account_id == account_id)
    if after:
        query = query.where(_after(folder, after))
    return query.order_by(*_newest_first(folder))


def list_conversations(
    session: Session,
    *,
    account_id: int,
    folder: Folder,
    after: str | None = None,
    limit: int = PAGE_SIZE,
    filters: Filters = NO_FILTERS,
) -> ConversationPage:
    """Return one page of ``folder``, newest first, starting after the cursor ``after``."""
    conditions = conversation_conditions(session, account_id, filters)
    query = folder_query(account_id, folder, after, conditions).limit(limit + 1)
    results = session.execute(query).all()
    rows = [_to_row(*result) for result in results[:limit]]
    return ConversationPage(rows, _next_cursor(folder, rows[-1]) if len(results) > limit else None)


def folder_counts(session: Session, *, account_id: int) -> FolderCounts:
    """Return the account's folder counts, which the database keeps as things change."""
    return store_counts(session, account_id=account_id)


def counted(counts: FolderCounts, folder: Folder) -> int:
    """Return how many conversations (replies, for Needs review) ``folder`` holds."""
    return int(getattr(counts, _COUNTED[folder]))


_COUNTED = {
    Folder.ALL: "conversations",
    Folder.REVIEW: "needs_review",
    Folder.AUTO: "auto_opt_outs",
    Folder.OPTED_OUT: "opted_out",
}


def count_folder(
    session: Session, *, account_id: int, folder: Folder, filters: Filters = NO_FILTERS
) -> int:
    """Return how many conversations ``folder`` holds; with ``filters``, up to COUNT_CAP + 1."""
    if not filters:
        return counted(folder_counts(session, account_id=account_id), folder)
    conditions = conversation_conditions(session, account_id, filters)
    query = (
        select(Conversation.id)
        .join(Contact, Contact.id == Conversation.contact_id)
        .where(Conversation.account_id == account_id, Contact.account_id == account_id)
        .where(*_in_folder(folder), *conditions)
    )
    return capped_count(session, query)


def _next_cursor(folder: Folder, last: ConversationRow) -> str:
    if folder is Folder.AUTO:
        return str(last.status_event_id)
    return encode_cursor(last.last_message_at, last.id)


def count_auto_opt_outs(session: Session, *, account_id: int) -> int:
    """Return how many auto opt-outs of the account are in force (the Auto Opt-Out folder)."""
    return folder_counts(session, account_id=account_id).auto_opt_outs


def count_unreviewed_auto_opt_outs(session: Session, *, account_id: int) -> int:
    """Return how many auto opt-outs in force nobody has reviewed yet."""
    return folder_counts(session, account_id=account_id).auto_unreviewed


def get_conversation(session: Session, *, account_id: int, conversation_id: int) -> ConversationRow:
    """Return one conversation of the account, or raise NotFound (also for other accounts')."""
    if not 0 < conversation_id <= MAX_ID:
        raise NotFound("this conversation does not exist or belongs to another account")
    query = _rows().where(Conversation.id == conversation_id, Conversation.account_id == account_id)
    result = session.execute(query).one_or_none()
    if result is None:
        raise NotFound("this conversation does not exist or belongs to another account")
    return _to_row(*result)


def get_thread(session: Session, *, account_id: int, conversation_id: int) -> Thread:
    """Return a conversation with its latest messages, oldest first, and its ledger events."""
    row = get_conversation(session, account_id=account_id, conversation_id=conversation_id)
    newest = (
        select(Message)
        .where(Message.conversation_id == row.id)
        .order_by(Message.created_at.desc(), Message.id.desc())
        .limit(THREAD_LIMIT + 1)
    )
    messages = list(session.scalars(newest))
    events = select(OptEvent).where(OptEvent.contact_id == row.contact_id).order_by(OptEvent.id)
    truncated = len(messages) > THREAD_LIMIT
    return Thread(row, messages[:THREAD_LIMIT][::-1], list(session.scalars(events)), truncated)


def conversation_of_contact(session: Session, *, account_id: int, contact_id: int) -> int:
    """Return the id of the account's conversation with a contact, or raise NotFound."""
    query = select(Conversation.id).where(
        Conversation.contact_id == contact_id, Conversation.account_id == account_id
    )
    found = session.scalar(query) if 0 < contact_id <= MAX_ID else None
    if found is None:
        raise NotFound("there is no conversation with this contact yet")
    return found


def newest_message_at(session: Session, *, account_id: int) -> datetime | None:
    """Return when the account's latest message came or went (the page polls from there)."""
    query = select(func.max(Conversation.last_message_at)).where(
        Conversation.account_id == account_id
    )
    return session.scalar(query)


def count_new_replies(session: Session, *, account_id: int, since: datetime) -> int:
    """Return how many replies came after ``since``, up to COUNT_CAP + 1.

    Read through the conversations that moved after ``since`` (their index), then each
    one's messages after it: the cost follows what is new, not the account's history.
    """
    query = (
        select(Message.id)
        .join(Conversation, Conversation.id == Message.conversation_id)
        .where(
            Conversation.account_id == account_id,
            Conversation.last_message_at > since,
            Message.created_at > since,
            Message.direction == Direction.INBOUND.value,
        )
    )
    return capped_count(session, query)
