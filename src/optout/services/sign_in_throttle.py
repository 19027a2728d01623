"""Slowing down password guessing: five wrong passwords for an email, then a pause.

The wrong passwords are kept in the database (``sign_in_failures``), so every worker
process counts the same ones: a guesser gets ``MAX_FAILURES`` tries per window however
many workers answer, and however many guesses arrive at once. :func:`reserve_attempt`
counts an attempt as a failure *before* its password is checked, one request for an email
at a time, and a right password then clears the count.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from optout.store.tables import SignInFailure

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
MAX_EMAIL = 320


def wait_seconds(session: Session, *, email: str, now: datetime) -> int:
    """Return how long ``email`` must wait before trying again (0: it may try now)."""
    newest_first = session.scalars(
        select(SignInFailure.at)
        .where(SignInFailure.email == _key(email), SignInFailure.at > now - WINDOW)
        .order_by(SignInFailure.at.desc())
        .limit(MAX_FAILURES)
    ).all()
    if len(newest_first) < MAX_FAILURES:
        return 0
    return max(1, int((newest_first[-1] + WINDOW - now).total_seconds()))


def reserve_attempt(session: Session, *, email: str, now: datetime) -> int:
    """Count one attempt for ``email`` now, before its password is checked.

    Returns 0 when the attempt may go ahead (it is counted as a wrong password until
    :func:`clear_failures` forgets it), or how many seconds ``email`` must wait: then
    nothing is counted. Attempts for one email are reserved one at a time, so guesses sent
    together cannot all pass the check before any is counted.
    """
    key = _key(email)
    if session.get_bind().dialect.name == "postgresql":
        # Held to the end of the transaction: the next attempt reads this one's row.
        lock = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
        session.execute(select(func.pg_advisory_xact_lock(lock)))
    # On SQLite this first write takes the database's one write lock, held likewise.
    _forget_expired(session, key, now)
    wait = wait_seconds(session, email=email, now=now)
    if not wait:
        session.add(SignInFailure(email=key, at=now))
        session.flush()
    return wait


def record_failure(session: Session, *, email: str, now: datetime) -> None:
    """Count one wrong password for ``email`` at ``now``, forgetting its expired ones."""
    key = _key(email)
    _forget_expired(session, key, now)
    session.add(SignInFailure(email=key, at=now))
    session.flush()


def _forget_expired(session: Session, key: str, now: datetime) -> None:
    expired = (SignInFailure.email == key, SignInFailure.at <= now - WINDOW)
    session.execute(delete(SignInFailure).where(*expired))


def clear_failures(session: Session, *, email: str) -> None:
    """Forget the wrong passwords of ``email``."""
    session.execute(delete(SignInFailure).where(SignInFailure.email == _key(email)))


def _key(email: str) -> str:
    # The column holds 320 characters; lower-casing can lengthen text ("İ" becomes two).
    return email.strip().lower()[:MAX_EMAIL]
