"""Dialect-aware ``INSERT … ON CONFLICT``, so concurrent writers never collide.

The statements on the inbound path are built once per dialect with bound parameters:
building and hashing a fresh upsert costs more than running it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from optout.store.tables import Base


def dialect_of(session: Session) -> str:
    """Return the name of the session's database dialect."""
    return session.get_bind().dialect.name


def insert_into(dialect: str, table: Table) -> Any:
    """Return the dialect's INSERT (which knows ON CONFLICT) into ``table``."""
    if dialect == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def table_of(model: type[Base]) -> Table:
    """Return the table a model maps."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


def locks_rows(session: Session) -> bool:
    """Return whether ``SELECT … FOR UPDATE`` means something on this session's database."""
    return dialect_of(session) == "postgresql"
