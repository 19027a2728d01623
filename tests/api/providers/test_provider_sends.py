"""Outbound texts through each provider's send API, against a real server on loopback."""

from __future__ import annotations

import base64

import pytest

from conftest import PROVIDERS, SENDS


def _credentials(header: str) -> str:
    scheme, _, value = header.partition(" ")
    return f"Bearer {value}" if scheme == "Bearer" else base64.b64decode(value).decode()


@pytest.mark.parametrize("provider", sorted(SENDS))  # Twilio's: tests/services
def test_a_text_goes_through_the_accounts_provider(provider, client, tenant, configure, stand_in):
    configure(tenant.slug, stand_in.url, provider)
    message = {"to": "(202) 555-0123", "body": "Flu shots Saturday", "from": "+12025550100"}
    response = client.post("/v1/messages", json=message, headers=tenant.headers)
    assert response.status_code == 201, response.text
    path, credentials, to, text, provider_id = SENDS[provider]
    assert (response.json()["provider"], response.json()["provider_id"]) == (provider, provider_id)
    [sent] = stand_in.received
    assert sent.path == path
    assert _credentials(sent.headers["Authorization"]).startswith(credentials)
    assert (sent.body.get("to") or sent.body.get("dst")) == to
    assert sent.body[text] == "Flu shots Saturday"


def test_an_opted_out_number_reaches_no_provider(client, tenant, configure, stand_in):
    configure(tenant.slug, stand_in.url, *PROVIDERS)
    client.post("/v1/opt-outs", json={"number": "+12025550123"}, headers=tenant.headers)
    message = {"to": "+12025550123", "body": "hi", "from": "+12025550100"}
    assert client.post("/v1/messages", json=message, headers=tenant.headers).status_code == 409
    assert stand_in.received == []


def test_a_refusing_provider_is_a_502_in_the_error_shape(client, tenant, configure):
    configure(tenant.slug, "http://127.0.0.1:9", "telnyx")  # nothing listens on port 9
    message = {"to": "+12025550123", "body": "hi", "from": "+12025550100"}
    response = client.post("/v1/messages", json=message, headers=tenant.headers)
    assert response.status_code == 502
    assert response.json()["error"]["code"] == "provider_error"
