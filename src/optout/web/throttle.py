"""Slowing down password guessing: a few wrong passwords for one email, then a pause.

Counted per worker process, in memory: with N workers a guesser gets at most N times
the allowance, still far too few guesses to matter against Argon2-hashed passwords.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60
MAX_TRACKED = 10_000


class SignInThrottle:
    """Refuse sign-in for an email after ``MAX_FAILURES`` wrong passwords in the window."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}

    def wait_seconds(self, email: str) -> int:
        """Return how long ``email`` must wait before trying again (0: it may try now)."""
        recent = self._recent(email.strip().lower())
        if len(recent) < MAX_FAILURES:
            return 0
        return max(1, int(recent[0] + WINDOW_SECONDS - self._clock()))

    def failed(self, email: str) -> None:
        """Count one wrong password for ``email``."""
        if len(self._failures) >= MAX_TRACKED:
            self._forget_expired()
        self._recent(email.strip().lower()).append(self._clock())

    def succeeded(self, email: str) -> None:
        """Forget the wrong passwords of ``email``."""
        self._failures.pop(email.strip().lower(), None)

    def _recent(self, key: str) -> deque[float]:
        times = self._failures.setdefault(key, deque(maxlen=MAX_FAILURES))
        while times and times[0] <= self._clock() - WINDOW_SECONDS:
            times.popleft()
        return times

    def _forget_expired(self) -> None:
        for key in list(self._failures):
            if not self._recent(key):
                del self._failures[key]
        if len(self._failures) >= MAX_TRACKED:  # a flood of distinct emails: start afresh
            self._failures.clear()
