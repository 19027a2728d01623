"""The sign-in pause is shared: wrong passwords sent to one worker count on every other."""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette now prefers httpx2 for its test client; httpx still works and is what we ship.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from argon2 import PasswordHasher

from optout.api.app import create_app
from optout.config import Settings
from optout.services import users
from optout.services.accounts import create_account
from optout.services.sign_in_throttle import MAX_FAILURES
from optout.services.users import create_user

PASSWORD = "correct horse battery"
EMAIL = "ana@clinic.test"


@pytest.fixture
def workers(database_url, web_detector) -> Iterator[list[TestClient]]:
    """Return clients of two apps built separately on one database, as two workers are."""
    apps = [create_app(Settings(database_url=database_url), detector=web_detector)]
    apps.append(create_app(Settings(database_url=database_url), detector=web_detector))
    with apps[0].state.session_factory.begin() as session:
        account, _key = create_account(session, name="Clinic")
        create_user(session, account=account, email=EMAIL, password=PASSWORD)
    with TestClient(apps[0]) as first, TestClient(apps[1]) as second:
        yield [first, second]
    for app in apps:
        app.state.session_factory.kw["bind"].dispose()


def _sign_in(client: TestClient, email: str, password: str) -> httpx.Response:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
    assert found, "the page has no CSRF token"
    form = {"email": email, "password": password, "csrf_token": found.group(1)}
    return client.post("/login", data=form, follow_redirects=False)


def test_wrong_passwords_on_two_workers_add_up_to_one_pause(workers):
    for attempt in range(5):
        assert _sign_in(workers[attempt % 2], EMAIL, "guess").status_code == 400
    for client in workers:
        response = _sign_in(client, " Ana@Clinic.TEST", PASSWORD)
        assert response.status_code == 429
        assert "Too many wrong passwords for this email; try again in 15 min." in response.text


def test_a_right_password_on_one_worker_clears_the_count_on_the_other(workers):
    for _ in range(4):
        assert _sign_in(workers[0], EMAIL, "guess").status_code == 400
    assert _sign_in(workers[1], EMAIL, PASSWORD).status_code == 303
    for _ in range(4):
        assert _sign_in(workers[0], EMAIL, "guess").status_code == 400
    assert _sign_in(workers[0], EMAIL, PASSWORD).status_code == 303


GUESSES = 40


def test_guesses_sent_all_at_once_get_five_tries_between_them(make_site, database_url, monkeypatch):
    # Hashing that takes a few milliseconds, as real hashing takes longer: the time between
    # a guess passing the check and being counted is what a burst of guesses slips through.
    slow = PasswordHasher(time_cost=2, memory_cost=4096, parallelism=1)
    monkeypatch.setattr(users, "_hasher", slow)
    site = make_site(database_url)
    clients = [httpx.Client(base_url=site.url, timeout=120) for _ in range(GUESSES)]
    forms = []
    for n, client in enumerate(clients):
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
        assert token
        # All wrong: a right one among the first five checked would clear the count by design
        # (a person who signs in starts afresh), and the burst's later guesses then go on.
        password = f"guess {n}"
        forms.append({"email": "alice@maple.test", "password": password, "csrf_token": token[1]})
    together = threading.Barrier(GUESSES)

    def guess(n: int) -> int:
        together.wait()
        return clients[n].post("/login", data=forms[n]).status_code

    with ThreadPoolExecutor(GUESSES) as pool:
        answers = list(pool.map(guess, range(GUESSES)))
    for client in clients:
        client.close()
    checked = [status for status in answers if status != 429]
    assert len(checked) <= MAX_FAILURES, answers
    assert set(checked) <= {400}
    right = httpx.Client(base_url=site.url, timeout=120)
    token = re.search(r'name="csrf_token" value="([^"]+)"', right.get("/login").text)
    assert token
    form = {"email": "alice@maple.test", "password": PASSWORD, "csrf_token": token[1]}
    assert right.post("/login", data=form).status_code == 429  # the pause holds for it too
    right.close()
