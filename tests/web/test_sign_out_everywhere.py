"""Sign out everywhere: one browser ends every session of its user, on every worker.

Two servers run on one database, as two workers do; each browser is a separate client
with its own cookie jar. Runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import select

from optout.api.app import create_app
from optout.config import Settings
from optout.store.tables import User

PASSWORD = "correct horse battery"


@pytest.fixture
def two_workers(make_site, live_server, database_url, web_detector):
    """Return the seeded site and the URL of a second server on the same database."""
    site = make_site(database_url)
    app = create_app(Settings(database_url=database_url), detector=web_detector)
    return site, live_server(app, app.state.session_factory.kw["bind"].dispose)


@pytest.fixture
def browsers(two_workers) -> Iterator[tuple[httpx.Client, httpx.Client]]:
    """Return a browser on each worker, signed in as the clinic's user."""
    site, second = two_workers
    with (
        httpx.Client(base_url=site.url, timeout=10) as laptop,
        httpx.Client(base_url=second, timeout=10) as phone,
    ):
        for browser in (laptop, phone):
            assert _sign_in(browser, site.clinic.email).status_code == 303
        yield laptop, phone


def _token(response: httpx.Response) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
    assert found, "the page has no CSRF token"
    return found.group(1)


def _sign_in(browser: httpx.Client, email: str) -> httpx.Response:
    # A browser whose session ended is sent on from /login and back, as a real one would be.
    form_page = browser.get("/login", follow_redirects=True)
    form = {"email": email, "password": PASSWORD, "csrf_token": _token(form_page)}
    return browser.post("/login", data=form)


def _is_signed_in(browser: httpx.Client) -> bool:
    response = browser.get("/conversations")
    if response.status_code == 303:
        assert response.headers["location"] == "/login?next=/conversations"
        return False
    assert response.status_code == 200
    return True


def _session_version(site, email: str) -> int:
    with site.session_factory() as session:
        return session.scalars(select(User.session_version).where(User.email == email)).one()


def _sign_out_everywhere(browser: httpx.Client) -> httpx.Response:
    token = _token(browser.get("/conversations"))
    return browser.post("/logout/everywhere", data={"csrf_token": token})


def test_the_page_offers_sign_out_everywhere(browsers):
    laptop, _phone = browsers
    page = laptop.get("/conversations").text
    assert 'action="/logout/everywhere"' in page and "Sign out everywhere</button>" in page


def test_signing_out_everywhere_ends_the_other_browsers_session_and_this_one(browsers, two_workers):
    site, _second = two_workers
    laptop, phone = browsers
    response = _sign_out_everywhere(laptop)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert "You are signed out on every device." in laptop.get("/login").text
    assert not _is_signed_in(phone)
    assert not _is_signed_in(laptop)
    assert _session_version(site, site.clinic.email) == 1


def test_a_copied_cookie_from_before_no_longer_signs_in(browsers, two_workers):
    site, second = two_workers
    laptop, _phone = browsers
    stolen = laptop.cookies["optout_session"]
    _sign_out_everywhere(laptop)
    with httpx.Client(base_url=second, timeout=10) as thief:
        thief.cookies.set("optout_session", stolen)
        assert not _is_signed_in(thief)
        token = _token(thief.get("/login"))
        number = {"csrf_token": token, "number": "+12025550199"}
        assert thief.post("/opt-outs", data=number).status_code == 303
    assert _session_version(site, site.clinic.email) == 1


def test_signing_in_again_afterwards_works_on_each_browser(browsers, two_workers):
    site, _second = two_workers
    laptop, phone = browsers
    _sign_out_everywhere(phone)
    for browser in (laptop, phone):
        assert _sign_in(browser, site.clinic.email).status_code == 303
        assert _is_signed_in(browser)
    _sign_out_everywhere(laptop)
    assert not _is_signed_in(phone) and not _is_signed_in(laptop)
    assert _session_version(site, site.clinic.email) == 2


def test_other_users_stay_signed_in(browsers, two_workers):
    site, second = two_workers
    laptop, _phone = browsers
    with httpx.Client(base_url=second, timeout=10) as colleague:
        assert _sign_in(colleague, site.dental.email).status_code == 303
        _sign_out_everywhere(laptop)
        assert _is_signed_in(colleague)
    assert _session_version(site, site.dental.email) == 0


def test_a_forged_cross_site_post_without_the_token_is_refused(browsers, two_workers):
    site, _second = two_workers
    laptop, phone = browsers
    for token in (
        {},
        {"csrf_token": "forged"},
        {"csrf_token": _token(phone.get("/conversations"))},
    ):
        response = laptop.post("/logout/everywhere", data=token)
        assert response.status_code == 403
        assert "This form has expired" in response.text
    assert _is_signed_in(laptop) and _is_signed_in(phone)
    assert _session_version(site, site.clinic.email) == 0


def test_signing_out_everywhere_needs_a_signed_in_browser(two_workers):
    site, _second = two_workers
    with httpx.Client(base_url=site.url, timeout=10) as stranger:
        token = _token(stranger.get("/login"))
        response = stranger.post("/logout/everywhere", data={"csrf_token": token})
        assert response.status_code == 303
        assert response.headers["location"].startswith("/login")
    assert _session_version(site, site.clinic.email) == 0


def _sign_out(browser: httpx.Client) -> httpx.Response:
    token = _token(browser.get("/conversations"))
    return browser.post("/logout", data={"csrf_token": token})


def test_signing_out_ends_this_session_for_a_copy_of_its_cookie(browsers, two_workers):
    # "Sign out" on the laptop: a copy of its cookie, taken before, is refused on either
    # worker; the phone, a session of its own, stays signed in.
    site, second = two_workers
    laptop, phone = browsers
    stolen = laptop.cookies["optout_session"]
    assert _sign_out(laptop).headers["location"] == "/login"
    for url in (site.url, second):
        with httpx.Client(base_url=url, timeout=10) as thief:
            thief.cookies.set("optout_session", stolen)
            assert not _is_signed_in(thief)
    assert not _is_signed_in(laptop)
    assert _is_signed_in(phone)
    assert _sign_in(laptop, site.clinic.email).status_code == 303
    assert _is_signed_in(laptop)
