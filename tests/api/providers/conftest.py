"""Providers' real webhook formats, signed by each documented algorithm, and a stand-in API.

Each ``Formats`` method builds the request a provider sends: its documented payload,
signed as its documentation says (Twilio by its SDK's own signer, Telnyx with an Ed25519
key from ``cryptography``, Vonage with a PyJWT token holding the body's SHA-256, Plivo's
V3 string built here from its documentation, Bandwidth's callback credentials). The
stand-in is a real HTTP server on 127.0.0.1 that answers as each provider's send API does.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlencode

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from twilio.request_validator import RequestValidator

from optout.services.provider_settings import configure_provider

BASE = "http://testserver"
TWILIO_TOKEN = "twilio-token-0123456789abcdef0123"
VONAGE_SECRET = "vonage-signature-secret-0123456789"
PLIVO_TOKEN = "plivo-auth-token-0123456789abcdef"
BANDWIDTH = ("bw-callback-user", "bw-callback-password")
TELNYX_KEY = Ed25519PrivateKey.generate()
TELNYX_PUBLIC = base64.b64encode(
    TELNYX_KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
).decode()
PROVIDERS = ("twilio", "telnyx", "vonage", "plivo", "bandwidth")
ANSWERS_BY_API = ("telnyx", "vonage", "bandwidth")
BODY_UNSIGNED = ("bandwidth",)  # its callback credentials authenticate the caller only
SENDS = {
    # provider: (path, credentials sent, recipient in the body, the text's field, the id back)
    "telnyx": (
        "/v2/messages",
        "Bearer KEY0123",
        "+12025550123",
        "text",
        "40385f64-5717-4562-b3fc-2c963f66afa6",
    ),
    "vonage": (
        "/v1/messages",
        "abcd1234:vonage-api-secret",
        "12025550123",
        "text",
        "aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab",
    ),
    "plivo": (
        "/v1/Account/MAXXXXXXXXXXXXXXXXXX/Message/",
        "MAXXXXXXXXXXXXXXXXXX:",
        "+12025550123",
        "text",
        "db3ce55a",
    ),
    "bandwidth": (
        "/api/v2/users/9900000/messages",
        "api-user:api-password",
        ["+12025550123"],
        "text",
        "1589228074636lm4k2je7j7jklbn2",
    ),
}


@dataclass
class Recorded:
    """One request the stand-in API received."""

    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class StandIn:
    """A provider API on loopback: records each send and answers it with an id."""

    url: str
    received: list[Recorded] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)


def _handler(stand_in: StandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = json.loads(raw) if raw.startswith((b"{", b"[")) else raw.decode()
            stand_in.received.append(Recorded(self.path, dict(self.headers), body))
            stand_in.arrived.set()
            status, answer = _answer(self.path)
            payload = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *_args: object) -> None:
            pass

    return Handler


def _answer(path: str) -> tuple[int, Any]:
    """Answer as each provider's send API answers (its documented success bodies)."""
    if path == "/v2/messages":
        return 200, {
            "data": {"id": "40385f64-5717-4562-b3fc-2c963f66afa6", "record_type": "message"}
        }
    if path == "/v1/messages":
        return 202, {"message_uuid": "aaaaaaaa-bbbb-4ccc-8ddd-0123456789ab"}
    if path.startswith("/v1/Account/"):
        return 202, {"api_id": "x", "message": "message(s) queued", "message_uuid": ["db3ce55a"]}
    if path.startswith("/api/v2/users/"):
        return 202, {"id": "1589228074636lm4k2je7j7jklbn2", "owner": "+12025550100"}
    return 201, {"sid": "SM" + "2" * 32, "status": "queued"}  # Twilio's Messages.json


@pytest.fixture
def stand_in() -> Iterator[StandIn]:
    """Serve the stand-in API on a free loopback port for one test."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    stand_in = StandIn(f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = _handler(stand_in)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield stand_in
    server.shutdown()
    server.server_close()


def settings_for(provider: str, api: str) -> dict[str, str]:
    """Return complete settings of ``provider`` for one account, its API at ``api``."""
    return {
        "twilio": {"auth_token": TWILIO_TOKEN, "account_sid": "AC" + "1" * 32, "api_base_url": api},
        "telnyx": {"public_key": TELNYX_PUBLIC, "api_key": "KEY0123", "api_base_url": api},
        "vonage": {
            "signature_secret": VONAGE_SECRET,
            "api_key": "abcd1234",
            "api_secret": "vonage-api-secret",
            "api_base_url": api,
        },
        "plivo": {
            "auth_id": "MAXXXXXXXXXXXXXXXXXX",
            "auth_token": PLIVO_TOKEN,
            "api_base_url": api,
        },
        "bandwidth": {
            "callback_username": BANDWIDTH[0],
            "callback_password": BANDWIDTH[1],
            "account_id": "9900000",
            "application_id": "93de2206-9669-4e07-948d-329f4b722ee2",
            "api_username": "api-user",
            "api_password": "api-password",
            "api_base_url": api,
        },
    }[provider]


@pytest.fixture
def configure(app: Any) -> Callable[..., None]:
    """Return a function that gives an account settings for each provider named."""

    def give(slug: str, api: str, *providers: str) -> None:
        from optout.services.accounts import get_account_by_slug

        with app.state.session_factory() as session, session.begin():
            account = get_account_by_slug(session, slug)
            for provider in providers:
                values = settings_for(provider, api)
                configure_provider(session, account=account, provider=provider, values=values)

    return give


@dataclass(frozen=True)
class Webhook:
    """A provider's webhook request: path, body and headers."""

    path: str
    content: bytes
    headers: dict[str, str]

    def post(self, client: Any) -> httpx.Response:
        return client.post(self.path, content=self.content, headers=self.headers)


def webhook(
    provider: str,
    slug: str,
    *,
    id: str,
    body: str = "STOP",
    from_: str = "+14155550123",
    to: str = "+14155550100",
    at: float | None = None,
    wrong_key: bool = False,
) -> Webhook:
    """Return ``provider``'s webhook for one inbound SMS, signed as it documents.

    With ``wrong_key`` it is signed with another account's key or credentials.
    """
    path = f"/webhooks/{provider}/{slug}"
    build = {
        "twilio": _twilio,
        "telnyx": _telnyx,
        "vonage": _vonage,
        "plivo": _plivo,
        "bandwidth": _bandwidth,
    }[provider]
    content, headers = build(BASE + path, id, body, from_, to, at or time.time(), wrong_key)
    return Webhook(path, content, headers)


def _twilio(
    url: str, id: str, body: str, from_: str, to: str, _at: float, wrong: bool
) -> tuple[bytes, dict]:
    fields = {"MessageSid": id, "SmsSid": id, "AccountSid": "AC" + "1" * 32, "From": from_}
    fields |= {"To": to, "Body": body, "NumMedia": "0", "ApiVersion": "2010-04-01"}
    token = "another-accounts-token" if wrong else TWILIO_TOKEN
    signature = RequestValidator(token).compute_signature(url, fields)
    form = {"content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature}
    return urlencode(fields).encode(), form


def _telnyx(
    _url: str, id: str, body: str, from_: str, to: str, at: float, wrong: bool
) -> tuple[bytes, dict]:
    payload = {
        "data": {
            "event_type": "message.received",
            "id": str(uuid.uuid4()),
            "occurred_at": "2026-12-07T06:00:00.000+00:00",
            "payload": {
                "id": id,
                "direction": "inbound",
                "from": {"phone_number": from_, "carrier": "T-Mobile", "line_type": "Wireless"},
                "to": [{"phone_number": to, "status": "webhook_delivered"}],
                "text": body,
                "media": [],
                "received_at": "2026-12-07T06:00:00.000+00:00",
                "record_type": "message",
                "type": "SMS",
            },
            "record_type": "event",
        },
        "meta": {"attempt": 1, "delivered_to": "https://example.com/webhooks"},
    }
    key = Ed25519PrivateKey.generate() if wrong else TELNYX_KEY
    return telnyx_signed(json.dumps(payload).encode(), at, key)


def telnyx_signed(
    content: bytes, at: float, key: Ed25519PrivateKey = TELNYX_KEY
) -> tuple[bytes, dict]:
    """Sign ``{timestamp}|{body}`` with Ed25519, as Telnyx does."""
    stamp = str(int(at))
    signature = base64.b64encode(key.sign(stamp.encode() + b"|" + content)).decode()
    headers = {
        "content-type": "application/json",
        "telnyx-timestamp": stamp,
        "telnyx-signature-ed25519": signature,
    }
    return content, headers


def _vonage(
    _url: str, id: str, body: str, from_: str, to: str, at: float, wrong: bool
) -> tuple[bytes, dict]:
    payload = {
        "channel": "sms",
        "message_uuid": id,
        "to": to.lstrip("+"),
        "from": from_.lstrip("+"),
        "timestamp": "2026-12-07T06:00:00Z",
        "text": body,
        "sms": {"num_messages": "1"},
        "message_type": "text",
    }
    secret = "another-accounts-signature-secret-0123456789" if wrong else VONAGE_SECRET
    return vonage_signed(json.dumps(payload).encode(), at, secret)


def vonage_signed(content: bytes, at: float, secret: str = VONAGE_SECRET) -> tuple[bytes, dict]:
    """Sign as Vonage does: an HS256 JWT whose payload_hash is the body's SHA-256."""
    claims = {
        "iat": int(at),
        "jti": str(uuid.uuid4()),
        "iss": "Vonage",
        "payload_hash": hashlib.sha256(content).hexdigest(),
        "api_key": "abcd1234",
        "application_id": "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
    }
    token = jwt.encode(claims, secret, algorithm="HS256")
    return content, {"content-type": "application/json", "authorization": f"Bearer {token}"}


def _plivo(
    url: str, id: str, body: str, from_: str, to: str, _at: float, wrong: bool
) -> tuple[bytes, dict]:
    fields = {"From": from_.lstrip("+"), "To": to.lstrip("+"), "Text": body, "Type": "sms"}
    fields |= {"MessageUUID": id, "Units": "1", "TotalRate": "0", "TotalAmount": "0"}
    token = "another-accounts-token" if wrong else PLIVO_TOKEN
    return urlencode(fields).encode(), plivo_headers(url, fields, token)


def plivo_headers(url: str, fields: dict[str, str], token: str = PLIVO_TOKEN) -> dict[str, str]:
    """Sign as Plivo's V3 documents: URL, '?', the sorted fields as key+value, '.', nonce."""
    nonce = uuid.uuid4().hex
    signed = url + "?" + "".join(f"{key}{fields[key]}" for key in sorted(fields)) + "." + nonce
    digest = hmac.new(token.encode(), signed.encode(), hashlib.sha256).digest()
    return {
        "content-type": "application/x-www-form-urlencoded",
        "x-plivo-signature-v3": base64.b64encode(digest).decode(),
        "x-plivo-signature-v3-nonce": nonce,
    }


def _bandwidth(
    _url: str, id: str, body: str, from_: str, to: str, _at: float, wrong: bool
) -> tuple[bytes, dict]:
    events = [
        {
            "type": "message-received",
            "time": "2026-12-07T06:00:00.000Z",
            "description": "Incoming message received",
            "to": to,
            "message": {
                "id": id,
                "owner": to,
                "applicationId": "93de2206-9669-4e07-948d-329f4b722ee2",
                "time": "2026-12-07T06:00:00.000Z",
                "segmentCount": 1,
                "direction": "in",
                "to": [to],
                "from": from_,
                "text": body,
            },
        }
    ]
    password = "a-guess" if wrong else BANDWIDTH[1]
    return json.dumps(events).encode(), bandwidth_headers(BANDWIDTH[0], password)


def bandwidth_headers(user: str, password: str) -> dict[str, str]:
    """Return the callback's headers with its basic-auth credentials."""
    credentials = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"content-type": "application/json", "authorization": f"Basic {credentials}"}
