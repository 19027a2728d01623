"""A small, known dataset for the Reports figures, seeded through the services.

Today (UTC): campaign "spring" texts four numbers, who answer STOP, "Please remove me from
your list", "wrong number" and "ok thanks"; campaign "winter" texts two, one answers
"Thanks!"; one text has no campaign. The account holder opts a number out by hand, keeps
the "remove me" auto opt-out on review and undoes the "wrong number" one; the STOP number
opts back in with START. Three days ago an import opted a number out (written with that
date into the ledger).

:func:`seed_auto_history` adds auto opt-outs of earlier weeks and what became of them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from optout.detect import Detector
from optout.domain import EventSource, EventType, ReviewOutcome
from optout.services.inbound import InboundMessage, receive_inbound
from optout.services.ledger import opt_back_in_auto, opt_out
from optout.services.outbound import send
from optout.services.providers.log import LogProvider
from optout.services.reviews import review
from optout.store.ledger import record_event
from optout.store.reviews import record_review
from optout.store.tables import Account, Contact, Conversation, Message, OptEvent

HISTORY = {
    "+12025550111": (9, "kept"),
    "+12025550112": (9, "undone"),
    "+12025550113": (16, "start"),
    "+12025550114": (16, "kept, then undone"),
}
"""Auto opt-outs of earlier days: the number, how many days ago, and what became of it."""

SPRING = ["+12025550101", "+12025550102", "+12025550103", "+12025550104"]
WINTER = ["+12025550105", "+12025550106"]
SPRING_REPLIES = ["STOP", "Please remove me from your list", "wrong number", "ok thanks"]


def seed_reports(session: Session, *, account: Account, detector: Detector) -> None:
    """Write the dataset described above for ``account``."""
    for number in SPRING:
        _send(session, account, number, "spring")
    for number in WINTER:
        _send(session, account, number, "winter")
    _send(session, account, "+12025550107", None)
    now = datetime.now(UTC) + timedelta(seconds=1)
    replies = dict(zip(SPRING, SPRING_REPLIES, strict=True)) | {WINTER[0]: "Thanks!"}
    ids = {n: _reply(session, account, detector, n, body, now) for n, body in replies.items()}
    opt_out(session, account=account, number="+12025550108", source=EventSource.MANUAL, actor="u")
    keep = [ids[SPRING[1]]]
    review(session, account=account, message_ids=keep, outcome=ReviewOutcome.KEPT, actor="u")
    opt_back_in_auto(session, account=account, message_id=ids[SPRING[2]], actor="u", confirm=True)
    _reply(session, account, detector, SPRING[0], "START", now + timedelta(minutes=1))
    _imported_days_ago(session, account, "+12025550109", 3)


def _send(session: Session, account: Account, number: str, campaign: str | None) -> None:
    send(
        session, account=account, to=number, body="Sale!", campaign=campaign, provider=LogProvider()
    )


def _reply(
    session: Session,
    account: Account,
    detector: Detector,
    number: str,
    body: str,
    at: datetime,
) -> int:
    inbound = InboundMessage(number, "+12025550100", body, f"SM-{number}-{body}", at)
    return receive_inbound(
        session, account=account, detector=detector, inbound=inbound, channel="test"
    ).message_id


def _imported_days_ago(session: Session, account: Account, number: str, days: int) -> None:
    at = datetime.now(UTC) - timedelta(days=days)
    contact = Contact(account_id=account.id, number=number, status="active")
    session.add(contact)
    session.flush()
    event = OptEvent(
        account_id=account.id,
        contact_id=contact.id,
        type="opt_out",
        source="import",
        actor="u",
        created_at=at,
    )
    session.add(event)
    session.flush()
    contact.status, contact.status_source = "opted_out", "import"
    contact.status_event_id, contact.status_changed_at = event.id, at
    session.flush()


def seed_auto_history(session: Session, *, account: Account) -> None:
    """Write the auto opt-outs of :data:`HISTORY` on their days, and what became of them.

    Nine days ago one was kept on review and one undone by the account holder a day later;
    sixteen days ago one contact opted back in with START (not an undoing) and one auto
    opt-out was kept on review, then undone all the same.
    """
    for number, (days, fate) in HISTORY.items():
        at = datetime.now(UTC) - timedelta(days=days)
        reply = _stored_reply(session, account, number, at)
        contact = session.get_one(Contact, reply.contact_id)
        record_event(session, contact, type=EventType.OPT_OUT, source=EventSource.AUTO,
                     actor="detector", message_id=reply.id, created_at=at)  # fmt: skip
        if "kept" in fate:
            record_review(session, reply, outcome=ReviewOutcome.KEPT, actor="u")
        if fate != "kept":
            source = EventSource.KEYWORD if fate == "start" else EventSource.MANUAL
            later = at + timedelta(days=1)
            record_event(session, contact, type=EventType.OPT_IN, source=source, actor="u",
                         created_at=later)  # fmt: skip
    session.flush()


def _stored_reply(session: Session, account: Account, number: str, at: datetime) -> Message:
    contact = Contact(account_id=account.id, number=number, status="active")
    session.add(contact)
    session.flush()
    conversation = Conversation(account_id=account.id, contact_id=contact.id, last_message_at=at)
    session.add(conversation)
    session.flush()
    reply = Message(
        account_id=account.id, conversation_id=conversation.id, contact_id=contact.id,
        direction="inbound", from_number=number, to_number="+12025550100",
        body="please stop", created_at=at, action="opt_out", trigger="auto",
    )  # fmt: skip
    session.add(reply)
    session.flush()
    return reply
