"""Password guessing slows down: five wrong passwords for an email, then a pause."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from optout.services.sign_in_throttle import (
    MAX_FAILURES,
    WINDOW,
    clear_failures,
    record_failure,
    wait_seconds,
)
from optout.store.tables import SignInFailure

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
EMAIL = "ana@clinic.test"


def test_an_email_waits_after_too_many_wrong_passwords_until_the_window_passes(db_session):
    for _ in range(MAX_FAILURES):
        assert wait_seconds(db_session, email=EMAIL, now=START) == 0
        record_failure(db_session, email=" Ana@Clinic.test ", now=START)
    assert wait_seconds(db_session, email=EMAIL, now=START) == WINDOW.total_seconds()
    assert wait_seconds(db_session, email="ANA@clinic.test", now=START) > 0
    assert wait_seconds(db_session, email="bo@clinic.test", now=START) == 0
    assert wait_seconds(db_session, email=EMAIL, now=START + WINDOW) == 0


def test_the_wait_runs_from_the_oldest_of_the_last_five_failures(db_session):
    for minute in range(MAX_FAILURES + 1):
        record_failure(db_session, email=EMAIL, now=START + timedelta(minutes=minute))
    now = START + timedelta(minutes=MAX_FAILURES)
    assert wait_seconds(db_session, email=EMAIL, now=now) == 11 * 60
    later = now + timedelta(minutes=11, seconds=-0.5)
    assert wait_seconds(db_session, email=EMAIL, now=later) == 1


def test_failures_spread_wider_than_the_window_never_pause(db_session):
    for step in range(3 * MAX_FAILURES):
        now = START + step * WINDOW / (MAX_FAILURES - 1)
        record_failure(db_session, email=EMAIL, now=now)
        assert wait_seconds(db_session, email=EMAIL, now=now) == 0


def test_a_right_password_clears_the_count(db_session):
    for _ in range(MAX_FAILURES - 1):
        record_failure(db_session, email=EMAIL, now=START)
    clear_failures(db_session, email="Ana@Clinic.test")
    record_failure(db_session, email=EMAIL, now=START)
    assert wait_seconds(db_session, email=EMAIL, now=START) == 0


def test_recording_a_failure_forgets_that_emails_expired_ones(db_session):
    record_failure(db_session, email=EMAIL, now=START)
    record_failure(db_session, email="bo@clinic.test", now=START)
    record_failure(db_session, email=EMAIL, now=START + WINDOW)
    rows = db_session.execute(select(SignInFailure.email, SignInFailure.at)).all()
    assert sorted(rows) == [("ana@clinic.test", START + WINDOW), ("bo@clinic.test", START)]
