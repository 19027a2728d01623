"""Against a real uvicorn server: the Twilio webhook and a whole opt-out flow."""

from __future__ import annotations

import httpx
import pytest
from twilio.request_validator import RequestValidator

TOKEN = "0123456789abcdef0123456789abcdef"


@pytest.fixture
def twilio_tenant(make_tenant):
    return make_tenant("Twilio clinic", twilio_auth_token=TOKEN)


def _twilio_post(base_url, slug, params, token=TOKEN):
    url = f"{base_url}/webhooks/twilio/{slug}"
    signature = RequestValidator(token).compute_signature(url, params)
    return httpx.post(url, data=params, headers={"X-Twilio-Signature": signature})


def _params(body, sid="SM1"):
    return {"From": "+12025550123", "To": "+12025550100", "Body": body, "MessageSid": sid}


def test_twilio_webhook_with_a_valid_signature_answers_in_twiml(app, live_server, twilio_tenant):
    base_url = live_server(app)
    response = _twilio_post(base_url, twilio_tenant.slug, _params("STOP"))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/xml")
    assert "<Message>" in response.text and "unsubscribed" in response.text
    retry = _twilio_post(base_url, twilio_tenant.slug, _params("STOP"))
    assert retry.text == response.text
    quiet = _twilio_post(base_url, twilio_tenant.slug, _params("ok thanks", sid="SM2"))
    assert quiet.text.endswith("<Response/>")


def test_twilio_webhook_with_a_wrong_signature_is_403(app, live_server, twilio_tenant, client):
    base_url = live_server(app)
    response = _twilio_post(base_url, twilio_tenant.slug, _params("STOP"), token="wrong")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
    history = client.get("/v1/contacts/+12025550123", headers=twilio_tenant.headers)
    assert history.status_code == 404


def test_twilio_webhook_refuses_an_account_without_a_token(app, live_server, tenant):
    response = _twilio_post(live_server(app), tenant.slug, _params("STOP"))
    assert response.status_code == 403


def test_an_unknown_account_is_refused_exactly_like_a_bad_signature(
    app, live_server, twilio_tenant
):
    base_url = live_server(app)
    unknown = _twilio_post(base_url, "nobody", _params("STOP"))
    forged = _twilio_post(base_url, twilio_tenant.slug, _params("STOP"), token="wrong")
    assert unknown.status_code == forged.status_code == 403
    assert unknown.json()["error"]["message"] == forged.json()["error"]["message"]


def test_twilio_webhook_needs_its_fields(app, live_server, twilio_tenant):
    response = _twilio_post(live_server(app), twilio_tenant.slug, {"Body": "STOP"})
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "From"


def test_end_to_end_opt_out_flow(app, live_server, tenant):
    with httpx.Client(base_url=live_server(app), headers=tenant.headers) as http:
        assert http.get("/healthz").json() == {"status": "ok"}
        send = {"to": "+12025550123", "body": "Flu shots Saturday"}
        assert http.post("/v1/messages", json=send).status_code == 201
        reply = {"from": "+12025550123", "to": "+12025550100", "id": "e2e-1"}
        wrong_number = {**reply, "body": "this is the wrong number"}
        answer = http.post("/v1/inbound", json=wrong_number, headers=tenant.inbound_headers)
        assert answer.json()["contact"]["status"] == "opted_out"
        assert http.post("/v1/messages", json=send).status_code == 409
        folder = http.get("/v1/auto-opt-outs").json()
        assert [item["id"] for item in folder["items"]] == [answer.json()["message_id"]]
        check = http.post("/v1/suppression/check", json={"numbers": ["202-555-0123"]})
        assert check.json()["opted_out"] == ["+12025550123"]
        item_id = folder["items"][0]["id"]
        undo = http.post(f"/v1/auto-opt-outs/{item_id}/opt-back-in", json={"confirm": True})
        assert undo.json()["status"] == "active"
        assert http.post("/v1/messages", json=send).status_code == 201
