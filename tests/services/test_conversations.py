"""The conversations folders and threads: membership, order, keyset pages, isolation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from optout.domain import EventSource
from optout.exceptions import InvalidInput, NotFound
from optout.services import ledger
from optout.services.accounts import create_account
from optout.services.conversations import (
    Folder,
    count_auto_opt_outs,
    count_new_replies,
    decode_cursor,
    encode_cursor,
    get_conversation,
    get_thread,
    list_conversations,
)
from optout.services.conversations import (
    folder_query as _folder_query,
)
from optout.services.inbound import InboundMessage, receive_inbound
from optout.services.outbound import send

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
SENDER = "+12025550100"


@pytest.fixture
def reply(db_session, account, detector):
    """Return a function that receives one reply from ``number`` (minutes after START)."""
    counter = iter(range(10_000))

    def receive(number: str, body: str, minute: int, to_account=None):
        index = next(counter)
        inbound = InboundMessage(
            number, SENDER, body, f"m{index}", START + timedelta(minutes=minute)
        )
        target = to_account or account
        return receive_inbound(
            db_session, account=target, detector=detector, inbound=inbound, channel="test"
        )

    return receive


def _numbers(page):
    return [row.number for row in page.rows]


def test_each_folder_holds_what_its_name_says(db_session, account, reply):
    reply("+12025550111", "yes please", 1)
    reply("+12025550112", "STOP", 2)
    reply("+12025550113", "wrong number, nobody named Sam here", 3)
    reply("+12025550114", "please remove me from your list", 4)
    ledger.opt_out(
        db_session, account=account, number="+12025550115", source=EventSource.MANUAL, actor="t"
    )
    all_page = list_conversations(db_session, account_id=account.id, folder=Folder.ALL)
    assert _numbers(all_page) == ["+12025550114", "+12025550113", "+12025550112", "+12025550111"]
    auto = list_conversations(db_session, account_id=account.id, folder=Folder.AUTO)
    assert _numbers(auto) == ["+12025550114", "+12025550113"]
    assert all(row.trigger and row.can_opt_back_in for row in auto.rows)
    trigger = auto.rows[1].trigger
    assert (
        trigger.span and "wrong number" in trigger.body[trigger.span[0] : trigger.span[1]].lower()
    )
    opted = list_conversations(db_session, account_id=account.id, folder=Folder.OPTED_OUT)
    assert _numbers(opted) == ["+12025550114", "+12025550113", "+12025550112"]
    assert not opted.rows[2].can_opt_back_in  # a keyword opt-out is the contact's own
    assert count_auto_opt_outs(db_session, account_id=account.id) == 2


def test_opting_back_in_takes_a_conversation_out_of_the_auto_folder(db_session, account, reply):
    result = reply("+12025550113", "wrong number", 1)
    ledger.opt_back_in_auto(
        db_session, account=account, message_id=result.message_id, actor="user:a@b.c", confirm=True
    )
    assert list_conversations(db_session, account_id=account.id, folder=Folder.AUTO).rows == []
    assert count_auto_opt_outs(db_session, account_id=account.id) == 0


@pytest.mark.parametrize("folder", list(Folder))
def test_keyset_pages_cover_every_conversation_once(db_session, account, reply, folder):
    for index in range(7):
        reply(f"+120255501{20 + index}", "please remove me", index % 3)  # equal times on purpose
    seen, after = [], None
    while True:
        page = list_conversations(
            db_session, account_id=account.id, folder=folder, after=after, limit=3
        )
        seen += _numbers(page)
        if page.next is None:
            break
        after = page.next
    assert len(seen) == len(set(seen)) == 7


@pytest.mark.parametrize(
    "cursor", ["x", "1.", "abc.3", "-", "²", "1.²", "9" * 30 + ".1", "1." + "9" * 30, "-5.1"]
)
def test_a_mangled_cursor_is_invalid_input(db_session, account, cursor):
    with pytest.raises(InvalidInput):
        list_conversations(db_session, account_id=account.id, folder=Folder.ALL, after=cursor)
    with pytest.raises(InvalidInput):
        list_conversations(db_session, account_id=account.id, folder=Folder.AUTO, after=cursor)


def test_a_thread_has_both_directions_in_order_and_its_events(db_session, account, reply):
    send(
        db_session,
        account=account,
        to="+12025550113",
        body="Flu shots Saturday",
        from_number=SENDER,
    )
    after_the_send = (datetime.now(UTC) - START) // timedelta(minutes=1) + 60  # not a day ahead
    reply("+12025550113", "wrong number", after_the_send)
    conversation = list_conversations(db_session, account_id=account.id, folder=Folder.ALL).rows[0]
    thread = get_thread(db_session, account_id=account.id, conversation_id=conversation.id)
    assert [m.direction for m in thread.messages] == ["outbound", "inbound"]
    assert [(e.type, e.source) for e in thread.events] == [("opt_out", "auto")]


def test_another_accounts_conversations_are_not_found(db_session, account, reply):
    other, _key = create_account(db_session, name="Other")
    reply("+12025550150", "please remove me", 1, to_account=other)
    theirs = list_conversations(db_session, account_id=other.id, folder=Folder.ALL).rows[0]
    assert list_conversations(db_session, account_id=account.id, folder=Folder.AUTO).rows == []
    assert count_auto_opt_outs(db_session, account_id=account.id) == 0
    with pytest.raises(NotFound):
        get_thread(db_session, account_id=account.id, conversation_id=theirs.id)


@pytest.mark.parametrize("folder", list(Folder))
def test_a_folder_page_reads_an_index_in_order_without_sorting(db_session, account, folder):
    """At 100,000 conversations a page must cost what the first does: no sort of the folder."""
    if db_session.get_bind().dialect.name != "sqlite":
        pytest.skip("PostgreSQL's plan depends on table statistics; benchmarks/ measure it")
    statement = _folder_query(account.id, folder, "1.1" if folder is not Folder.AUTO else "5")
    compiled = statement.compile(db_session.get_bind(), compile_kwargs={"literal_binds": True})
    plan = " | ".join(row[-1] for row in db_session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
    assert "TEMP B-TREE" not in plan, plan
    assert "USING INDEX" in plan.split(" | ")[0], plan


def test_a_cursor_round_trips_to_the_microsecond():
    moment = datetime(2026, 11, 2, 9, 0, 1, 123457, tzinfo=UTC)
    assert decode_cursor(encode_cursor(moment, 42)) == (moment, 42)


@pytest.mark.parametrize("conversation_id", [0, -1, 2**63, 10**30])
def test_an_impossible_conversation_id_is_not_found(db_session, account, conversation_id):
    with pytest.raises(NotFound):
        get_thread(db_session, account_id=account.id, conversation_id=conversation_id)


def test_new_replies_are_the_accounts_replies_after_a_moment(db_session, account, reply):
    reply("+12025550111", "see you then", 1)
    reply("+12025550112", "thanks", 2)
    since = START + timedelta(minutes=2)
    assert count_new_replies(db_session, account_id=account.id, since=since) == 0
    reply("+12025550111", "can I come at 11?", 3)
    reply("+12025550111", "or 12", 4)
    reply("+12025550113", "STOP", 5)
    send(db_session, account=account, to="+12025550112", body="Sure", from_number=SENDER)
    other, _key = create_account(db_session, name="Other")
    reply("+12025550150", "hello", 6, to_account=other)
    assert count_new_replies(db_session, account_id=account.id, since=since) == 3


def test_a_conversations_version_changes_with_a_message_or_a_status(db_session, account, reply):
    reply("+12025550111", "see you then", 1)
    row = list_conversations(db_session, account_id=account.id, folder=Folder.ALL).rows[0]
    versions = [row.version]
    reply("+12025550111", "can I come at 11?", 2)
    versions.append(
        get_conversation(db_session, account_id=account.id, conversation_id=row.id).version
    )
    ledger.opt_out(
        db_session, account=account, number="+12025550111", source=EventSource.MANUAL, actor="t"
    )
    versions.append(
        get_conversation(db_session, account_id=account.id, conversation_id=row.id).version
    )
    assert len(set(versions)) == 3
