"""The API and the Twilio webhook under malformed input, through a real uvicorn server.

Broken JSON and UTF-8, empty, 1 MB and 5 MB bodies, missing and repeated form fields,
unknown accounts, blank senders, NUL characters: each gets a 4xx with a clear
``{"error": {"code", "message"}}`` and nothing stored changes. PostgreSQL is used because it
is the stricter store (it refuses NUL characters in text, for one). A sender ``phonenumbers``
calls invalid is no malformed input: its reply is stored, and said to be unvalidated.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from twilio.request_validator import RequestValidator

from optout.api.app import create_app
from optout.config import Settings
from optout.domain import KeyPurpose
from optout.services.accounts import create_account, issue_api_key
from optout.store.engine import make_engine
from optout.store.tables import Account, ApiKey, Contact, Conversation, Message, OptEvent

pytestmark = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)

TOKEN = "twilio-auth-token-for-hostile-tests"
LIMIT = 1_048_576  # the default OPTOUT_MAX_BODY_BYTES
JSON_ENDPOINTS = [
    "/v1/inbound",
    "/v1/opt-outs",
    "/v1/opt-ins",
    "/v1/suppression/check",
    "/v1/messages",
]
MALFORMED_JSON = [
    b"",
    b"{",
    b'{"from": ',
    b"null",
    b"[]",
    b'"text"',
    b"42",
    b"{}",
    b'{"number": 5}',
    b"\xff\xfe{\x00}",
    b'{"body": "\xc3\x28"}',
    b'{"number": "\xed\xa0\x80"}',
    b"\x00" * 64,
]
BLANK_NUMBERS = ["", " ", "()", "whatsapp:"]
INVALID_NUMBERS = [
    "abc",
    "+1",
    "12",
    "+1415555012",
    "+99999999999999999",
    "+1 (415)",
    "0000000000",
    "+1415555O123",
    "\u0661\u0662\u0663",
    "+1\u00a0415\u00a0555",
]
TABLES = (Account, ApiKey, Contact, Conversation, Message, OptEvent)


@dataclass(frozen=True)
class Server:
    """The app served by uvicorn, with one account that has an API key and a Twilio token."""

    url: str
    slug: str
    key: str
    engine: Engine
    inbound_key: str

    def post(self, path: str, content: Any = b"", **headers: str) -> httpx.Response:
        """Send raw bytes (or a byte iterator, sent chunked) with the account's key."""
        key = self.inbound_key if path == "/v1/inbound" else self.key
        merged = {"authorization": f"Bearer {key}", "content-type": "application/json"}
        return httpx.post(
            self.url + path, content=content, headers={**merged, **headers}, timeout=60
        )

    def webhook(self, fields: list[tuple[str, str]], slug: str | None = None) -> httpx.Response:
        """Post Twilio's form fields, signed with the account's token as Twilio signs them."""
        url = f"{self.url}/webhooks/twilio/{slug or self.slug}"
        signature = RequestValidator(TOKEN).compute_signature(url, _MultiDict(fields))
        body = httpx.QueryParams(fields).__str__().encode()
        headers = {
            "content-type": "application/x-www-form-urlencoded",
            "x-twilio-signature": signature,
        }
        return httpx.post(url, content=body, headers=headers, timeout=60)

    def counts(self) -> dict[str, int]:
        """Return the number of rows in each table."""
        with Session(self.engine) as session:
            return {
                table.__tablename__: session.scalar(select(func.count()).select_from(table)) or 0
                for table in TABLES
            }


class _MultiDict(list[tuple[str, str]]):
    """Form fields with repeats, in the shape Twilio's signature code reads (``getall``)."""

    def __iter__(self) -> Iterator[Any]:
        return iter({name for name, _ in list.__iter__(self)})

    def getall(self, name: str) -> list[str]:
        return [value for key, value in list.__iter__(self) if key == name]


@pytest.fixture
def server(database_url: str, live_server: Callable[[Any], str]) -> Iterator[Server]:
    app = create_app(Settings(database_url=database_url))
    with app.state.session_factory() as session, session.begin():
        account, key = create_account(session, name="Hostile", twilio_auth_token=TOKEN)
        inbound_key = issue_api_key(session, account=account, purpose=KeyPurpose.INBOUND)
    engine = make_engine(database_url)
    yield Server(live_server(app), account.slug, key, engine, inbound_key)
    engine.dispose()
    app.state.session_factory.kw["bind"].dispose()


@pytest.fixture
def unchanged(server: Server) -> Iterator[None]:
    """Assert that the test stores nothing and changes nothing."""
    before = server.counts()
    yield
    assert server.counts() == before


def assert_refused(response: httpx.Response, status: int | None = None) -> dict[str, Any]:
    """Assert a 4xx answer in the one error shape with a code and a message; return the error."""
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    if status is not None:
        assert response.status_code == status, response.text[:300]
    assert response.headers["content-type"].startswith("application/json"), response.headers
    error = response.json()["error"]
    assert error["code"] and isinstance(error["code"], str)
    assert len(error["message"]) > 10, error
    return dict(error)


def _inbound(**fields: str) -> bytes:
    payload = {"from": "+14155550123", "to": "+14155550100", "body": "hi", "id": "SM1", **fields}
    return json.dumps(payload).encode()


@pytest.mark.parametrize("path", JSON_ENDPOINTS)
@pytest.mark.usefixtures("unchanged")
def test_malformed_json_is_refused_with_a_clear_error(server: Server, path: str):
    for body in MALFORMED_JSON:
        error = assert_refused(server.post(path, body), 422)
        assert error["code"] == "invalid_input", (body, error)


@pytest.mark.usefixtures("unchanged")
def test_a_body_over_the_limit_is_refused_whether_declared_or_streamed(server: Server):
    just_over = _inbound(body="x" * LIMIT)
    five_mb = _inbound(body="x" * 5_000_000)
    assert_refused(server.post("/v1/inbound", just_over), 413)
    assert_refused(server.post("/v1/inbound", five_mb), 413)
    chunks = (five_mb[i : i + 65_536] for i in range(0, len(five_mb), 65_536))
    assert_refused(server.post("/v1/inbound", chunks), 413)
    form = {
        "From": "+14155550123",
        "To": "+14155550100",
        "MessageSid": "SM1",
        "Body": "x" * 5_000_000,
    }
    assert_refused(server.webhook(list(form.items())), 413)


@pytest.mark.usefixtures("unchanged")
def test_a_one_megabyte_message_under_the_limit_is_refused_as_too_long(server: Server):
    body = _inbound(body="x" * 1_000_000)
    assert len(body) < LIMIT
    error = assert_refused(server.post("/v1/inbound", body), 422)
    assert error["field"] == "body"


@pytest.mark.parametrize("number", BLANK_NUMBERS)
@pytest.mark.usefixtures("unchanged")
def test_a_blank_sender_is_refused_naming_the_field(server: Server, number: str):
    assert (
        assert_refused(server.post("/v1/inbound", _inbound(**{"from": number})), 422)["field"]
        == "from"
    )
    assert (
        assert_refused(server.post("/v1/opt-outs", json.dumps({"number": number})), 422)["field"]
        == "number"
    )


@pytest.mark.parametrize("number", INVALID_NUMBERS)
def test_a_stop_from_a_number_phonenumbers_calls_invalid_is_kept(server: Server, number: str):
    answer = server.post("/v1/inbound", _inbound(**{"from": number, "body": "STOP"}))
    assert answer.status_code == 200, answer.text
    contact = answer.json()["contact"]
    assert contact["status"] == "opted_out" and contact["validated"] is False
    check = server.post("/v1/suppression/check", json.dumps({"numbers": [number]}))
    assert check.json()["opted_out"] == [contact["number"]]
    sent = server.post("/v1/messages", json.dumps({"to": number, "body": "hi"}))
    assert sent.status_code == 409, sent.text


@pytest.mark.parametrize("field", ["from", "to", "body", "id"])
@pytest.mark.usefixtures("unchanged")
def test_a_nul_character_is_refused_not_a_server_error(server: Server, field: str):
    value = {"from": "+1415555\x000123", "to": "+1415555\x000100"}.get(field, "STOP\x00")
    error = assert_refused(server.post("/v1/inbound", _inbound(**{field: value})), 422)
    assert error["field"] == field


@pytest.mark.usefixtures("unchanged")
def test_an_unknown_account_slug_is_refused_like_a_bad_signature(server: Server):
    fields = [("From", "+14155550123"), ("To", "+14155550100"), ("MessageSid", "SM1")]
    for slug in ["no-such-account", "%00", "a" * 300, "%F0%9F%9B%91"]:
        assert assert_refused(server.webhook(fields, slug=slug), 403)["code"] == "forbidden"


@pytest.mark.parametrize("missing", ["From", "To", "MessageSid"])
@pytest.mark.usefixtures("unchanged")
def test_a_missing_twilio_field_is_refused_naming_it(server: Server, missing: str):
    fields = {"From": "+14155550123", "To": "+14155550100", "MessageSid": "SM1", "Body": "STOP"}
    del fields[missing]
    assert assert_refused(server.webhook(list(fields.items())), 422)["field"] == missing


@pytest.mark.parametrize("repeated", ["From", "To", "MessageSid", "Body"])
@pytest.mark.usefixtures("unchanged")
def test_a_repeated_twilio_field_is_refused_naming_it(server: Server, repeated: str):
    fields = [
        ("From", "+14155550123"),
        ("To", "+14155550100"),
        ("MessageSid", "SM1"),
        ("Body", "STOP"),
    ]
    fields.append((repeated, dict(fields)[repeated] + "0"))
    assert assert_refused(server.webhook(fields), 422)["field"] == repeated


@pytest.mark.usefixtures("unchanged")
def test_broken_twilio_bodies_are_refused(server: Server):
    base = [("To", "+14155550100"), ("MessageSid", "SM1")]
    assert_refused(server.webhook([]), 422)
    assert_refused(server.webhook([("From", " "), *base]), 422)
    url = f"{server.url}/webhooks/twilio/{server.slug}"
    for content in [b"From=%FF%FE&To=%C3%28", b"\xff\xfe\x00", b"%%%&&&=="]:
        headers = {"content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "x"}
        assert_refused(httpx.post(url, content=content, headers=headers), None)


def test_a_signed_body_holding_nul_is_stored_with_nul_replaced(server: Server):
    fields = [("From", "+14155550123"), ("To", "+14155550100"), ("MessageSid", "SM1")]
    response = server.webhook([*fields, ("Body", "STOP\x00")])
    assert response.status_code == 200 and "<Message>" in response.text
    with Session(server.engine) as session:
        assert session.scalars(select(Message.body)).all() == ["STOP\ufffd"]
        assert session.scalars(select(Contact.status)).all() == ["opted_out"]


def test_a_twilio_message_sid_over_128_characters_is_refused_in_the_error_shape(server: Server):
    fields = [("From", "+14155550123"), ("To", "+14155550100"), ("Body", "STOP")]
    error = assert_refused(server.webhook([*fields, ("MessageSid", "SM" + "9" * 200)]), 422)
    assert error["field"] == "id"
    assert server.counts()["messages"] == 0


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
INBOUND_LIKE = st.fixed_dictionaries(
    {},
    optional={
        "from": JSON_VALUES | st.text(max_size=20),
        "to": JSON_VALUES,
        "body": JSON_VALUES,
        "id": JSON_VALUES,
        "received_at": JSON_VALUES | st.text(max_size=30),
    },
)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(payload=JSON_VALUES | INBOUND_LIKE)
def test_random_json_never_breaks_inbound(server: Server, payload: Any):
    before = server.counts()
    response = server.post("/v1/inbound", json.dumps(payload).encode())
    if response.status_code != 200:
        assert_refused(response)
        assert server.counts() == before


@FUZZ
@given(
    fields=st.lists(
        st.tuples(st.sampled_from(["From", "To", "Body", "MessageSid", "X"]), st.text(max_size=20)),
        max_size=6,
    )
)
def test_random_twilio_forms_never_break_the_webhook(server: Server, fields: list[tuple[str, str]]):
    before = server.counts()
    response = server.webhook(fields)
    if response.status_code != 200:
        assert_refused(response)
        assert server.counts() == before
