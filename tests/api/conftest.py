"""Fixtures for the HTTP layer: an app on the test database, a client and accounts with keys."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from fastapi import FastAPI
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # Starlette now prefers httpx2 for its test client; httpx still works and is what we ship.
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from optout.api.app import create_app
from optout.config import Settings
from optout.detect import Detector
from optout.domain import KeyPurpose
from optout.services.accounts import create_account, issue_api_key


@dataclass(frozen=True)
class Tenant:
    """An account as a test sees it: its slug, its two keys and the headers that carry them."""

    slug: str
    key: str
    twilio_auth_token: str | None
    inbound_key: str

    @property
    def headers(self) -> dict[str, str]:
        """Carry the management key."""
        return {"Authorization": f"Bearer {self.key}"}

    @property
    def inbound_headers(self) -> dict[str, str]:
        """Carry the inbound key, the one only the delivery channel holds."""
        return {"Authorization": f"Bearer {self.inbound_key}"}


@pytest.fixture(scope="session")
def detector() -> Detector:
    """Return one detector for the whole run: loading the model once is enough."""
    return Detector()


@pytest.fixture
def settings(database_url: str) -> Settings:
    """Return settings on the test database; 256 KiB body limit (4 MiB for bulk calls)."""
    return Settings(database_url=database_url, max_body_bytes=256 * 1024)


@pytest.fixture
def app(settings: Settings, detector: Detector) -> Iterator[FastAPI]:
    """Return the app on the test database."""
    app = create_app(settings, detector=detector)
    yield app
    app.state.session_factory.kw["bind"].dispose()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    """Return a test client of the app."""
    with TestClient(app) as client:
        yield client


@pytest.fixture
def make_tenant(app: FastAPI) -> Callable[..., Tenant]:
    """Return a factory of accounts with an API key."""

    def make(name: str = "Clinic", twilio_auth_token: str | None = None) -> Tenant:
        with app.state.session_factory() as session, session.begin():
            account, key = create_account(session, name=name, twilio_auth_token=twilio_auth_token)
            inbound_key = issue_api_key(session, account=account, purpose=KeyPurpose.INBOUND)
            return Tenant(account.slug, key, twilio_auth_token, inbound_key)

    return make


@pytest.fixture
def tenant(make_tenant: Callable[..., Tenant]) -> Tenant:
    """Return one account."""
    return make_tenant("Clinic")


@pytest.fixture
def other_tenant(make_tenant: Callable[..., Tenant]) -> Tenant:
    """Return a second, unrelated account."""
    return make_tenant("Other")


@pytest.fixture
def inbound(client: TestClient, tenant: Tenant) -> Callable[..., dict]:
    """Return a function that posts one inbound reply for ``tenant`` and returns the answer."""
    counter = iter(range(1_000_000))

    def post(body: str, number: str = "+12025550123", **extra: object) -> dict:
        payload = {"from": number, "to": "+12025550100", "body": body, **extra}
        payload.setdefault("id", f"SM{next(counter)}")
        response = client.post("/v1/inbound", json=payload, headers=tenant.inbound_headers)
        assert response.status_code == 200, response.text
        return response.json()

    return post
