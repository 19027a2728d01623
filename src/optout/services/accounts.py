"""Accounts and API keys: create an account, authenticate a key, rotate keys.

An account has two kinds of key (:class:`~optout.domain.KeyPurpose`): the management key,
for everything the account does, and the inbound key, which only hands over replies and is
given to the delivery channel alone; :mod:`optout.services.api_keys` checks them.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence

from sqlalchemy.orm import Session

from optout.detect.keywords import KEYWORDS
from optout.domain import Action, KeyPurpose
from optout.exceptions import InvalidInput, UnknownAccount
from optout.services.api_keys import KEY_PREFIXES, key_hash
from optout.services.provider_settings import configure_provider
from optout.services.providers import provider_named
from optout.store.accounts import find_account_by_slug, revoke_api_keys, slug_taken
from optout.store.tables import Account, ApiKey

_SLUG_CHARS = re.compile(r"[^a-z0-9]+")


def create_account(
    session: Session,
    *,
    name: str,
    slug: str | None = None,
    provider: str = "log",
    twilio_account_sid: str | None = None,
    twilio_auth_token: str | None = None,
) -> tuple[Account, str]:
    """Create an account with a management key; return it and the plain key, shown only once.

    Issue the inbound key with :func:`issue_api_key` (``optout accounts create`` does both).
    The Twilio credentials, when given, become the account's ``twilio`` provider settings.
    """
    if not name.strip():
        raise InvalidInput("name: an account needs a name", field="name")
    provider_named(provider)
    account = Account(name=name.strip(), slug=slug or _free_slug(session, name), provider=provider)
    session.add(account)
    session.flush()
    _configure_twilio(session, account, twilio_account_sid, twilio_auth_token)
    return account, issue_api_key(session, account=account)


def issue_api_key(
    session: Session, *, account: Account, purpose: KeyPurpose = KeyPurpose.MANAGEMENT
) -> str:
    """Add a new API key of ``purpose`` to ``account`` and return it in plain text."""
    prefix = secrets.token_hex(6)
    key = f"{KEY_PREFIXES[purpose]}{prefix}_{secrets.token_urlsafe(24)}"
    row = ApiKey(
        account_id=account.id, prefix=prefix, key_hash=key_hash(key), purpose=purpose.value
    )
    session.add(row)
    session.flush()
    return key


def rotate_api_key(session: Session, *, account: Account, purpose: KeyPurpose) -> str:
    """Revoke the account's keys of ``purpose`` and return a new one, in plain text."""
    revoke_api_keys(session, account_id=account.id, purpose=purpose.value)
    return issue_api_key(session, account=account, purpose=purpose)


def configure_account(
    session: Session,
    *,
    account: Account,
    opt_out_confirmation: str | None = None,
    opt_out_confirmation_enabled: bool | None = None,
    opt_in_confirmation: str | None = None,
    help_text: str | None = None,
    twilio_account_sid: str | None = None,
    twilio_auth_token: str | None = None,
) -> Account:
    """Change the account's reply texts and Twilio credentials; None leaves a value as it is."""
    changes = {
        "opt_out_confirmation": opt_out_confirmation,
        "opt_out_confirmation_enabled": opt_out_confirmation_enabled,
        "opt_in_confirmation": opt_in_confirmation,
        "help_text": help_text,
    }
    for name, value in changes.items():
        if value is not None:
            setattr(account, name, value)
    _configure_twilio(session, account, twilio_account_sid, twilio_auth_token)
    session.flush()
    return account


def _configure_twilio(
    session: Session, account: Account, account_sid: str | None, auth_token: str | None
) -> None:
    """Keep the Twilio options of old as the ``twilio`` provider's settings."""
    values = {"account_sid": account_sid, "auth_token": auth_token}
    given = {name: value for name, value in values.items() if value is not None}
    if given:
        configure_provider(session, account=account, provider="twilio", values=given)


def get_account_by_slug(session: Session, slug: str) -> Account:
    """Return the account with ``slug`` or raise UnknownAccount."""
    # No slug holds NUL, and PostgreSQL would refuse to compare one: answer without asking.
    account = find_account_by_slug(session, slug) if "\x00" not in slug else None
    if account is None:
        raise UnknownAccount(f"no account has the slug {slug!r}; see 'optout accounts create'")
    return account


def _free_slug(session: Session, name: str) -> str:
    base = _SLUG_CHARS.sub("-", name.lower()).strip("-")[:48] or "account"
    slug, counter = base, 1
    while slug_taken(session, slug):
        counter += 1
        slug = f"{base}-{counter}"
    return slug


MAX_OPT_OUT_KEYWORDS = 20
_KEYWORD = re.compile(r"[A-Z0-9][A-Z0-9 _-]{0,39}")


def set_opt_out_keywords(
    session: Session,
    *,
    account: Account,
    add: Sequence[str] = (),
    remove: Sequence[str] = (),
    replace: Sequence[str] | None = None,
) -> tuple[str, ...]:
    """Change the account's own opt-out keywords and return them.

    A reply that is one of them, however typed ("Leave5Good" for LEAVE4GOOD), is a keyword
    opt-out, which only the contact can undo. ``replace`` sets the whole list; otherwise
    ``add`` and ``remove`` change it. Keywords are kept in capitals.
    """
    current = list(account.declared_keywords) if replace is None else []
    for value in replace if replace is not None else add:
        keyword = _declared_keyword(value)
        if keyword not in current:
            current.append(keyword)
    gone = {_declared_keyword(value) for value in remove}
    kept = [keyword for keyword in current if keyword not in gone]
    if len(kept) > MAX_OPT_OUT_KEYWORDS:
        raise InvalidInput(
            f"an account can declare at most {MAX_OPT_OUT_KEYWORDS} opt-out keywords; "
            "remove one first",
            field="keywords",
        )
    account.opt_out_keywords = "\n".join(kept)
    session.flush()
    return tuple(kept)


def _declared_keyword(value: str) -> str:
    """Return a keyword as kept (capitals), or say why it cannot be one."""
    keyword = " ".join(value.split()).upper()
    if not _KEYWORD.fullmatch(keyword):
        raise InvalidInput(
            f"{value!r} cannot be an opt-out keyword: use 1 to 40 letters or digits "
            "(spaces, - and _ inside), e.g. LEAVE4GOOD",
            field="keywords",
        )
    if keyword.lower() in KEYWORDS:
        action = KEYWORDS[keyword.lower()]
        what = "opts out already" if action is Action.OPT_OUT else f"asks for {action.value}"
        raise InvalidInput(f"{keyword} is a standard keyword that {what}", field="keywords")
    return keyword
