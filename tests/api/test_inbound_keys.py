"""Replies come only through the delivery channel's credential, and the ledger says which.

The management key cannot post a contact's START (or UNSTOP) in the contact's name: only the
inbound key, held by the delivery channel, or a signed webhook delivers replies. Every event
a reply makes records the key or channel that delivered it.
"""

from __future__ import annotations

import httpx
import pytest
from twilio.request_validator import RequestValidator

from optout.services.api_keys import key_prefix

TOKEN = "twilio-token-for-the-inbound-key-tests"


def _reply(body: str, provider_id: str) -> dict[str, str]:
    return {"from": "+12025550123", "to": "+12025550100", "body": body, "id": provider_id}


def _history(client, tenant) -> dict:
    return client.get("/v1/contacts/+12025550123", headers=tenant.headers).json()


def test_the_management_key_cannot_undo_a_contacts_stop(client, tenant, inbound):
    inbound("STOP")
    for body in ("START", "UNSTOP"):
        forged = client.post("/v1/inbound", json=_reply(body, f"SM-{body}"), headers=tenant.headers)
        assert forged.status_code == 403, forged.text
        assert forged.json()["error"]["code"] == "forbidden"
        assert "inbound key" in forged.json()["error"]["message"]
    history = _history(client, tenant)
    assert history["status"] == "opted_out"
    assert [event["type"] for event in history["events"]] == ["opt_out"]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/v1/opt-ins", {"number": "+12025550123", "confirm": True}),
        ("POST", "/v1/opt-outs", {"number": "+12025550123"}),
        ("GET", "/v1/auto-opt-outs", None),
        ("POST", "/v1/suppression/check", {"numbers": ["+12025550123"]}),
        ("POST", "/v1/messages", {"to": "+12025550123", "body": "hi"}),
    ],
)
def test_the_inbound_key_only_delivers_replies(client, tenant, method, path, body):
    response = client.request(method, path, json=body, headers=tenant.inbound_headers)
    assert response.status_code == 403, response.text
    assert response.json()["error"]["code"] == "forbidden"


def test_each_event_records_the_key_or_channel_that_delivered_it(
    client, make_tenant, live_server, app
):
    tenant = make_tenant("Signed", twilio_auth_token=TOKEN)
    client.post("/v1/inbound", json=_reply("STOP", "SM1"), headers=tenant.inbound_headers)
    client.post("/v1/inbound", json=_reply("START", "SM2"), headers=tenant.inbound_headers)
    url = f"{live_server(app)}/webhooks/twilio/{tenant.slug}"
    form = {"From": "+12025550123", "To": "+12025550100", "MessageSid": "SM3", "Body": "STOP"}
    signature = RequestValidator(TOKEN).compute_signature(url, form)
    assert httpx.post(url, data=form, headers={"X-Twilio-Signature": signature}).is_success
    events = _history(client, tenant)["events"]
    inbound_key = f"inbound-key:{key_prefix(tenant.inbound_key)}"
    assert [(e["type"], e["actor"], e["channel"]) for e in events] == [
        ("opt_out", "contact", inbound_key),
        ("opt_in", "contact", inbound_key),
        ("opt_out", "contact", "twilio-webhook"),
    ]
