"""Keeping an open conversations page current: folder counts and new messages, polled.

Every worker reads the same database, so a page served by one worker sees replies stored by
another. The page asks every few seconds; the list itself is not redrawn under the reader,
who gets a "N new" link instead.
"""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from optout.services import conversation_search, conversations
from optout.web.auth import CurrentAccount, CurrentUser, DbSession
from optout.web.conversation_list import sidebar_counts
from optout.web.rendering import SECURITY_HEADERS, PageRoute

router = APIRouter(route_class=PageRoute, include_in_schema=False)


def count_text(count: int, *, capped: bool = False) -> str:
    """Return a count as a badge shows it: "" for none, "1,000+" past the cap if ``capped``."""
    if capped and count > conversation_search.COUNT_CAP:
        return f"{conversation_search.COUNT_CAP:,}+"
    return f"{count:,}" if count else ""


@router.get("/conversations/live")
def live(
    session: DbSession, user: CurrentUser, account: CurrentAccount, since: str = ""
) -> Response:
    """Return the folders' counts and how many conversations changed after ``since``."""
    del user  # signed in is all that is needed
    try:
        moment = datetime.fromisoformat(since) if since else None
    except ValueError:
        moment = None
    newer = 0
    if moment is not None and moment.tzinfo is not None:
        newer = conversations.count_newer(session, account_id=account.id, since=moment)
    folders = conversations.folder_counts(session, account_id=account.id)
    counts = {name: count_text(n) for name, n in sidebar_counts(folders).items()}
    text = (
        f"{count_text(newer, capped=True)} new message{'' if newer == 1 else 's'} — show"
        if newer
        else ""
    )
    return JSONResponse(
        {"counts": counts, "new": newer, "new_text": text}, headers=SECURITY_HEADERS
    )
