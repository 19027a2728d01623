"""Provider settings as data: set through the API and the command line, secrets never shown."""

from __future__ import annotations

import json

from conftest import settings_for


def test_the_api_sets_a_providers_settings_and_hides_its_secrets(client, tenant):
    values = settings_for("vonage", "http://127.0.0.1:1")
    response = client.put("/v1/providers/vonage", json={"settings": values}, headers=tenant.headers)
    assert response.status_code == 200, response.text
    shown = response.json()
    assert shown["settings"]["signature_secret"] == shown["settings"]["api_secret"] == "(set)"
    assert shown["settings"]["api_key"] == "abcd1234"
    assert shown["receives_webhooks"] and shown["can_send"] and shown["sends_outbound"]
    listed = client.get("/v1/providers", headers=tenant.headers).json()
    assert [view["provider"] for view in listed] == ["vonage"]
    assert VONAGE_SECRETS.isdisjoint(json.dumps(listed).split('"'))


VONAGE_SECRETS = {"vonage-signature-secret-0123456789", "vonage-api-secret"}


def test_unknown_providers_and_settings_are_refused_naming_them(client, tenant):
    unknown = client.put(
        "/v1/providers/no-such-provider", json={"settings": {}}, headers=tenant.headers
    )
    assert unknown.status_code == 422 and unknown.json()["error"]["field"] == "provider"
    body = {"settings": {"public_kye": "x"}}
    typo = client.put("/v1/providers/telnyx", json=body, headers=tenant.headers)
    assert typo.status_code == 422 and typo.json()["error"]["field"] == "public_kye"


def test_an_empty_value_removes_a_setting(client, tenant):
    values = {"public_key": "a2V5", "api_key": "KEY1"}
    client.put("/v1/providers/telnyx", json={"settings": values}, headers=tenant.headers)
    body = {"settings": {"api_key": ""}}
    shown = client.put("/v1/providers/telnyx", json=body, headers=tenant.headers).json()
    assert shown["settings"] == {"public_key": "a2V5"} and not shown["can_send"]
