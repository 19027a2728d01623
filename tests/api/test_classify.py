"""POST /v1/classify: decisions for a batch of replies, with context, and nothing stored."""

from __future__ import annotations

from dataclasses import fields

from optout.domain import Decision


def test_classify_answers_each_reply_in_order_and_stores_nothing(client, tenant):
    replies = [
        {"body": "Leave5Good", "prompt": "Hi Tamara! Reply LEAVE4GOOD to stop"},
        {"body": "Who is Tamara?", "prompt": "Hi Tamara! Reply LEAVE4GOOD to stop"},
        {"body": "Sgop"},
        {"body": "see you saturday"},
    ]
    answer = client.post("/v1/classify", json={"replies": replies}, headers=tenant.headers)
    assert answer.status_code == 200, answer.text
    decisions = answer.json()["decisions"]
    assert [d["action"] for d in decisions] == ["opt_out", "opt_out", "opt_out", "none"]
    assert [d["trigger"] for d in decisions] == ["keyword", "auto", "keyword", None]
    listed = client.get("/v1/opt-outs", headers=tenant.headers)
    assert listed.status_code == 200 and listed.json()["items"] == []


def test_classify_reads_declared_keywords(client, tenant):
    body = {"replies": [{"body": "bye bye"}], "keywords": ["BYEBYE"]}
    answer = client.post("/v1/classify", json=body, headers=tenant.headers)
    assert answer.json()["decisions"][0]["trigger"] == "keyword"


def test_classify_needs_a_key_and_a_bounded_batch(client, tenant):
    one = {"replies": [{"body": "stop"}]}
    assert client.post("/v1/classify", json=one).status_code == 401
    too_many = {"replies": [{"body": "ok"}] * 1001}
    refused = client.post("/v1/classify", json=too_many, headers=tenant.headers)
    assert refused.status_code == 422
    assert "error" in refused.json()


def test_the_api_describes_every_field_of_a_decision(client, tenant):
    schema = client.get("/openapi.json").json()["components"]["schemas"]["DecisionOut"]
    answer = client.post(
        "/v1/classify", json={"replies": [{"body": "wrong #"}]}, headers=tenant.headers
    )
    decision = answer.json()["decisions"][0]
    assert list(decision) == [field.name for field in fields(Decision)]
    assert set(schema["properties"]) == set(decision)
    assert decision["family"] == "wrong number"
