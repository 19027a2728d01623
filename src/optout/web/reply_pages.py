"""The reply box of a thread: text the contact through the account's provider."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response
from fastapi.responses import RedirectResponse

from optout.exceptions import NotFound, OptedOut, OptoutError
from optout.services import conversations, outbound
from optout.services.conversations import Folder
from optout.web.auth import CurrentAccount, DbSession, require_csrf
from optout.web.rendering import PageNotFound, PageRoute, display_number, flash

router = APIRouter(route_class=PageRoute, include_in_schema=False)

MAX_REPLY = 1600
"""Ten SMS segments: longer than any answer a front desk writes, short of a letter."""


@router.post("/conversations/{conversation_id}/reply", dependencies=[Depends(require_csrf)])
def send_reply(
    request: Request,
    session: DbSession,
    account: CurrentAccount,
    conversation_id: int,
    body: Annotated[str, Form(max_length=MAX_REPLY)] = "",
    folder: str = "all",
) -> Response:
    """Text the conversation's contact; an opted-out number is refused and the text kept."""
    try:
        row = conversations.get_conversation(
            session, account_id=account.id, conversation_id=conversation_id
        )
    except NotFound as error:
        raise PageNotFound() from error
    session.commit()  # end the read; sending is its own unit of work
    chosen = folder if folder in set(Folder) else Folder.ALL.value
    back = RedirectResponse(f"/conversations/{row.id}?folder={chosen}", status_code=303)
    number = display_number(row.number)
    if not body.strip():
        _keep(request, row.id, body, "Write a message before sending.")
        return back
    try:
        with session.begin():
            outbound.send(session, account=account, to=row.number, body=body.strip())
    except OptedOut:
        text = f"Not sent: {number} has opted out, so texting them is against the law."
        _keep(request, row.id, body, text + " Your message is kept below.")
        return back
    except OptoutError as error:
        _keep(request, row.id, body, f"Not sent: {error.message}. Try again in a minute.")
        return back
    flash(request, f"Sent to {number}.")
    return back


def _keep(request: Request, conversation_id: int, body: str, error: str) -> None:
    """Keep the typed reply and the reason it was not sent for the thread to show."""
    request.session["reply_form"] = {"conversation": conversation_id, "body": body, "error": error}
