"""The conversations page: folders, the list, one thread, and undoing an auto opt-out."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import RedirectResponse

from optout.domain import EventSource
from optout.exceptions import NotFound, OptInNotAllowed, OptoutError
from optout.services import conversations, ledger
from optout.services.conversations import ConversationRow, Folder
from optout.store.tables import Account
from optout.web import live_pages, reply_pages, review_pages
from optout.web.auth import CurrentAccount, CurrentUser, DbSession, actor_of, require_csrf
from optout.web.conversation_list import ListQueryDep, folder_context
from optout.web.rendering import PageNotFound, PageRoute, display_number, flash, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)
router.include_router(review_pages.router)
router.include_router(reply_pages.router)
router.include_router(live_pages.router)


def _folder(value: str | None) -> Folder:
    try:
        return Folder(value or Folder.ALL)
    except ValueError as error:
        raise PageNotFound() from error


@router.get("/conversations")
def conversation_list(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    account: CurrentAccount,
    listing: ListQueryDep,
) -> Response:
    """Show one folder of conversations, searched if asked."""
    context = folder_context(request, session, account, listing)
    return render(request, "conversations.html", user=user, account=account, thread=None, **context)


@router.get("/conversations/{conversation_id}")
def conversation_thread(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    account: CurrentAccount,
    conversation_id: int,
    listing: ListQueryDep,
) -> Response:
    """Show one conversation's whole thread beside its folder (and search)."""
    try:
        thread = conversations.get_thread(
            session, account_id=account.id, conversation_id=conversation_id
        )
    except NotFound as error:
        raise PageNotFound() from error
    context = folder_context(request, session, account, replace(listing, after=None, start=1))
    typed = request.session.pop("reply_form", None) or {}
    reply = typed if typed.get("conversation") == conversation_id else {}
    return render(
        request,
        "conversations.html",
        user=user,
        account=account,
        thread=thread,
        reply=reply,
        **context,
    )


@router.get("/conversations/{conversation_id}/actions")
def conversation_actions(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    account: CurrentAccount,
    conversation_id: int,
    folder: str | None = None,
) -> Response:
    """Show the three-dot menu's choices as a page (the menu without JavaScript)."""
    row = _conversation(session, account, conversation_id)
    chosen = _folder(folder).value
    return render(
        request, "conversation_actions.html", user=user, account=account, row=row, folder=chosen
    )


@router.post("/conversations/{conversation_id}/opt-back-in", dependencies=[Depends(require_csrf)])
def opt_back_in(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    account: CurrentAccount,
    conversation_id: int,
    folder: str | None = "auto",
) -> Response:
    """Undo the opt-out of one conversation's contact, as the signed-in user."""
    row = _conversation(session, account, conversation_id)
    back = f"/conversations/{row.id}?folder={_folder(folder).value}"
    try:
        with session.begin():
            _undo_opt_out(session, account, row, actor_of(user))
    except OptoutError as error:
        flash(request, error.message, "error")
        return RedirectResponse(back, status_code=303)
    flash(request, f"{display_number(row.number)} is opted back in and can be texted again.")
    return RedirectResponse(f"/conversations?folder={_folder(folder).value}", status_code=303)


def _undo_opt_out(session: DbSession, account: Account, row: ConversationRow, actor: str) -> None:
    if not row.can_opt_back_in:
        raise OptInNotAllowed(
            f"{display_number(row.number)} is not opted out by the system or by you any more, "
            "so there is nothing to undo; only the contact can reverse their own opt-out"
        )
    if row.status_source == EventSource.AUTO and row.trigger is not None:
        ledger.opt_back_in_auto(
            session, account=account, message_id=row.trigger.id, actor=actor, confirm=True
        )
        return
    ledger.opt_in(session, account=account, number=row.number, actor=actor, confirm=True)


@router.post("/conversations/{conversation_id}/opt-out", dependencies=[Depends(require_csrf)])
def opt_out(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    account: CurrentAccount,
    conversation_id: int,
) -> Response:
    """Opt one conversation's contact out by hand, as the signed-in user."""
    row = _conversation(session, account, conversation_id)
    with session.begin():
        ledger.opt_out(
            session,
            account=account,
            number=row.number,
            source=EventSource.MANUAL,
            actor=actor_of(user),
            note="opted out from the conversations page",
        )
    flash(request, f"{display_number(row.number)} is opted out and will not be texted.")
    return RedirectResponse(f"/conversations/{row.id}?folder=opted-out", status_code=303)


def _conversation(session: DbSession, account: Account, conversation_id: int) -> ConversationRow:
    try:
        row = conversations.get_conversation(
            session, account_id=account.id, conversation_id=conversation_id
        )
    except NotFound as error:
        raise PageNotFound() from error
    session.commit()  # end the read; the change below is its own unit of work
    return row


@router.get("/conversations/contact/{contact_id}")
def conversation_of_contact(
    session: DbSession, user: CurrentUser, account: CurrentAccount, contact_id: int
) -> Response:
    """Open the conversation with one contact (the opt-outs page links here)."""
    del user  # signed in is all that is needed
    try:
        conversation_id = conversations.conversation_of_contact(
            session, account_id=account.id, contact_id=contact_id
        )
    except NotFound as error:
        raise PageNotFound() from error
    return RedirectResponse(f"/conversations/{conversation_id}?folder=all", status_code=303)
