"""Repositories on SQLite and PostgreSQL: upserts, conflicts and the suppression query."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from optout.domain import Direction, EventSource, EventType
from optout.services.accounts import create_account
from optout.store.contacts import find_contact, lock_contact
from optout.store.conversations import add_message, find_message, record_in_conversation
from optout.store.ledger import record_event
from optout.store.suppression import suppressed_numbers
from optout.store.tables import Conversation

T0 = datetime(2026, 1, 1, tzinfo=UTC)


def _account(db_session, name="Clinic"):
    return create_account(db_session, name=name)[0]


def test_lock_contact_creates_once(db_session):
    account = _account(db_session)
    first = lock_contact(db_session, account_id=account.id, number="+12025550123")
    again = lock_contact(db_session, account_id=account.id, number="+12025550123")
    assert first.id == again.id and first.status == "active"
    assert find_contact(db_session, account_id=account.id, number="+12025550123") is first


def test_the_conversation_keeps_its_latest_message(db_session):
    contact = lock_contact(db_session, account_id=_account(db_session).id, number="+12025550123")
    first = record_in_conversation(db_session, contact, body="later", at=T0 + timedelta(hours=1))
    second = record_in_conversation(db_session, contact, body="earlier", at=T0)
    assert first == second
    conversation = db_session.get(Conversation, first, populate_existing=True)
    assert (conversation.last_message_body, conversation.last_message_at) == (
        "later",
        T0 + timedelta(hours=1),
    )


def test_a_provider_id_is_stored_once_per_direction(db_session):
    contact = lock_contact(db_session, account_id=_account(db_session).id, number="+12025550123")
    conversation_id = record_in_conversation(db_session, contact, body="hi", at=T0)
    values = {"from_number": contact.number, "to_number": "+12025550100", "body": "hi"}
    inbound = {"direction": Direction.INBOUND.value, "provider_id": "SM1", **values}
    assert add_message(db_session, contact, conversation_id, **inbound) is not None
    assert add_message(db_session, contact, conversation_id, **inbound) is None
    outbound = {**inbound, "direction": Direction.OUTBOUND.value}
    assert add_message(db_session, contact, conversation_id, **outbound) is not None
    found = find_message(
        db_session, account_id=contact.account_id, direction=Direction.INBOUND, provider_id="SM1"
    )
    assert found is not None and found.body == "hi"


def test_suppressed_numbers_sees_only_this_accounts_opt_outs_in_force(db_session):
    mine, theirs = _account(db_session, "Mine"), _account(db_session, "Theirs")
    for account, number in [
        (mine, "+12025550001"),
        (mine, "+12025550002"),
        (theirs, "+12025550003"),
    ]:
        contact = lock_contact(db_session, account_id=account.id, number=number)
        record_event(
            db_session, contact, type=EventType.OPT_OUT, source=EventSource.MANUAL, actor="t"
        )
    back = lock_contact(db_session, account_id=mine.id, number="+12025550002")
    record_event(db_session, back, type=EventType.OPT_IN, source=EventSource.MANUAL, actor="t")
    db_session.flush()
    asked = ["+12025550001", "+12025550002", "+12025550003", "+12025550004"]
    assert suppressed_numbers(db_session, account_id=mine.id, numbers=asked) == {"+12025550001"}
    assert suppressed_numbers(db_session, account_id=mine.id, numbers=[]) == set()
