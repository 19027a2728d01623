"""Values of the opt-out domain, shared by every layer.

Nothing here does I/O. Enumerations are ``StrEnum`` so their values are what the API,
the database and the command line print.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, fields
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

AUTO_OPT_OUT_MAX_CHARS = 200
"""An auto opt-out is not applied to a message longer than this (200 itself still counts)."""

UNSTOP_WINDOW_MONTHS = 6
"""An auto opt-out is not applied within this many months after the contact's last UNSTOP."""


class Action(StrEnum):
    """What an inbound reply asks for."""

    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"
    HELP = "help"
    NONE = "none"


class Trigger(StrEnum):
    """Why a reply counts as an opt-out: a standard keyword, or intent in other words."""

    KEYWORD = "keyword"
    AUTO = "auto"


class Family(StrEnum):
    """What an opt-out said, in the detector's words: the unit its phrases are grouped by.

    Every opt-out decision names one; the pages word it for people (``web.labels``), the
    reports group by it, and the intent model reads phrase evidence by it, so a value is
    never renamed without retraining. The phrase families are listed in the order a reply's
    evidence is reported: where phrases of two families match, the earlier one's is the
    reason given.
    """

    KEYWORD = "keyword"
    """A standard or declared opt-out keyword, as typed or mistyped ("STOP", "Sotp")."""
    KEYWORD_FIRST = "keyword first"
    """A keyword as the opening sentence, then a reason ("Stop. way too many")."""
    KEYWORD_LAST = "keyword last"
    """A reason, then a keyword to close it ("I have nothing left to give, stop")."""
    WRONG_NUMBER = "wrong number"
    WRONG_PERSON = "wrong person"
    HOW_TO_OPT_OUT = "asks how to opt out"
    OPT_OUT = "opt out"
    CONSENT_WITHDRAWN = "consent withdrawn"
    CHANNEL_PREFERENCE = "channel preference"
    """Reach me another way, not by text ("email only", "don't text, call me")."""
    REMOVE_FROM_LIST = "remove from list"
    UNSUBSCRIBE = "unsubscribe"
    DO_NOT_CONTACT = "do not contact"
    STOP_TEXTING = "stop texting"
    HOSTILE = "hostile demand"
    STOP_SIGN = "stop sign"
    """A reply of stop-sign emoji only."""
    INTENT = "opt-out intent"
    """The intent model alone, with no phrase of a family to show."""


class Exclusion(StrEnum):
    """The exception rule that kept an auto opt-out from being applied."""

    NUMBERS_ONLY = "numbers_only"
    TOO_LONG = "too_long"
    RECENT_UNSTOP = "recent_unstop"


REVIEW_FROM = 0.5
"""The opt-out probability from which a reply the detector did not opt out needs review.

Where the model leans to opt-out but stayed under the threshold of its evidence (or a guard
vetoed it), a person decides. No upper end: the thresholds move each time the model is
trained, and a "none" decision above the lowest of them was vetoed, which is unsure too. A
"none" decision stores ``1 - probability`` as its confidence.
"""


class ReviewOutcome(StrEnum):
    """What a person decided about a reply the detector read as (possibly) an opt-out."""

    KEPT = "kept"
    """An auto opt-out was right: keep the number opted out."""
    OPTED_BACK_IN = "opted_back_in"
    """An auto opt-out was wrong and was undone."""
    OPTED_OUT = "opted_out"
    """A reply in Needs review was an opt-out, applied by hand."""
    NOT_AN_OPT_OUT = "not_an_opt_out"
    """A reply in Needs review was not an opt-out."""

    @property
    def is_opt_out(self) -> bool:
        """Return whether the person judged the reply an opt-out."""
        return self in (ReviewOutcome.KEPT, ReviewOutcome.OPTED_OUT)


class ContactStatus(StrEnum):
    """Whether a contact may be texted."""

    ACTIVE = "active"
    OPTED_OUT = "opted_out"


class EventType(StrEnum):
    """The two kinds of entry in the opt-out ledger."""

    OPT_OUT = "opt_out"
    OPT_IN = "opt_in"


class EventSource(StrEnum):
    """Where a ledger entry came from.

    ``keyword`` and ``contact`` opt-outs were made by the contact and only the contact can
    reverse them; ``auto``, ``manual`` and ``import`` ones the account holder may undo.
    """

    KEYWORD = "keyword"
    AUTO = "auto"
    MANUAL = "manual"
    IMPORT = "import"
    CONTACT = "contact"


CONTACT_ONLY_SOURCES = frozenset({EventSource.KEYWORD, EventSource.CONTACT})
"""Opt-outs from these sources can be reversed by the contact alone (UNSTOP / START)."""


class KeyPurpose(StrEnum):
    """What an API key may do.

    A ``management`` key reads and changes the account's ledger; an ``inbound`` key only
    hands over replies (``POST /v1/inbound``) and is held by the delivery channel alone, so
    the account cannot post a contact's START in the contact's name.
    """

    MANAGEMENT = "management"
    INBOUND = "inbound"


class Direction(StrEnum):
    """Which way a message travelled."""

    INBOUND = "inbound"
    OUTBOUND = "outbound"


@dataclass(frozen=True, slots=True)
class Decision:
    """The detector's verdict on one inbound reply.

    ``exclusion`` is set when opt-out intent was found but an exception rule keeps the
    number opted in; ``action`` is then ``none``. ``span`` is the (start, end) offset of
    the triggering phrase in the original text, for highlighting. ``family`` is what the
    opt-out said (set on every opt-out, and on one kept back by an exclusion).
    """

    action: Action
    trigger: Trigger | None = None
    exclusion: Exclusion | None = None
    confidence: float = 1.0
    reason: str = ""
    span: tuple[int, int] | None = None
    family: Family | None = None

    @property
    def opts_out(self) -> bool:
        """Return whether this decision opts the sender out."""
        return self.action is Action.OPT_OUT

    def to_dict(self) -> dict[str, Any]:
        """Return the decision as plain JSON-ready values, one per field, in field order.

        The API's ``DecisionOut`` and the command line print this; a test keeps the API's
        schema listing the same fields.
        """
        return {field.name: _plain(getattr(self, field.name)) for field in fields(self)}


def _plain(value: object) -> object:
    """Return a decision field as a JSON value: enums by value, spans as lists, 4 decimals."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, float):
        return round(value, 4)
    return value


@dataclass(frozen=True, slots=True)
class ReplyContext:
    """What may be known beside a reply: the text it answers, the account's own keywords.

    ``prompt`` is the outbound message the reply answers (its declared keyword, "Reply
    LEAVE4GOOD to stop", and its greeting, "Hi Tamara", inform the decision); ``keywords``
    are opt-out keywords the account declared beside the standard ones.
    """

    prompt: str | None = None
    keywords: tuple[str, ...] = ()


class ReplyAccount(Protocol):
    """What receiving a reply reads of its account: its id, own keywords and answer texts.

    An ORM ``Account`` is one, and so is the plain row the inbound path reads with its key.
    """

    @property
    def id(self) -> int: ...

    @property
    def name(self) -> str: ...

    @property
    def opt_out_confirmation_enabled(self) -> bool: ...

    @property
    def opt_out_confirmation(self) -> str | None: ...

    @property
    def opt_in_confirmation(self) -> str | None: ...

    @property
    def help_text(self) -> str | None: ...

    @property
    def declared_keywords(self) -> tuple[str, ...]: ...


NO_DECISION = Decision(Action.NONE, confidence=1.0, reason="no opt-out, opt-in or help request")


def months_before(moment: datetime, months: int) -> datetime:
    """Return the same wall-clock time ``months`` calendar months earlier (day clamped)."""
    month_index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return moment.replace(year=year, month=month + 1, day=min(moment.day, last_day))


def within_unstop_window(last_unstop_at: datetime | None, now: datetime) -> bool:
    """Return whether an UNSTOP at ``last_unstop_at`` still shields ``now`` from auto opt-out."""
    if last_unstop_at is None:
        return False
    return months_before(now, UNSTOP_WINDOW_MONTHS) <= last_unstop_at <= now
