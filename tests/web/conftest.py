"""Fixtures for the pages: the app served by a real uvicorn, two accounts with data, Chromium.

``site`` serves the app on a fresh SQLite database with two accounts, each with a user and
conversations made by the real inbound service; ``page`` is a fresh browser context on it.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from optout.api.app import create_app
from optout.config import Settings
from optout.detect import Detector
from optout.domain import KeyPurpose
from optout.services import users
from optout.services.accounts import create_account, issue_api_key
from optout.services.inbound import InboundMessage, receive_inbound
from optout.services.outbound import send
from optout.services.users import create_user
from optout.store.engine import make_engine, make_session_factory
from optout.store.tables import Account, Contact, Conversation, OptEvent, utcnow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
PASSWORD = "correct horse battery"
CLINIC_EMAIL = "alice@maple.test"
DENTAL_EMAIL = "bob@harbor.test"
SENDER = "+12025550100"
BROADCAST = "Maple Street Clinic: flu shots this Saturday 9-1. Reply to book a time."


@dataclass
class Tenant:
    """An account as the tests see it: its user and the conversation id of each number."""

    account_id: int
    email: str
    conversations: dict[str, int] = field(default_factory=dict)


@dataclass
class Site:
    """The running service and what was seeded into it."""

    url: str
    session_factory: sessionmaker[Session]
    clinic: Tenant
    dental: Tenant

    def contact(self, tenant: Tenant, number: str) -> Contact:
        """Return the contact as the database has it now."""
        with self.session_factory() as session:
            query = select(Contact).where(
                Contact.account_id == tenant.account_id, Contact.number == number
            )
            return session.scalars(query).one()

    def last_event(self, tenant: Tenant, number: str) -> OptEvent:
        """Return the contact's latest ledger event."""
        contact = self.contact(tenant, number)
        with self.session_factory() as session:
            query = select(OptEvent).where(OptEvent.contact_id == contact.id)
            return session.scalars(query.order_by(OptEvent.id.desc()).limit(1)).one()


CLINIC_REPLIES = [
    ("+12025550111", "Yes please, 10am works for me"),
    ("+12025550112", "STOP"),
    ("+12025550113", "Please remove me from your list"),
    ("+12025550114", "wrong number, nobody named Sam here"),
]
DENTAL_REPLIES = [("+12025550150", "Please remove me from your list, thanks")]


def _seed(session: Session, detector: Detector, name: str, email: str, replies: Any) -> Tenant:
    account, _key = create_account(session, name=name)
    create_user(session, account=account, email=email, password=PASSWORD)
    for index, (number, body) in enumerate(replies):
        send(session, account=account, to=number, body=BROADCAST, from_number=SENDER)
        at = utcnow() + timedelta(milliseconds=index + 1)
        inbound = InboundMessage(number, SENDER, body, f"{name}-{index}", at)
        receive_inbound(
            session, account=account, detector=detector, inbound=inbound, channel="test"
        )
    rows = session.execute(
        select(Contact.number, Conversation.id)
        .join(Conversation, Conversation.contact_id == Contact.id)
        .where(Contact.account_id == account.id)
    )
    return Tenant(account.id, email, dict(rows.all()))


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hash passwords with small Argon2 costs: the real ones take seconds on a busy CI box."""
    monkeypatch.setattr(
        users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture(scope="session")
def web_detector() -> Detector:
    """Return one detector for the whole run."""
    return Detector()


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    """Return the URL of a fresh, migrated SQLite database."""
    path = tmp_path / "pages.sqlite3"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def make_site(live_server: Callable[..., str], web_detector: Detector) -> Callable[[str], Site]:
    """Return a factory: serve the app on a database URL, seeded with two accounts."""

    def make(url: str) -> Site:
        app = create_app(Settings(database_url=url), detector=web_detector)
        factory = app.state.session_factory
        with factory.begin() as session:
            clinic = _seed(
                session, web_detector, "Maple Clinic", "alice@maple.test", CLINIC_REPLIES
            )
            dental = _seed(
                session, web_detector, "Harbor Dental", "bob@harbor.test", DENTAL_REPLIES
            )
        return Site(live_server(app, factory.kw["bind"].dispose), factory, clinic, dental)

    return make


@pytest.fixture
def site(make_site: Callable[[str], Site], sqlite_url: str) -> Site:
    """Return the service on a fresh SQLite database with the two seeded accounts."""
    return make_site(sqlite_url)


@dataclass
class ServedSite:
    """``optout serve --workers 2`` on PostgreSQL with the clinic seeded as in ``site``."""

    url: str
    served: Any  # tests/conftest.py's Served: the process, its URL and log
    clinic: Tenant
    inbound_headers: dict[str, str]


@pytest.fixture
def served_site(
    postgres_url: str, optout_server: Callable[..., Any], web_detector: Detector
) -> ServedSite:
    """Return a real ``optout serve`` process with two workers on a seeded PostgreSQL."""
    engine = make_engine(postgres_url)
    with make_session_factory(engine).begin() as session:
        clinic = _seed(session, web_detector, "Maple Clinic", CLINIC_EMAIL, CLINIC_REPLIES)
        account = session.get_one(Account, clinic.account_id)
        inbound_key = issue_api_key(session, account=account, purpose=KeyPurpose.INBOUND)
    engine.dispose()
    served = optout_server(os.environ | {"OPTOUT_DATABASE_URL": postgres_url}, "--workers", "2")
    return ServedSite(served.url, served, clinic, {"Authorization": f"Bearer {inbound_key}"})


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Return headless Debian Chromium; skip without it, unless CI requires it."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("OPTOUT_REQUIRE_BROWSER"):
            pytest.fail(f"{reason}; OPTOUT_REQUIRE_BROWSER is set")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """Return a page in a fresh browser context (no cookies), desktop-sized.

    The test fails if the page's script throws or the Content-Security-Policy blocks anything.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 820}, reduced_motion="reduce")
    context.set_default_timeout(10_000)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("console", lambda message: _note_csp(message, problems))
    yield page
    context.close()
    assert not problems, problems


@pytest.fixture
def page_without_javascript(browser: Any) -> Iterator[Any]:
    """Return a desktop-sized page in a fresh context with JavaScript turned off."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 820}, java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def _note_csp(message: Any, problems: list[str]) -> None:
    if message.type == "error" and "Content Security Policy" in message.text:
        problems.append(message.text)


@pytest.fixture
def screenshot() -> Callable[[Any, str], None]:
    """Return a function that saves a full-page screenshot to tests/screenshots/NAME.png."""

    def save(page: Any, name: str) -> None:
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    return save


@pytest.fixture
def sign_in_over_http() -> Callable[[httpx.Client, str], None]:
    """Return a function that signs an HTTP client in through the form, as a browser does."""

    def submit(client: httpx.Client, email: str) -> None:
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text)
        assert token, "the sign-in page has no CSRF token"
        fields = {"email": email, "password": PASSWORD, "csrf_token": token.group(1)}
        assert client.post("/login", data=fields).status_code == 303

    return submit


@pytest.fixture
def sign_in() -> Callable[[Any, Site, str], None]:
    """Return a function that signs in through the form."""

    def submit(page: Any, site: Site, email: str) -> None:
        page.goto(f"{site.url}/login")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/conversations")

    return submit
