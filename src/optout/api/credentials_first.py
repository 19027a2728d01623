"""Bulk requests show their credentials before their body is read.

The bulk calls accept bodies of up to 16 MiB, which :class:`~optout.api.body_limit.BodyLimit`
buffers. Read before the caller is known, forty stalled strangers held half a gigabyte. This
middleware, placed outside the body limit, answers a bulk request without a valid API key
(``/v1``) or a signed-in session cookie (the pages' CSV import) at once, unread: 401 in the
one error shape, or the sign-in page.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from anyio import to_thread
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from optout.api.body_limit import answer
from optout.api.errors import RETRY_AFTER_SECONDS, UNAVAILABLE, UNAVAILABLE_MESSAGE
from optout.exceptions import AuthenticationFailed, PermissionDenied
from optout.services.api_keys import authenticate_api_key


class CredentialsFirst:
    """Refuse a bulk request without credentials before reading a byte of its body."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        is_bulk: Callable[[str], bool],
        signed_in: Callable[[Scope], Awaitable[bool]],
    ) -> None:
        self.app = app
        self.is_bulk = is_bulk
        self.signed_in = signed_in

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.is_bulk(scope["path"]):
            await self.app(scope, receive, send)
            return
        try:
            allowed = await self._allowed(scope, send)
        except UNAVAILABLE:
            message = UNAVAILABLE_MESSAGE
            retry = [(b"retry-after", str(RETRY_AFTER_SECONDS).encode())]
            await answer(send, 503, "database_unavailable", message, retry)
            return
        if allowed:
            await self.app(scope, receive, send)

    async def _allowed(self, scope: Scope, send: Send) -> bool:
        if scope["path"].startswith("/v1/"):
            if await to_thread.run_sync(_key_is_valid, scope):
                return True
            message = "missing or wrong API key; send it as 'Authorization: Bearer <api key>'"
            await answer(send, 401, "unauthorized", message, [(b"www-authenticate", b"Bearer")])
            return False
        if await self.signed_in(scope):
            return True
        await _sign_in_first(send)
        return False


def _key_is_valid(scope: Scope) -> bool:
    scheme, _, key = Headers(scope=scope).get("authorization", "").partition(" ")
    if scheme.lower() != "bearer":
        return False
    with scope["app"].state.session_factory() as session, session.begin():
        try:
            authenticate_api_key(session, key.strip())
        except PermissionDenied:
            return True  # the account's other key: no stranger; the route answers 403
        except AuthenticationFailed:
            return False
    return True


async def _sign_in_first(send: Send) -> None:
    headers = [(b"location", b"/login"), (b"content-length", b"0")]
    await send({"type": "http.response.start", "status": 303, "headers": headers})
    await send({"type": "http.response.body", "body": b""})
