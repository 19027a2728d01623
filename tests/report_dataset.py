"""A small, known dataset for the Reports figures, seeded through the services.

Today (UTC): campaign "spring" texts four numbers, who answer STOP, "Please remove me from
your list", "wrong number" and "ok thanks"; campaign "winter" texts two, one answers
"Thanks!"; one text has no campaign. The account holder opts a number out by hand and
undoes the "wrong number" auto opt-out; the STOP number opts back in with START. Three
days ago an import opted a number out (written with that date into the ledger).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from optout.detect import Detector
from optout.domain import EventSource
from optout.services.inbound import InboundMessage, receive_inbound
from optout.services.ledger import opt_back_in_auto, opt_out
from optout.services.outbound import send
from optout.services.providers.log import LogProvider
from optout.store.tables import Account, Contact, OptEvent

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
