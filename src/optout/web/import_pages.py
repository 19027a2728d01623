"""Opting out the numbers of a CSV file from the Opt-outs page: upload, preview, confirm.

The upload opts nothing out: it shows what the file holds (the numbers found, the lines not
read with their line numbers and why) and keeps the numbers on the server under a token
(:mod:`optout.services.import_previews`). The confirm opts out exactly those numbers, so
nothing a browser sends back can change what is opted out.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response, UploadFile
from fastapi.responses import RedirectResponse

from optout.exceptions import NotFound
from optout.services import import_previews
from optout.services.ledger_csv import ImportSummary
from optout.web.auth import CurrentAccount, CurrentUser, DbSession, actor_of, require_csrf
from optout.web.rendering import PageRoute, flash, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)

SHOWN = 100
"""Numbers and skipped lines listed on the preview; the rest are counted."""


@router.post("/opt-outs/import", dependencies=[Depends(require_csrf)])
def upload_csv(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    account: CurrentAccount,
    file: UploadFile,
) -> Response:
    """Read an uploaded CSV file and show what it holds; nothing is opted out yet."""
    name = file.filename or "upload.csv"
    try:
        lines = file.file.read().decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:
        flash(request, f"{name} is not a UTF-8 CSV file; save it as CSV UTF-8 and retry.", "error")
        return RedirectResponse("/opt-outs", status_code=303)
    with session.begin():
        preview = import_previews.stash_preview(
            session, account_id=account.id, user_id=user.id, filename=name, lines=lines
        )
    if preview is None:
        text = f"{name} has no phone numbers in it, so nothing was opted out."
        flash(request, text, "warning")
        return RedirectResponse("/opt-outs", status_code=303)
    return RedirectResponse(f"/opt-outs/import/{preview.token}", status_code=303)


@router.get("/opt-outs/import/{token}")
def show_preview(
    request: Request, session: DbSession, user: CurrentUser, account: CurrentAccount, token: str
) -> Response:
    """Show the numbers a file holds and the lines not read, with a button to opt them out."""
    try:
        preview = import_previews.get_preview(
            session, account_id=account.id, user_id=user.id, token=token
        )
    except NotFound as error:
        flash(request, error.message, "error")
        return RedirectResponse("/opt-outs", status_code=303)
    already = import_previews.already_opted_out(session, account_id=account.id, preview=preview)
    return render(
        request,
        "import_preview.html",
        user=user,
        account=account,
        preview=preview,
        already=already,
        shown=SHOWN,
        plural=count,
    )


@router.post("/opt-outs/import/{token}", dependencies=[Depends(require_csrf)])
def confirm_import(
    request: Request, user: CurrentUser, account: CurrentAccount, token: str
) -> Response:
    """Opt out exactly the numbers the preview showed."""
    try:
        preview, summary = import_previews.confirm_preview(
            request.app.state.session_factory,
            account_id=account.id,
            user_id=user.id,
            token=token,
            actor=actor_of(user),
        )
    except NotFound as error:
        flash(request, error.message, "error")
        return RedirectResponse("/opt-outs", status_code=303)
    flash(request, summary_text(preview.filename, summary))
    return RedirectResponse("/opt-outs", status_code=303)


@router.post("/opt-outs/import/{token}/cancel", dependencies=[Depends(require_csrf)])
def cancel_import(
    request: Request, session: DbSession, user: CurrentUser, account: CurrentAccount, token: str
) -> Response:
    """Forget a preview without opting anything out."""
    try:
        with session.begin():
            import_previews.discard_preview(
                session, account_id=account.id, user_id=user.id, token=token
            )
    except NotFound:
        pass  # expired or used already: there is nothing left to cancel
    flash(request, "Nothing was opted out.", "warning")
    return RedirectResponse("/opt-outs", status_code=303)


def count(number: int, thing: str) -> str:
    """Return ``number`` with ``thing`` in the plural it needs: "1 number", "2 numbers"."""
    return f"{number:,} {thing}" + ("" if number == 1 else "s")


def summary_text(name: str, summary: ImportSummary) -> str:
    """Return what an import did in words, with correct plurals."""
    text = f"{name}: {count(summary.opted_out, 'number')} opted out"
    if summary.already_opted_out:
        verb = "was" if summary.already_opted_out == 1 else "were"
        text += f", {summary.already_opted_out:,} {verb} opted out already"
    if summary.invalid:
        shown = "; ".join(summary.invalid[:5]) + ("; …" if len(summary.invalid) > 5 else "")
        skipped = count(len(summary.invalid), "line")
        one = len(summary.invalid) == 1
        what = "is not a phone number and was" if one else "are not phone numbers and were"
        text += f". {skipped} {what} skipped ({shown})"
    return text + "."
