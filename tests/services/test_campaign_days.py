"""The campaign table's daily rollup says what the messages and the ledger say, on both databases.

The database keeps ``campaign_days`` with triggers; the campaign table read from it must
equal the same table counted from the messages, for every period, whatever was written:
sends, replies and opt-outs on several days, an opt-out days after its reply, messages
moved to another day, campaign or direction, and messages deleted.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from optout.domain import EventSource, EventType
from optout.services.accounts import create_account
from optout.services.outbound import send
from optout.services.providers.log import LogProvider
from optout.services.reports import (
    Period,
    opt_outs_by_campaign,
    opt_outs_by_campaign_from_messages,
)
from optout.store.engine import alembic_config, make_session_factory, upgrade
from optout.store.ledger import record_event
from optout.store.tables import Account, Contact, Message, OptEvent

CAMPAIGNS = ["spring", "winter", "=sale", None]
DAYS = 12
NOW = datetime.now(UTC)
TODAY = NOW.date()


def _messages(session: Session, account: Account, draw: random.Random) -> list[Message]:
    """Text a few numbers, then add replies and texts spread over the last DAYS days."""
    sent = [
        send(session, account=account, to=f"+1202555{n:04d}", body="Sale!",
             campaign=draw.choice(CAMPAIGNS), provider=LogProvider())
        for n in range(10)
    ]  # fmt: skip
    added = [
        Message(
            account_id=account.id,
            conversation_id=first.conversation_id,
            contact_id=first.contact_id,
            direction=draw.choice(["inbound", "inbound", "outbound"]),
            from_number=first.to_number,
            to_number="+12025550100",
            body="ok",
            campaign=draw.choice(CAMPAIGNS),
            created_at=NOW - timedelta(days=draw.randrange(DAYS), seconds=draw.randrange(86_400)),
        )
        for first in (draw.choice(sent) for _ in range(80))
    ]
    session.add_all(added)
    session.flush()
    return sent + added


def _opt_outs(session: Session, replies: list[Message], draw: random.Random) -> set[int]:
    """Opt some repliers out (and one in again), up to three days after their reply."""
    for reply in draw.sample(replies, 25):
        contact = session.get_one(Contact, reply.contact_id)
        at = min(reply.created_at + timedelta(days=draw.randrange(4)), NOW)
        source = draw.choice([EventSource.KEYWORD, EventSource.AUTO, EventSource.MANUAL])
        record_event(session, contact, type=EventType.OPT_OUT, source=source, actor="t",
                     message_id=reply.id, created_at=at)  # fmt: skip
        if draw.random() < 0.2:
            record_event(session, contact, type=EventType.OPT_IN, source=EventSource.MANUAL,
                         actor="t", message_id=reply.id, created_at=at)  # fmt: skip
    session.flush()
    return set(session.scalars(select(OptEvent.message_id).where(OptEvent.message_id.is_not(None))))


def _move_and_delete(session: Session, messages: list[Message], causes: set[int], draw) -> None:
    """Move messages to other days, campaigns and directions; delete a few without events."""
    ids = [m.id for m in messages]
    for message_id in draw.sample(ids, 12):
        earlier = NOW - timedelta(days=draw.randrange(DAYS))
        session.execute(update(Message).where(Message.id == message_id).values(created_at=earlier))
    for message_id in draw.sample(sorted(causes), 8) + draw.sample(ids, 6):
        campaign = draw.choice(CAMPAIGNS)
        session.execute(update(Message).where(Message.id == message_id).values(campaign=campaign))
    for message_id in draw.sample(ids, 3):
        direction = draw.choice(["inbound", "outbound"])
        session.execute(update(Message).where(Message.id == message_id).values(direction=direction))
    free = [message_id for message_id in ids if message_id not in causes]
    session.execute(delete(Message).where(Message.id.in_(draw.sample(free, 5))))


def _every_period() -> list[Period]:
    days = [TODAY - timedelta(days=n) for n in range(DAYS, -1, -1)]
    return [Period(first, last) for first in days for last in days if first <= last]


def _assert_rollup_matches(session: Session, account_id: int) -> None:
    for period in _every_period():
        scope = {"account_id": account_id, "period": period}
        rolled_up = opt_outs_by_campaign(session, **scope)
        assert rolled_up == opt_outs_by_campaign_from_messages(session, **scope), period


@pytest.fixture
def written(db_session):
    """Return the session and an account after every kind of write the rollup follows."""
    account, _key = create_account(db_session, name="Clinic")
    create_account(db_session, name="Other")  # its empty rollup must not leak in
    draw = random.Random(16)
    messages = _messages(db_session, account, draw)
    causes = _opt_outs(db_session, [m for m in messages if m.direction == "inbound"], draw)
    _move_and_delete(db_session, messages, causes, draw)
    return db_session, account.id


def test_the_rollup_equals_the_count_from_messages_for_every_period(written):
    session, account_id = written
    _assert_rollup_matches(session, account_id)
    whole = Period(TODAY - timedelta(days=DAYS), TODAY)
    rows = opt_outs_by_campaign(session, account_id=account_id, period=whole)
    assert {row.campaign for row in rows} == {"spring", "winter", "=sale"}
    assert sum(row.opt_outs for row in rows) > 5


def test_the_migration_counts_what_was_written_before_it(database_url, engine):
    """Rows written before the rollup existed are counted when the migration makes it."""
    sessions = make_session_factory(engine)
    with sessions.begin() as session:
        account, _key = create_account(session, name="Clinic")
        draw = random.Random(17)
        messages = _messages(session, account, draw)
        _opt_outs(session, [m for m in messages if m.direction == "inbound"], draw)
        account_id = account.id
    command.downgrade(alembic_config(database_url), "0017-1")
    upgrade(database_url)
    with sessions() as session:
        _assert_rollup_matches(session, account_id)
        whole = Period(TODAY - timedelta(days=DAYS), TODAY)
        assert opt_outs_by_campaign(session, account_id=account_id, period=whole)
