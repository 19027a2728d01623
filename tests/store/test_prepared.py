"""Statements on PostgreSQL's driver: a connection lost meanwhile never returns to the pool."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import OperationalError

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
        with pytest.raises(OperationalError) as raised:
            first_row(connection, select(text("1")), {})
        assert raised.value.connection_invalidated
        assert connection.invalidated


def _backend_pid(connection):
    return connection.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()


def test_a_lost_connection_renews_the_whole_pool(engine):
    # As after a database restart: every pooled connection is dead, and one failure must
    # be all it takes, not one failed request per connection the pool holds.
    with engine.connect() as first, engine.connect() as second, engine.connect() as third:
        pids = {_backend_pid(first), _backend_pid(second), _backend_pid(third)}
        for connection in (first, second, third):
            connection.rollback()
    admin = create_engine(engine.url)  # a connection of its own, outside the pool
    with admin.connect() as other:
        other.exec_driver_sql(
            f"SELECT pg_terminate_backend(pid) FROM unnest(ARRAY{sorted(pids)}) pid"
        )
    admin.dispose()
    with engine.connect() as connection, pytest.raises(OperationalError):
        first_row(connection, select(text("1")), {})
    for _ in pids:
        with engine.connect() as connection:
            assert first_row(connection, select(text("1")), {}) == (1,)
