"""Looking up an API key: the account comes back attached, as the ORM would load it."""

from __future__ import annotations

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from optout.services.accounts import create_account
from optout.services.api_keys import key_prefix
from optout.store.accounts import attached_account, find_key
from optout.store.tables import Account


def test_the_account_joins_the_session_unchanged(engine):
    with Session(engine) as session, session.begin():
        account, key = create_account(session, name="Clinic", twilio_auth_token="t" * 32)
        held = find_key(session.connection(), key_prefix(key))
        assert held is not None and attached_account(session, held) is account
    with Session(engine) as session, session.begin():
        found = find_key(session.connection(), key_prefix(key))
        assert found is not None and found.purpose == "management"
        loaded = attached_account(session, found)
        assert len(found.key_hash) == 64 and loaded in session and not session.dirty
        assert inspect(loaded).persistent and session.get(Account, loaded.id) is loaded
        assert (loaded.slug, loaded.provider) == ("clinic", "log")
        assert loaded.created_at.utcoffset() is not None and not session.dirty
        assert found.account_row().name == "Clinic"
        assert find_key(session.connection(), "0" * 12) is None
