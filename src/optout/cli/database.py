"""The database a command works on: a session on ``OPTOUT_DATABASE_URL``, errors in one line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from sqlalchemy.orm import Session

from optout.config import get_settings
from optout.exceptions import OptoutError
from optout.store.engine import make_engine, make_session_factory, schema_is_current

NOT_MIGRATED = (
    "error: the database has no tables yet or an older schema; run `optout db upgrade` first"
)


@contextmanager
def command_session() -> Iterator[Session]:
    """Yield a session on the configured database; stop with one line on any user error.

    A database nobody migrated (or migrated by an older release) is told so, with the
    command to run, before anything reads it; an :class:`OptoutError` prints its message.
    The engine is closed afterwards.
    """
    settings = get_settings()
    engine = make_engine(settings.database_url)
    try:
        if not schema_is_current(engine):
            typer.echo(NOT_MIGRATED, err=True)
            raise typer.Exit(1)
        with make_session_factory(engine, default_region=settings.default_region)() as session:
            yield session
    except OptoutError as error:
        typer.echo(f"error: {error.message}", err=True)
        raise typer.Exit(1) from error
    finally:
        engine.dispose()
