"""Campaigns on outbound texts, and each reply's link to the send it answered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from optout.config import get_settings
from optout.store.tables import Message, OptEvent

NUMBER = "+12025550123"


def _send(client, tenant, campaign: str | None = None, to: str = NUMBER) -> dict:
    payload = {"to": to, "body": "Spring sale: 20% off", "campaign": campaign}
    response = client.post("/v1/messages", json=payload, headers=tenant.headers)
    assert response.status_code == 201, response.text
    return response.json()


def _stored(app, message_id: int) -> Message:
    with app.state.session_factory() as session:
        return session.get_one(Message, message_id)


def _later(hours: float) -> str:
    return (datetime.now(UTC) + timedelta(hours=hours)).isoformat()


def test_a_send_keeps_its_campaign(client, tenant, app):
    sent = _send(client, tenant, "spring-sale")
    assert sent["campaign"] == "spring-sale"
    assert _stored(app, sent["id"]).campaign == "spring-sale"


def test_a_campaign_name_is_checked(client, tenant):
    payload = {"to": NUMBER, "body": "hi", "campaign": "x" * 101}
    response = client.post("/v1/messages", json=payload, headers=tenant.headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "campaign"


def test_a_reply_and_its_opt_out_know_the_latest_send_they_answered(client, tenant, app, inbound):
    _send(client, tenant, "winter")
    latest = _send(client, tenant, "spring")
    answer = inbound("Please remove me from your list", received_at=_later(1))
    assert answer["contact"]["status"] == "opted_out"
    reply = _stored(app, answer["message_id"])
    assert (reply.answers_id, reply.campaign) == (latest["id"], "spring")
    with app.state.session_factory() as session:
        event = session.scalars(select(OptEvent)).one()
        answered = session.get_one(Message, event.message_id).answers_id
    assert _stored(app, answered).campaign == "spring"


@pytest.mark.usefixtures("two_hour_window")
def test_a_reply_after_the_window_answers_nothing(client, tenant, app, inbound):
    _send(client, tenant, "spring")
    answer = inbound(
        "who is this?", received_at=_later(3)
    )  # a time more than a day ahead is refused
    reply = _stored(app, answer["message_id"])
    assert (reply.answers_id, reply.campaign) == (None, None)


def test_a_reply_answers_only_sends_to_its_own_number(client, tenant, app, inbound):
    _send(client, tenant, "spring", to="+12025550199")
    answer = inbound("STOP", received_at=_later(1))
    assert _stored(app, answer["message_id"]).answers_id is None


@pytest.fixture
def two_hour_window(monkeypatch):
    monkeypatch.setenv("OPTOUT_REPLY_WINDOW_HOURS", "2")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.usefixtures("two_hour_window")
def test_the_window_is_a_setting(client, tenant, app, inbound):
    sent = _send(client, tenant, "spring")
    inside = inbound("ok thanks", received_at=_later(1))
    outside = inbound("STOP", received_at=_later(3))
    assert _stored(app, inside["message_id"]).answers_id == sent["id"]
    assert _stored(app, outside["message_id"]).answers_id is None
