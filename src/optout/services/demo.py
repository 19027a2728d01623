"""A demo account with realistic conversations, for a first look at an empty database."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from optout.config import Settings
from optout.detect import Detector
from optout.domain import ReviewOutcome
from optout.services import reviews
from optout.services.accounts import create_account
from optout.services.inbound import InboundMessage, receive_inbound
from optout.services.outbound import send
from optout.services.users import create_user
from optout.store.accounts import any_account
from optout.store.tables import Account, Conversation, Message, utcnow

DEMO_FROM = "+12025550100"
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
KEPT = "+12025550117"
"""The auto opt-out the demo shows as already reviewed ("Keep opted out")."""


@dataclass(frozen=True, slots=True)
class DemoInfo:
    """What to tell the person who started the demo."""

    account_slug: str
    api_key: str
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
        _seed_conversations(session, account, detector)
        password = secrets.token_urlsafe(12)
        create_user(session, account=account, email=DEMO_EMAIL, password=password)
    del settings  # the demo needs no settings of its own
    return DemoInfo(account.slug, key, len(REPLIES), DEMO_EMAIL, password)


def _seed_conversations(session: Session, account: Account, detector: Detector) -> None:
    start = utcnow() - timedelta(hours=len(REPLIES) + 1)
    for number, _ in REPLIES:
        sent = send(session, account=account, to=number, body=BROADCAST, from_number=DEMO_FROM)
        _backdate(session, sent, start)
    # The replies are stored by statements the ORM does not flush before: write the
    # broadcast's time first, or a reply would look older than it and not be the latest.
    session.flush()
    kept = []
    for index, (number, body) in enumerate(REPLIES):
        inbound = InboundMessage(
            number, DEMO_FROM, body, f"demo-{index}", start + timedelta(hours=index + 1)
        )
        result = receive_inbound(session, account=account, detector=detector, inbound=inbound)
        kept += [result.message_id] if number == KEPT else []
    actor = f"user:{DEMO_EMAIL}"
    reviews.review(
        session, account=account, message_ids=kept, outcome=ReviewOutcome.KEPT, actor=actor
    )


def _backdate(session: Session, message: Message, at: datetime) -> None:
    """Move a just-sent message back to ``at``: the broadcast went out before the replies."""
    message.created_at = at
    session.get_one(Conversation, message.conversation_id).last_message_at = at
