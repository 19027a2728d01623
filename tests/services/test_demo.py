"""The demo account: every folder has something in it, newest reply first."""

from __future__ import annotations

import pytest

from optout.config import Settings
from optout.services import reviews
from optout.services.conversations import Folder, list_conversations
from optout.services.demo import CAMPAIGNS, REPLIES, seed_demo
from optout.store.engine import make_engine, make_session_factory


@pytest.fixture
def factory(database_url):
    """Return a session factory on the test database, closed after the test."""
    engine = make_engine(database_url)
    yield make_session_factory(engine)
    engine.dispose()


def test_the_demo_lists_the_newest_reply_first_and_fills_every_folder(database_url, factory):
    info = seed_demo(factory, Settings(database_url=database_url))
    assert info is not None
    with factory() as session:
        rows = list_conversations(session, account_id=1, folder=Folder.ALL).rows
        _, text, replies, _ = min(CAMPAIGNS, key=lambda campaign: campaign[3])  # the latest
        newest_number, newest_reply = [reply for reply in replies if reply[1] is not None][-1]
        assert (rows[0].number, rows[0].last_message_body) == (newest_number, newest_reply)
        times = [row.last_message_at for row in rows]
        assert times == sorted(times, reverse=True)
        texts = {campaign[1] for campaign in CAMPAIGNS}
        replied = {number for number, _ in REPLIES}  # the flu-shot broadcast's: all replied
        assert all(row.last_message_body not in texts for row in rows if row.number in replied)
        for folder in (Folder.AUTO, Folder.OPTED_OUT):
            assert list_conversations(session, account_id=1, folder=folder).rows, folder
        assert reviews.needs_review(session, account_id=1).items
        auto = list_conversations(session, account_id=1, folder=Folder.AUTO).rows
        assert any(row.reviewed for row in auto) and not all(row.reviewed for row in auto)
