"""Every provider's webhook, in its real format: received once, replays and forgeries refused."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conftest import (
    ANSWERS_BY_API,
    BODY_UNSIGNED,
    PROVIDERS,
    SENDS,
    Webhook,
    bandwidth_headers,
    telnyx_signed,
    vonage_signed,
    webhook,
)
from optout.store.tables import Contact, Message, OptEvent


def _counts(app) -> tuple[int, int, int]:
    with Session(app.state.session_factory.kw["bind"]) as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(table)) or 0
            for table in (Contact, Message, OptEvent)
        )


@pytest.fixture
def slug(tenant, configure, stand_in) -> str:
    configure(tenant.slug, stand_in.url, *PROVIDERS)
    return tenant.slug


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_stop_opts_out_and_its_confirmation_is_delivered(
    provider, client, slug, stand_in, tenant
):
    response = webhook(provider, slug, id=f"{provider}-msg-1").post(client)
    assert response.status_code == 200, response.text
    status = client.get("/v1/contacts/+14155550123", headers=tenant.headers).json()["status"]
    assert status == "opted_out"
    if provider in ANSWERS_BY_API:
        [sent] = stand_in.received
        assert sent.path == SENDS[provider][0]
        assert "unsubscribed" in sent.body[SENDS[provider][3]]
        assert "14155550123" in json.dumps(sent.body)
    else:
        assert "<Message" in response.text and "unsubscribed" in response.text
        assert stand_in.received == []


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_replayed_webhook_changes_nothing_and_sends_nothing_again(
    provider, client, app, slug, stand_in
):
    first = webhook(provider, slug, id=f"{provider}-msg-1")
    assert first.post(client).status_code == 200
    sent = len(stand_in.received)
    again = first.post(client)
    assert again.status_code == 200
    assert _counts(app) == (1, 1, 1)
    assert len(stand_in.received) == sent


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_forged_webhook_is_refused_and_stores_nothing(provider, client, app, slug):
    genuine = webhook(provider, slug, id=f"{provider}-msg-1")
    tampered = Webhook(genuine.path, genuine.content.replace(b"STOP", b"STAR"), genuine.headers)
    unsigned = Webhook(
        genuine.path,
        genuine.content,
        {"content-type": genuine.headers["content-type"]},
    )
    # Bandwidth's callback credentials authenticate the caller but sign no body.
    forgeries = [unsigned, webhook(provider, slug, id=f"{provider}-msg-9", wrong_key=True)]
    forgeries += [tampered] if provider not in BODY_UNSIGNED else []
    for forged in forgeries:
        response = forged.post(client)
        assert response.status_code == 403, (provider, response.text)
        assert response.json()["error"]["code"] == "forbidden"
    assert _counts(app) == (0, 0, 0)


@pytest.mark.parametrize("provider", ["telnyx", "vonage"])
def test_a_webhook_signed_more_than_five_minutes_ago_is_refused(provider, client, app, slug):
    stale = webhook(provider, slug, id=f"{provider}-old", at=time.time() - 301)
    assert stale.post(client).status_code == 403
    future = webhook(provider, slug, id=f"{provider}-future", at=time.time() + 301)
    assert future.post(client).status_code == 403
    assert _counts(app) == (0, 0, 0)


def test_the_same_stop_through_every_provider_leaves_one_event(client, app, slug, stand_in):
    for provider in ("telnyx", *[p for p in PROVIDERS if p != "telnyx"]):
        response = webhook(provider, slug, id=f"{provider}-stop").post(client)
        assert response.status_code == 200, (provider, response.text)
        assert "<Message" not in response.text  # confirmed once, by the first provider
    assert _counts(app) == (1, len(PROVIDERS), 1)
    assert [sent.path for sent in stand_in.received] == ["/v2/messages"]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_an_unknown_account_is_refused_like_a_forged_signature(provider, client, slug):
    genuine = webhook(provider, slug, id="x-1")
    elsewhere = webhook(provider, "no-such-account", id="x-1")
    forged = Webhook(genuine.path, genuine.content, {"content-type": "application/json"})
    unknown, bad = elsewhere.post(client), forged.post(client)
    assert unknown.status_code == bad.status_code == 403
    assert unknown.json() == bad.json()


def test_an_account_without_a_providers_settings_accepts_none_of_its_webhooks(
    client, app, tenant, configure, stand_in
):
    configure(tenant.slug, stand_in.url, "twilio")
    for provider in PROVIDERS[1:]:
        assert webhook(provider, tenant.slug, id=f"{provider}-1").post(client).status_code == 403
    assert _counts(app) == (0, 0, 0)


def test_an_unknown_provider_is_not_found(client, slug):
    response = client.post(f"/webhooks/no-such-provider/{slug}", content=b"{}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "unknown_provider"
    assert client.post(f"/webhooks/log/{slug}", content=b"{}").status_code == 404


def test_delivery_receipts_are_acknowledged_and_store_nothing(client, app, slug):
    receipts = {
        "telnyx": telnyx_signed(
            json.dumps({"data": {"event_type": "message.finalized", "payload": {}}}).encode(),
            time.time(),
        ),
        "vonage": vonage_signed(
            json.dumps({"message_uuid": "u-1", "status": "delivered", "to": "1"}).encode(),
            time.time(),
        ),
        "bandwidth": (
            json.dumps([{"type": "message-delivered", "message": {"id": "m-1"}}]).encode(),
            bandwidth_headers("bw-callback-user", "bw-callback-password"),
        ),
    }
    for provider, (content, headers) in receipts.items():
        response = client.post(f"/webhooks/{provider}/{slug}", content=content, headers=headers)
        assert response.status_code == 200, (provider, response.text)
    assert _counts(app) == (0, 0, 0)


@pytest.mark.parametrize("provider", ["telnyx", "vonage", "bandwidth"])
def test_a_signed_body_that_is_not_json_is_refused_in_the_error_shape(provider, client, slug):
    content = b"{not json"
    headers = {
        "telnyx": lambda: telnyx_signed(content, time.time())[1],
        "vonage": lambda: vonage_signed(content, time.time())[1],
        "bandwidth": lambda: bandwidth_headers("bw-callback-user", "bw-callback-password"),
    }[provider]()
    response = client.post(f"/webhooks/{provider}/{slug}", content=content, headers=headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "body"


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_nul_in_a_signed_body_is_stored_replaced_and_the_stop_applied(
    provider, client, tenant, slug
):
    assert (
        webhook(provider, slug, id=f"{provider}-nul", body="STOP\x00").post(client).status_code
        == 200
    )
    history = client.get("/v1/contacts/+14155550123", headers=tenant.headers).json()
    assert history["status"] == "opted_out"


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_message_id_over_128_characters_is_refused_with_422(provider, client, app, slug):
    response = webhook(provider, slug, id="M" * 129).post(client)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["field"] in ("id", "MessageSid")
    assert _counts(app) == (0, 0, 0)


def test_a_served_webhook_is_answered_then_its_confirmation_sent(app, live_server, slug, stand_in):
    base = live_server(app)
    genuine = webhook("vonage", slug, id="vonage-live-1")
    response = httpx.post(base + genuine.path, content=genuine.content, headers=genuine.headers)
    assert response.status_code == 200
    assert stand_in.arrived.wait(timeout=30)
    [sent] = stand_in.received
    assert sent.path == "/v1/messages" and "unsubscribed" in sent.body["text"]


def test_an_answer_the_provider_refuses_loses_no_opt_out(client, tenant, configure):
    configure(tenant.slug, "http://127.0.0.1:9", "telnyx")  # nothing listens on port 9
    assert webhook("telnyx", tenant.slug, id="telnyx-1").post(client).status_code == 200
    history = client.get("/v1/contacts/+14155550123", headers=tenant.headers).json()
    assert history["status"] == "opted_out"
