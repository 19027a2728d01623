"""A demo account with realistic conversations, for a first look at an empty database.

Three campaigns went out over the last few days (the flu-shot broadcast, a newsletter and
appointment reminders); the replies answer them, so the Reports page has figures to show.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from optout.config import Settings
from optout.detect import Detector
from optout.domain import ContactStatus, KeyPurpose, ReviewOutcome
from optout.services import reviews
from optout.services.accounts import create_account, issue_api_key
from optout.services.inbound import InboundMessage, receive_inbound
from optout.services.outbound import send
from optout.services.users import create_user
from optout.store.accounts import any_account
from optout.store.contacts import find_contact
from optout.store.tables import Account, Conversation, Message, utcnow

DEMO_FROM = "+12025550100"
DEMO_CHANNEL = "demo"
"""How the ledger names the channel of the demo's own replies."""
DEMO_EMAIL = "demo@example.com"
BROADCAST = "Hi, it's Maple Street Clinic: flu shots are open this Saturday 9-1. Reply to book!"
REPLIES = [
    ("+12025550111", "Yes please, 10am works for me"),
    ("+12025550112", "STOP"),
    ("+12025550113", "Please remove me from your list"),
    ("+12025550114", "wrong number, nobody named Sam here"),
    ("+12025550115", "Can I cancel my appointment on Friday?"),
    ("+12025550116", "Unsubscribe"),
    ("+12025550117", "stop texting me"),
    ("+12025550118", "HELP"),
    ("+12025550119", "no me envíe más mensajes por favor"),
    (
        "+12025550121",
        "Hi, this is Sam's dad. Sam finished at the clinic's youth programme in the spring and "
        "we have moved across town, so we won't be coming back. Please remove me from your "
        "list. Thanks for everything you did for him over the years!",
    ),
    ("+12025550122", "Contact me no more."),
    ("+12025550120", "ok thanks 👍"),
]
NEWSLETTER = "Maple Street Clinic news: new evening hours Tue and Thu until 8pm."
NEWSLETTER_REPLIES = [
    ("+12025550121", "Great news, thank you"),
    ("+12025550122", "Take me off this list"),
    ("+12025550123", "END"),
    ("+12025550124", None),
    ("+12025550125", None),
    ("+12025550126", None),
]
REMINDER = "Maple Street Clinic: reminder of your appointment tomorrow. Reply C to confirm."
REMINDER_REPLIES = [
    ("+12025550111", "C"),
    ("+12025550127", "C"),
    ("+12025550128", "this is not my number, please stop"),
    ("+12025550129", None),
]
Replies = Sequence[tuple[str, str | None]]
CAMPAIGNS: list[tuple[str, str, Replies, int]] = [
    ("flu-shots", BROADCAST, REPLIES, 70),
    ("newsletter", NEWSLETTER, NEWSLETTER_REPLIES, 40),
    ("appointment-reminders", REMINDER, REMINDER_REPLIES, 10),
]
"""Each campaign: its name, text, numbers with their reply (None: no reply), hours ago."""
KEPT = "+12025550117"
"""The auto opt-out the demo shows as already reviewed ("Keep opted out")."""


@dataclass(frozen=True, slots=True)
class DemoInfo:
    """What to tell the person who started the demo."""

    account_slug: str
    api_key: str
    inbound_key: str
    conversations: int
    user_email: str = DEMO_EMAIL
    user_password: str = ""


def seed_demo(session_factory: sessionmaker[Session], settings: Settings) -> DemoInfo | None:
    """Create the demo account and conversations when the database has no account yet."""
    detector = Detector()
    with session_factory() as session, session.begin():
        if any_account(session):
            return None
        account, key = create_account(session, name="Demo", slug="demo")
        inbound_key = issue_api_key(session, account=account, purpose=KeyPurpose.INBOUND)
        for campaign in CAMPAIGNS:
            _seed_campaign(session, account, detector, *campaign)
        password = secrets.token_urlsafe(12)
        create_user(session, account=account, email=DEMO_EMAIL, password=password)
    del settings  # the demo needs no settings of its own
    numbers = {number for _, _, replies, _ in CAMPAIGNS for number, _ in replies}
    return DemoInfo(account.slug, key, inbound_key, len(numbers), DEMO_EMAIL, password)


def _seed_campaign(
    session: Session,
    account: Account,
    detector: Detector,
    campaign: str,
    text: str,
    replies: Replies,
    hours_ago: int,
) -> None:
    """Send ``text`` to each number as ``campaign``, then store the replies ten minutes apart.

    The reply from :data:`KEPT` is shown as already reviewed ("Keep opted out").
    """
    start = utcnow() - timedelta(hours=hours_ago)
    for number, _ in replies:
        if _opted_out(session, account, number):
            continue  # an earlier campaign's reply opted it out: the send would be refused
        sent = send(
            session, account=account, to=number, body=text, from_number=DEMO_FROM, campaign=campaign
        )
        _backdate(session, sent, start)
    kept = []
    for index, (number, body) in enumerate(replies):
        if body is None:
            continue
        at = start + timedelta(minutes=10 * (index + 1))
        inbound = InboundMessage(number, DEMO_FROM, body, f"demo-{campaign}-{index}", at)
        result = receive_inbound(
            session, account=account, detector=detector, inbound=inbound, channel=DEMO_CHANNEL
        )
        kept += [result.message_id] if number == KEPT else []
    if kept:
        actor = f"user:{DEMO_EMAIL}"
        reviews.review(
            session, account=account, message_ids=kept, outcome=ReviewOutcome.KEPT, actor=actor
        )


def _opted_out(session: Session, account: Account, number: str) -> bool:
    contact = find_contact(session, account_id=account.id, number=number)
    return contact is not None and contact.status == ContactStatus.OPTED_OUT


def _backdate(session: Session, message: Message, at: datetime) -> None:
    """Move a just-sent message back to ``at``: the broadcast went out before the replies."""
    message.created_at = at
    session.get_one(Conversation, message.conversation_id).last_message_at = at
    session.flush()  # replies are stored with Core statements, which do not flush first
