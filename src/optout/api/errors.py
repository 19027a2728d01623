"""The one place errors become HTTP answers: ``{"error": {"code", "message"}}``."""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from sqlalchemy import exc as database
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from optout import exceptions as errors
from optout.api.schemas import ErrorOut

_log = logging.getLogger(__name__)

STATUS: dict[type[errors.OptoutError], int] = {
    errors.InvalidInput: 422,
    errors.NotFound: 404,
    errors.AuthenticationFailed: 401,
    errors.PermissionDenied: 403,
    errors.Conflict: 409,
    errors.ConfirmationRequired: 400,
    errors.PayloadTooLarge: 413,
    errors.RequestTimeout: 408,
    errors.ProviderError: 502,
}
API_PREFIXES = ("/v1", "/webhooks", "/healthz")
_HTTP_CODES = {
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
}


ERROR_ANSWERS = {
    400: "A confirmation (``confirm: true``) is missing.",
    401: "The API key is missing or wrong.",
    403: "A signature or CSRF token does not match, or the key is of the other kind.",
    404: "Unknown here, or another account's.",
    409: "Conflicts with the current state (e.g. the number is opted out).",
    413: "The request body is over the size limit.",
    422: "A field is malformed; ``field`` names it.",
    503: "The database is unreachable or too slow; retry after ``Retry-After`` seconds.",
}
"""The error answers every API operation may give, documented in the OpenAPI schema."""


def error_responses() -> dict[int | str, dict[str, Any]]:
    """Return the OpenAPI description of the error answers, all in the one JSON shape."""
    return {
        status: {"model": ErrorOut, "description": text} for status, text in ERROR_ANSWERS.items()
    }


def status_for(error: errors.OptoutError) -> int:
    """Return the HTTP status an error maps to."""
    for kind in type(error).__mro__:
        if kind in STATUS:
            return STATUS[kind]
    return 400


def error_body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    """Return the JSON body of an error answer."""
    return {"error": {"code": code, "message": message, **extra}}


def error_response(code: str, message: str, status: int, **extra: Any) -> JSONResponse:
    """Return an error answer in the one JSON shape."""
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error_body(code, message, **extra), status_code=status, headers=headers)


def api_answer(error: Exception) -> tuple[int, dict[str, Any], dict[str, str]] | None:
    """Return the status, JSON body and headers of the API's answer to ``error``.

    None for an error no handler takes. The exception handlers answer with it, and so does
    the inbound route's own lane (:mod:`optout.api.inbound_lane`).
    """
    if isinstance(error, errors.OptoutError):
        status = status_for(error)
        field = error.field if isinstance(error, errors.InvalidInput) else None
        extra = {"field": field} if field else {}
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
        return status, error_body(error.code, error.message, **extra), headers
    if isinstance(error, RequestValidationError):
        problems = [_describe(problem) for problem in error.errors()]
        message = "; ".join(f"{name}: {text}" for name, text in problems) or "invalid request"
        field = problems[0][0] if problems else None
        return 422, error_body("invalid_input", message, field=field), {}
    if isinstance(error, UNAVAILABLE):
        body = error_body("database_unavailable", UNAVAILABLE_MESSAGE)
        return 503, body, {"Retry-After": str(RETRY_AFTER_SECONDS)}
    return None


async def _api_error(request: Request, error: Exception) -> Response:
    answer = api_answer(error)
    assert answer is not None  # installed only for the errors it answers
    status, body, headers = answer
    if not request.url.path.startswith(API_PREFIXES):  # a page: the message, as text
        retry = {name: value for name, value in headers.items() if name == "Retry-After"}
        return PlainTextResponse(body["error"]["message"], status_code=status, headers=retry)
    return JSONResponse(body, status_code=status, headers=headers or None)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    if not request.url.path.startswith(API_PREFIXES):
        return PlainTextResponse(str(error.detail), status_code=error.status_code)
    if error.status_code == 400 and "parsing the body" in str(error.detail):
        return error_response("invalid_input", "body: the request body is not valid JSON", 422)
    code = _HTTP_CODES.get(error.status_code, "error")
    return error_response(code, str(error.detail), error.status_code)


RETRY_AFTER_SECONDS = 5
"""What a 503 asks the caller to wait: about a database restart or failover."""
UNAVAILABLE = (database.OperationalError, database.InterfaceError, database.TimeoutError)
"""The database is down, unreachable, restarting, or did not answer in time."""
UNAVAILABLE_MESSAGE = "the database is unavailable; retry the request in a few seconds"


def _describe(problem: Any) -> tuple[str, str]:
    location = [
        str(part) for part in problem.get("loc", ()) if part not in ("body", "query", "path")
    ]
    return ".".join(location) or "body", str(problem.get("msg", "invalid"))


def install_error_handlers(app: FastAPI) -> None:
    """Map optout's exception tree, validation and HTTP errors to the one error shape."""
    app.add_exception_handler(errors.OptoutError, _api_error)
    app.add_exception_handler(RequestValidationError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    for kind in UNAVAILABLE:
        app.add_exception_handler(kind, _api_error)


class LastResort:
    """Answer an exception no handler took with a 500 in the one shape, keeping the connection.

    Left to the server, such an exception became a plain-text 500 and a closed connection.
    The error is logged with its traceback (no path: it may hold a phone number).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception:
            if started:  # too late for an answer: the server closes the connection
                raise
            _log.exception("unexpected error answering %s", scope.get("method"))
            await internal_error(send)


async def internal_error(send: Send) -> None:
    """Answer 500 in the one shape: an error no handler took."""
    message = "the service failed to answer this request; retry, and report it if it recurs"
    payload = json.dumps(error_body("internal_error", message)).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(payload))]
    await send({"type": "http.response.start", "status": 500, "headers": headers})
    await send({"type": "http.response.body", "body": payload})
