"""Strangers cannot make a worker hold their bodies: credentials first, then a read deadline.

Raw sockets against a real uvicorn server send headers that promise a large body and then
send nothing (or part of it), as a slow or hostile client does.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest

from optout.api.app import create_app
from optout.config import Settings
from optout.services.accounts import create_account

WAIT = 20
"""Seconds the test waits for an answer before it calls the server stuck."""
BIG = 16_000_000
"""A body size the bulk calls accept (16 x 1 MiB) and that is never sent."""


def _serve(database_url: str, live_server: Callable[..., str], **settings: Any) -> tuple[str, str]:
    app = create_app(Settings(database_url=database_url, **settings))
    with app.state.session_factory.begin() as session:
        _account, key = create_account(session, name="Clinic")
    return live_server(app, app.state.session_factory.kw["bind"].dispose), key


def _first_line(url: str, head: str, body: bytes = b"") -> str:
    """Send ``head`` and ``body`` and return the answer's status line, leaving the body unsent."""
    address = urlsplit(url)
    with socket.create_connection((address.hostname, address.port), timeout=WAIT) as connection:
        connection.sendall(head.replace("\n", "\r\n").encode() + b"\r\n" + body)
        return connection.recv(65536).decode("latin-1").split("\r\n", 1)[0]


@pytest.mark.parametrize("path", ["/v1/suppression/check", "/v1/suppression/check-file"])
@pytest.mark.parametrize("key", ["", "Authorization: Bearer oo_0123456789ab_wrong-key-wrong-key\n"])
def test_a_bulk_call_without_a_valid_key_is_refused_before_its_body(
    database_url, live_server, key, path
):
    url, _key = _serve(database_url, live_server)
    head = (
        f"POST {path} HTTP/1.1\nHost: x\n{key}"
        f"Content-Type: application/json\nContent-Length: {BIG}\n"
    )
    assert _first_line(url, head) == "HTTP/1.1 401 Unauthorized"


def test_a_page_import_without_a_session_is_sent_to_sign_in_before_its_body(
    database_url, live_server
):
    url, _key = _serve(database_url, live_server)
    head = (
        "POST /opt-outs/import HTTP/1.1\nHost: x\n"
        f"Content-Type: multipart/form-data; boundary=b\nContent-Length: {BIG}\n"
    )
    assert _first_line(url, head) == "HTTP/1.1 303 See Other"


def test_a_body_that_stalls_is_answered_408_at_the_read_deadline(database_url, live_server):
    url, key = _serve(database_url, live_server, body_read_timeout=1)
    head = (
        f"POST /v1/inbound HTTP/1.1\nHost: x\nAuthorization: Bearer {key}\n"
        "Content-Type: application/json\nContent-Length: 100\n"
    )
    assert _first_line(url, head, b'{"from": ') == "HTTP/1.1 408 Request Timeout"


def test_a_streamed_file_that_stalls_is_answered_408_and_nothing_is_kept(database_url, live_server):
    url, key = _serve(database_url, live_server, body_read_timeout=1)
    head = (
        f"POST /v1/suppression/check-file HTTP/1.1\nHost: x\nAuthorization: Bearer {key}\n"
        "Content-Type: text/plain\nContent-Length: 100\n"
    )
    assert _first_line(url, head, b"2025550123\n") == "HTTP/1.1 408 Request Timeout"
    assert (
        _first_line(url, head, b"2025550123\n") == "HTTP/1.1 408 Request Timeout"
    )  # no table left
