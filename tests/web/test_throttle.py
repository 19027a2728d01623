"""Password guessing slows down: five wrong passwords for an email, then a pause."""

from __future__ import annotations

from optout.web.throttle import MAX_FAILURES, WINDOW_SECONDS, SignInThrottle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_email_waits_after_too_many_wrong_passwords_until_the_window_passes():
    clock = Clock()
    throttle = SignInThrottle(clock)
    for _ in range(MAX_FAILURES):
        assert throttle.wait_seconds("ana@clinic.test") == 0
        throttle.failed("Ana@Clinic.test ")
    assert throttle.wait_seconds("ana@clinic.test") == WINDOW_SECONDS
    assert throttle.wait_seconds("bo@clinic.test") == 0
    clock.now += WINDOW_SECONDS
    assert throttle.wait_seconds("ana@clinic.test") == 0


def test_a_right_password_clears_the_count():
    throttle = SignInThrottle(Clock())
    for _ in range(MAX_FAILURES - 1):
        throttle.failed("ana@clinic.test")
    throttle.succeeded("ana@clinic.test")
    throttle.failed("ana@clinic.test")
    assert throttle.wait_seconds("ana@clinic.test") == 0
