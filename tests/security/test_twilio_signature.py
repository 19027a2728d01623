"""Twilio's webhook only acts on requests Twilio signed with the account's auth token."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from twilio.request_validator import RequestValidator

from optout.api.app import create_app
from optout.config import Settings
from optout.services.accounts import create_account
from optout.store.tables import Contact, Message, OptEvent

TOKEN = "the-accounts-twilio-auth-token"
FIELDS = {"From": "+14155550123", "To": "+14155550100", "MessageSid": "SM1", "Body": "STOP"}


@pytest.fixture
def app(database_url: str) -> Iterator[FastAPI]:
    app = create_app(Settings(database_url=database_url))
    yield app
    app.state.session_factory.kw["bind"].dispose()


def _slug(app: FastAPI, token: str | None) -> str:
    with app.state.session_factory() as session, session.begin():
        account, _key = create_account(session, name="Signed", twilio_auth_token=token)
        return account.slug


def _stored(app: FastAPI) -> tuple[int, int, int]:
    with Session(app.state.session_factory.kw["bind"]) as session:
        counts = [
            session.scalar(select(func.count()).select_from(t))
            for t in (Contact, Message, OptEvent)
        ]
    return (counts[0] or 0, counts[1] or 0, counts[2] or 0)


def _post(url: str, signature: str | None) -> httpx.Response:
    headers = {"X-Twilio-Signature": signature} if signature is not None else {}
    return httpx.post(url, data=FIELDS, headers=headers, timeout=10)


def test_missing_or_forged_signatures_are_refused_and_change_nothing(
    app: FastAPI, live_server: Any
):
    url = f"{live_server(app)}/webhooks/twilio/{_slug(app, TOKEN)}"
    forged = [
        None,
        "",
        RequestValidator("another-accounts-token").compute_signature(url, FIELDS),
        RequestValidator(TOKEN).compute_signature(url + "?extra=1", FIELDS),
        RequestValidator(TOKEN).compute_signature(url, {**FIELDS, "Body": "hello"}),
    ]
    for signature in forged:
        response = _post(url, signature)
        assert response.status_code == 403, signature
        assert response.json()["error"]["code"] == "forbidden"
    assert _stored(app) == (0, 0, 0)
    response = _post(url, RequestValidator(TOKEN).compute_signature(url, FIELDS))
    assert response.status_code == 200 and "<Message>" in response.text
    assert _stored(app) == (1, 1, 1)


def test_an_account_without_a_twilio_token_accepts_no_webhook(app: FastAPI, live_server: Any):
    url = f"{live_server(app)}/webhooks/twilio/{_slug(app, None)}"
    for token in ["", "None", TOKEN]:
        assert _post(url, RequestValidator(token).compute_signature(url, FIELDS)).status_code == 403
    assert _stored(app) == (0, 0, 0)
