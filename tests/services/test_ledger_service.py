"""The ledger's use cases, called directly in a rolled-back transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from optout.domain import EventSource
from optout.exceptions import (
    ConfirmationRequired,
    ContactNotFound,
    InvalidPhoneNumber,
    OptInNotAllowed,
)
from optout.services import ledger
from optout.services.conversations import count_auto_opt_outs
from optout.services.inbound import InboundMessage, receive_inbound
from optout.store.engine import LedgerIsAppendOnly
from optout.store.tables import OptEvent


def _reply(db_session, account, detector, body, sid, number="+12025550123"):
    inbound = InboundMessage(number, "+12025550100", body, sid)
    return receive_inbound(
        db_session, account=account, detector=detector, inbound=inbound, channel="test"
    )


def test_opt_out_twice_records_one_event(db_session, account):
    for _ in range(2):
        contact = ledger.opt_out(
            db_session,
            account=account,
            number="2025550123",
            source=EventSource.MANUAL,
            actor="user:ann@example.com",
        )
    assert contact.status == "opted_out"
    _contact, events = ledger.contact_history(db_session, account=account, number="+12025550123")
    assert [(e.type, e.source, e.actor) for e in events] == [
        ("opt_out", "manual", "user:ann@example.com")
    ]
    assert contact.status_event_id == events[0].id


@pytest.mark.parametrize("source", [EventSource.KEYWORD, EventSource.CONTACT])
def test_only_the_contact_reverses_its_own_opt_out(db_session, account, source):
    ledger.opt_out(db_session, account=account, number="+12025550123", source=source, actor="x")
    with pytest.raises(OptInNotAllowed):
        ledger.opt_in(
            db_session, account=account, number="+12025550123", actor="user:a@b.c", confirm=True
        )
    contact = ledger.opt_in(
        db_session,
        account=account,
        number="+12025550123",
        actor="contact",
        source=EventSource.KEYWORD,
        confirm=True,
    )
    assert contact.status == "active"


def test_opt_in_needs_confirmation_and_a_known_number(db_session, account):
    with pytest.raises(ConfirmationRequired):
        ledger.opt_in(db_session, account=account, number="+12025550123", actor="a", confirm=False)
    with pytest.raises(ContactNotFound):
        ledger.opt_in(db_session, account=account, number="+12025550123", actor="a", confirm=True)
    with pytest.raises(InvalidPhoneNumber):
        ledger.opt_in(db_session, account=account, number=" ", actor="a", confirm=True)


def test_the_folder_and_its_count_follow_opt_back_in(db_session, account, detector):
    result = _reply(db_session, account, detector, "please take me off your list", "SM1")
    assert count_auto_opt_outs(db_session, account_id=account.id) == 1
    items, cursor = ledger.auto_opt_out_folder(db_session, account=account, after=None, limit=10)
    assert cursor is None
    assert items[0].id == result.message_id
    assert items[0].body == "please take me off your list"
    ledger.opt_back_in_auto(
        db_session, account=account, message_id=result.message_id, actor="user:a@b.c", confirm=True
    )
    assert count_auto_opt_outs(db_session, account_id=account.id) == 0


def test_list_opt_outs_searches_by_number_in_any_format(db_session, account):
    for number in ["+12025550123", "+12025550456", "+13035550123"]:
        ledger.opt_out(
            db_session,
            account=account,
            number=number,
            source=EventSource.IMPORT,
            actor="import:a.csv",
        )
    found, _ = ledger.list_opt_outs(
        db_session, account=account, search="(202) 555-0123", after=None, limit=10
    )
    assert [item.number for item in found] == ["+12025550123"]
    partial, _ = ledger.list_opt_outs(
        db_session, account=account, search="0123", after=None, limit=10
    )
    assert {item.number for item in partial} == {"+12025550123", "+13035550123"}
    page, cursor = ledger.list_opt_outs(
        db_session, account=account, search=None, after=None, limit=2
    )
    rest, end = ledger.list_opt_outs(
        db_session, account=account, search=None, after=cursor, limit=2
    )
    assert [i.number for i in page + rest] == ["+13035550123", "+12025550456", "+12025550123"]
    assert end is None
    nothing, _ = ledger.list_opt_outs(
        db_session, account=account, search="abc", after=None, limit=2
    )
    assert nothing == []


def test_ledger_events_are_never_updated(db_session, account, detector):
    _reply(db_session, account, detector, "STOP", "SM1")
    _reply(db_session, account, detector, "START", "SM2")
    _reply(db_session, account, detector, "STOP", "SM3")
    events = db_session.scalars(select(OptEvent).order_by(OptEvent.id)).all()
    assert [e.type for e in events] == ["opt_out", "opt_in", "opt_out"]
    events[0].reason = "rewritten"
    with pytest.raises(LedgerIsAppendOnly):
        db_session.flush()
    db_session.rollback()


def test_a_retry_changes_nothing(db_session, account, detector):
    first = _reply(db_session, account, detector, "remove me from your list", "SM1")
    count = db_session.scalar(select(func.count()).select_from(OptEvent))
    again = _reply(db_session, account, detector, "remove me from your list", "SM1")
    assert again.duplicate and again.message_id == first.message_id
    assert again.decision == first.decision and again.reply == first.reply
    assert db_session.scalar(select(func.count()).select_from(OptEvent)) == count


def test_replies_follow_the_account_texts(db_session, account, detector):
    from optout.services.accounts import configure_account

    configure_account(
        db_session, account=account, help_text="Call us.", opt_out_confirmation_enabled=False
    )
    assert _reply(db_session, account, detector, "STOP", "SM1").reply is None
    assert _reply(db_session, account, detector, "HELP", "SM2").reply == "Call us."
    assert _reply(db_session, account, detector, "what is this? help", "SM2b").reply == "Call us."
    configure_account(
        db_session,
        account=account,
        opt_out_confirmation_enabled=True,
        opt_out_confirmation="Done, no more texts.",
    )
    assert _reply(db_session, account, detector, "STOP", "SM3", number="+12025550124").reply == (
        "Done, no more texts."
    )
