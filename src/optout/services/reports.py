"""Reports: where an account's opt-outs come from over a period, as figures.

Every figure is read from the ledger (``opt_events``) and the messages: opt-outs and
opt-ins per day and source, each campaign's sends with the replies and opt-outs that
answered them (a reply stores the send it answered and its campaign; the database keeps
their daily sums in ``campaign_days``), auto opt-outs by family, and how many auto
opt-outs the account holder undid or kept on review, in all and per day or week. Days
are UTC days; a period covers whole days, both ends included, and every figure counts
what happened in it: a campaign's texts sent, and the replies and opt-outs received, in
the period.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Date, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session, aliased

from optout.domain import Direction, EventSource, EventType, Family, ReviewOutcome
from optout.exceptions import InvalidInput
from optout.store.tables import CampaignDay, Message, MessageReview, OptEvent
from optout.store.upserts import dialect_of

MAX_DAYS = 366
"""The longest period a report covers."""

OPT_OUT_SOURCES = tuple(EventSource)
"""Every source an opt-out can come from, in the order the charts stack them."""


@dataclass(frozen=True, slots=True)
class Period:
    """Whole UTC days from ``first`` to ``last``, both included."""

    first: date
    last: date

    @classmethod
    def of(cls, *, first: date | None, last: date | None, today: date) -> Period:
        """Return the period asked for: the last 30 days up to ``today`` unless told."""
        last = last or today
        first = first or last - timedelta(days=29)
        if first > last:
            raise InvalidInput("from: the period starts after it ends", field="from")
        if (last - first).days >= MAX_DAYS:
            raise InvalidInput(f"from: a report covers at most {MAX_DAYS} days", field="from")
        return cls(first, last)

    @property
    def starts_at(self) -> datetime:
        """Return the first moment of the period."""
        return datetime.combine(self.first, time(), UTC)

    @property
    def ends_before(self) -> datetime:
        """Return the first moment after the period."""
        return datetime.combine(self.last + timedelta(days=1), time(), UTC)

    @property
    def days(self) -> list[date]:
        """Return every day of the period, oldest first."""
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]


@dataclass(frozen=True, slots=True)
class DayRow:
    """One day: opt-outs per source, and opt-ins."""

    day: date
    opt_outs: dict[EventSource, int]
    opt_ins: int

    @property
    def total(self) -> int:
        """Return the day's opt-outs from every source."""
        return sum(self.opt_outs.values())


@dataclass(frozen=True, slots=True)
class CampaignRow:
    """One campaign's texts sent in the period, and the replies and opt-outs they drew."""

    campaign: str
    sent: int
    replies: int
    opt_outs: int

    @property
    def rate(self) -> float:
        """Return the share of texts sent that drew an opt-out."""
        return self.opt_outs / self.sent if self.sent else 0.0


@dataclass(frozen=True, slots=True)
class CountRow:
    """A count under one name (a source or a family)."""

    name: str
    count: int


@dataclass(frozen=True, slots=True)
class Quality:
    """The auto opt-outs made from ``first`` to ``last`` and what became of them.

    ``opted_back_in``: undone by the account holder. ``kept_after_review``: confirmed by
    a person ("Keep opted out") and not undone since.
    """

    first: date
    last: date
    auto_opt_outs: int
    opted_back_in: int
    kept_after_review: int

    @property
    def kept(self) -> int:
        """Return the auto opt-outs still standing (not undone by the account holder)."""
        return self.auto_opt_outs - self.opted_back_in

    @property
    def share_undone(self) -> float | None:
        """Return the share of auto opt-outs undone, or None without any.

        One minus it is the account's measured precision.
        """
        return self.opted_back_in / self.auto_opt_outs if self.auto_opt_outs else None


def _in_period(column: Any, period: Period) -> Any:
    return and_(column >= period.starts_at, column < period.ends_before)


def _day(session: Session, column: Any) -> Any:
    """Return the UTC day of a timestamp column, in SQL."""
    if dialect_of(session) == "postgresql":
        return cast(func.timezone("UTC", column), Date)
    return func.date(column)  # SQLite keeps UTC text, 'YYYY-MM-DD HH:MM:SS'


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def opt_outs_by_day(session: Session, *, account_id: int, period: Period) -> list[DayRow]:
    """Return each day of the period with its opt-outs per source and its opt-ins."""
    day = _day(session, OptEvent.created_at)
    statement = (
        select(day, OptEvent.type, OptEvent.source, func.count())
        .where(OptEvent.account_id == account_id, _in_period(OptEvent.created_at, period))
        .group_by(day, OptEvent.type, OptEvent.source)
    )
    counts: Counter[tuple[date, str, str]] = Counter()
    for value, type_, source, count in session.execute(statement):
        counts[(_as_date(value), type_, source)] += count
    return [_day_row(counts, each) for each in period.days]


def _day_row(counts: Counter[tuple[date, str, str]], day: date) -> DayRow:
    opt_outs = {source: counts[(day, EventType.OPT_OUT, source)] for source in OPT_OUT_SOURCES}
    opt_ins = sum(counts[(day, EventType.OPT_IN, source)] for source in EventSource)
    return DayRow(day, opt_outs, opt_ins)


def opt_outs_by_source(session: Session, *, account_id: int, period: Period) -> list[CountRow]:
    """Return the period's opt-outs per source, every source listed."""
    statement = (
        select(OptEvent.source, func.count())
        .where(
            OptEvent.account_id == account_id,
            OptEvent.type == EventType.OPT_OUT.value,
            _in_period(OptEvent.created_at, period),
        )
        .group_by(OptEvent.source)
    )
    counts: dict[str, int] = dict(session.execute(statement).all())
    return [CountRow(source.value, counts.get(source.value, 0)) for source in OPT_OUT_SOURCES]


def opt_outs_by_campaign(session: Session, *, account_id: int, period: Period) -> list[CampaignRow]:
    """Return each campaign active in the period, the highest opt-out rate first.

    A campaign's texts sent in the period, and the replies and opt-outs received in the
    period that answered one of its texts (a reply carries the campaign it answered). Read
    from the daily rollup the database keeps (``campaign_days``): a few rows per campaign,
    whatever the traffic; :func:`opt_outs_by_campaign_from_messages` counts the same.
    """
    sent, replies = func.sum(CampaignDay.sent), func.sum(CampaignDay.replies)
    statement = (
        select(CampaignDay.campaign, sent, replies, func.sum(CampaignDay.opt_outs))
        .where(
            CampaignDay.account_id == account_id,
            CampaignDay.day >= period.first,
            CampaignDay.day <= period.last,
        )
        .group_by(CampaignDay.campaign)
        .having(or_(sent > 0, replies > 0))
    )
    return _highest_rate_first(CampaignRow(*row) for row in session.execute(statement))


def opt_outs_by_campaign_from_messages(
    session: Session, *, account_id: int, period: Period
) -> list[CampaignRow]:
    """Return the rows of :func:`opt_outs_by_campaign`, counted from the messages themselves.

    The reference the rollup is tested and measured against: it reads every campaign text
    and reply of the period.
    """
    sent: Counter[str] = Counter()
    replies: Counter[str] = Counter()
    for campaign, direction, count in session.execute(_campaign_messages(account_id, period)):
        (sent if direction == Direction.OUTBOUND else replies)[campaign] += count
    opt_outs = dict(session.execute(_campaign_opt_outs(account_id, period)).all())
    return _highest_rate_first(
        CampaignRow(name, sent[name], replies[name], opt_outs.get(name, 0))
        for name in sent.keys() | replies.keys()
    )


def _highest_rate_first(rows: Iterable[CampaignRow]) -> list[CampaignRow]:
    return sorted(rows, key=lambda row: (-row.rate, -row.opt_outs, row.campaign))


def _campaign_messages(account_id: int, period: Period) -> Any:
    """Count each campaign's texts and replies in the period (from one partial index)."""
    return (
        select(Message.campaign, Message.direction, func.count())
        .where(
            Message.account_id == account_id,
            Message.campaign.is_not(None),
            _in_period(Message.created_at, period),
        )
        .group_by(Message.campaign, Message.direction)
    )


_Reply = aliased(Message)


def _campaign_opt_outs(account_id: int, period: Period) -> Any:
    """Count the period's opt-outs per campaign, from the ledger events to the replies."""
    return (
        select(_Reply.campaign, func.count())
        .select_from(OptEvent)
        .join(_Reply, _Reply.id == OptEvent.message_id)
        .where(
            OptEvent.account_id == account_id,
            OptEvent.type == EventType.OPT_OUT.value,
            _in_period(OptEvent.created_at, period),
            _Reply.campaign.is_not(None),
        )
        .group_by(_Reply.campaign)
    )


def auto_opt_outs_by_family(session: Session, *, account_id: int, period: Period) -> list[CountRow]:
    """Return the period's auto opt-outs per family (``domain.Family``), the most first."""
    statement = (
        select(OptEvent.family, func.count())
        .where(*_auto_opt_outs(account_id, period))
        .group_by(OptEvent.family)
    )
    rows = session.execute(statement)
    return _most_first((family or Family.INTENT.value, count) for family, count in rows)


def _most_first(items: Iterable[tuple[str, int]]) -> list[CountRow]:
    return [CountRow(name, count) for name, count in sorted(items, key=lambda i: (-i[1], i[0]))]


def _auto_opt_outs(account_id: int, period: Period) -> tuple[Any, ...]:
    return (
        OptEvent.account_id == account_id,
        OptEvent.type == EventType.OPT_OUT.value,
        OptEvent.source == EventSource.AUTO.value,
        _in_period(OptEvent.created_at, period),
    )


_Next, _Later = aliased(OptEvent), aliased(OptEvent)
_Outcomes = dict[date, tuple[int, int, int]]

DAILY_UP_TO = 14
"""The longest period whose auto opt-out quality is shown per day; longer ones per week."""


def quality_unit(period: Period) -> str:
    """Return the span auto opt-out quality is shown per: ``day`` or ``week``."""
    return "day" if len(period.days) <= DAILY_UP_TO else "week"


def quality_spans(period: Period) -> list[tuple[date, date]]:
    """Return the spans quality is shown in: each day, or each week (Monday to Sunday).

    The first and last weeks are cut to the period.
    """
    days = period.days
    if quality_unit(period) == "day":
        return [(day, day) for day in days]
    starts = [day for day in days if day == period.first or day.weekday() == 0]
    ends = [start - timedelta(days=1) for start in starts[1:]] + [period.last]
    return list(zip(starts, ends, strict=True))


def auto_opt_out_quality(session: Session, *, account_id: int, period: Period) -> Quality:
    """Return the period's auto opt-outs, how many were opted back in or kept on review."""
    outcomes = _outcomes_by_day(session, account_id, period)
    return _quality(outcomes, period.first, period.last)


def auto_opt_out_quality_over_time(
    session: Session, *, account_id: int, period: Period
) -> list[Quality]:
    """Return the quality of the period's auto opt-outs per day or week (see quality_spans)."""
    outcomes = _outcomes_by_day(session, account_id, period)
    return [_quality(outcomes, first, last) for first, last in quality_spans(period)]


def _quality(outcomes: _Outcomes, first: date, last: date) -> Quality:
    counts = [outcomes.get(day, (0, 0, 0)) for day in Period(first, last).days]
    made, undone, kept = (sum(column) for column in zip(*counts, strict=True))
    return Quality(first, last, made, undone, kept)


def _outcomes_by_day(session: Session, account_id: int, period: Period) -> _Outcomes:
    """Count each day's auto opt-outs, those undone, and those kept on review (not undone).

    An auto opt-out counts as undone when the contact's next ledger event is an opt-in
    made by the account holder (source ``manual``), whenever it came; a START from the
    contact is the contact's own choice, not a correction.
    """
    following = (
        select(func.min(_Later.id))
        .where(_Later.contact_id == OptEvent.contact_id, _Later.id > OptEvent.id)
        .correlate(OptEvent)
        .scalar_subquery()
    )
    by_holder = and_(
        _Next.id == following,
        _Next.type == EventType.OPT_IN.value,
        _Next.source == EventSource.MANUAL.value,
    )
    undone = _Next.id.is_not(None)
    kept = select(MessageReview.id).where(
        MessageReview.message_id == OptEvent.message_id,
        MessageReview.outcome == ReviewOutcome.KEPT.value,
    )
    day = _day(session, OptEvent.created_at)
    statement = (
        select(
            day,
            func.count(),
            func.sum(case((undone, 1), else_=0)),
            func.sum(case((and_(kept.exists(), ~undone), 1), else_=0)),
        )
        .select_from(OptEvent)
        .outerjoin(_Next, by_holder)
        .where(*_auto_opt_outs(account_id, period))
        .group_by(day)
    )
    return {
        _as_date(value): (made, undone_, kept_)
        for value, made, undone_, kept_ in session.execute(statement)
    }
