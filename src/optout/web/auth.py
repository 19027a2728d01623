"""Sign-in for the pages: the signed session cookie, the signed-in user, CSRF tokens.

The session lives in a cookie signed with itsdangerous (Starlette's SessionMiddleware):
HttpOnly, SameSite=Lax, Secure when the service is published over HTTPS. It holds a random
session id ("Sign out" records it as ended in the database, so a copy of the cookie is
refused afterwards), the user's id, a fingerprint of their password hash (changing the
password signs every session out), the user's session version at sign-in ("sign out
everywhere" raises the version in the database, which signs every session out) and a CSRF
token that every POST form must send back. These checks read the database on each
request, so every worker sees a sign-out at once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterator
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Form, Request
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from optout.services.users import end_session, session_has_ended
from optout.store.tables import Account, SiteSecret, User, utcnow

SESSION_COOKIE = "optout_session"
SESSION_MAX_AGE = 14 * 24 * 3600
_SECRET_NAME = "session_signing_key"


class SignInRequired(Exception):
    """The page needs a signed-in user; the visitor is sent to the sign-in page."""


class CsrfRefused(Exception):
    """A form arrived without this session's CSRF token (a forged cross-site request)."""


def session_secret(session_factory: sessionmaker[Session]) -> str:
    """Return the signing key kept in the database, created once and shared by all workers."""
    try:
        with session_factory.begin() as session:
            if session.get(SiteSecret, _SECRET_NAME) is None:
                session.add(SiteSecret(name=_SECRET_NAME, value=secrets.token_urlsafe(48)))
    except IntegrityError:  # another worker created it at the same moment
        pass
    with session_factory() as session:
        return session.get_one(SiteSecret, _SECRET_NAME).value


def db_session(request: Request) -> Iterator[Session]:
    """Yield a database session for one request."""
    with request.app.state.session_factory() as session:
        yield session


DbSession = Annotated[Session, Depends(db_session)]


def csrf_token(request: Request) -> str:
    """Return this session's CSRF token, creating it on first use."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return token


def require_csrf(
    request: Request, csrf_token_field: Annotated[str, Form(alias="csrf_token")] = ""
) -> None:
    """Refuse a POST whose form does not carry this session's CSRF token."""
    expected = request.session.get("csrf")
    if not isinstance(expected, str) or not hmac.compare_digest(expected, csrf_token_field):
        raise CsrfRefused()


def _fingerprint(user: User) -> str:
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:24]


def sign_in(request: Request, user: User) -> None:
    """Start a fresh session for ``user`` (new CSRF token, nothing kept from before)."""
    request.session.clear()
    request.session.update(
        sid=secrets.token_urlsafe(32),
        user=user.id,
        auth=_fingerprint(user),
        version=user.session_version,
        csrf=secrets.token_urlsafe(32),
    )


def sign_out(request: Request, session: Session) -> None:
    """End the session: in the database, so a copy of the cookie is refused, and here."""
    session_id = request.session.get("sid")
    if isinstance(session_id, str):
        with session.begin():
            lifetime = timedelta(seconds=SESSION_MAX_AGE)
            end_session(session, session_id=session_id, now=utcnow(), lifetime=lifetime)
    request.session.clear()


def current_user(request: Request, session: DbSession) -> User:
    """Return the signed-in user or raise SignInRequired."""
    user_id = request.session.get("user")
    user = session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or not _session_is_current(request, user, session):
        request.session.pop("user", None)
        raise SignInRequired()
    return user


def _session_is_current(request: Request, user: User, session: Session) -> bool:
    fingerprint = str(request.session.get("auth", ""))
    # Sessions signed in before versions existed carry none: they belong to version 0.
    version = request.session.get("version", 0)
    session_id = request.session.get("sid")
    return (
        hmac.compare_digest(_fingerprint(user), fingerprint)
        and version == user.session_version
        # Sessions signed in before ids existed cannot be ended alone: they sign in again.
        and isinstance(session_id, str)
        and not session_has_ended(session, session_id=session_id)
    )


CurrentUser = Annotated[User, Depends(current_user)]


def current_account(user: CurrentUser, session: DbSession) -> Account:
    """Return the account of the signed-in user."""
    account = session.get_one(Account, user.account_id)
    # End the sign-in reads so the page's own unit of work opens its own transaction.
    session.commit()
    return account


CurrentAccount = Annotated[Account, Depends(current_account)]


def actor_of(user: User) -> str:
    """Return how the ledger names this user."""
    return f"user:{user.email}"
