"""Slowing down password guessing: five wrong passwords for an email, then a pause.

The wrong passwords are kept in the database (``sign_in_failures``), so every worker
process counts the same ones: a guesser gets ``MAX_FAILURES`` tries per window however
many workers answer. Requests already past the check when the limit is reached may still
each try once.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from optout.store.tables import SignInFailure

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)


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


def record_failure(session: Session, *, email: str, now: datetime) -> None:
    """Count one wrong password for ``email`` at ``now``, forgetting its expired ones."""
    key = _key(email)
    expired = (SignInFailure.email == key, SignInFailure.at <= now - WINDOW)
    session.execute(delete(SignInFailure).where(*expired))
    session.add(SignInFailure(email=key, at=now))
    session.flush()


def clear_failures(session: Session, *, email: str) -> None:
    """Forget the wrong passwords of ``email``."""
    session.execute(delete(SignInFailure).where(SignInFailure.email == _key(email)))


def _key(email: str) -> str:
    return email.strip().lower()
