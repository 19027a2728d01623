"""Oversized and broken bodies: 413 and 422 in the one error shape."""

from __future__ import annotations

import httpx
import pytest


def test_an_oversized_body_is_413(client, tenant, settings):
    body = "x" * (settings.max_body_bytes + 1)
    payload = {"from": "+12025550123", "to": "+12025550100", "body": body, "id": "1"}
    response = client.post("/v1/inbound", json=payload, headers=tenant.inbound_headers)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_a_streamed_body_without_length_is_cut_at_the_limit(app, tenant, settings, live_server):
    base_url = live_server(app)

    def chunks():
        for _ in range(settings.max_body_bytes // 1024 + 2):
            yield b"x" * 1024

    headers = {**tenant.inbound_headers, "Content-Type": "application/json"}
    response = httpx.post(f"{base_url}/v1/inbound", content=chunks(), headers=headers)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_broken_utf8_is_422_with_a_clear_message(client, tenant):
    body = b'{"from": "+12025550123", "to": "+12025550100", "body": "\xff\xfe", "id": "1"}'
    headers = {**tenant.inbound_headers, "Content-Type": "application/json"}
    response = client.post("/v1/inbound", content=body, headers=headers)
    assert response.status_code == 422
    assert "UTF-8" in response.json()["error"]["message"]


def test_malformed_json_is_422(client, tenant):
    headers = {**tenant.inbound_headers, "Content-Type": "application/json"}
    response = client.post("/v1/inbound", content=b'{"from": ', headers=headers)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"


def test_unknown_api_paths_answer_in_the_error_shape(client, tenant):
    response = client.get("/v1/nothing-here", headers=tenant.headers)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


PROTECTED = [
    ("POST", "/v1/inbound"),
    ("GET", "/v1/contacts/+12025550123"),
    ("GET", "/v1/opt-outs"),
    ("POST", "/v1/opt-outs"),
    ("POST", "/v1/opt-ins"),
    ("GET", "/v1/auto-opt-outs"),
    ("POST", "/v1/auto-opt-outs/1/opt-back-in"),
    ("POST", "/v1/suppression/check"),
    ("POST", "/v1/messages"),
    ("GET", "/v1/opt-outs/export"),
    ("POST", "/v1/opt-outs/import"),
]


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_every_v1_operation_needs_a_key(client, method, path):
    response = client.request(method, path, json={})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"
