"""The migrations go down and up again on SQLite and PostgreSQL, keeping the rows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from optout.detect import Detector
from optout.services.accounts import create_account
from optout.services.inbound import InboundMessage, receive_inbound
from optout.store.engine import alembic_config, make_engine, upgrade


@pytest.fixture
def migrated(database_url: str) -> Iterator[tuple[str, Engine]]:
    """Return the test database and an engine on it; it is left at the newest revision."""
    engine = make_engine(database_url)
    try:
        yield database_url, engine
    finally:
        engine.dispose()
        upgrade(database_url)


def _user_columns(engine: Engine) -> set[str]:
    return {column["name"] for column in inspect(engine).get_columns("users")}


def _add_user(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO accounts (slug, name, provider, opt_out_confirmation_enabled, "
                "created_at) VALUES ('maple', 'Maple', 'log', true, CURRENT_TIMESTAMP)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO users (account_id, email, password_hash, created_at) "
                "SELECT id, 'ana@maple.test', 'hash', CURRENT_TIMESTAMP FROM accounts"
            )
        )


def test_session_versions_are_added_and_removed(migrated):
    url, engine = migrated
    command.downgrade(alembic_config(url), "0003")
    assert "session_version" not in _user_columns(engine)
    _add_user(engine)
    upgrade(url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT email, session_version FROM users")).all()
    assert [tuple(row) for row in rows] == [("ana@maple.test", 0)]
    command.downgrade(alembic_config(url), "0003")
    assert "session_version" not in _user_columns(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT email FROM users")).scalars().all() == [
            "ana@maple.test"
        ]


def test_every_migration_goes_down_to_nothing_and_back(migrated):
    url, engine = migrated
    command.downgrade(alembic_config(url), "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade(url)
    assert "session_version" in _user_columns(engine)


def _settings(engine: Engine) -> list[tuple[str, str, str, str]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT a.slug, s.provider, s.name, s.value FROM provider_settings AS s "
                "JOIN accounts AS a ON a.id = s.account_id ORDER BY a.slug, s.name"
            )
        ).all()
    return [tuple(row) for row in rows]


def test_twilio_credentials_move_to_provider_settings_and_back(migrated):
    url, engine = migrated
    command.downgrade(alembic_config(url), "0004")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO accounts (slug, name, provider, twilio_account_sid, "
                "twilio_auth_token, opt_out_confirmation_enabled, created_at) VALUES "
                "('maple', 'Maple', 'twilio', 'AC1', 'tok', true, CURRENT_TIMESTAMP), "
                "('oak', 'Oak', 'log', NULL, '', true, CURRENT_TIMESTAMP)"
            )
        )
    upgrade(url)
    assert _settings(engine) == [
        ("maple", "twilio", "account_sid", "AC1"),
        ("maple", "twilio", "auth_token", "tok"),
    ]
    command.downgrade(alembic_config(url), "0004")
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT slug, twilio_account_sid, twilio_auth_token FROM accounts ORDER BY slug")
        ).all()
    assert [tuple(row) for row in rows] == [("maple", "AC1", "tok"), ("oak", None, None)]


def _families(engine: Engine) -> list[tuple[str, str | None, str | None]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT m.body, m.family, e.family FROM messages AS m "
                "LEFT JOIN opt_events AS e ON e.message_id = m.id ORDER BY m.id"
            )
        ).all()
    return [tuple(row) for row in rows]


def test_stored_opt_outs_get_their_family_from_their_reason(migrated):
    url, engine = migrated
    replies = ["STOP", "sorry wrong number", "please take me off your list", "see you at 5"]
    with Session(engine) as session, session.begin():
        account, _ = create_account(session, name="Maple")
        for index, body in enumerate(replies):
            inbound = InboundMessage(f"+1202555012{index}", "+12025550100", body, f"SM{index}")
            receive_inbound(
                session, account=account, detector=Detector(), inbound=inbound, channel="test"
            )
    stored = _families(engine)
    assert [family for _, family, _ in stored] == [
        "keyword",
        "wrong number",
        "remove from list",
        None,
    ]
    command.downgrade(alembic_config(url), "0011")
    upgrade(url)
    assert _families(engine) == stored
    with pytest.raises(DatabaseError, match="append-only"), engine.begin() as connection:
        connection.execute(text("UPDATE opt_events SET family = 'opt out'"))
