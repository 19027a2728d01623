"""Accounts and their API keys."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from optout.store.tables import Account, ApiKey


def find_account_by_slug(session: Session, slug: str) -> Account | None:
    """Return the account with this slug, if any."""
    return session.scalars(select(Account).where(Account.slug == slug)).one_or_none()


def slug_taken(session: Session, slug: str) -> bool:
    """Return whether an account already uses ``slug``."""
    return find_account_by_slug(session, slug) is not None


def any_account(session: Session) -> bool:
    """Return whether at least one account exists."""
    return session.scalars(select(Account.id).limit(1)).first() is not None


def find_api_key(session: Session, prefix: str) -> tuple[str, Account] | None:
    """Return the hash of the unrevoked key with ``prefix`` and its account, if any."""
    row = session.execute(_FIND_API_KEY, {"prefix": prefix}).one_or_none()
    return None if row is None else (row[0], row[1])


# Built once: every API request runs it. Only the hash of the key is read: loading the key's
# whole row costs more than the lookup.
_FIND_API_KEY = (
    select(ApiKey.key_hash, Account)
    .join(Account, Account.id == ApiKey.account_id)
    .where(ApiKey.prefix == bindparam("prefix"), ApiKey.revoked_at.is_(None))
)
