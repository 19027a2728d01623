"""The opt-outs page: every opted-out number, search, opting a number out, CSV out.

A CSV goes in through :mod:`optout.web.import_pages`, with a preview first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import RedirectResponse, StreamingResponse

from optout.domain import EventSource
from optout.exceptions import InvalidPhoneNumber, OptoutError
from optout.services import ledger, ledger_csv
from optout.store.tables import Account
from optout.web.auth import CurrentAccount, CurrentUser, DbSession, actor_of, require_csrf
from optout.web.rendering import PageRoute, display_number, flash, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)

PAGE_SIZE = 50
NUMBER_HELP = "Enter a phone number with its area code, e.g. (202) 555-0123"


@router.get("/opt-outs")
def opt_out_list(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    account: CurrentAccount,
    q: str | None = None,
    after: str | None = None,
) -> Response:
    """Show the account's opt-outs, newest first, optionally searched by number."""
    try:
        items, next_cursor = ledger.list_opt_outs(
            session, account=account, search=q, after=after, limit=PAGE_SIZE
        )
    except OptoutError as error:
        flash(request, error.message, "error")
        items, next_cursor = ledger.list_opt_outs(
            session, account=account, search=q, after=None, limit=PAGE_SIZE
        )
    typed = request.session.pop("opt_out_form", None) or {}
    return render(
        request,
        "opt_outs.html",
        user=user,
        account=account,
        items=items,
        next=next_cursor,
        q=q or "",
        after=after,
        typed=typed,
    )


@router.post("/opt-outs", dependencies=[Depends(require_csrf)])
def add_opt_out(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    account: CurrentAccount,
    number: Annotated[str, Form(max_length=64)] = "",
    note: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    """Opt one number out by hand, as the signed-in user."""
    try:
        with session.begin():
            contact = ledger.opt_out(
                session,
                account=account,
                number=number,
                source=EventSource.MANUAL,
                actor=actor_of(user),
                note=note.strip() or None,
            )
    except InvalidPhoneNumber:
        # Keep what was typed, and say what to type instead of how the parser failed.
        request.session["opt_out_form"] = {"number": number, "note": note, "error": NUMBER_HELP}
        return RedirectResponse("/opt-outs", status_code=303)
    except OptoutError as error:
        flash(request, error.message, "error")
        return RedirectResponse("/opt-outs", status_code=303)
    flash(request, f"{display_number(contact.number)} is opted out and will not be texted.")
    return RedirectResponse(f"/opt-outs?q={contact.number.lstrip('+')}", status_code=303)


@router.post("/opt-outs/opt-in", dependencies=[Depends(require_csrf)])
def opt_back_in(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    account: CurrentAccount,
    number: Annotated[str, Form(max_length=64)] = "",
) -> Response:
    """Opt a number back in, as the signed-in user (not when the contact opted out)."""
    try:
        with session.begin():
            contact = ledger.opt_in(
                session, account=account, number=number, actor=actor_of(user), confirm=True
            )
    except OptoutError as error:
        flash(request, error.message, "error")
        return RedirectResponse("/opt-outs", status_code=303)
    flash(request, f"{display_number(contact.number)} is opted back in and can be texted again.")
    return RedirectResponse("/opt-outs", status_code=303)


@router.get("/opt-outs/export.csv")
def export_csv(request: Request, account: CurrentAccount) -> Response:
    """Download every opt-out in force as CSV."""
    headers = {"Content-Disposition": f'attachment; filename="opt-outs-{account.slug}.csv"'}
    rows = _export_rows(request, account)
    return StreamingResponse(rows, media_type="text/csv; charset=utf-8", headers=headers)


def _export_rows(request: Request, account: Account) -> Iterator[str]:
    # The request's session closes before the response streams; this one lives as long.
    with request.app.state.session_factory() as session:
        yield from ledger_csv.export_opt_outs(session, account=account)
