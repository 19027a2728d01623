"""``received_at``: implausible times are refused, and no stored time breaks a read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

ON_POSTGRESQL = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


def _post(client, tenant, received_at: str, body: str = "STOP"):
    payload = {"from": "+12025550123", "to": "+12025550100", "body": body, "id": "SMlate"}
    payload["received_at"] = received_at
    return client.post("/v1/inbound", json=payload, headers=tenant.inbound_headers)


def _at(when: str | timedelta) -> str:
    """Return ``when``, or the time that far from now (ids of tests stay the same each run)."""
    return (datetime.now(UTC) + when).isoformat() if isinstance(when, timedelta) else when


@pytest.mark.parametrize(
    "received_at",
    [
        "9999-12-31T23:59:59-14:00",
        "0001-01-01T00:00:00Z",
        "1999-12-31T23:59:59Z",
        "2000-01-01T00:00:00+01:00",
        timedelta(days=1, hours=1),
    ],
    ids=str,
)
def test_an_implausible_received_at_is_refused_and_changes_nothing(
    client, tenant, inbound, received_at
):
    inbound("UNSTOP")
    response = _post(client, tenant, _at(received_at))
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_input" and error["field"] == "received_at"
    assert "plausible" in error["message"]
    history = client.get("/v1/contacts/+12025550123", headers=tenant.headers).json()
    assert history["status"] == "active"
    assert client.get("/v1/auto-opt-outs", headers=tenant.headers).status_code == 200


@pytest.mark.parametrize(
    "received_at", ["2000-01-01T00:00:00Z", timedelta(hours=23), "2026-01-01T12:00:00"], ids=str
)
def test_a_plausible_received_at_is_kept(client, tenant, received_at):
    response = _post(client, tenant, _at(received_at))
    assert response.status_code == 200, response.text
    assert response.json()["contact"]["status"] == "opted_out"


@ON_POSTGRESQL
def test_a_time_python_cannot_hold_stored_before_does_not_break_a_read(
    client, tenant, inbound, engine
):
    inbound("wrong number")
    with engine.begin() as connection:  # as a reply stamped 9999-12-31T23:59:59-14:00 left it
        connection.execute(text("UPDATE messages SET created_at = '10000-01-01 09:59:59+00'"))
        connection.execute(text("UPDATE contacts SET last_unstop_at = '0001-01-01 00:00:00 BC'"))
    folder = client.get("/v1/auto-opt-outs", headers=tenant.headers)
    assert folder.status_code == 200, folder.text
    assert folder.json()["items"][0]["at"].startswith("9999-12-31T23:59:59")
    assert inbound("STOP")["contact"]["status"] == "opted_out"
    assert client.get("/v1/opt-outs", headers=tenant.headers).status_code == 200
    assert client.get("/v1/contacts/+12025550123", headers=tenant.headers).status_code == 200


def test_the_key_is_checked_before_the_time(client, tenant):
    # A stranger learns nothing about the body's shape: the key's refusal comes first.
    payload = {"from": "+12025550123", "to": "+12025550100", "body": "STOP", "id": "SMkey"}
    payload["received_at"] = "1999-12-31T23:59:59Z"
    wrong = {"Authorization": "Bearer ooin_000000000000_wrongwrongwrongwrongwrong"}
    assert client.post("/v1/inbound", json=payload, headers=wrong).status_code == 401
    answer = client.post("/v1/inbound", json=payload, headers=tenant.headers)
    assert answer.status_code == 403  # the management key, refused as on any reply
    answer = client.post("/v1/inbound", json=payload, headers=tenant.inbound_headers)
    assert answer.status_code == 422
