"""The Settings page: the account's time zone, in which every page shows its times."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import RedirectResponse

from optout.exceptions import InvalidInput
from optout.services.time_zones import set_time_zone, time_zone_names
from optout.web.auth import CurrentAccount, CurrentUser, DbSession, require_csrf
from optout.web.rendering import PageRoute, flash, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)


@router.get("/settings")
def settings_page(request: Request, user: CurrentUser, account: CurrentAccount) -> Response:
    """Show the account's settings."""
    return render(
        request,
        "settings.html",
        user=user,
        account=account,
        zones=time_zone_names(),
        now=datetime.now(UTC),
    )


@router.post("/settings", dependencies=[Depends(require_csrf)])
def save_settings(
    request: Request,
    session: DbSession,
    account: CurrentAccount,
    time_zone: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Set the account's time zone ('' for each reader's own)."""
    try:
        with session.begin():
            chosen = set_time_zone(session, account=account, time_zone=time_zone)
    except InvalidInput as error:
        flash(request, error.message, "error")
        return RedirectResponse("/settings", status_code=303)
    where = chosen or "each reader's own time zone"
    flash(request, f"Times are now shown in {where}, on every page and for everyone here.")
    return RedirectResponse("/settings", status_code=303)
