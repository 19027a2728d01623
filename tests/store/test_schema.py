"""The schema guarantees the ledger relies on, checked on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from optout.store.tables import Account, Contact, OptEvent


def _one_event(engine: Engine) -> int:
    with engine.begin() as connection:
        account = connection.execute(
            Account.__table__.insert().values(
                slug="a",
                name="A",
                provider="log",
                opt_out_confirmation_enabled=True,
                created_at=text("CURRENT_TIMESTAMP"),
            )
        ).inserted_primary_key[0]
        contact = connection.execute(
            Contact.__table__.insert().values(
                account_id=account,
                number="+12025550100",
                status="opted_out",
                created_at=text("CURRENT_TIMESTAMP"),
            )
        ).inserted_primary_key[0]
        return connection.execute(
            OptEvent.__table__.insert().values(
                account_id=account,
                contact_id=contact,
                type="opt_out",
                source="keyword",
                actor="contact",
                created_at=text("CURRENT_TIMESTAMP"),
            )
        ).inserted_primary_key[0]


@pytest.mark.parametrize(
    "statement", ["UPDATE opt_events SET reason = 'x'", "DELETE FROM opt_events"]
)
def test_database_refuses_to_change_a_ledger_event(engine: Engine, statement: str) -> None:
    _one_event(engine)
    with pytest.raises(DBAPIError, match="append-only"), engine.begin() as connection:
        connection.execute(text(statement))
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*), max(reason) FROM opt_events")).one() == (
            1,
            None,
        )
