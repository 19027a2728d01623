"""Outbound texts through each provider's send API, against a real server on loopback."""

from __future__ import annotations

import base64

import pytest

from conftest import PROVIDERS

EXPECTED = {
    # provider: (path, how it authenticates, the body's recipient, text field)
    "telnyx": ("/v2/messages", "Bearer KEY0123", "+12025550123", "text"),
    "vonage": ("/v1/messages", "abcd1234:vonage-api-secret", "12025550123", "text"),
    "plivo": (
        "/v1/Account/MAXXXXXXXXXXXXXXXXXX/Message/",
        "MAXXXXXXXXXXXXXXXXXX:",
        "+12025550123",
        "text",
    ),
    "bandwidth": (
        "/api/v2/users/9900000/messages",
        "api-user:api-password",
        ["+12025550123"],
        "text",
    ),
}
IDS = {
    "telnyx": "40385f64-5717-4562-b3fc-2c963f66afa6",
    "vonage": "aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab",
    "plivo": "db3ce55a",
    "bandwidth": "1589228074636lm4k2je7j7jklbn2",
}


def _credentials(header: str) -> str:
    scheme, _, value = header.partition(" ")
    return f"Bearer {value}" if scheme == "Bearer" else base64.b64decode(value).decode()


@pytest.mark.parametrize("provider", sorted(EXPECTED))
def test_a_text_goes_through_the_accounts_provider(provider, client, tenant, configure, stand_in):
    configure(tenant.slug, stand_in.url, provider)
    message = {"to": "(202) 555-0123", "body": "Flu shots Saturday", "from": "+12025550100"}
    response = client.post("/v1/messages", json=message, headers=tenant.headers)
    assert response.status_code == 201, response.text
    assert (response.json()["provider"], response.json()["provider_id"]) == (
        provider,
        IDS[provider],
    )
    [sent] = stand_in.received
    path, credentials, to, text = EXPECTED[provider]
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
