"""Suppression checks and outbound sends."""

from __future__ import annotations


def test_suppression_check_reads_any_format(client, tenant, inbound):
    inbound("STOP", number="+12025550123")
    inbound("hello", number="+12025550124")
    numbers = ["(202) 555-0123", "202.555.0124", "+1 202 555 0125", "12025550123", "nope"]
    response = client.post(
        "/v1/suppression/check", json={"numbers": numbers}, headers=tenant.headers
    )
    assert response.status_code == 200
    assert response.json() == {"opted_out": ["+12025550123"], "invalid": ["nope"]}


def test_suppression_check_takes_100000_numbers(client, tenant, inbound):
    inbound("STOP", number="+12025550123")
    numbers = [f"+1303555{n:04d}" for n in range(10_000)] * 10 + ["2025550123"]
    response = client.post(
        "/v1/suppression/check", json={"numbers": numbers}, headers=tenant.headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["opted_out"] == ["+12025550123"]


def test_suppression_check_needs_a_list(client, tenant):
    response = client.post("/v1/suppression/check", json={"numbers": "x"}, headers=tenant.headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "numbers"


def test_outbound_is_refused_after_opt_out_and_allowed_after_unstop(client, tenant, inbound):
    payload = {"to": "+12025550123", "body": "Flu shots on Saturday"}
    first = client.post("/v1/messages", json=payload, headers=tenant.headers)
    assert first.status_code == 201
    assert first.json()["provider"] == "log"
    inbound("STOP")
    refused = client.post("/v1/messages", json=payload, headers=tenant.headers)
    assert refused.status_code == 409
    assert refused.json()["error"]["code"] == "opted_out"
    inbound("UNSTOP")
    assert client.post("/v1/messages", json=payload, headers=tenant.headers).status_code == 201


def test_outbound_answers_from_the_number_the_contact_texted(client, tenant, inbound):
    inbound("hello")
    sent = client.post(
        "/v1/messages", json={"to": "+12025550123", "body": "hi"}, headers=tenant.headers
    )
    assert sent.json()["from"] == "+12025550100"


def test_outbound_needs_a_body_and_a_number(client, tenant):
    no_body = client.post("/v1/messages", json={"to": "+12025550123"}, headers=tenant.headers)
    assert no_body.status_code == 422 and "body" in no_body.json()["error"]["message"]
    bad_to = client.post("/v1/messages", json={"to": "x", "body": "hi"}, headers=tenant.headers)
    assert bad_to.status_code == 422 and bad_to.json()["error"]["field"] == "to"
