"""People who sign in to the pages: creating them and checking their passwords.

Passwords are hashed with Argon2id (argon2-cffi's defaults). Checking a password for an
unknown email still runs one hash verification, so the answer takes as long as for a
known one and does not reveal which emails have accounts.

Argon2id takes 64 MiB and a core's worth of work per check, so a process runs at most
:data:`CONCURRENT_HASHES` at once and the rest wait their turn: eighty sign-ins sent together
cost two checks' memory, not eighty. :func:`check_password` runs outside any transaction,
so the waiting holds no database connection.

Each signed-in session has a random id; :func:`end_session` records it when the user signs
out, and :func:`session_has_ended` refuses it from then on, on every worker. A user's
``session_version`` is recorded in each session at sign-in; raising it with
:func:`end_all_sessions` ends every one of them.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from optout.exceptions import AuthenticationFailed, Conflict, InvalidInput
from optout.store.tables import Account, EndedSession, User

MIN_PASSWORD_LENGTH = 10
"""Shorter passwords are refused when a user is created."""

MAX_EMAIL = 320
"""The longest email address (RFC 5321); a longer one is nobody's."""
CONCURRENT_HASHES = 2
"""Password hashes one process computes at once."""

_hasher = PasswordHasher()
_hashing = threading.BoundedSemaphore(CONCURRENT_HASHES)


@cache
def _dummy_hash() -> str:
    return _hash("optout: a password nobody has")


def normalise_email(email: str) -> str:
    """Return ``email`` trimmed and lower-cased, or raise InvalidInput if it is not one."""
    value = email.strip().lower()
    local, at, domain = value.partition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in value):
        raise InvalidInput(f"{email!r} is not an email address", field="email")
    return value


def create_user(session: Session, *, account: Account, email: str, password: str) -> User:
    """Add a user of ``account`` who signs in with ``email`` and ``password``."""
    address = normalise_email(email)
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            f"the password needs at least {MIN_PASSWORD_LENGTH} characters", field="password"
        )
    if session.scalars(select(User.id).where(User.email == address)).first() is not None:
        raise Conflict(f"a user with the email {address} already exists")
    user = User(account_id=account.id, email=address, password_hash=_hash(password))
    session.add(user)
    session.flush()
    return user


def authenticate_user(session: Session, *, email: str, password: str) -> User:
    """Return the user with this email and password, or raise AuthenticationFailed."""
    user = check_password(find_user(session, email=email), password)
    upgrade_hash(user, password)
    return user


def find_user(session: Session, *, email: str) -> User | None:
    """Return the user who signs in with ``email`` (any case), or None."""
    address = email.strip().lower()
    if len(address) > MAX_EMAIL:
        return None
    return session.scalars(select(User).where(User.email == address)).one_or_none()


def check_password(user: User | None, password: str) -> User:
    """Return ``user`` if ``password`` is theirs, or raise AuthenticationFailed.

    ``None`` (no such user) still costs one verification, so the answer's timing does not
    tell which emails have accounts.
    """
    stored = user.password_hash if user else _dummy_hash()
    with _hashing:
        matches = _password_matches(stored, password)
    if not matches or user is None:
        raise AuthenticationFailed("the email or password is wrong; check both and try again")
    return user


def upgrade_hash(user: User, password: str) -> None:
    """Re-hash the password of a user just signed in if the hash's parameters are old."""
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hash(password)


def _password_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _hash(password: str) -> str:
    with _hashing:
        return _hasher.hash(password)


def end_all_sessions(session: Session, *, user_id: int) -> None:
    """End every signed-in session of the user, on every device and worker."""
    # One UPDATE adding 1: two workers doing it at once both take effect, none is lost.
    session.execute(
        update(User).where(User.id == user_id).values(session_version=User.session_version + 1)
    )


def end_session(session: Session, *, session_id: str, now: datetime, lifetime: timedelta) -> None:
    """Record that the signed-in session ``session_id`` has ended; forget expired records."""
    session.execute(delete(EndedSession).where(EndedSession.ended_at < now - lifetime))
    try:
        with session.begin_nested():
            session.add(EndedSession(id=session_id, ended_at=now))
    except IntegrityError:  # signed out twice at once: it has ended either way
        pass


def session_has_ended(session: Session, *, session_id: str) -> bool:
    """Return whether the signed-in session ``session_id`` was signed out."""
    return session.get(EndedSession, session_id) is not None
