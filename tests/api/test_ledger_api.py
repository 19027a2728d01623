"""Contacts, opt-outs, opt-ins and the Auto Opt-Out folder over HTTP."""

from __future__ import annotations


def _history(client, tenant, number="+12025550123"):
    return client.get(f"/v1/contacts/{number}", headers=tenant.headers)


def test_contact_history_lists_events_in_order(client, tenant, inbound):
    inbound("STOP")
    inbound("START")
    body = _history(client, tenant, "(202) 555-0123").json()
    assert body["number"] == "+12025550123"
    assert body["status"] == "active"
    assert [(e["type"], e["source"], e["actor"]) for e in body["events"]] == [
        ("opt_out", "keyword", "contact"),
        ("opt_in", "keyword", "contact"),
    ]


def test_a_number_never_seen_is_404(client, tenant):
    response = _history(client, tenant, "+12025550999")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "contact_not_found"


def test_an_unreadable_number_is_422(client, tenant):
    response = _history(client, tenant, "()")
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "number"


def test_manual_opt_out_and_opt_in(client, tenant):
    out = client.post(
        "/v1/opt-outs",
        json={"number": "2025550150", "note": "asked by phone"},
        headers=tenant.headers,
    )
    assert out.status_code == 201
    assert out.json() == {"number": "+12025550150", "status": "opted_out", "validated": True}
    again = client.post("/v1/opt-outs", json={"number": "+12025550150"}, headers=tenant.headers)
    assert again.status_code == 201
    back = client.post(
        "/v1/opt-ins", json={"number": "+12025550150", "confirm": True}, headers=tenant.headers
    )
    assert back.json()["status"] == "active"
    events = _history(client, tenant, "+12025550150").json()["events"]
    assert [e["type"] for e in events] == ["opt_out", "opt_in"]
    assert events[0]["note"] == "asked by phone"
    assert events[1]["actor"].startswith("api-key:")


def test_opt_in_needs_confirm(client, tenant):
    client.post("/v1/opt-outs", json={"number": "+12025550150"}, headers=tenant.headers)
    response = client.post("/v1/opt-ins", json={"number": "+12025550150"}, headers=tenant.headers)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "confirmation_required"


def test_a_keyword_opt_out_cannot_be_undone_by_the_account(client, tenant, inbound):
    inbound("STOP")
    response = client.post(
        "/v1/opt-ins", json={"number": "+12025550123", "confirm": True}, headers=tenant.headers
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "opt_in_not_allowed"
    assert _history(client, tenant).json()["status"] == "opted_out"


def test_opt_outs_reject_unknown_fields(client, tenant):
    response = client.post(
        "/v1/opt-outs", json={"number": "+12025550150", "source": "keyword"}, headers=tenant.headers
    )
    assert response.status_code == 422
    assert "source" in response.json()["error"]["message"]


def test_auto_opt_out_folder_pages_newest_first(client, tenant, inbound):
    for index in range(5):
        inbound("please remove me from your list", number=f"+1202555017{index}")
    inbound("STOP", number="+12025550180")
    inbound("hello", number="+12025550181")
    first = client.get("/v1/auto-opt-outs?limit=3", headers=tenant.headers).json()
    assert [item["number"] for item in first["items"]] == [
        "+12025550174",
        "+12025550173",
        "+12025550172",
    ]
    assert first["total"] == 5
    second = client.get(
        f"/v1/auto-opt-outs?limit=3&after={first['next']}", headers=tenant.headers
    ).json()
    assert [item["number"] for item in second["items"]] == ["+12025550171", "+12025550170"]
    assert second["next"] is None
    item = second["items"][0]
    assert item["body"] == "please remove me from your list"
    assert item["reason"] and item["span"]


def test_opt_back_in_removes_the_message_from_the_folder(client, tenant, inbound):
    message_id = inbound("wrong number")["message_id"]
    path = f"/v1/auto-opt-outs/{message_id}/opt-back-in"
    refused = client.post(path, json={}, headers=tenant.headers)
    assert refused.status_code == 400
    response = client.post(path, json={"confirm": True}, headers=tenant.headers)
    assert response.json() == {"number": "+12025550123", "status": "active", "validated": True}
    assert client.get("/v1/auto-opt-outs", headers=tenant.headers).json()["items"] == []
    assert client.post(path, json={"confirm": True}, headers=tenant.headers).status_code == 404
    events = _history(client, tenant).json()["events"]
    assert events[-1]["type"] == "opt_in" and events[-1]["source"] == "manual"


def test_a_keyword_opt_out_is_not_in_the_folder(client, tenant, inbound):
    message_id = inbound("STOP")["message_id"]
    path = f"/v1/auto-opt-outs/{message_id}/opt-back-in"
    assert client.post(path, json={"confirm": True}, headers=tenant.headers).status_code == 404


def test_a_bad_cursor_is_422(client, tenant):
    response = client.get("/v1/auto-opt-outs?after=abc", headers=tenant.headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == "after"


def test_another_account_sees_and_changes_nothing(client, tenant, other_tenant, inbound):
    message_id = inbound("remove me from your list")["message_id"]
    other = other_tenant.headers
    assert _history(client, other_tenant).status_code == 404
    assert client.get("/v1/auto-opt-outs", headers=other).json()["items"] == []
    path = f"/v1/auto-opt-outs/{message_id}/opt-back-in"
    assert client.post(path, json={"confirm": True}, headers=other).status_code == 404
    opt_in = client.post(
        "/v1/opt-ins", json={"number": "+12025550123", "confirm": True}, headers=other
    )
    assert opt_in.status_code == 404
    check = client.post("/v1/suppression/check", json={"numbers": ["+12025550123"]}, headers=other)
    assert check.json()["opted_out"] == []
    sent = client.post("/v1/messages", json={"to": "+12025550123", "body": "hi"}, headers=other)
    assert sent.status_code == 201
    assert _history(client, tenant).json()["status"] == "opted_out"
    export = client.get("/v1/opt-outs/export", headers=other).text
    assert "+12025550123" not in export


def test_opt_outs_list_searches_and_pages(client, tenant, inbound):
    inbound("STOP", number="+12025550123")
    client.post("/v1/opt-outs", json={"number": "+13035550123"}, headers=tenant.headers)
    client.post("/v1/opt-outs", json={"number": "+13035550999"}, headers=tenant.headers)
    page = client.get("/v1/opt-outs?limit=2", headers=tenant.headers).json()
    assert [item["number"] for item in page["items"]] == ["+13035550999", "+13035550123"]
    rest = client.get(f"/v1/opt-outs?limit=2&after={page['next']}", headers=tenant.headers)
    assert [item["source"] for item in rest.json()["items"]] == ["keyword"]
    found = client.get("/v1/opt-outs?search=(303) 555-0123", headers=tenant.headers).json()
    assert [item["number"] for item in found["items"]] == ["+13035550123"]


def test_the_openapi_schema_describes_every_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/inbound", "/v1/suppression/check", "/webhooks/twilio/{account_slug}"} <= set(paths)


def test_stop_after_an_auto_opt_out_makes_it_the_contacts_own(client, tenant, inbound):
    auto = inbound("please remove me from your list")
    stop = inbound("STOP")
    assert stop["reply"] is None  # confirmed once already
    events = _history(client, tenant).json()["events"]
    assert [(e["type"], e["source"]) for e in events] == [
        ("opt_out", "auto"),
        ("opt_out", "keyword"),
    ]
    assert client.get("/v1/auto-opt-outs", headers=tenant.headers).json()["items"] == []
    path = f"/v1/auto-opt-outs/{auto['message_id']}/opt-back-in"
    assert client.post(path, json={"confirm": True}, headers=tenant.headers).status_code == 404
    opt_in = {"number": "+12025550123", "confirm": True}
    assert client.post("/v1/opt-ins", json=opt_in, headers=tenant.headers).status_code == 409
    assert len(_history(client, tenant).json()["events"]) == 2
    inbound("STOP")
    assert len(_history(client, tenant).json()["events"]) == 2
