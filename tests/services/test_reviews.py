"""Needs review and verdicts on auto opt-outs: membership, who decided, the ledger, feedback."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

from optout.domain import REVIEW_FROM, Exclusion, ReviewOutcome
from optout.services import ledger, reviews
from optout.services.conversations import (
    Folder,
    count_unreviewed_auto_opt_outs,
    list_conversations,
)
from optout.services.inbound import InboundMessage, receive_inbound
from optout.services.outbound import send
from optout.store import reviews as store
from optout.store.tables import Contact, MessageReview, OptEvent

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
SENDER = "+12025550100"
UNSURE = "these texts are a lot"  # the model gives it about 0.72: under its thresholds
LONG = (
    "Hi, I got your message about the flu clinic but I have moved to another state and I "
    "do not need these reminders any more, so please remove me from your list. Thank you "
    "for all the help over the years, the staff were always lovely to my kids."
)


@pytest.fixture
def reply(db_session, account, detector):
    """Return a function that receives one reply from ``number`` (minutes after START)."""
    counter = iter(range(10_000))

    def receive(number: str, body: str, minute: int):
        inbound = InboundMessage(
            number, SENDER, body, f"m{next(counter)}", START + timedelta(minutes=minute)
        )
        return receive_inbound(
            db_session, account=account, detector=detector, inbound=inbound, channel="test"
        )

    return receive


def _waiting(db_session, account):
    return reviews.needs_review(db_session, account_id=account.id).items


def _status(db_session, account, number):
    query = select(Contact).where(Contact.account_id == account.id, Contact.number == number)
    return db_session.scalars(query).one().status


def test_needs_review_holds_opt_outs_that_were_not_applied(db_session, account, reply):
    assert len(LONG) > 200
    reply("+12025550111", "yes please", 1)
    reply("+12025550112", "please remove me from your list", 2)
    reply("+12025550113", LONG, 3)
    reply("+12025550114", "UNSTOP", 4)
    reply("+12025550114", "wrong number, nobody named Sam here", 5)
    reply("+12025550115", UNSURE, 6)
    items = _waiting(db_session, account)
    assert [(i.number, i.exclusion) for i in items] == [
        ("+12025550115", None),
        ("+12025550114", Exclusion.RECENT_UNSTOP),
        ("+12025550113", Exclusion.TOO_LONG),
    ]
    assert items[0].probability is not None
    assert REVIEW_FROM <= items[0].probability
    long_item = items[2]
    assert long_item.span and "remove me" in long_item.body[slice(*long_item.span)].lower()
    assert reviews.count_needs_review(db_session, account_id=account.id) == 3


def test_needs_review_reads_only_its_partial_index_on_sqlite(db_session, account):
    if db_session.bind.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's plan depends on table statistics; benchmarks/ measure it")
    statement = store._waiting(account.id).order_by(text("messages.id DESC")).limit(51)
    compiled = statement.compile(db_session.bind, compile_kwargs={"literal_binds": True})
    plan = db_session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
    assert any("ix_messages_account_lookalike" in str(row) for row in plan), plan


def test_opt_out_and_not_an_opt_out_are_recorded_and_leave_the_folder(db_session, account, reply):
    reply("+12025550113", LONG, 3)
    reply("+12025550114", "UNSTOP", 4)
    reply("+12025550114", "wrong number, nobody named Sam here", 5)
    unstop, long_item = _waiting(db_session, account)
    done = reviews.review(
        db_session,
        account=account,
        message_ids=[long_item.message_id],
        outcome=ReviewOutcome.OPTED_OUT,
        actor="user:dana@school.org",
    )
    assert done == 1
    assert _status(db_session, account, "+12025550113") == "opted_out"
    event = db_session.scalars(select(OptEvent).order_by(OptEvent.id.desc()).limit(1)).one()
    assert (event.type, event.source, event.actor, event.message_id) == (
        "opt_out",
        "manual",
        "user:dana@school.org",
        long_item.message_id,
    )
    reviews.review(
        db_session,
        account=account,
        message_ids=[unstop.message_id],
        outcome=ReviewOutcome.NOT_AN_OPT_OUT,
        actor="user:sam@school.org",
    )
    assert _status(db_session, account, "+12025550114") == "active"
    assert _waiting(db_session, account) == []
    verdicts = db_session.scalars(select(MessageReview).order_by(MessageReview.id)).all()
    assert [(v.outcome, v.actor) for v in verdicts] == [
        ("opted_out", "user:dana@school.org"),
        ("not_an_opt_out", "user:sam@school.org"),
    ]
    again = reviews.review(
        db_session,
        account=account,
        message_ids=[unstop.message_id, long_item.message_id],
        outcome=ReviewOutcome.OPTED_OUT,
        actor="user:late@school.org",
    )
    assert again == 0  # someone decided first: nothing is recorded twice


def test_keep_opted_out_marks_reviewed_and_the_badge_counts_unreviewed_only(
    db_session, account, reply
):
    first = reply("+12025550112", "please remove me from your list", 2)
    reply("+12025550113", "wrong number, nobody named Sam here", 3)
    assert count_unreviewed_auto_opt_outs(db_session, account_id=account.id) == 2
    done = reviews.review(
        db_session,
        account=account,
        message_ids=[first.message_id],
        outcome=ReviewOutcome.KEPT,
        actor="user:dana@school.org",
    )
    assert done == 1
    assert count_unreviewed_auto_opt_outs(db_session, account_id=account.id) == 1
    rows = list_conversations(db_session, account_id=account.id, folder=Folder.AUTO).rows
    assert [(r.number, r.reviewed) for r in rows] == [
        ("+12025550113", False),
        ("+12025550112", True),
    ]
    assert _status(db_session, account, "+12025550112") == "opted_out"
    keep_again = reviews.review(
        db_session,
        account=account,
        message_ids=[first.message_id],
        outcome=ReviewOutcome.KEPT,
        actor="user:dana@school.org",
    )
    assert keep_again == 0


def test_undoing_auto_opt_outs_is_a_label_and_measures_precision(db_session, account, reply):
    broadcast = send(
        db_session,
        account=account,
        to="+12025550112",
        body="Flu shots Saturday",
        from_number=SENDER,
    )
    broadcast.created_at = START  # sent before the reply
    undone = reply("+12025550112", "please remove me from your list", 2)
    reply("+12025550113", "wrong number, nobody named Sam here", 3)
    reviews.review(
        db_session,
        account=account,
        message_ids=[undone.message_id],
        outcome=ReviewOutcome.OPTED_BACK_IN,
        actor="user:dana@school.org",
    )
    assert _status(db_session, account, "+12025550112") == "active"
    measured = reviews.precision(db_session, account_id=account.id)
    assert (measured.auto_opt_outs, measured.undone, measured.rate) == (2, 1, 0.5)
    [example] = list(reviews.feedback(db_session, account_id=account.id))
    assert example["body"] == "please remove me from your list"
    assert example["prompt"] == "Flu shots Saturday"
    assert (example["decision"], example["human_label"]) == ("opt_out", "not_opt_out")


def test_the_api_undo_is_recorded_as_a_review_too(db_session, account, reply):
    result = reply("+12025550112", "please remove me from your list", 2)
    ledger.opt_back_in_auto(
        db_session, account=account, message_id=result.message_id, actor="key:x", confirm=True
    )
    verdict = db_session.scalars(select(MessageReview)).one()
    assert (verdict.outcome, verdict.actor) == ("opted_back_in", "key:x")


def test_reviews_are_append_only_in_the_database(db_session, account, reply):
    reply("+12025550113", LONG, 3)
    [item] = _waiting(db_session, account)
    reviews.review(
        db_session,
        account=account,
        message_ids=[item.message_id],
        outcome=ReviewOutcome.NOT_AN_OPT_OUT,
        actor="user:dana@school.org",
    )
    with pytest.raises(Exception, match="append-only"):
        with db_session.begin_nested():
            db_session.execute(text("UPDATE message_reviews SET outcome = 'opted_out'"))
    with pytest.raises(Exception, match="append-only"):
        with db_session.begin_nested():
            db_session.execute(text("DELETE FROM message_reviews"))
