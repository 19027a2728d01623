"""The account's own opt-out keywords, and the text a reply answers, read with the reply."""

from __future__ import annotations

NUMBER = "+12025550123"
BLAST = "Hi Tamara! Food drive Saturday. Reply LEAVE4GOOD to stop these texts"


def _send(client, tenant, body: str) -> None:
    response = client.post(
        "/v1/messages", json={"to": NUMBER, "body": body}, headers=tenant.headers
    )
    assert response.status_code == 201, response.text


def test_a_declared_keyword_typed_loosely_is_a_keyword_opt_out(client, tenant, inbound):
    saved = client.put(
        "/v1/opt-out-keywords",
        json={"keywords": ["byebye", "Leave 4 Good"]},
        headers=tenant.headers,
    )
    assert saved.status_code == 200, saved.text
    assert saved.json() == {"keywords": ["BYEBYE", "LEAVE 4 GOOD"]}
    listed = client.get("/v1/opt-out-keywords", headers=tenant.headers).json()
    assert listed == {"keywords": ["BYEBYE", "LEAVE 4 GOOD"]}
    answer = inbound("Leave5Good")
    assert answer["decision"]["trigger"] == "keyword"
    assert answer["decision"]["reason"].startswith("keyword LEAVE 4 GOOD (declared by the sender")
    assert answer["contact"]["status"] == "opted_out"


def test_a_standard_keyword_cannot_be_declared(client, tenant):
    for word in ("STOP", "start", "Help"):
        refused = client.put(
            "/v1/opt-out-keywords", json={"keywords": [word]}, headers=tenant.headers
        )
        assert refused.status_code == 422, refused.text
        assert refused.json()["error"]["field"] == "keywords"


def test_the_text_a_reply_answers_is_read_from_the_conversation(client, tenant, inbound):
    _send(client, tenant, BLAST)
    answer = inbound("Laeve4Good", number=NUMBER)
    assert answer["decision"]["trigger"] == "keyword"
    assert "LEAVE4GOOD" in answer["decision"]["reason"]


def test_the_platform_can_give_the_text_a_reply_answers(inbound):
    answer = inbound("who is tamara??", prompt=BLAST)
    assert answer["decision"]["action"] == "opt_out"
    assert answer["decision"]["reason"].startswith("wrong person")
    assert inbound("who is tamara??")["decision"]["action"] == "none"  # no context, no guess


def test_classify_reads_the_accounts_own_keywords(client, tenant):
    client.put("/v1/opt-out-keywords", json={"keywords": ["BYEBYE"]}, headers=tenant.headers)
    answer = client.post(
        "/v1/classify", json={"replies": [{"body": "bye bye"}]}, headers=tenant.headers
    )
    assert answer.json()["decisions"][0]["trigger"] == "keyword"
