"""Alembic environment: runs migrations against the URL set by optout.store.engine.

On SQLite the migrations run with foreign keys off, as SQLite's own procedure for
altering a table asks: a batch migration copies a table and drops the original, and with
foreign keys on that drop would delete every row referring to it through ``ON DELETE
CASCADE`` (an account's keys, users and contacts). Before the run commits, SQLite checks
that every reference still points at a row (``PRAGMA foreign_key_check``).

A batch migration that rebuilds ``contacts`` or ``opt_events`` on SQLite drops their
triggers with the old table (migrations 0001 and 0007): it must create them again.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, pool

from optout.store.engine import make_engine
from optout.store.tables import Base

config = context.config
target_metadata = Base.metadata


class DanglingReferences(RuntimeError):
    """A migration left rows that refer to rows that no longer exist."""


def run_migrations() -> None:
    """Run the migrations online, in one transaction per run."""
    url = config.get_main_option("sqlalchemy.url")
    assert url is not None, "sqlalchemy.url must be set"
    connectable = make_engine(url, sqlite_foreign_keys=False, poolclass=pool.NullPool)
    with connectable.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=sqlite
        )
        with context.begin_transaction():
            context.run_migrations()
            if sqlite:
                _refuse_dangling_references(connection)
    connectable.dispose()


def _refuse_dangling_references(connection: Connection) -> None:
    dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
    if dangling:
        tables = sorted({str(row[0]) for row in dangling})
        raise DanglingReferences(f"the migration left broken references in {', '.join(tables)}")


run_migrations()
