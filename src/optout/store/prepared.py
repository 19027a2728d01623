"""The inbound path's statements, run on PostgreSQL's driver as prepared statements; COPY.

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

from collections.abc import Mapping, Sequence
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
        raise _translated(connection, sql, params, error) from error
    return found


def copy_lines(connection: Connection, statement: str, lines: Sequence[str]) -> None:
    """Send ``lines``, one value each, to ``COPY … FROM STDIN`` (PostgreSQL's driver)."""
    driver: Any = connection.connection.driver_connection
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            copy.write(_copy_text(lines))
    except connection.dialect.loaded_dbapi.Error as error:
        raise _translated(connection, statement, {}, error) from error


def _copy_text(lines: Sequence[str]) -> str:
    """Return ``lines`` in COPY's text format: one a line, its backslashes escaped."""
    text = "\n".join(lines) + "\n"
    if "\\" in text or "\t" in text or "\r" in text or text.count("\n") != len(lines):
        text = "".join(line.translate(_COPY_ESCAPES) + "\n" for line in lines)
    return text


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _translated(
    connection: Connection, sql: str, params: Mapping[str, Any], error: Exception
) -> Exception:
    """Return the driver's ``error`` as SQLAlchemy's, renewing the pool if it lost the server."""
    driver: Any = connection.connection.driver_connection
    lost = bool(driver.broken)
    if lost:  # as SQLAlchemy does: no connection opened before the loss is used again
        connection.engine.pool._invalidate(connection.connection, error)
        connection.invalidate(error)
    dbapi_error = connection.dialect.loaded_dbapi.Error
    return DBAPIError.instance(sql, params, error, dbapi_error, connection_invalidated=lost)


@cache
def _compiled(statement: Executable, dialect: Dialect) -> tuple[str, dict[str, Any]]:
    """Return the statement's SQL and the values of the literals it binds itself."""
    compiled = statement.compile(dialect=dialect)  # type: ignore[attr-defined]
    return str(compiled), dict(compiled.params)


def utc(moment: datetime | None) -> datetime | None:
    """Return a timestamp the driver read, in UTC (as ``UTCDateTime`` reads it)."""
    return None if moment is None else moment.astimezone(UTC)
