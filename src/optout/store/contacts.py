"""Contacts: one row per (account, E.164 number), created on first sight, locked to change."""

from __future__ import annotations

from functools import cache

from sqlalchemy import Executable, bindparam, select
from sqlalchemy.orm import Session

from optout.store.tables import Contact, utcnow
from optout.store.upserts import dialect_of, insert_into, locks_rows, table_of


def find_contact(session: Session, *, account_id: int, number: str) -> Contact | None:
    """Return the account's contact with this E.164 number, if it has one."""
    statement = select(Contact).where(Contact.account_id == account_id, Contact.number == number)
    return session.scalars(statement).one_or_none()


def lock_contact(session: Session, *, account_id: int, number: str) -> Contact:
    """Return the contact for ``number``, created if new, locked until the transaction ends.

    One upsert does both: ``ON CONFLICT DO UPDATE`` takes the row lock on PostgreSQL, which
    serialises every change to one contact across workers; on SQLite any write takes the
    database's single write lock.
    """
    values = {"account_id": account_id, "number": number, "created_at": utcnow()}
    contact: Contact = session.scalars(_upsert(dialect_of(session)), values).one()
    return contact


@cache
def _upsert(dialect: str) -> Executable:
    insert = insert_into(dialect, table_of(Contact))
    statement = (
        insert.values(
            account_id=bindparam("account_id"),
            number=bindparam("number"),
            status="active",
            created_at=bindparam("created_at"),
        )
        .on_conflict_do_update(
            index_elements=["account_id", "number"], set_={"number": insert.excluded.number}
        )
        .returning(*table_of(Contact).c)
    )
    return select(Contact).from_statement(statement).execution_options(populate_existing=True)


def lock_contact_by_id(session: Session, contact_id: int) -> Contact:
    """Return the contact with this id, locked until the transaction ends (PostgreSQL)."""
    statement = select(Contact).where(Contact.id == contact_id)
    if locks_rows(session):
        statement = statement.with_for_update()
    return session.scalars(statement.execution_options(populate_existing=True)).one()
