"""Engine and session factory; applying migrations."""

from __future__ import annotations

from importlib import resources
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from optout.exceptions import OptoutError
from optout.store.tables import MessageReview, OptEvent


class LedgerIsAppendOnly(OptoutError):
    """Something tried to update or delete an opt-out event."""

    code = "ledger_append_only"


POOL_SIZE = 20
"""PostgreSQL connections each process keeps open: enough for the requests one worker serves
at once. With SQLAlchemy's default of 5, a burst opened and closed a new connection (a new
server process) for most requests. Size ``max_connections`` for workers x (size + overflow)."""
POOL_OVERFLOW = 10


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine for ``url``; SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"check_same_thread": False, "timeout": 30})
    elif "poolclass" not in kwargs:
        kwargs.setdefault("pool_size", POOL_SIZE)
        kwargs.setdefault("max_overflow", POOL_OVERFLOW)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Return a session factory bound to ``engine`` that keeps objects usable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


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


def upgrade(url: str, revision: str = "head") -> None:
    """Apply the migrations to the database at ``url``."""
    command.upgrade(alembic_config(url), revision)
