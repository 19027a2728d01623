"""Reviewing what the detector read: the Needs review folder and verdicts on auto opt-outs.

A reply lands in **Needs review** when it looks like an opt-out but was not applied: an
auto opt-out kept back because the reply is over 200 characters or the contact replied
UNSTOP within six months, or a reply the model gave an opt-out probability of
:data:`optout.domain.REVIEW_FROM` or more that was not opted out. A person then opts the number
out or marks the reply "not an opt-out"; on an auto opt-out they keep it or opt the number
back in. Each verdict is an append-only review, written in the transaction of the ledger
event it causes, and together they are the account's labelled feedback.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from optout.domain import (
    Action,
    ContactStatus,
    EventSource,
    Exclusion,
    Family,
    ReviewOutcome,
    Trigger,
)
from optout.exceptions import InvalidInput, NotFound
from optout.services import ledger
from optout.services.conversation_search import Filters, capped_count, message_conditions
from optout.services.paging import row_cursor
from optout.store import reviews as store
from optout.store.contacts import lock_contact_by_id
from optout.store.conversations import get_message
from optout.store.folder_counts import FolderCounts, folder_counts
from optout.store.tables import Account, Contact, Message, OptEvent

PAGE_SIZE = 50
NO_FILTERS = Filters()
FOLDER_OUTCOMES = frozenset({ReviewOutcome.OPTED_OUT, ReviewOutcome.NOT_AN_OPT_OUT})
AUTO_OUTCOMES = frozenset({ReviewOutcome.KEPT, ReviewOutcome.OPTED_BACK_IN})


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """A reply waiting in Needs review, with what the detector made of it."""

    message_id: int
    conversation_id: int
    number: str
    body: str
    reason: str | None
    span: tuple[int, int] | None
    exclusion: Exclusion | None
    probability: float | None
    """The model's opt-out probability, for a reply kept back by the band (else None)."""
    at: datetime
    family: Family | None = None


@dataclass(frozen=True, slots=True)
class ReviewPage:
    """One page of Needs review and the cursor of the next one (None on the last page)."""

    items: list[ReviewItem]
    next: str | None


@dataclass(frozen=True, slots=True)
class Precision:
    """How many auto opt-outs the account's people undid, out of all made."""

    auto_opt_outs: int
    undone: int

    @classmethod
    def of(cls, counts: FolderCounts) -> Precision:
        """Return the precision the account's folder counts record."""
        return cls(counts.auto_opt_outs_made, counts.auto_opt_outs_undone)

    @property
    def rate(self) -> float | None:
        """Return the share of auto opt-outs that stood, or None before the first one."""
        return 1 - self.undone / self.auto_opt_outs if self.auto_opt_outs else None


def needs_review(
    session: Session,
    *,
    account_id: int,
    after: str | None = None,
    limit: int = PAGE_SIZE,
    filters: Filters = NO_FILTERS,
) -> ReviewPage:
    """Return one page of Needs review, newest reply first."""
    rows = store.waiting_rows(
        session,
        account_id=account_id,
        before_id=row_cursor(after),
        limit=limit + 1,
        conditions=message_conditions(session, filters, Contact.number),
    )
    items = [_item(*row) for row in rows[:limit]]
    more = len(rows) > limit and bool(items)
    return ReviewPage(items, str(items[-1].message_id) if more else None)


def count_needs_review(session: Session, *, account_id: int, filters: Filters = NO_FILTERS) -> int:
    """Return how many replies wait in Needs review; with ``filters``, up to COUNT_CAP + 1."""
    if not filters:
        return folder_counts(session, account_id=account_id).needs_review
    conditions = message_conditions(session, filters, Contact.number)
    return capped_count(session, store.waiting_ids(account_id, *conditions))


def _item(message: Message, number: str, conversation_id: int) -> ReviewItem:
    decision = message.decision
    probability = None
    if decision.exclusion is None and message.confidence is not None:
        probability = 1.0 - message.confidence
    return ReviewItem(
        message.id,
        conversation_id,
        number,
        message.body,
        message.reason,
        decision.span,
        decision.exclusion,
        probability,
        message.created_at,
        decision.family,
    )


def review(
    session: Session,
    *,
    account: Account,
    message_ids: list[int],
    outcome: ReviewOutcome,
    actor: str,
) -> int:
    """Record ``outcome`` for each reply still open to it; return how many were recorded.

    A reply that left its folder meanwhile (another person decided first) is passed over.
    """
    if not message_ids:
        raise InvalidInput("choose at least one reply first", field="message_id")
    done = 0
    for message_id in dict.fromkeys(message_ids):
        done += _review_one(session, account, message_id, outcome, actor)
    return done


def _review_one(
    session: Session, account: Account, message_id: int, outcome: ReviewOutcome, actor: str
) -> bool:
    if outcome is ReviewOutcome.OPTED_BACK_IN:
        try:
            ledger.opt_back_in_auto(
                session, account=account, message_id=message_id, actor=actor, confirm=True
            )
        except NotFound:
            return False
        return True
    if outcome is ReviewOutcome.KEPT:
        message = _auto_opt_out_in_force(session, account, message_id)
    else:
        message = store.waiting_message(session, account_id=account.id, message_id=message_id)
    if message is None:
        return False
    if outcome is ReviewOutcome.OPTED_OUT:
        contact = lock_contact_by_id(session, message.contact_id)
        note = "opted out from Needs review"
        ledger.opt_out_contact(
            session,
            contact,
            source=EventSource.MANUAL,
            actor=actor,
            note=note,
            message_id=message.id,
        )
    store.record_review(session, message, outcome=outcome, actor=actor)
    return True


def _auto_opt_out_in_force(session: Session, account: Account, message_id: int) -> Message | None:
    """Return the message if its auto opt-out holds and nobody has kept it yet."""
    message = get_message(session, account_id=account.id, message_id=message_id)
    if message is None:
        return None
    contact = session.get(Contact, message.contact_id)
    event = session.get(OptEvent, contact.status_event_id) if contact else None
    holds = (
        contact is not None
        and contact.status == ContactStatus.OPTED_OUT.value
        and contact.status_source == EventSource.AUTO.value
        and event is not None
        and event.message_id == message_id
    )
    kept = session.scalar(select(store.reviewed(message_id, ReviewOutcome.KEPT)))
    return message if holds and not kept else None


def precision(session: Session, *, account_id: int) -> Precision:
    """Return how many auto opt-outs the account made and how many its people undid."""
    return Precision.of(folder_counts(session, account_id=account_id))


def feedback(session: Session, *, account_id: int | None) -> Iterator[dict[str, Any]]:
    """Yield every reviewed reply of the account (of all, for None), oldest verdict first.

    ``decision`` is what the detector did (``opt_out``, or ``none`` for a reply it held
    back); ``human_label`` is ``opt_out`` or ``not_opt_out``; ``prompt`` is the text the
    account sent last before the reply, or None when the thread holds none.
    """
    for review_row, message in store.reviews_of(session, account_id=account_id):
        outcome = ReviewOutcome(review_row.outcome)
        yield {
            "body": message.body,
            "prompt": _prompt(session, message),
            "decision": _decision(message),
            "human_label": "opt_out" if outcome.is_opt_out else "not_opt_out",
            "family": message.family,
            "at": review_row.created_at.isoformat(),
        }


def _decision(message: Message) -> str:
    if message.action == Action.OPT_OUT.value and message.trigger == Trigger.AUTO.value:
        return Action.OPT_OUT.value
    return message.action or Action.NONE.value


def _prompt(session: Session, message: Message) -> str | None:
    query = (
        select(Message.body)
        .where(
            Message.conversation_id == message.conversation_id,
            Message.direction == "outbound",
            Message.created_at <= message.created_at,
        )
        .order_by(Message.created_at.desc(), Message.id.desc())
        .limit(1)
    )
    return session.scalar(query)
