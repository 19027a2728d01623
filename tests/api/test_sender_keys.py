"""Every sender has a key, and every route reads a number to the same key.

A reply is never refused for how its number looks; the suppression check, manual opt-outs
and outbound sends find the opt-out it made, however the number is written.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.api.conftest import TestClient

from optout.api.app import create_app
from optout.config import Settings
from optout.domain import KeyPurpose
from optout.services.accounts import create_account, issue_api_key


def _check(client, tenant, numbers: list[str]) -> dict:
    response = client.post(
        "/v1/suppression/check", json={"numbers": numbers}, headers=tenant.headers
    )
    assert response.status_code == 200, response.text
    return response.json()


def _send(client, tenant, to: str) -> int:
    payload = {"to": to, "body": "Flu shots on Saturday"}
    return client.post("/v1/messages", json=payload, headers=tenant.headers).status_code


@pytest.mark.parametrize(
    ("opted_out", "written", "key"),
    [
        ("+44 7911 123456", "+44 (0)7911 123456", "+447911123456"),
        ("+44 7911 123456", "+4407911123456", "+447911123456"),
        ("+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "+33612345678"),
        ("+49 151 23456789", "+49 (0)151 23456789", "+4915123456789"),
    ],
)
def test_a_trunk_prefix_does_not_hide_an_opt_out(client, tenant, inbound, opted_out, written, key):
    inbound("STOP", number=opted_out)
    assert _check(client, tenant, [written]) == {"opted_out": [key], "invalid": []}
    assert _send(client, tenant, written) == 409


@pytest.mark.parametrize(
    ("sender", "key"),
    [
        ("+1 624 555 0123", "+16245550123"),  # an area code newer than the number metadata
        ("(729) 555-0123", "+17295550123"),
        ("898287", "898287"),  # a short code
        ("whatsapp:+52 1 55 1234 5678", "+525512345678"),  # an old-format Mexican mobile
        ("MyBrand", "MYBRAND"),  # an alphanumeric sender
        ("channel:sender-with-a-long-name", "CHANNEL:SENDERWITHALONGNAME"),  # over 20 characters
    ],
)
def test_a_stop_from_a_number_phonenumbers_calls_invalid_is_kept(
    client, tenant, inbound, sender, key
):
    answer = inbound("STOP", number=sender)
    assert answer["decision"]["action"] == "opt_out"
    assert answer["contact"]["number"] == key
    assert answer["contact"]["status"] == "opted_out"
    assert _check(client, tenant, [sender, key]) == {"opted_out": [key], "invalid": []}
    assert _send(client, tenant, sender) == 409
    history = client.get(f"/v1/contacts/{key}", headers=tenant.headers).json()
    assert [event["type"] for event in history["events"]] == ["opt_out"]


@pytest.mark.parametrize("number", ["+1 624 555 0123", "898287"])
def test_a_number_phonenumbers_calls_invalid_is_refused_only_once_opted_out(client, tenant, number):
    assert _check(client, tenant, [number]) == {"opted_out": [], "invalid": []}
    assert _send(client, tenant, number) == 201
    out = client.post("/v1/opt-outs", json={"number": number}, headers=tenant.headers)
    assert out.status_code == 201, out.text
    assert out.json()["validated"] is False
    assert _check(client, tenant, [number]) == {"opted_out": [out.json()["number"]], "invalid": []}
    assert _send(client, tenant, number) == 409


def test_the_answer_says_when_a_number_could_not_be_validated(inbound):
    assert inbound("hi", number="+1 624 555 0123")["contact"]["validated"] is False
    assert inbound("hi", number="+1 202 555 0123")["contact"]["validated"] is True


def test_a_sender_id_is_no_number_to_text_unless_it_opted_out(client, tenant):
    assert _check(client, tenant, ["MyBrand"]) == {"opted_out": [], "invalid": ["MyBrand"]}
    assert _send(client, tenant, "MyBrand") == 422
    client.post("/v1/opt-outs", json={"number": "MyBrand"}, headers=tenant.headers)
    assert _check(client, tenant, ["MyBrand"]) == {"opted_out": ["MYBRAND"], "invalid": []}
    assert _send(client, tenant, "MyBrand") == 409


@pytest.fixture
def gb_client(
    database_url: str, detector
) -> Iterator[tuple[TestClient, dict[str, str], dict[str, str]]]:
    app = create_app(Settings(database_url=database_url, default_region="GB"), detector=detector)
    with app.state.session_factory() as session, session.begin():
        account, key = create_account(session, name="London clinic")
        inbound_key = issue_api_key(session, account=account, purpose=KeyPurpose.INBOUND)
    with TestClient(app) as client:
        yield client, {"Authorization": f"Bearer {key}"}, {"Authorization": f"Bearer {inbound_key}"}
    app.state.session_factory.kw["bind"].dispose()


def test_the_apps_region_reads_national_numbers(gb_client):
    client, headers, inbound_headers = gb_client
    reply = {"from": "07911 123456", "to": "020 7183 8750", "body": "STOP", "id": "SM1"}
    answer = client.post("/v1/inbound", json=reply, headers=inbound_headers)
    assert answer.status_code == 200, answer.text
    assert answer.json()["contact"]["number"] == "+447911123456"
    assert answer.json()["contact"]["validated"] is True
    numbers = {"numbers": ["07911 123456"]}
    check = client.post("/v1/suppression/check", json=numbers, headers=headers)
    assert check.json() == {"opted_out": ["+447911123456"], "invalid": []}
    sent = client.post("/v1/messages", json={"to": "07911 123456", "body": "hi"}, headers=headers)
    assert sent.status_code == 409
