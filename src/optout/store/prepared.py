"""The inbound path's statements, run on PostgreSQL's driver as prepared statements; COPY.

SQLAlchemy compiles each statement once. Executing it on the driver's own connection then
skips SQLAlchemy's per-execution work, processing every parameter and describing every
result, which on the inbound path cost more CPU than the database's own work. The statement
runs in the transaction of the connection it is given: a SQLAlchemy ``Connection`` (a
session's, say) or a pooled psycopg connection used without SQLAlchemy (:data:`Db`). Only
statements whose parameters need no bind processing (plain values and timezone-aware
datetimes) belong here, and callers convert the values they read (:func:`utc`). Errors come
back as SQLAlchemy's (``OperationalError`` for a lost connection). On a SQLAlchemy
connection a lost connection is handled as SQLAlchemy handles it: the connection and every
other connection the pool opened before it are discarded, so after a database restart the
first failure renews the whole pool instead of each stale connection failing a request of
its own; whoever checked out a driver connection does the same
(:func:`optout.store.engine.driver_transaction`). Other databases run the statement through
SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import cache
from typing import Any

import psycopg
from psycopg.copy import QueuedLibpqWriter
from sqlalchemy import Connection, Executable, text
from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlalchemy.exc import DBAPIError, StatementError

Db = Connection | psycopg.Connection[Any]
"""A connection in a transaction: SQLAlchemy's (any database) or PostgreSQL's driver's."""
Query = tuple[Executable, Mapping[str, Any]]
Row = tuple[Any, ...]
_POSTGRESQL = PGDialect_psycopg()  # type: ignore[no-untyped-call]


def dialect_name(connection: Db) -> str:
    """Return the name of the connection's database dialect."""
    if isinstance(connection, psycopg.Connection):
        return "postgresql"
    return connection.dialect.name


def first_row(connection: Db, statement: Executable, params: Mapping[str, Any]) -> Row | None:
    """Run ``statement`` with ``params``; return its first row, or None when it has none."""
    if isinstance(connection, Connection) and connection.dialect.name != "postgresql":
        return _through_sqlalchemy(connection, statement, params)
    driver = _driver(connection)
    try:
        with _execute(driver, statement, params) as cursor:
            return cursor.fetchone()
    except psycopg.Error as error:
        raise _lost(connection, driver, error, (statement, params)) from error


def _through_sqlalchemy(
    connection: Connection, statement: Executable, params: Mapping[str, Any]
) -> Row | None:
    row = connection.execute(statement, dict(params)).first()
    return None if row is None else tuple(row)


def _driver(connection: Db) -> psycopg.Connection[Any]:
    if isinstance(connection, psycopg.Connection):
        return connection
    driver: psycopg.Connection[Any] = connection.connection.driver_connection  # type: ignore[assignment]
    return driver


def _execute(
    driver: psycopg.Connection[Any], statement: Executable, params: Mapping[str, Any]
) -> psycopg.Cursor[Any]:
    sql, defaults = compiled(statement)
    return driver.execute(sql, defaults | dict(params), prepare=True)


def _lost(
    connection: Db, driver: psycopg.Connection[Any], error: psycopg.Error, query: Query
) -> StatementError:
    """Return SQLAlchemy's error for ``error``, discarding a lost SQLAlchemy connection."""
    lost = bool(driver.broken)
    if lost and isinstance(connection, Connection):
        # as SQLAlchemy does: no connection opened before the loss is used again
        connection.engine.pool._invalidate(connection.connection, error)
        connection.invalidate(error)
    sql = compiled(query[0])[0]
    return DBAPIError.instance(sql, query[1], error, psycopg.Error, connection_invalidated=lost)


def copy_lines(connection: Connection, statement: str, lines: Sequence[str]) -> None:
    """Send ``lines``, one value each, to ``COPY … FROM STDIN`` (PostgreSQL's driver)."""
    copy_blocks(connection, statement, [_copy_text(lines).encode()])


def copy_blocks(connection: Connection, statement: str, blocks: Iterable[bytes]) -> int:
    """Send ``blocks`` (COPY's text format) to ``COPY … FROM STDIN``; return the lines sent.

    Each block is sent as soon as it is made, by a thread of the driver's, while the database
    reads the one before and the caller makes the next.
    """
    driver = _driver(connection)
    lines = 0
    try:
        with driver.cursor() as cursor:
            with cursor.copy(statement, writer=QueuedLibpqWriter(cursor)) as copy:
                for block in blocks:
                    copy.write(block)
                    lines += block.count(b"\n")
    except psycopg.Error as error:
        raise _lost(connection, driver, error, (text(statement), {})) from error
    return lines


def _copy_text(lines: Sequence[str]) -> str:
    """Return ``lines`` in COPY's text format: one a line, its backslashes escaped."""
    text = "\n".join(lines) + "\n"
    if "\\" in text or "\t" in text or "\r" in text or text.count("\n") != len(lines):
        text = "".join(line.translate(_COPY_ESCAPES) + "\n" for line in lines)
    return text


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


@cache
def compiled(statement: Executable) -> tuple[str, dict[str, Any]]:
    """Return the statement's PostgreSQL SQL and the values of the literals it binds itself."""
    result = statement.compile(dialect=_POSTGRESQL)  # type: ignore[attr-defined]
    return str(result), dict(result.params)


def utc(moment: datetime | None) -> datetime | None:
    """Return a timestamp the driver read, in UTC (as ``UTCDateTime`` reads it)."""
    return None if moment is None else moment.astimezone(UTC)
