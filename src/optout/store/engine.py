"""Engine and session factory; applying migrations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

import psycopg
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, PoolProxiedConnection, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from optout.exceptions import OptoutError
from optout.numbers import DEFAULT_REGION
from optout.store import timestamps
from optout.store.prepared import Db
from optout.store.tables import MessageReview, OptEvent


class LedgerIsAppendOnly(OptoutError):
    """Something tried to update or delete an opt-out event."""

    code = "ledger_append_only"


POOL_SIZE = 20
"""PostgreSQL connections each process keeps open: enough for the requests one worker serves
at once. With SQLAlchemy's default of 5, a burst opened and closed a new connection (a new
server process) for most requests. Size ``max_connections`` for workers x (size + overflow)."""
POOL_OVERFLOW = 10
CONNECT_TIMEOUT = 10
"""Seconds to open a PostgreSQL connection when no tighter ``timeout`` is given."""


def make_engine(
    url: str, *, timeout: float | None = None, sqlite_foreign_keys: bool = True, **kwargs: Any
) -> Engine:
    """Create an engine for ``url``; SQLite: WAL, synchronous=FULL, foreign keys, busy timeout.

    With ``timeout`` (seconds), waiting for a connection from the pool, opening one, and each
    PostgreSQL statement or lock stop after that long with an error, instead of holding a
    request (and its thread) for as long as the database hangs. A server passes its
    ``database_timeout``; migrations and command-line imports pass none.

    ``sqlite_foreign_keys=False`` is for migrations only: SQLite alters a table by copying
    it and dropping the original, and with foreign keys on, that drop deletes every row that
    refers to it through ``ON DELETE CASCADE``; the copy's rename into place leaves
    triggers of other tables alone (``legacy_alter_table``).
    """
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"check_same_thread": False, "timeout": 30})
    else:
        kwargs.setdefault("connect_args", _postgres_connect_args(timeout))
        if "poolclass" not in kwargs:
            kwargs.setdefault("pool_size", POOL_SIZE)
            kwargs.setdefault("max_overflow", POOL_OVERFLOW)
            if timeout is not None:
                kwargs.setdefault("pool_timeout", timeout)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        pragmas = _sqlite_pragmas if sqlite_foreign_keys else _sqlite_pragmas_for_migrations
        event.listen(engine, "connect", pragmas)
    if engine.dialect.driver == "psycopg":
        event.listen(engine, "connect", _postgres_loaders)
    return engine


def _postgres_connect_args(timeout: float | None) -> dict[str, Any]:
    # libpq's connect_timeout is whole seconds, 2 at least; without one a frozen server holds
    # a new connection for ever.
    seconds = max(2, round(timeout)) if timeout is not None else CONNECT_TIMEOUT
    args: dict[str, Any] = {"connect_timeout": seconds}
    if timeout is not None:
        milliseconds = round(timeout * 1000)
        args["options"] = f"-c statement_timeout={milliseconds} -c lock_timeout={milliseconds}"
    return args


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    _set_pragmas(dbapi_connection, foreign_keys=True)


def _sqlite_pragmas_for_migrations(dbapi_connection: Any, _record: Any) -> None:
    _set_pragmas(dbapi_connection, foreign_keys=False)
    # A rebuilt table is renamed into place while triggers on other tables name it (the
    # ledger's campaign_days trigger reads messages): the check of those triggers at the
    # rename would fail, as the table it names was just dropped.
    dbapi_connection.execute("PRAGMA legacy_alter_table=ON")


def _set_pragmas(dbapi_connection: Any, *, foreign_keys: bool) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    if not foreign_keys:
        # A migration rebuilds a table by dropping it and renaming a copy; the rename
        # checks every trigger, and one on another table naming the dropped table (the
        # folder counts' triggers of migration 0014) would refuse it in between.
        cursor.execute("PRAGMA legacy_alter_table=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: WAL with NORMAL may lose the last commits on power loss, and a commit is an opt-out
    # the SMS platform was told is stored.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _postgres_loaders(dbapi_connection: Any, _record: Any) -> None:
    timestamps.install(dbapi_connection)


def make_session_factory(
    engine: Engine, *, default_region: str = DEFAULT_REGION
) -> sessionmaker[Session]:
    """Return a session factory bound to ``engine`` that keeps objects usable after commit.

    Its sessions carry ``default_region``, the region the services read national numbers
    in (:func:`region_of`): the app's or the command's settings, never a global read.
    """
    info = {"default_region": default_region}
    return sessionmaker(bind=engine, expire_on_commit=False, info=info)


@contextmanager
def driver_transaction(engine: Engine) -> Iterator[Db]:
    """Yield a pooled connection in a transaction: committed on leaving, rolled back on an error.

    On PostgreSQL it is psycopg's connection itself, from the engine's pool, for work done
    with :mod:`optout.store.prepared` alone: no session or SQLAlchemy connection is made,
    which on the inbound path cost more CPU than the statements. Errors come back as
    SQLAlchemy's, and a connection lost meanwhile is discarded with every connection the
    pool opened before it, as SQLAlchemy does. Other databases get SQLAlchemy's connection.
    """
    if engine.dialect.driver != "psycopg":
        with engine.begin() as connection:
            yield connection
        return
    pooled = _checkout(engine)
    driver: psycopg.Connection[Any] = pooled.driver_connection  # type: ignore[assignment]
    try:
        yield driver
        _commit(driver)
    except BaseException as error:
        _end_failed(engine, pooled, driver, error)
        raise
    finally:
        if pooled.is_valid:  # a discarded connection went back to the pool already
            pooled.close()


def _checkout(engine: Engine) -> PoolProxiedConnection:
    try:
        return engine.raw_connection()
    except psycopg.Error as error:  # connecting failed: SQLAlchemy's error, as a session gets
        raise DBAPIError.instance(None, None, error, psycopg.Error) from error


def _commit(driver: psycopg.Connection[Any]) -> None:
    try:
        driver.commit()
    except psycopg.Error as error:
        lost = bool(driver.broken)
        raise DBAPIError.instance("COMMIT", None, error, psycopg.Error, lost) from error


def _end_failed(
    engine: Engine,
    pooled: PoolProxiedConnection,
    driver: psycopg.Connection[Any],
    error: BaseException,
) -> None:
    """Roll back a failed transaction, or discard its connection (and older ones) if lost."""
    if not driver.broken:
        try:
            driver.rollback()
            return
        except psycopg.Error:
            pass  # lost while rolling back: discarded below
    engine.pool._invalidate(pooled, error)


def region_of(session: Session) -> str:
    """Return the region national numbers are read in for work done in ``session``."""
    region: str = session.info.get("default_region", DEFAULT_REGION)
    return region


@event.listens_for(OptEvent, "before_update")
def _refuse_event_update(*_args: Any) -> None:
    raise LedgerIsAppendOnly("opt-out events are append-only and cannot be changed")


@event.listens_for(OptEvent, "before_delete")
def _refuse_event_delete(*_args: Any) -> None:
    raise LedgerIsAppendOnly("opt-out events are append-only and cannot be deleted")


@event.listens_for(MessageReview, "before_update")
@event.listens_for(MessageReview, "before_delete")
def _refuse_review_change(*_args: Any) -> None:
    raise LedgerIsAppendOnly("review decisions are append-only and cannot be changed")


def alembic_config(url: str) -> Config:
    """Return an Alembic config pointing at the packaged migrations and ``url``."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("optout") / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def schema_is_current(engine: Engine) -> bool:
    """Return whether the database at ``engine`` has every migration applied."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(str(engine.url))).get_current_head()
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() == head


def upgrade(url: str, revision: str = "head") -> None:
    """Apply the migrations to the database at ``url``."""
    command.upgrade(alembic_config(url), revision)
