"""The inbound reply's writes on SQLite and PostgreSQL: one statement's worth of rows each."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from optout.domain import Action, Decision, Family, KeyPurpose, Trigger
from optout.services.accounts import create_account, issue_api_key
from optout.services.api_keys import key_parts
from optout.store.contacts import find_contact
from optout.store.decisions import decision_columns, event_decision_columns
from optout.store.inbound import (
    Reply,
    forget_contact,
    lock_sender,
    lock_sender_for_key,
    store_reply,
)
from optout.store.tables import Contact, Conversation, Message, OptEvent

T0 = datetime(2026, 1, 1, tzinfo=UTC)
NUMBER = "+12025550123"
SINCE = datetime(2000, 1, 1, tzinfo=UTC)
"""The earliest text a reply can answer: any."""
STOP = Decision(Action.OPT_OUT, Trigger.KEYWORD, None, 1.0, "keyword STOP", (0, 4), Family.KEYWORD)


def _message(provider_id: str, body: str = "STOP", at: datetime = T0) -> dict:
    return {
        "direction": "inbound",
        "provider_id": provider_id,
        "from_number": NUMBER,
        "to_number": "+12025550100",
        "body": body,
        "created_at": at,
        "status": "opted_out",
        **decision_columns(STOP),
        "reply": "You are unsubscribed.",
    }


def _opt_out_event() -> dict:
    return {
        "type": "opt_out",
        "source": "keyword",
        "actor": "contact",
        **event_decision_columns(STOP),
        "channel": "inbound-key:0123456789ab",
    }


def test_a_reply_stores_its_message_event_and_status_together(db_session):
    account = create_account(db_session, name="Clinic")[0]
    sender = lock_sender(
        db_session.connection(),
        account_id=account.id,
        number=NUMBER,
        provider_id="SM1",
        prompt_since=SINCE,
    )
    assert (sender.status, sender.stored_message_id) == ("active", None)
    reply = Reply(account.id, sender.id, _message("SM1"), _opt_out_event())
    message_id = store_reply(db_session.connection(), reply)
    assert message_id is not None
    contact = find_contact(db_session, account_id=account.id, number=NUMBER)
    event = db_session.scalars(select(OptEvent)).one()
    assert (contact.status, contact.status_source, contact.status_event_id) == (
        "opted_out",
        "keyword",
        event.id,
    )
    assert (event.message_id, event.actor, contact.status_changed_at) == (
        message_id,
        "contact",
        event.created_at,
    )
    conversation = db_session.scalars(select(Conversation)).one()
    assert (conversation.last_message_body, conversation.last_message_at) == ("STOP", T0)


def test_a_stored_provider_id_is_found_and_never_stored_twice(db_session):
    account = create_account(db_session, name="Clinic")[0]
    sender = lock_sender(
        db_session.connection(),
        account_id=account.id,
        number=NUMBER,
        provider_id="SM1",
        prompt_since=SINCE,
    )
    reply = Reply(account.id, sender.id, _message("SM1"), _opt_out_event())
    first = store_reply(db_session.connection(), reply)
    again = lock_sender(
        db_session.connection(),
        account_id=account.id,
        number=NUMBER,
        provider_id="SM1",
        prompt_since=SINCE,
    )
    assert (again.id, again.status, again.stored_message_id) == (sender.id, "opted_out", first)
    later = Reply(account.id, sender.id, _message("SM1", "hi", datetime(2027, 1, 1, tzinfo=UTC)))
    assert store_reply(db_session.connection(), later) is None
    assert db_session.scalars(select(Message.id)).all() == [first]
    assert len(db_session.scalars(select(OptEvent)).all()) == 1


def test_an_unstop_moves_without_an_event(db_session):
    account = create_account(db_session, name="Clinic")[0]
    sender = lock_sender(
        db_session.connection(),
        account_id=account.id,
        number=NUMBER,
        provider_id="SM1",
        prompt_since=SINCE,
    )
    held = db_session.get(Contact, sender.id)
    message = _message("SM1", "START") | {"status": "active", "action": "opt_in"}
    reply = Reply(account.id, sender.id, message, None, last_unstop_at=T0)
    assert store_reply(db_session.connection(), reply) is not None
    forget_contact(db_session, sender.id)
    assert held.last_unstop_at == T0  # the session's copy is read again
    assert held.status == "active" and db_session.scalars(select(OptEvent)).all() == []
    again = lock_sender(
        db_session.connection(),
        account_id=account.id,
        number=NUMBER,
        provider_id="SM2",
        prompt_since=SINCE,
    )
    assert again.last_unstop_at == T0 and again.last_unstop_at.tzinfo is UTC


def _lock_for_key(db_session, key: str, key_hash: str | None = None, purpose=KeyPurpose.INBOUND):
    prefix, right_hash = key_parts(key)
    return lock_sender_for_key(
        db_session.connection(),
        prefix=prefix,
        key_hash=key_hash or right_hash,
        purpose=purpose.value,
        number=NUMBER,
        provider_id="SM1",
        prompt_since=SINCE,
    )


def test_the_inbound_key_locks_its_accounts_sender(db_session):
    account = create_account(db_session, name="Clinic")[0]
    key = issue_api_key(db_session, account=account, purpose=KeyPurpose.INBOUND)
    found, sender = _lock_for_key(db_session, key)
    assert found is not None and found.account_row().id == account.id
    assert sender is not None and (sender.status, sender.stored_message_id) == ("active", None)
    contact = find_contact(db_session, account_id=account.id, number=NUMBER)
    assert contact is not None and contact.id == sender.id


def test_a_key_that_does_not_match_touches_no_contact(db_session):
    account, management = create_account(db_session, name="Clinic")
    inbound = issue_api_key(db_session, account=account, purpose=KeyPurpose.INBOUND)
    wrong_hash = key_parts(inbound)[1].replace(key_parts(inbound)[1][0], "x", 1)
    for found, sender in (
        _lock_for_key(db_session, inbound, key_hash=wrong_hash),
        _lock_for_key(db_session, management),  # the other purpose's key
    ):
        assert found is not None and sender is None
    assert find_contact(db_session, account_id=account.id, number=NUMBER) is None
