"""API keys: check the key a call presents, and name it in the ledger.

Each key has a purpose (:class:`~optout.domain.KeyPurpose`): the management key, for
everything the account does, and the inbound key, which only hands over replies and is given
to the delivery channel alone. Each is refused (403) where the other belongs; a missing or
wrong key is refused (401) alike, whatever the reason.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from sqlalchemy.orm import Session

from optout.domain import KeyPurpose
from optout.exceptions import AuthenticationFailed, PermissionDenied
from optout.store.accounts import AccountRow, FoundKey, attached_account, find_key
from optout.store.prepared import Db
from optout.store.tables import Account

KEY_PREFIXES = {KeyPurpose.MANAGEMENT: "oo_", KeyPurpose.INBOUND: "ooin_"}
_KEY_SHAPE = re.compile(r"oo(?:in)?_([0-9a-f]{12})_[A-Za-z0-9_-]{20,}")
_WRONG_KEY = {
    KeyPurpose.MANAGEMENT: "this is the account's inbound key, which only hands over replies "
    "(POST /v1/inbound); use the management key",
    KeyPurpose.INBOUND: "replies are taken only with the account's inbound key, held by the "
    "delivery channel, not with the management key; see 'optout accounts rotate-key --inbound'",
}


def authenticate_api_key(
    session: Session, key: str | None, purpose: KeyPurpose = KeyPurpose.MANAGEMENT
) -> Account:
    """Return the account whose ``purpose`` key is ``key``, in the session.

    Raise AuthenticationFailed for a missing or wrong key, PermissionDenied for the
    account's key of the other purpose.
    """
    parts = key_parts(key)
    found = find_key(session.connection(), parts[0]) if parts else None
    return attached_account(session, _checked(found, key, purpose))


def authenticate_key(connection: Db, key: str | None, purpose: KeyPurpose) -> AccountRow:
    """Return the account whose ``purpose`` key is ``key``, as a plain value (no session)."""
    parts = key_parts(key)
    return checked_key(find_key(connection, parts[0]) if parts else None, key, purpose)


def checked_key(found: FoundKey | None, key: str | None, purpose: KeyPurpose) -> AccountRow:
    """Return the account of ``found`` if it is the ``purpose`` key ``key``, else raise as
    :func:`authenticate_api_key` does."""
    return _checked(found, key, purpose).account_row()


def _checked(found: FoundKey | None, key: str | None, purpose: KeyPurpose) -> FoundKey:
    stored_hash = found.key_hash if found else key_hash("no such key")
    if not hmac.compare_digest(stored_hash, key_hash(key or "")) or found is None:
        raise wrong_key()
    if found.purpose != purpose.value:
        raise PermissionDenied(_WRONG_KEY[purpose])
    return found


def wrong_key() -> AuthenticationFailed:
    """Return the error for a missing or wrong API key."""
    return AuthenticationFailed(
        "missing or wrong API key; send it as 'Authorization: Bearer <api key>'"
    )


def key_parts(key: str | None) -> tuple[str, str] | None:
    """Return the prefix a key is found by and the hash it is stored as; None for no key."""
    shape = _KEY_SHAPE.fullmatch(key or "")
    return (shape.group(1), key_hash(shape.group(0))) if shape else None


def key_prefix(key: str) -> str:
    """Return the public prefix of an API key, used to name it as an actor."""
    shape = _KEY_SHAPE.fullmatch(key)
    return shape.group(1) if shape else "unknown"


def key_actor(key: str | None, purpose: KeyPurpose) -> str:
    """Return how the ledger names a caller by its key: ``api-key:<prefix>``, ``inbound-key:…``."""
    kind = "inbound-key" if purpose is KeyPurpose.INBOUND else "api-key"
    return f"{kind}:{key_prefix(key or '')}"


def key_hash(key: str) -> str:
    """Return the hash a key is stored as."""
    return hashlib.sha256(key.encode()).hexdigest()
