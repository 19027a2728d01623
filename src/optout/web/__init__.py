"""The account holders' pages: sign-in, conversations with the Auto Opt-Out folder, opt-outs,
reports.

:func:`mount` adds them to the service's FastAPI app.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request, Response
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from optout.web import conversation_pages, opt_out_pages, report_pages, sign_in_pages
from optout.web.auth import (
    SESSION_COOKIE,
    SESSION_MAX_AGE,
    CsrfRefused,
    SignInRequired,
    session_secret,
)
from optout.web.rendering import PageNotFound, render

__all__ = ["mount"]

_API_PATHS = ("/v1/", "/webhooks/", "/healthz", "/docs", "/openapi.json", "/static/")


class PageSessions:
    """Session cookies for the pages; the API, which uses keys, is passed straight through.

    The signing key is read (or created) in the database on the first page request, so
    building the app touches no database.
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
            self.sessions = self._sessions(scope["app"])
        await self.sessions(scope, receive, send)

    def _sessions(self, app: FastAPI) -> SessionMiddleware:
        settings = app.state.settings
        secret = settings.secret_key or session_secret(app.state.session_factory)
        secure = (settings.public_base_url or "").startswith("https://")
        return SessionMiddleware(
            self.app,
            secret_key=secret,
            session_cookie=SESSION_COOKIE,
            max_age=SESSION_MAX_AGE,
            same_site="lax",
            https_only=secure,
        )


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
    pages = (sign_in_pages, conversation_pages, opt_out_pages, report_pages)
    for router in (page.router for page in pages):
        app.include_router(router)
    app.add_exception_handler(SignInRequired, _sign_in_first)
    app.add_exception_handler(CsrfRefused, _csrf_refused)
    app.add_exception_handler(PageNotFound, _not_found)
