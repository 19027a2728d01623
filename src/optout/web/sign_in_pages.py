"""Signing in and out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import RedirectResponse

from optout.exceptions import AuthenticationFailed
from optout.services import sign_in_throttle
from optout.services.users import check_password, end_all_sessions, find_user, upgrade_hash
from optout.store.tables import utcnow
from optout.web.auth import CurrentUser, DbSession, require_csrf, sign_in, sign_out
from optout.web.rendering import PageRoute, flash, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)


def safe_next(target: str | None) -> str:
    """Return ``target`` if it is a path on this site, else the conversations page."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/conversations"


@router.get("/")
def home() -> Response:
    """Send visitors to the conversations page."""
    return RedirectResponse("/conversations", status_code=303)


@router.get("/login")
def login_page(request: Request, next: str | None = None) -> Response:  # noqa: A002
    """Show the sign-in form."""
    if request.session.get("user"):
        return RedirectResponse(safe_next(next), status_code=303)
    return render(request, "login.html", next=safe_next(next), email="", error=None)


@router.post("/login", dependencies=[Depends(require_csrf)])
def login(
    request: Request,
    session: DbSession,
    email: Annotated[str, Form(max_length=320)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form()] = "/conversations",  # noqa: A002
) -> Response:
    """Sign in with email and password.

    The attempt is counted before the password is checked (guesses sent together are
    counted one by one), and no transaction is open while the password hash is computed.
    """
    with session.begin():
        wait = sign_in_throttle.reserve_attempt(session, email=email, now=utcnow())
        user = None if wait else find_user(session, email=email)
    if wait:
        return _refused(request, next, email, _try_again_in(wait), 429)
    try:
        user = check_password(user, password)
    except AuthenticationFailed as error:
        return _refused(request, next, email, error.message, 400)
    with session.begin():
        session.add(user)
        upgrade_hash(user, password)
        sign_in_throttle.clear_failures(session, email=email)
    sign_in(request, user)
    return RedirectResponse(safe_next(next), status_code=303)


def _try_again_in(wait_seconds: int) -> str:
    minutes = (wait_seconds + 59) // 60
    return f"Too many wrong passwords for this email; try again in {minutes} min."


def _refused(request: Request, next_path: str, email: str, error: str, status: int) -> Response:
    context = {"next": safe_next(next_path), "email": email, "error": error}
    return render(request, "login.html", status_code=status, **context)


@router.post("/logout", dependencies=[Depends(require_csrf)])
def logout(request: Request, session: DbSession) -> Response:
    """Sign out: this session ends on every worker, and a copy of its cookie is refused."""
    sign_out(request, session)
    flash(request, "You are signed out.")
    return RedirectResponse("/login", status_code=303)


@router.post("/logout/everywhere", dependencies=[Depends(require_csrf)])
def logout_everywhere(request: Request, user: CurrentUser, session: DbSession) -> Response:
    """Sign out on every device and browser, this one included."""
    session.commit()  # end the sign-in read; the change below is its own unit of work
    with session.begin():
        end_all_sessions(session, user_id=user.id)
    sign_out(request, session)
    flash(request, "You are signed out on every device.")
    return RedirectResponse("/login", status_code=303)
