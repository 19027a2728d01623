"""Verdicts from the conversations page: Needs review and keeping or undoing auto opt-outs.

One form serves every verdict, for one reply (a row's own button sends ``one``) or for all
the ticked ones (``message_id`` boxes and the bulk ``action``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import RedirectResponse
from starlette.datastructures import FormData

from optout.domain import ReviewOutcome
from optout.exceptions import InvalidInput, OptoutError
from optout.services import reviews
from optout.services.conversations import Folder
from optout.web.auth import CurrentAccount, CurrentUser, DbSession, actor_of, require_csrf
from optout.web.rendering import PageRoute, flash

router = APIRouter(route_class=PageRoute, include_in_schema=False)

DONE = {
    ReviewOutcome.OPTED_OUT: ("{} number opted out.", "{} numbers opted out."),
    ReviewOutcome.NOT_AN_OPT_OUT: (
        "{} reply marked not an opt-out.",
        "{} replies marked not an opt-out.",
    ),
    ReviewOutcome.KEPT: ("{} auto opt-out kept.", "{} auto opt-outs kept."),
    ReviewOutcome.OPTED_BACK_IN: (
        "{} number opted back in and can be texted again.",
        "{} numbers opted back in and can be texted again.",
    ),
}


async def _form(request: Request) -> FormData:
    return await request.form()


@router.post("/conversations/reviews", dependencies=[Depends(require_csrf)])
def record_reviews(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    account: CurrentAccount,
    form: Annotated[FormData, Depends(_form)],
    folder: str | None = None,
) -> Response:
    """Record one verdict on one reply, or on every ticked reply of a folder."""
    back = Folder.AUTO if folder == Folder.AUTO.value else Folder.REVIEW
    target = RedirectResponse(f"/conversations?folder={back.value}", status_code=303)
    try:
        outcome, message_ids = _verdict(form, back)
        with session.begin():
            done = reviews.review(
                session,
                account=account,
                message_ids=message_ids,
                outcome=outcome,
                actor=actor_of(user),
            )
    except OptoutError as error:
        flash(request, error.message[:1].upper() + error.message[1:] + ".", "error")
        return target
    if done == 0:
        flash(request, "Nothing changed: someone else dealt with these replies first.", "error")
    else:
        flash(request, DONE[outcome][done != 1].format(done))
    return target


def _verdict(form: FormData, folder: Folder) -> tuple[ReviewOutcome, list[int]]:
    """Return the outcome asked for and the replies it is for; refuse what the folder lacks."""
    one = str(form.get("one") or "")
    if one:
        message_id, _, action = one.partition(":")
        ids = [message_id]
    else:
        action = str(form.get("action") or "")
        ids = [str(value) for value in form.getlist("message_id")]
    allowed = reviews.AUTO_OUTCOMES if folder is Folder.AUTO else reviews.FOLDER_OUTCOMES
    if action not in {outcome.value for outcome in allowed}:
        raise InvalidInput("choose what to do with the replies", field="action")
    return ReviewOutcome(action), [
        int(value) for value in ids if value.isdigit() and len(value) < 19
    ]
