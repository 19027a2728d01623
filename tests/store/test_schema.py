"""The schema guarantees the ledger relies on, checked on SQLite and PostgreSQL.

The database itself, not only the code, keeps the ledger append-only and each contact's
status equal to what its latest event says.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from optout.store.tables import Account, Contact, OptEvent

FOLLOWS = "must follow the latest opt_events entry"


def _event(connection: Connection, contact: int, type: str, source: str) -> int:
    """Append an event for ``contact`` and set its status as the code does: event first."""
    event = connection.execute(
        OptEvent.__table__.insert().values(
            account_id=1,
            contact_id=contact,
            type=type,
            source=source,
            actor="contact",
            created_at=text("CURRENT_TIMESTAMP"),
        )
    ).inserted_primary_key[0]
    status = "opted_out" if type == "opt_out" else "active"
    connection.execute(
        text(
            "UPDATE contacts SET status = :status, status_source = :source, "
            "status_event_id = :event, status_changed_at = CURRENT_TIMESTAMP WHERE id = :contact"
        ),
        {"status": status, "source": source, "event": event, "contact": contact},
    )
    return event


def _opted_out_contact(engine: Engine) -> int:
    """Return the id of contact 1 of account 1, opted out by its own STOP."""
    with engine.begin() as connection:
        connection.execute(
            Account.__table__.insert().values(
                id=1,
                slug="a",
                name="A",
                provider="log",
                opt_out_confirmation_enabled=True,
                created_at=text("CURRENT_TIMESTAMP"),
            )
        )
        contact = connection.execute(
            Contact.__table__.insert().values(
                account_id=1,
                number="+12025550100",
                status="active",
                created_at=text("CURRENT_TIMESTAMP"),
            )
        ).inserted_primary_key[0]
        _event(connection, contact, "opt_out", "keyword")
    return int(contact)


def _state(engine: Engine) -> tuple[int, str, str | None]:
    with engine.connect() as connection:
        events = connection.execute(text("SELECT count(*) FROM opt_events")).scalar_one()
        contact = connection.execute(text("SELECT status, status_source FROM contacts")).one()
    return events, contact[0], contact[1]


@pytest.mark.parametrize(
    "statement", ["UPDATE opt_events SET reason = 'x'", "DELETE FROM opt_events"]
)
def test_database_refuses_to_change_a_ledger_event(engine: Engine, statement: str) -> None:
    _opted_out_contact(engine)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text(statement))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*), max(reason) FROM opt_events")).one() == (
            1,
            None,
        )


def test_postgresql_refuses_to_truncate_the_ledger(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no TRUNCATE; DELETE is refused (above)")
    _opted_out_contact(engine)
    for statement in ("TRUNCATE opt_events", "TRUNCATE contacts CASCADE"):
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
            connection.execute(text(statement))
    assert _state(engine) == (1, "opted_out", "keyword")


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE contacts SET status = 'active'",
        "UPDATE contacts SET status = 'active', status_source = NULL, status_event_id = NULL",
        # An auto opt-out the account may undo, where the contact said STOP themselves.
        "UPDATE contacts SET status_source = 'auto'",
        "INSERT INTO contacts (account_id, number, status, status_source, created_at) "
        "VALUES (1, '+12025550101', 'opted_out', 'keyword', CURRENT_TIMESTAMP)",
    ],
)
def test_database_refuses_a_status_change_without_its_event(engine: Engine, statement: str) -> None:
    _opted_out_contact(engine)
    with pytest.raises(DBAPIError, match=FOLLOWS), engine.begin() as connection:
        connection.execute(text(statement))
    assert _state(engine) == (1, "opted_out", "keyword")


def test_database_refuses_a_status_that_is_not_what_the_event_says(engine: Engine) -> None:
    contact = _opted_out_contact(engine)
    with pytest.raises(DBAPIError, match=FOLLOWS), engine.begin() as connection:
        event = _event(connection, contact, "opt_in", "manual")
        connection.execute(text("UPDATE contacts SET status = 'opted_out'"))
        assert event
    assert _state(engine) == (1, "opted_out", "keyword")


def test_postgresql_refuses_an_event_that_leaves_the_status_behind(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite cannot defer a check to the end of the transaction")
    _opted_out_contact(engine)
    with pytest.raises(DBAPIError, match=FOLLOWS), engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO opt_events (account_id, contact_id, type, source, actor, created_at) "
                "VALUES (1, 1, 'opt_in', 'manual', 'user:x', CURRENT_TIMESTAMP)"
            )
        )
    assert _state(engine) == (1, "opted_out", "keyword")


def test_a_status_change_with_its_event_is_kept(engine: Engine) -> None:
    contact = _opted_out_contact(engine)
    with engine.begin() as connection:
        _event(connection, contact, "opt_in", "keyword")
    assert _state(engine) == (2, "active", "keyword")
