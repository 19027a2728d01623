"""POST /v1/inbound: decisions applied, replies given once, retries answered the same."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from optout.api.schemas import InboundOut
from optout.domain import months_before


def test_health_needs_no_key(client):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_keyword_stop_opts_out_and_confirms_once(inbound):
    first = inbound("STOP")
    assert first["decision"]["action"] == "opt_out"
    assert first["decision"]["trigger"] == "keyword"
    assert first["contact"] == {"number": "+12025550123", "status": "opted_out", "validated": True}
    assert "unsubscribed" in first["reply"]
    again = inbound("stop")
    assert again["contact"]["status"] == "opted_out"
    assert again["reply"] is None


def test_auto_opt_out_applies_and_is_explained(inbound):
    answer = inbound("Please remove me from your list")
    assert answer["decision"]["action"] == "opt_out"
    assert answer["decision"]["trigger"] == "auto"
    assert answer["decision"]["family"] == "remove from list"
    assert answer["decision"]["span"] is not None
    assert answer["contact"]["status"] == "opted_out"


def test_ordinary_reply_changes_nothing(inbound):
    answer = inbound("Yes, 10am works")
    assert answer["decision"]["action"] == "none"
    assert answer["reply"] is None
    assert answer["contact"]["status"] == "active"


def test_start_opts_back_in_after_stop(inbound):
    inbound("STOP")
    answer = inbound("START")
    assert answer["decision"]["action"] == "opt_in"
    assert answer["contact"]["status"] == "active"
    assert "subscribed again" in answer["reply"]


def test_help_gets_the_help_text(inbound):
    assert "Reply STOP" in inbound("HELP")["reply"]


def test_a_provider_id_reused_by_another_sender_is_a_new_message(client, tenant, inbound):
    first = inbound("hi", number="+12025550123", id="SMreused")
    stop = inbound("STOP", number="+12025550124", id="SMreused")
    assert stop["duplicate"] is False and stop["message_id"] != first["message_id"]
    assert stop["contact"] == {"number": "+12025550124", "status": "opted_out", "validated": True}
    retried = inbound("STOP", number="+12025550124", id="SMreused")
    assert retried == {**stop, "duplicate": True}
    assert inbound("hi", number="+12025550123", id="SMreused") == {**first, "duplicate": True}
    refused = client.post(
        "/v1/messages", json={"to": "+12025550124", "body": "hi"}, headers=tenant.headers
    )
    assert refused.status_code == 409


def test_a_provider_id_reused_with_another_body_is_a_new_message(inbound):
    first = inbound("hi", id="SMsame")
    stop = inbound("STOP", id="SMsame")
    assert stop["duplicate"] is False and stop["message_id"] != first["message_id"]
    assert stop["contact"]["status"] == "opted_out"
    assert inbound("STOP", id="SMsame") == {**stop, "duplicate": True}


def test_a_retry_of_the_same_id_returns_the_first_answer(client, tenant, inbound):
    first = inbound("remove me from your list", id="SMretry")
    second = inbound("remove me from your list", id="SMretry")
    assert second["duplicate"] is True
    assert {**second, "duplicate": False} == first
    history = client.get("/v1/contacts/+12025550123", headers=tenant.headers).json()
    assert [event["family"] for event in history["events"]] == ["remove from list"]


def test_messages_from_opted_out_contacts_are_still_stored(inbound):
    first = inbound("STOP")
    later = inbound("why did you text me")
    assert later["message_id"] > first["message_id"]
    assert later["contact"]["status"] == "opted_out"


def test_unstop_one_month_ago_blocks_an_auto_opt_out(inbound):
    now = datetime.now(UTC)
    inbound("UNSTOP", received_at=months_before(now, 1).isoformat())
    answer = inbound("stop texting me", received_at=now.isoformat())
    assert answer["decision"]["exclusion"] == "recent_unstop"
    assert answer["contact"]["status"] == "active"


def test_unstop_seven_months_ago_does_not_block(inbound):
    now = datetime.now(UTC)
    inbound("UNSTOP", received_at=months_before(now, 7).isoformat())
    answer = inbound("stop texting me", received_at=now.isoformat())
    assert answer["decision"]["exclusion"] is None
    assert answer["contact"]["status"] == "opted_out"


def test_the_window_is_measured_from_received_at(inbound):
    unstop = datetime(2025, 1, 10, tzinfo=UTC)
    inbound("UNSTOP", received_at=unstop.isoformat())
    late = inbound("stop texting me", received_at=(unstop + timedelta(days=200)).isoformat())
    assert late["contact"]["status"] == "opted_out"


def test_stop_always_opts_out_even_after_a_recent_unstop(inbound):
    inbound("UNSTOP")
    answer = inbound("STOP")
    assert answer["decision"]["exclusion"] is None
    assert answer["contact"]["status"] == "opted_out"


def test_numbers_only_is_not_an_auto_opt_out(inbound):
    answer = inbound("12345 678")
    assert answer["contact"]["status"] == "active"


def test_a_long_message_is_not_an_auto_opt_out(inbound):
    body = "please remove me from your list " + "x" * 200
    answer = inbound(body[:201])
    assert answer["decision"]["exclusion"] == "too_long"
    assert answer["contact"]["status"] == "active"


def test_numbers_in_national_format_are_stored_in_e164(inbound):
    assert inbound("hello", number="(202) 555-0199")["contact"]["number"] == "+12025550199"


def test_bad_input_names_the_field(client, tenant):
    response = client.post(
        "/v1/inbound",
        json={"from": " ( ) ", "to": "+12025550100", "body": "hi", "id": "1"},
        headers=tenant.inbound_headers,
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_phone_number"
    assert response.json()["error"]["field"] == "from"


def test_missing_field_is_422_with_its_name(client, tenant):
    response = client.post(
        "/v1/inbound", json={"from": "+12025550123"}, headers=tenant.inbound_headers
    )
    assert response.status_code == 422
    assert "to" in response.json()["error"]["message"]


def test_missing_or_wrong_key_is_401(client):
    payload = {"from": "+12025550123", "to": "+12025550100", "body": "STOP", "id": "1"}
    assert client.post("/v1/inbound", json=payload).status_code == 401
    wrong = {"Authorization": "Bearer oo_000000000000_wrongwrongwrongwrongwrong"}
    response = client.post("/v1/inbound", json=payload, headers=wrong)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


@pytest.mark.parametrize("body", ["STOP", "please take me off your list", "HELP", "ok thanks"])
def test_every_answer_has_the_declared_shape(inbound, body):
    answer = inbound(body)
    assert InboundOut.model_validate(answer).model_dump(mode="json", by_alias=True) == answer
