"""An ASGI middleware that caps request bodies and refuses JSON that is not UTF-8.

It counts the bytes as they stream in, so a client that lies in (or omits)
``Content-Length`` is stopped at the limit all the same, and a body that has not fully
arrived within the read timeout is answered 408: a client that stalls mid-body holds
neither its buffer nor its connection for ever.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from anyio import fail_after
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from optout.api.errors import error_body


class BodyLimit:
    """Buffer each request body up to a limit; answer 413 beyond it, 422 for broken UTF-8.

    A path without a limit (``limit_for`` answers None) streams: its route reads the body.
    """

    def __init__(
        self, app: ASGIApp, *, limit_for: Callable[[str], int | None], read_timeout: float
    ) -> None:
        self.app = app
        self.limit_for = limit_for
        self.read_timeout = read_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = self.limit_for(scope["path"]) if scope["type"] == "http" else None
        if limit is None:
            await self.app(scope, receive, send)
            return
        body = await read_body(scope, receive, send, limit, self.read_timeout)
        if body is not None:
            await self.app(scope, _replay(body, receive), send)


async def read_body(
    scope: Scope, receive: Receive, send: Send, limit: int, read_timeout: float
) -> bytes | None:
    """Return the request's body; None when it was refused (413, 408, 422) and answered."""
    try:
        with fail_after(read_timeout):
            body = await _read(receive, limit, _declared_length(scope))
    except TimeoutError:
        message = f"the request body did not arrive within {read_timeout:g} s"
        await answer(send, 408, "request_timeout", message, [(b"connection", b"close")])
        return None
    if body is None:
        await answer(send, 413, "payload_too_large", f"the request body is over {limit} bytes")
        return None
    if _is_json(scope) and not _utf8(body):
        await answer(send, 422, "invalid_input", "body: the request body is not valid UTF-8")
        return None
    return body


async def _read(receive: Receive, limit: int, declared: int | None) -> bytes | None:
    if declared is not None and declared > limit:
        return None
    chunks: list[bytes] = []
    size, more = 0, True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        more = message.get("more_body", False)
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            return b"json" in value.lower()
    return False


def _utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


async def answer(
    send: Send, status: int, code: str, message: str, extra: Sequence[tuple[bytes, bytes]] = ()
) -> None:
    """Send an error answer in the one JSON shape, straight from a middleware."""
    await send_json(send, status, json.dumps(error_body(code, message)).encode(), extra)


async def send_json(
    send: Send, status: int, payload: bytes, extra: Sequence[tuple[bytes, bytes]] = ()
) -> None:
    """Send a whole JSON answer straight from a middleware."""
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(payload)).encode()),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
