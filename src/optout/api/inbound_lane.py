"""``POST /v1/inbound`` answered ahead of the router and the middleware layers.

A broadcast's burst of replies all come this way, and on it the layers in between (routing
past every route, the page sessions, the exception middleware, FastAPI's request and
response machinery) cost more CPU per reply than the HTTP server's own work. This lane does
for this one route what those layers do, with their own parts: the body limit
(:func:`~optout.api.body_limit.read_body`), the route's work
(:func:`~optout.api.routes.inbound.answer_inbound`), the error answers
(:func:`~optout.api.errors.api_answer`) and, for an error none takes, the 500 of
:class:`~optout.api.errors.LastResort`. Every other request goes through the layers.
"""

from __future__ import annotations

import json
import logging

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from optout.api.body_limit import read_body, send_json
from optout.api.deps import bearer_key
from optout.api.errors import api_answer, internal_error
from optout.api.routes.inbound import answer_inbound

_log = logging.getLogger(__name__)
PATH = "/v1/inbound"


class InboundLane:
    """Serve ``POST /v1/inbound`` itself; pass every other request on."""

    def __init__(self, app: ASGIApp, *, limit: int, read_timeout: float) -> None:
        self.app = app
        self.limit = limit
        self.read_timeout = read_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        body = await read_body(scope, receive, send, self.limit, self.read_timeout)
        if body is None:  # refused and answered
            return
        try:
            key = bearer_key(Headers(scope=scope))
            answer = await answer_inbound(scope["app"], key, body)
        except Exception as error:
            await _refuse(send, error)
            return
        await send_json(send, 200, answer)


async def _refuse(send: Send, error: Exception) -> None:
    answer = api_answer(error)
    if answer is None:
        _log.exception("unexpected error answering %s", "POST")
        await internal_error(send)
        return
    status, body, headers = answer
    extra = [(name.lower().encode(), value.encode()) for name, value in headers.items()]
    payload = json.dumps(body).encode()
    await send_json(send, status, payload, extra)
