"""The inbound path's statements, run on PostgreSQL's driver as prepared statements.

SQLAlchemy compiles each statement once. Executing it on the driver's own connection then
skips SQLAlchemy's per-execution work, processing every parameter and describing every
result, which on the inbound path cost more CPU than the database's own work. The statement
still runs in the session's transaction. Only statements whose parameters need no bind
processing (plain values and timezone-aware datetimes) belong here, and callers convert the
values they read (:func:`utc`). Errors come back as SQLAlchemy's (``OperationalError`` for a
lost connection), and a lost connection is handled as SQLAlchemy handles it: the connection
and every other connection the pool opened before it are discarded, so after a database
restart the first failure renews the whole pool instead of each stale connection failing a
request of its own. Other databases run the statement through SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Any

from sqlalchemy import Connection, Dialect, Executable
from sqlalchemy.exc import DBAPIError


def first_row(
    connection: Connection, statement: Executable, params: Mapping[str, Any]
) -> tuple[Any, ...] | None:
    """Run ``statement`` with ``params``; return its first row, or None when it has none."""
    if connection.dialect.name != "postgresql":
        row = connection.execute(statement, dict(params)).first()
        return None if row is None else tuple(row)
    sql, defaults = _compiled(statement, connection.dialect)
    driver: Any = connection.connection.driver_connection
    try:
        with driver.cursor() as cursor:
            cursor.execute(sql, defaults | dict(params), prepare=True)
            found: tuple[Any, ...] | None = cursor.fetchone()
    except connection.dialect.loaded_dbapi.Error as error:
        lost = bool(driver.broken)
        if lost:  # as SQLAlchemy does: no connection opened before the loss is used again
            connection.engine.pool._invalidate(connection.connection, error)
            connection.invalidate(error)
        raise DBAPIError.instance(
            sql, params, error, connection.dialect.loaded_dbapi.Error, connection_invalidated=lost
        ) from error
    return found


@cache
def _compiled(statement: Executable, dialect: Dialect) -> tuple[str, dict[str, Any]]:
    """Return the statement's SQL and the values of the literals it binds itself."""
    compiled = statement.compile(dialect=dialect)  # type: ignore[attr-defined]
    return str(compiled), dict(compiled.params)


def utc(moment: datetime | None) -> datetime | None:
    """Return a timestamp the driver read, in UTC (as ``UTCDateTime`` reads it)."""
    return None if moment is None else moment.astimezone(UTC)
