"""Contacts: one row per (account, E.164 number), created on first sight, locked to change."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from optout.store.tables import Contact, utcnow
from optout.store.upserts import insert_or_ignore, locks_rows


def find_contact(session: Session, *, account_id: int, number: str) -> Contact | None:
    """Return the account's contact with this E.164 number, if it has one."""
    statement = select(Contact).where(Contact.account_id == account_id, Contact.number == number)
    return session.scalars(statement).one_or_none()


def lock_contact(session: Session, *, account_id: int, number: str) -> Contact:
    """Return the contact for ``number``, created if new, locked until the transaction ends.

    On PostgreSQL the row lock serialises every change to one contact across workers; on
    SQLite the insert has already taken the database's single write lock.
    """
    values = {"account_id": account_id, "number": number, "created_at": utcnow()}
    insert_or_ignore(session, Contact, values, ["account_id", "number"])
    statement = select(Contact).where(Contact.account_id == account_id, Contact.number == number)
    if locks_rows(session):
        statement = statement.with_for_update()
    return session.scalars(statement.execution_options(populate_existing=True)).one()


def lock_contact_by_id(session: Session, contact_id: int) -> Contact:
    """Return the contact with this id, locked until the transaction ends (PostgreSQL)."""
    statement = select(Contact).where(Contact.id == contact_id)
    if locks_rows(session):
        statement = statement.with_for_update()
    return session.scalars(statement.execution_options(populate_existing=True)).one()
