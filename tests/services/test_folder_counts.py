"""The folder counts the database keeps equal a plain COUNT after every kind of change.

Each step below changes the account the way a user or a contact can; after each one, every
count read from ``folder_counts`` must equal the count of the rows it stands for, queried
the slow, obvious way.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session
from tests.folder_counts import plain_counts

from optout.domain import EventSource, ReviewOutcome
from optout.services import conversations, ledger, reviews
from optout.services.accounts import create_account
from optout.services.inbound import InboundMessage, receive_inbound
from optout.services.outbound import send
from optout.store.folder_counts import FolderCounts
from optout.store.ledger import opt_out_many
from optout.store.tables import Account, Contact, Conversation, FolderCount

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
SENDER = "+12025550100"
UNSURE = "these texts are a lot"  # in the review band: Needs review
AUTO = "wrong number, nobody named Sam here"
LONG = (
    "Hi, I got your message about the flu clinic but I have moved to another state and I "
    "do not need these reminders any more, so please remove me from your list. Thank you "
    "for all the help over the years, the staff were always lovely to my kids."
)


def _check(session, account) -> FolderCounts:
    counts = conversations.folder_counts(session, account_id=account.id)
    assert counts == plain_counts(session, account.id)
    return counts


def _receive(session, account, detector, number: str, body: str, minute: int) -> int:
    at = START + timedelta(minutes=minute)
    inbound = InboundMessage(number, SENDER, body, f"m{minute}", at)
    result = receive_inbound(
        session, account=account, detector=detector, inbound=inbound, channel="test"
    )
    assert result.message_id is not None
    return result.message_id


def test_counts_follow_replies_opt_outs_opt_ins_and_reviews(db_session, account, detector):
    def receive(number: str, body: str, minute: int) -> int:
        message_id = _receive(db_session, account, detector, number, body, minute)
        _check(db_session, account)
        return message_id

    receive("+12025550111", "yes please", 1)
    receive("+12025550111", "see you then", 2)  # a second message: still one conversation
    receive("+12025550112", "STOP", 3)  # keyword
    auto = receive("+12025550113", AUTO, 4)  # auto
    kept = receive("+12025550114", "please remove me from your list", 5)
    long = receive("+12025550115", LONG, 6)  # too long: Needs review
    unsure = receive("+12025550116", UNSURE, 7)  # review band: Needs review
    receive("+12025550117", "UNSTOP", 8)
    receive("+12025550117", AUTO, 9)  # a recent UNSTOP: Needs review
    stays = receive("+12025550118", UNSURE, 10)
    counts = _check(db_session, account)
    assert (counts.conversations, counts.opted_out, counts.auto_opt_outs) == (8, 3, 2)
    assert (counts.needs_review, counts.auto_unreviewed, counts.auto_opt_outs_made) == (4, 2, 2)

    send(db_session, account=account, to="+12025550119", body="Flu shots Saturday")
    _check(db_session, account)
    ledger.opt_out(
        db_session, account=account, number="+12025550119", source=EventSource.MANUAL, actor="t"
    )
    _check(db_session, account)
    ledger.opt_out(  # manual opt-out of a number that never texted: no conversation
        db_session, account=account, number="+12025550120", source=EventSource.MANUAL, actor="t"
    )
    _check(db_session, account)
    numbers = ["+12025550121", "+12025550118", "+12025550119"]
    opt_out_many(
        db_session, account_id=account.id, numbers=numbers, source=EventSource.IMPORT, actor="t"
    )
    db_session.expire_all()
    _check(db_session, account)  # the import hid +…118's reply from Needs review
    receive("+12025550121", "who is this?", 11)  # an imported number's first reply
    ledger.opt_in(db_session, account=account, number="+12025550118", actor="t", confirm=True)
    db_session.expire_all()
    _check(db_session, account)  # opted back in: its reply waits again
    receive("+12025550112", "START", 12)  # the contact opts back in
    receive("+12025550113", "STOP", 13)  # a keyword over an auto opt-out

    verdicts = [
        ([kept], ReviewOutcome.KEPT),
        ([kept], ReviewOutcome.KEPT),  # a second time: passed over
        ([long], ReviewOutcome.OPTED_OUT),
        ([unsure, stays], ReviewOutcome.NOT_AN_OPT_OUT),  # several at once
        ([auto], ReviewOutcome.OPTED_BACK_IN),  # no longer in the folder: passed over
    ]
    for message_ids, outcome in verdicts:
        reviews.review(
            db_session, account=account, message_ids=message_ids, outcome=outcome, actor="t"
        )
        db_session.expire_all()
        _check(db_session, account)
    undo = receive("+12025550122", AUTO, 14)
    reviews.review(
        db_session,
        account=account,
        message_ids=[undo],
        outcome=ReviewOutcome.OPTED_BACK_IN,
        actor="t",
    )
    db_session.expire_all()
    counts = _check(db_session, account)
    assert (counts.auto_opt_outs_made, counts.auto_opt_outs_undone) == (3, 1)
    receive("+12025550114", "STOP", 15)  # a kept auto opt-out becomes the contact's own
    receive("+12025550122", AUTO, 16)  # auto again after an undo: the UNSTOP rule holds it


def test_each_account_counts_only_its_own(db_session, account, detector):
    other, _key = create_account(db_session, name="Other")
    _receive(db_session, account, detector, "+12025550111", AUTO, 1)
    _receive(db_session, other, detector, "+12025550111", LONG, 2)
    assert _check(db_session, account).auto_opt_outs == 1
    assert _check(db_session, other).needs_review == 1
    assert _check(db_session, other).auto_opt_outs == 0


def test_counts_stay_exact_and_few_rows_past_many_changes(engine, detector):
    with Session(engine, expire_on_commit=False) as session, session.begin():
        account, _key = create_account(session, name="Busy")
    for minute in range(150):  # past the rows folded together (every 64th), one at a time
        body = AUTO if minute % 3 == 0 else "ok thanks"
        with Session(engine) as session, session.begin():
            mine = session.get_one(Account, account.id)
            _receive(session, mine, detector, f"+1202555{minute:04d}", body, minute)
    with Session(engine) as session:
        counts = _check(session, account)
        rows = select(func.count()).where(FolderCount.account_id == account.id)
        assert session.scalar(rows) < 64  # what a page sums stays small
    assert (counts.conversations, counts.auto_opt_outs) == (150, 50)


def test_a_bulk_statement_is_folded_by_the_next_read(engine):
    with Session(engine, expire_on_commit=False) as session, session.begin():
        account, _key = create_account(session, name="Bulk")
    contacts = [
        {"id": n, "account_id": account.id, "number": f"+1303555{n:04d}"} for n in range(1, 1501)
    ]
    with engine.begin() as connection:  # one statement each, as an import or a backfill
        connection.execute(
            insert(Contact), [c | {"status": "active", "created_at": START} for c in contacts]
        )
        conversations = [
            {
                "account_id": account.id,
                "contact_id": c["id"],
                "last_message_at": START,
                "created_at": START,
            }
            for c in contacts
        ]
        connection.execute(insert(Conversation), conversations)
    rows = select(func.count()).where(FolderCount.account_id == account.id)
    with Session(engine) as session:
        assert _check(session, account).conversations == 1500
    with Session(engine) as session:
        assert session.scalar(rows) < 64
        assert _check(session, account).conversations == 1500
