"""Dialect-aware ``INSERT … ON CONFLICT``, so concurrent writers never collide."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from optout.store.tables import Base


def insert_for(session: Session, model: type[Base]) -> Any:
    """Return the dialect's INSERT (which knows ON CONFLICT) for ``model``."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(model)
    return sqlite.insert(model)


def insert_or_ignore(
    session: Session, model: type[Base], values: dict[str, Any], conflict: list[str]
) -> int | None:
    """Insert one row unless ``conflict`` columns clash; return its id, or None if it existed."""
    statement = (
        insert_for(session, model)
        .values(**values)
        .on_conflict_do_nothing(index_elements=conflict)
        .returning(model.__table__.c.id)
    )
    row_id: int | None = session.execute(statement).scalar_one_or_none()
    return row_id


def locks_rows(session: Session) -> bool:
    """Return whether ``SELECT … FOR UPDATE`` means something on this session's database."""
    return session.get_bind().dialect.name == "postgresql"
