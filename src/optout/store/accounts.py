"""Accounts and their API keys."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.util import identity_key

from optout.store.prepared import Db, Query, Row, first_row, utc
from optout.store.tables import Account, ApiKey, keywords_of, utcnow
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


@dataclass(frozen=True, slots=True)
class AccountRow:
    """An account as a reply reads it: its id, its own keywords and its answers' texts.

    Read with the API key, without an ORM object (the inbound path makes one per reply).
    """

    id: int
    slug: str
    name: str
    opt_out_confirmation_enabled: bool
    opt_out_confirmation: str | None
    opt_in_confirmation: str | None
    help_text: str | None
    declared_keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FoundKey:
    """An unrevoked API key found by its prefix: its hash, its purpose and its account."""

    key_hash: str
    purpose: str
    account: Mapping[str, Any]
    """The account's columns, by name."""

    def account_row(self) -> AccountRow:
        """Return the key's account as a plain value."""
        columns = self.account
        return AccountRow(
            columns["id"],
            columns["slug"],
            columns["name"],
            columns["opt_out_confirmation_enabled"],
            columns["opt_out_confirmation"],
            columns["opt_in_confirmation"],
            columns["help_text"],
            keywords_of(columns["opt_out_keywords"]),
        )


def find_key(connection: Db, prefix: str) -> FoundKey | None:
    """Return the unrevoked key with ``prefix`` and its account's columns.

    Every API request asks this first, so it runs on the driver directly
    (:mod:`optout.store.prepared`): the ORM's query path cost more than the lookup itself.
    :func:`attached_account` makes the ORM's account of it, as if the ORM had loaded it.
    """
    return found_key(first_row(connection, *api_key_query(prefix)))


def api_key_query(prefix: str) -> Query:
    """Return the query :func:`found_key` reads: the unrevoked key with ``prefix``."""
    return FIND_API_KEY, {"prefix": prefix}


def found_key(row: Row | None) -> FoundKey | None:
    """Return the key a row of :func:`api_key_query` holds (None for no row)."""
    if row is None:
        return None
    return FoundKey(row[0], row[1], dict(zip(_ACCOUNT_KEYS, row[2:], strict=True)))


_ACCOUNTS, _API_KEYS = table_of(Account), table_of(ApiKey)
_ACCOUNT_KEYS = tuple(column.key for column in _ACCOUNTS.c)
FIND_API_KEY = (
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


def attached_account(session: Session, found: FoundKey) -> Account:
    """Return the session's copy of the key's account, attaching one if it has none."""
    held = session.identity_map.get(identity_key(Account, found.account["id"]))
    if isinstance(held, Account):
        return held
    columns = dict(found.account)
    columns["created_at"] = utc(columns["created_at"])
    account = Account(**columns)
    make_transient_to_detached(account)  # as if just loaded: nothing to flush
    session.add(account)
    return account
