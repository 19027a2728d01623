"""The account holders' pages: sign-in, conversations with the Auto Opt-Out folder, opt-outs,
reports, settings.

:func:`mount` adds them to the service's FastAPI app.
"""

from __future__ import annotations

import json
import logging
from base64 import b64decode
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import quote

from anyio import to_thread
from fastapi import FastAPI, Request, Response
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from itsdangerous import BadSignature, TimestampSigner
from starlette.datastructures import Headers
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Receive, Scope, Send

from optout.web import (
    conversation_pages,
    import_pages,
    opt_out_pages,
    report_pages,
    settings_pages,
    sign_in_pages,
)
from optout.web.auth import (
    SESSION_COOKIE,
    SESSION_MAX_AGE,
    CsrfRefused,
    SignInRequired,
    session_secret,
)
from optout.web.live_streams import StreamsFull, live_changes
from optout.web.rendering import SECURITY_HEADERS, PageNotFound, render

__all__ = ["has_session", "lifespan", "mount"]

_log = logging.getLogger(__name__)

_API_PATHS = ("/v1/", "/webhooks/", "/healthz", "/docs", "/openapi.json", "/static/")


class PageSessions:
    """Session cookies for the pages; the API, which uses keys, is passed straight through.

    Building the app touches no database: the signing key is read (or created) as the
    server starts (:func:`lifespan`), or, if the database was unreachable then, by the first
    page request, in a worker thread so that a slow database never holds the event loop.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.sessions: SessionMiddleware | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Add ``request.session`` to page requests."""
        if scope["type"] != "http" or scope["path"].startswith(_API_PATHS):
            await self.app(scope, receive, send)
            return
        if self.sessions is None:
            self.sessions = self._sessions(scope["app"], await signing_key(scope["app"]))
        await self.sessions(scope, receive, send)

    def _sessions(self, app: FastAPI, secret: str) -> SessionMiddleware:
        settings = app.state.settings
        secure = (settings.public_base_url or "").startswith("https://")
        return SessionMiddleware(
            self.app,
            secret_key=secret,
            session_cookie=SESSION_COOKIE,
            max_age=SESSION_MAX_AGE,
            same_site="lax",
            https_only=secure,
        )


async def signing_key(app: FastAPI) -> str:
    """Return the key that signs session cookies, read from the database in a thread once."""
    key: str | None = app.state.settings.secret_key or getattr(app.state, "signing_key", None)
    if key is None:
        key = app.state.signing_key = await to_thread.run_sync(
            session_secret, app.state.session_factory
        )
    return key


async def has_session(scope: Scope) -> bool:
    """Return whether a request carries a session cookie this service signed for a user.

    Read without the database, for a check made before a request's body is read; the page
    itself still checks the user as every page does.
    """
    cookie = cookie_parser(Headers(scope=scope).get("cookie", "")).get(SESSION_COOKIE)
    if cookie is None:
        return False
    signer = TimestampSigner(await signing_key(scope["app"]))
    try:
        data = json.loads(b64decode(signer.unsign(cookie.encode(), max_age=SESSION_MAX_AGE)))
    except (BadSignature, ValueError):
        return False
    return isinstance(data, dict) and isinstance(data.get("user"), int)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Read the signing key as the server starts; listen for changes while it runs."""
    try:
        await signing_key(app)
    except Exception as error:  # the server still starts; the first page request retries
        _log.warning("session signing key not loaded at start-up: %s", type(error).__name__)
    async with live_changes(app):
        yield


async def _sign_in_first(request: Request, _error: Exception) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if request.method != "GET":
        target = "/conversations"
    return RedirectResponse(f"/login?next={quote(target, safe='/')}", status_code=303)


async def _csrf_refused(request: Request, _error: Exception) -> Response:
    return render(
        request,
        "error.html",
        status_code=403,
        title="This form has expired",
        text="The form was sent without its security token: it may have come from "
        "another site, or the page was open too long. Go back, reload the page and "
        "try again.",
    )


async def _streams_full(_request: Request, _error: Exception) -> Response:
    # The page's script falls back to asking every few seconds (an EventSource gives up on 503).
    headers = SECURITY_HEADERS | {"Retry-After": "30"}
    text = "This server holds as many live pages as it may; the page checks every few seconds."
    return Response(text, status_code=503, media_type="text/plain", headers=headers)


async def _not_found(request: Request, _error: Exception) -> Response:
    return render(
        request,
        "error.html",
        status_code=404,
        title="Not found",
        text="There is no such page, or it belongs to another account.",
    )


def mount(app: FastAPI) -> None:
    """Add the pages, their static files and their session cookie to ``app``."""
    app.add_middleware(PageSessions)
    app.mount("/static", StaticFiles(packages=[("optout.web", "static")]), name="static")
    pages = (
        sign_in_pages,
        conversation_pages,
        opt_out_pages,
        import_pages,
        report_pages,
        settings_pages,
    )
    for router in (page.router for page in pages):
        app.include_router(router)
    app.add_exception_handler(SignInRequired, _sign_in_first)
    app.add_exception_handler(CsrfRefused, _csrf_refused)
    app.add_exception_handler(PageNotFound, _not_found)
    app.add_exception_handler(StreamsFull, _streams_full)
