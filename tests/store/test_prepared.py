"""Statements on PostgreSQL's driver: a connection lost meanwhile never returns to the pool."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import select, text

from optout.store.prepared import first_row

pytestmark = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


def test_a_row_comes_back_with_its_values(engine):
    with engine.connect() as connection:
        assert first_row(connection, select(text("41 + 1")), {}) == (42,)


def test_a_lost_connection_is_invalidated(engine):
    with engine.connect() as connection:
        pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
        connection.rollback()
        with engine.connect() as other:
            other.exec_driver_sql(f"SELECT pg_terminate_backend({pid})")
        with pytest.raises(psycopg.OperationalError):
            first_row(connection, select(text("1")), {})
        assert connection.invalidated
