"""Keeping an open Conversations page current: folder counts, new replies, the open thread.

``/conversations/live`` answers what the page needs to know: each folder's count, how many
replies came since the page was drawn, and the open thread's version. The page asks it when
``/conversations/events`` (Server-Sent Events, on PostgreSQL) says its account changed, in
whichever worker the change was made; on SQLite, or when refused a stream, every few
seconds. The list itself is not redrawn under the reader, who gets a "N new replies" button
instead; the open thread takes new messages at its end.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse
from sse_starlette import EventSourceResponse, ServerSentEvent

from optout.exceptions import NotFound
from optout.services import conversation_search, conversations
from optout.web.auth import CurrentAccount, CurrentUser, DbSession
from optout.web.conversation_list import sidebar_counts
from optout.web.live_streams import Subscription, live_streams_of, watch
from optout.web.rendering import SECURITY_HEADERS, PageNotFound, PageRoute

router = APIRouter(route_class=PageRoute, include_in_schema=False)

PING_SECONDS = 15
"""A comment line this often keeps proxies from closing an idle stream and finds gone pages."""
SEND_TIMEOUT_SECONDS = 30
"""A page that stops reading for this long loses its stream (and gives its place back)."""
RECONNECT_MILLISECONDS = 3000


def count_text(count: int, *, capped: bool = False) -> str:
    """Return a count as a badge shows it: "" for none, "1,000+" past the cap if ``capped``."""
    if capped and count > conversation_search.COUNT_CAP:
        return f"{conversation_search.COUNT_CAP:,}+"
    return f"{count:,}" if count else ""


def new_replies_text(count: int) -> str:
    """Return the label of the button that shows new replies: "3 new replies — show"."""
    return f"{count_text(count)} new repl{'y' if count == 1 else 'ies'} — show" if count else ""


@router.get("/conversations/live")
def live(
    session: DbSession,
    user: CurrentUser,
    account: CurrentAccount,
    since: str = "",
    thread: int | None = None,
) -> Response:
    """Return the folders' counts, the replies after ``since`` and ``thread``'s version."""
    del user  # signed in is all that is needed
    moment = _moment(since)
    new = 0
    if moment is not None:
        new = conversations.count_new_replies(session, account_id=account.id, since=moment)
    folders = conversations.folder_counts(session, account_id=account.id)
    counts = {name: count_text(n) for name, n in sidebar_counts(folders).items()}
    answer = {"counts": counts, "new": new, "new_text": new_replies_text(new), "thread": None}
    if thread is not None:
        try:
            row = conversations.get_conversation(
                session, account_id=account.id, conversation_id=thread
            )
            answer["thread"] = row.version
        except NotFound:
            pass  # the page shows what it has; the thread is not this account's
    return JSONResponse(answer, headers=SECURITY_HEADERS)


def _moment(since: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(since) if since else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None


async def live_stream(request: Request, account: CurrentAccount) -> AsyncIterator[Subscription]:
    """Hold one of this process's live streams for the request; raise StreamsFull if none.

    The database is told to announce the account's changes first. Released once the
    response ends, however it ends. The sign-in checks before it have committed, so the
    stream holds no database connection while it waits.
    """
    streams = live_streams_of(request)
    if streams is None:  # SQLite: the page asks every few seconds instead
        raise PageNotFound()
    subscription = streams.open(account.id)
    try:
        await watch(request.app.state.session_factory, [account.id])  # before "ready"
        yield subscription
    finally:
        subscription.close()


@router.get("/conversations/events")
async def events(subscription: Annotated[Subscription, Depends(live_stream)]) -> Response:
    """Stream an event each time the account's conversations change (Server-Sent Events)."""
    return EventSourceResponse(
        _changes(subscription, subscription.process),
        ping=PING_SECONDS,
        send_timeout=SEND_TIMEOUT_SECONDS,
    )


async def _changes(subscription: Subscription, process: str) -> AsyncIterator[ServerSentEvent]:
    # "ready" first: the page asks for news at once, in case something changed since it was
    # drawn or while it reconnected.
    yield ServerSentEvent(process, event="ready", retry=RECONNECT_MILLISECONDS)
    while await subscription.next_change():
        yield ServerSentEvent("changed", event="change")
