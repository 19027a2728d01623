"""A demo account with realistic conversations, for a first look at an empty database."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from optout.config import Settings
from optout.detect import Detector
from optout.domain import KeyPurpose
from optout.services.accounts import create_account, issue_api_key
from optout.services.inbound import InboundMessage, receive_inbound
from optout.services.outbound import send
from optout.services.users import create_user
from optout.store.accounts import any_account
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
    ("+12025550120", "ok thanks 👍"),
]


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
        _seed_conversations(session, account, detector)
        password = secrets.token_urlsafe(12)
        create_user(session, account=account, email=DEMO_EMAIL, password=password)
    del settings  # the demo needs no settings of its own
    return DemoInfo(account.slug, key, inbound_key, len(REPLIES), DEMO_EMAIL, password)


def _seed_conversations(session: Session, account: Account, detector: Detector) -> None:
    start = utcnow() - timedelta(hours=len(REPLIES) + 1)
    for number, _ in REPLIES:
        sent = send(session, account=account, to=number, body=BROADCAST, from_number=DEMO_FROM)
        _backdate(session, sent, start)
    for index, (number, body) in enumerate(REPLIES):
        inbound = InboundMessage(
            number, DEMO_FROM, body, f"demo-{index}", start + timedelta(hours=index + 1)
        )
        receive_inbound(
            session, account=account, detector=detector, inbound=inbound, channel=DEMO_CHANNEL
        )


def _backdate(session: Session, message: Message, at: datetime) -> None:
    """Move a just-sent message back to ``at``: the broadcast went out before the replies."""
    message.created_at = at
    session.get_one(Conversation, message.conversation_id).last_message_at = at
