"""A server's engine gives up on a slow database instead of holding a request for ever."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from optout.store.engine import make_engine

pytestmark = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


def test_a_statement_stops_at_the_timeout(database_url):
    engine = make_engine(database_url, timeout=0.5)
    with engine.connect() as connection, pytest.raises(OperationalError, match="statement timeout"):
        connection.execute(text("SELECT pg_sleep(5)"))
    engine.dispose()


def test_migrations_and_imports_run_without_one(database_url):
    engine = make_engine(database_url)
    with engine.connect() as connection:
        assert connection.execute(text("SHOW statement_timeout")).scalar() == "0"
    engine.dispose()
