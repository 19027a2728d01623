"""The bulk suppression check of a file: numbers one a line, streamed in, of any size."""

from __future__ import annotations

import pytest

PATH = "/v1/suppression/check-file"


def _post(client, tenant, body: bytes):
    headers = {**tenant.headers, "Content-Type": "text/plain"}
    return client.post(PATH, content=body, headers=headers)


def test_a_file_is_read_in_any_format(client, tenant, other_tenant, inbound):
    inbound("STOP", number="+12025550123")
    inbound("hello", number="+12025550124")
    body = b"(202) 555-0123\r\n202.555.0124\n\n+1 202 555 0125\n12025550123\nnope\nMyBrand"
    response = _post(client, tenant, body)
    assert response.status_code == 200, response.text
    assert response.json() == {"opted_out": ["+12025550123"], "invalid": ["nope", "MyBrand"]}
    assert _post(client, other_tenant, body).json()["opted_out"] == []  # its own opt-outs only


def test_an_opted_out_sender_key_that_json_escapes_is_answered(client, tenant, inbound):
    inbound("STOP", number='Shop "A" \\ B')
    inbound("STOP", number="+12025550123")
    body = b'2025550123\nShop "A" \\ B\n'
    response = _post(client, tenant, body)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert sorted(answer["opted_out"]) == ["+12025550123", 'SHOP"A"\\B']
    assert answer["invalid"] == []


def test_a_file_over_the_bulk_body_limit_is_checked(client, tenant, inbound, settings):
    inbound("STOP", number="+12025550123")
    numbers = [f"303555{index:04d}" for index in range(10_000)] * 40 + ["2025550123"]
    body = "\n".join(numbers).encode()
    assert len(body) > 16 * settings.max_body_bytes  # what the JSON check would refuse
    response = _post(client, tenant, body)
    assert response.status_code == 200, response.text
    assert response.json() == {"opted_out": ["+12025550123"], "invalid": []}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"2025550123\n" + b"1" * 65 + b"\n", "line 2: a number is at most 64 characters"),
        (b"2025550123\n\n20255\x0050123\n", "line 3: must not contain NUL (\\u0000) characters"),
        (b"2025550123\n\xff\n", "line 2: is not valid UTF-8"),
        (b"2025550123\n" + b"1" * 2_000_000, "line 2: a number is at most 64 characters"),
    ],
)
def test_a_file_with_a_line_that_is_no_number_is_refused(client, tenant, body, message):
    response = _post(client, tenant, body)
    assert response.status_code == 422
    assert response.json() == {
        "error": {"code": "invalid_input", "message": message, "field": "body"}
    }


def test_a_file_needs_an_api_key(client):
    response = client.post(PATH, content=b"2025550123\n")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"
