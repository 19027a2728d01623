"""Searching the conversations: by number in any format, by words, by date.

A search that reads as a phone number (digits and punctuation, at least three digits) finds
the contacts whose number holds those digits; anything else finds conversations with a
message holding every word (PostgreSQL's full-text index, SQLite's FTS5 table). Dates are
days in the account's time zone (UTC when it has none), both ends included, and filter on
the conversation's latest message. A source keeps the contacts whose opt-out in force came
from it (a keyword, the detector, a person, an import, the contact's own request); a family
keeps those whose opt-out in force said it ("wrong number"), and in Needs review the replies
the detector read as it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, exists, func, literal_column, select, text
from sqlalchemy.orm import QueryableAttribute, Session

from optout.domain import ContactStatus, EventSource, Family
from optout.exceptions import InvalidInput
from optout.numbers import DEFAULT_REGION, normalise_for_lookup
from optout.store.tables import Contact, Conversation, Message, OptEvent

_Choice = TypeVar("_Choice", bound=StrEnum)
COUNT_CAP = 1_000
"""Counts stop here ("1,000+"): a count read on every page view must not grow with the data."""
_NUMBER_LIKE = re.compile(r"[\d\s().+\-]*")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Filters:
    """What the person searched for; empty filters match everything."""

    digits: str | None = None
    words: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    campaign: str | None = None
    """Only the conversations of the contacts this campaign texted (the Reports page's links)."""
    source: EventSource | None = None
    """Only the contacts whose opt-out in force came from this source."""
    family: Family | None = None
    """Only the contacts whose opt-out in force (the replies that) said this."""
    zone: tzinfo = UTC
    """The zone whose days ``since`` and ``until`` are."""

    def __bool__(self) -> bool:
        return bool(
            self.digits
            or self.words
            or self.since
            or self.until
            or self.campaign
            or self.source
            or self.family
        )


def read_filters(
    q: str | None,
    since: str | None,
    until: str | None,
    campaign: str | None = None,
    *,
    region: str = DEFAULT_REGION,
    source: str | None = None,
    family: str | None = None,
    zone: tzinfo = UTC,
) -> Filters:
    """Return the filters of a search form, or raise InvalidInput saying what to type."""
    text_ = (q or "").strip()
    digits, words = None, ()
    if text_ and _NUMBER_LIKE.fullmatch(text_) and sum(c.isdigit() for c in text_) >= 3:
        digits = normalise_for_lookup(text_, region) or re.sub(r"\D", "", text_)
    elif text_:
        words = tuple(_WORD.findall(text_.lower()))[:8]
        if not words:
            raise InvalidInput(
                "Enter words from a message, or a phone number with its area code, "
                "e.g. (202) 555-0123",
                field="q",
            )
    start, end = _day(since, "From"), _day(until, "To")
    if start and end and end < start:
        raise InvalidInput("The To date is before the From date: swap them", field="until")
    chosen = _choice(EventSource, source, "source", "opt-out source")
    return Filters(
        digits,
        words,
        start,
        end,
        campaign or None,
        chosen,
        _choice(Family, family, "family", "kind of opt-out"),
        zone,
    )


def _choice(kind: type[_Choice], value: str | None, field: str, name: str) -> _Choice | None:
    """Return the member ``value`` names, None when empty, or say which to choose."""
    if not value:
        return None
    try:
        return kind(value)
    except ValueError as error:
        known = ", ".join(kind)
        raise InvalidInput(f"Choose the {name} from the list ({known})", field=field) from error


def _day(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as error:
        raise InvalidInput(
            f"Enter the {name} date as year-month-day, e.g. 2026-12-03", field=name.lower()
        ) from error


def conversation_conditions(
    session: Session, account_id: int, filters: Filters
) -> list[ColumnElement[bool]]:
    """Return the conditions on conversations (joined to contacts) that ``filters`` ask for."""
    found: list[ColumnElement[bool]] = []
    if filters.digits:
        found.append(_number_matches(Contact.number, filters.digits))
    if filters.words:
        holding = select(Message.conversation_id).where(
            Message.account_id == account_id, word_match(session, filters.words)
        )
        found.append(Conversation.id.in_(holding))
    found += time_window(Conversation.last_message_at, filters)
    if filters.campaign:
        texted = select(Message.conversation_id).where(
            Message.account_id == account_id, Message.campaign == filters.campaign
        )
        found.append(Conversation.id.in_(texted))
    if filters.source:
        found += [
            Contact.status == ContactStatus.OPTED_OUT.value,
            Contact.status_source == filters.source.value,
        ]
    if filters.family:
        said = select(OptEvent.id).where(
            OptEvent.id == Contact.status_event_id, OptEvent.family == filters.family.value
        )
        found += [Contact.status == ContactStatus.OPTED_OUT.value, exists(said)]
    return found


def message_conditions(
    session: Session, filters: Filters, number: QueryableAttribute[str] | None = None
) -> list[ColumnElement[bool]]:
    """Return the conditions on single messages (Needs review) that ``filters`` ask for.

    The source is not one of them: no contact in Needs review is opted out.
    """
    found: list[ColumnElement[bool]] = []
    if filters.digits and number is not None:
        found.append(_number_matches(number, filters.digits))
    if filters.words:
        found.append(word_match(session, filters.words))
    if filters.family:
        found.append(Message.family == filters.family.value)
    return found + time_window(Message.created_at, filters)


def _number_matches(column: QueryableAttribute[str], digits: str) -> ColumnElement[bool]:
    if digits.startswith("+"):  # a whole number: the unique index finds it
        return column == digits
    return column.contains(digits, autoescape=True)


def time_window(column: QueryableAttribute[Any], filters: Filters) -> list[ColumnElement[bool]]:
    """Return the conditions keeping ``column`` within the filters' days (in their zone)."""
    found: list[ColumnElement[bool]] = []
    if filters.since:
        found.append(column >= _midnight(filters.since, filters.zone))
    if filters.until:
        found.append(column < _midnight(filters.until + timedelta(days=1), filters.zone))
    return found


def _midnight(day: date, zone: tzinfo) -> datetime:
    """Return when ``day`` starts in ``zone``, in UTC (a day may be 23 or 25 hours long)."""
    return datetime.combine(day, datetime.min.time(), zone).astimezone(UTC)


def word_match(session: Session, words: tuple[str, ...]) -> ColumnElement[bool]:
    """Return whether a message holds every word, read off the database's word index."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        vector = func.to_tsvector(literal_column("'simple'::regconfig"), Message.body)
        query = func.plainto_tsquery(literal_column("'simple'::regconfig"), " ".join(words))
        return vector.op("@@")(query)
    phrase = " ".join('"' + word.replace('"', '""') + '"' for word in words)
    matching = text("SELECT rowid FROM messages_fts WHERE messages_fts MATCH :words")
    return Message.id.in_(matching.bindparams(words=phrase))


def capped_count(session: Session, query: Select[Any]) -> int:
    """Return how many rows ``query`` selects, counting no further than COUNT_CAP + 1."""
    limited = query.limit(COUNT_CAP + 1).subquery()
    return session.scalar(select(func.count()).select_from(limited)) or 0
