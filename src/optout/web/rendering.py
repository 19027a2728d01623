"""Rendering pages: the Jinja2 environment, its filters, flash messages, security headers."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

import phonenumbers
from fastapi import Request, Response
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from optout.web import labels
from optout.web.auth import csrf_token

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


@cache
def page_templates() -> Jinja2Templates:
    """Return the pages' templates, with the filters they use."""
    templates = Jinja2Templates(directory=str(resources.files("optout.web") / "templates"))
    templates.env.filters.update(number=display_number, when=_when, highlight=highlight)
    templates.env.globals.update(labels=labels)
    return templates


class PageNotFound(Exception):
    """The page asked for does not exist, or belongs to another account."""


class PageRoute(APIRoute):
    """A route whose responses carry the pages' security headers."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        """Wrap the handler so every answer gets the headers."""
        handler = super().get_route_handler()

        async def with_headers(request: Request) -> Response:
            response = await handler(request)
            response.headers.update(SECURITY_HEADERS)
            return response

        return with_headers


def flash(request: Request, text: str, kind: str = "success") -> None:
    """Show ``text`` on the next page the user sees."""
    request.session.setdefault("flash", []).append({"kind": kind, "text": text})


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    """Render template ``name`` with the flash messages and CSRF token."""
    context.update(request=request, csrf_token=csrf_token(request))
    account = context.get("account")
    context.setdefault("time_zone", account.time_zone if account is not None else None)
    context["flashes"] = request.session.pop("flash", [])
    response = page_templates().TemplateResponse(request, name, context, status_code=status_code)
    response.headers.update(SECURITY_HEADERS)
    return response


def display_number(number: str) -> str:
    """Return an E.164 number as people write it: +1 202-555-0100."""
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return number
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def display_time(
    moment: datetime | None, detailed: bool = False, zone: str | None = None
) -> Markup:
    """Return a <time> element in ``zone`` (UTC when None), which the page's script redraws.

    The script shows it in the account's zone (the page's ``data-time-zone``) or, for an
    account without one, in the reader's own; this text is what a page without it shows.
    """
    if moment is None:
        return Markup("")
    utc = moment.astimezone(UTC)
    local = utc.astimezone(ZoneInfo(zone)) if zone else utc
    today = datetime.now(local.tzinfo).date() == local.date()
    shape = "%b %d, %Y, %H:%M %Z" if detailed else "%H:%M %Z" if today else "%b %d, %Y"
    kind = "detailed" if detailed else "short"
    return Markup('<time datetime="{}" data-format="{}">{}</time>').format(
        utc.isoformat(), kind, local.strftime(shape)
    )


@pass_context
def _when(context: Context, moment: datetime | None, detailed: bool = False) -> Markup:
    """Show ``moment`` in the time zone of the page's account."""
    return display_time(moment, detailed, context.get("time_zone"))


def highlight(body: str, span: tuple[int, int] | None) -> Markup:
    """Return ``body`` escaped, with the phrase at ``span`` wrapped in <mark>."""
    if not span or not 0 <= span[0] < span[1] <= len(body):
        return escape(body)
    start, end = span
    return (
        escape(body[:start])
        + Markup("<mark>{}</mark>").format(body[start:end])
        + escape(body[end:])
    )
