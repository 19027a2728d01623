"""Accounts and their API keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.util import identity_key

from optout.store.prepared import first_row, utc
from optout.store.tables import Account, ApiKey, utcnow
from optout.store.upserts import table_of


def find_account_by_slug(session: Session, slug: str) -> Account | None:
    """Return the account with this slug, if any."""
    return session.scalars(select(Account).where(Account.slug == slug)).one_or_none()


def slug_taken(session: Session, slug: str) -> bool:
    """Return whether an account already uses ``slug``."""
    return find_account_by_slug(session, slug) is not None


def any_account(session: Session) -> bool:
    """Return whether at least one account exists."""
    return session.scalars(select(Account.id).limit(1)).first() is not None


def find_api_key(session: Session, prefix: str) -> tuple[str, str, Account] | None:
    """Return the hash and purpose of the unrevoked key with ``prefix``, and its account.

    Every API request asks this first, so it runs on the driver directly
    (:mod:`optout.store.prepared`) and the account joins the session as if the ORM had
    loaded it: the ORM's query path cost more than the lookup itself.
    """
    row = first_row(session.connection(), _FIND_API_KEY, {"prefix": prefix})
    return None if row is None else (row[0], row[1], _attached(session, row[2:]))


_ACCOUNTS, _API_KEYS = table_of(Account), table_of(ApiKey)
_FIND_API_KEY = (
    select(_API_KEYS.c.key_hash, _API_KEYS.c.purpose, *_ACCOUNTS.c)
    .join(_ACCOUNTS, _ACCOUNTS.c.id == _API_KEYS.c.account_id)
    .where(_API_KEYS.c.prefix == bindparam("prefix"), _API_KEYS.c.revoked_at.is_(None))
)


def revoke_api_keys(session: Session, *, account_id: int, purpose: str) -> int:
    """Revoke the account's unrevoked keys of ``purpose``; return how many there were."""
    statement = (
        update(ApiKey)
        .where(
            ApiKey.account_id == account_id,
            ApiKey.purpose == purpose,
            ApiKey.revoked_at.is_(None),
        )
        .values(revoked_at=utcnow())
    )
    return int(session.execute(statement).rowcount or 0)  # type: ignore[attr-defined]


def _attached(session: Session, values: Sequence[Any]) -> Account:
    """Return the session's account with these column values, attaching it if it has none."""
    columns = dict(zip((column.key for column in _ACCOUNTS.c), values, strict=True))
    held = session.identity_map.get(identity_key(Account, columns["id"]))
    if isinstance(held, Account):
        return held
    columns["created_at"] = utc(columns["created_at"])
    account = Account(**columns)
    make_transient_to_detached(account)  # as if just loaded: nothing to flush
    session.add(account)
    return account
