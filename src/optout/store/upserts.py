"""Dialect-aware ``INSERT … ON CONFLICT DO NOTHING``, so concurrent writers never collide."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from optout.store.tables import Base


def insert_or_ignore(
    session: Session, model: type[Base], values: dict[str, Any], conflict: list[str]
) -> int | None:
    """Insert one row unless ``conflict`` columns clash; return its id, or None if it existed."""
    table = model.__table__
    assert isinstance(table, Table)
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(table)
        .values(**values)
        .on_conflict_do_nothing(index_elements=conflict)
        .returning(table.c.id)
    )
    row_id: int | None = session.execute(statement).scalar_one_or_none()
    return row_id


def locks_rows(session: Session) -> bool:
    """Return whether ``SELECT … FOR UPDATE`` means something on this session's database."""
    return session.get_bind().dialect.name == "postgresql"
