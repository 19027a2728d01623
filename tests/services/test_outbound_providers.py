"""Outbound sends through the log provider and through Twilio's API (a local stand-in)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from optout.domain import EventSource
from optout.exceptions import OptedOut, ProviderError
from optout.services import ledger
from optout.services.outbound import send
from optout.services.provider_settings import configure_provider
from optout.services.providers import PROVIDERS, Provider

SID = "AC" + "1" * 32


class _FakeTwilio(BaseHTTPRequestHandler):
    """Answers Twilio's Messages.json like Twilio does; refuses one number with 21610."""

    received: list[dict[str, list[str]]] = []

    def do_POST(self):
        form = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        self.received.append(form)
        refused = form["To"] == ["+12025550999"]
        status, body = (
            (400, {"code": 21610, "message": "Attempt to send to unsubscribed recipient"})
            if refused
            else (201, {"sid": "SM" + "2" * 32, "status": "queued"})
        )
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *_args):
        pass


@pytest.fixture
def twilio_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeTwilio)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _FakeTwilio.received = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _twilio(db_session, account, base_url: str) -> Provider:
    """Give the account Twilio settings whose API is ``base_url``; return the provider."""
    values = {"account_sid": SID, "auth_token": "token", "api_base_url": base_url}
    configure_provider(db_session, account=account, provider="twilio", values=values)
    return PROVIDERS["twilio"]


def _send_hi(db_session, account, to: str, provider: Provider):
    """Send "hi" to ``to`` from the account's number through ``provider``."""
    send(
        db_session,
        account=account,
        to=to,
        body="hi",
        from_number="+12025550100",
        provider=provider,
    )


def test_twilio_provider_sends_and_keeps_the_sid(db_session, account, twilio_url):
    provider = _twilio(db_session, account, twilio_url)
    message = send(
        db_session,
        account=account,
        to="2025550123",
        body="Flu shots Saturday",
        from_number="+12025550100",
        provider=provider,
    )
    assert message.provider_id == "SM" + "2" * 32
    assert message.status == "queued"
    assert _FakeTwilio.received[0]["To"] == ["+12025550123"]
    assert _FakeTwilio.received[0]["Body"] == ["Flu shots Saturday"]


def test_a_twilio_refusal_is_a_provider_error(db_session, account, twilio_url):
    provider = _twilio(db_session, account, twilio_url)
    with pytest.raises(ProviderError, match="Twilio refused"):
        _send_hi(db_session, account, "+12025550999", provider)


def test_an_unreachable_twilio_is_a_provider_error(db_session, account):
    provider = _twilio(db_session, account, "http://127.0.0.1:9")
    with pytest.raises(ProviderError):
        _send_hi(db_session, account, "+12025550123", provider)


def test_opted_out_numbers_never_reach_the_provider(db_session, account, twilio_url):
    ledger.opt_out(
        db_session,
        account=account,
        number="+12025550123",
        source=EventSource.MANUAL,
        actor="user:a@b.c",
    )
    provider = _twilio(db_session, account, twilio_url)
    with pytest.raises(OptedOut):
        _send_hi(db_session, account, "+12025550123", provider)
    assert _FakeTwilio.received == []
