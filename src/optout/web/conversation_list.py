"""The list half of the conversations page: one folder, searched, counted and paged."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session

from optout.exceptions import InvalidInput, OptoutError
from optout.services import conversations, reviews
from optout.services.conversation_search import COUNT_CAP, Filters, read_filters
from optout.services.conversations import ConversationPage, Folder
from optout.services.time_zones import zone_of
from optout.store.engine import region_of
from optout.store.folder_counts import FolderCounts
from optout.store.tables import Account
from optout.web.live_streams import live_streams_of
from optout.web.rendering import PageNotFound, flash


@dataclass(frozen=True, slots=True)
class ListQuery:
    """The folder, page and search a list was asked for, as typed."""

    folder: Folder
    after: str | None = None
    start: int = 1
    q: str = ""
    since: str = ""
    until: str = ""
    campaign: str = ""
    source: str = ""
    family: str = ""

    def search(self, **changes: Any) -> str:
        """Return the query string of this search in another folder or page."""
        values = {
            "q": self.q,
            "from": self.since,
            "to": self.until,
            "campaign": self.campaign,
            "source": self.source,
            "family": self.family,
        }
        values |= changes
        return urlencode({k: v for k, v in values.items() if v})

    @property
    def searching(self) -> bool:
        """Return whether anything was typed into the search."""
        typed = (self.q, self.since, self.until, self.campaign, self.source, self.family)
        return any(typed)


def list_query(
    folder: str | None = None,
    after: str | None = None,
    start: int = 1,
    q: str = "",
    since: Annotated[str, Query(alias="from")] = "",
    until: Annotated[str, Query(alias="to")] = "",
    campaign: str = "",
    source: str = "",
    family: str = "",
) -> ListQuery:
    """Read the list's query string; an unknown folder is a missing page."""
    try:
        chosen = Folder(folder or Folder.ALL)
    except ValueError as error:
        raise PageNotFound() from error
    typed = (q[:200], since[:20], until[:20], campaign[:200], source[:20], family[:40])
    return ListQuery(chosen, after, max(start, 1), *typed)


ListQueryDep = Annotated[ListQuery, Depends(list_query)]


def folder_context(
    request: Request, session: Session, account: Account, query: ListQuery
) -> dict[str, Any]:
    """Return what the page needs to show the folder: its page, counts and search."""
    search_error = None
    try:
        filters = read_filters(
            query.q,
            query.since,
            query.until,
            query.campaign,
            region=region_of(session),
            source=query.source,
            family=query.family,
            zone=zone_of(account),
        )
    except InvalidInput as error:
        search_error, filters = error.message, Filters()
    try:
        page = _list(session, account, query.folder, query.after, filters)
    except OptoutError as error:  # a stale or edited cursor: show the first page instead
        flash(request, error.message, "error")
        query = replace(query, after=None, start=1)
        page = _list(session, account, query.folder, None, filters)
    counts = conversations.folder_counts(session, account_id=account.id)
    return {
        "page": page,
        "folder": query.folder,
        "listing": query,
        "after": query.after,
        "search_error": search_error,
        "counts": sidebar_counts(counts),
        "newest": conversations.newest_message_at(session, account_id=account.id),
        "total": _total(session, account, query.folder, filters, counts),
        "total_capped": bool(filters),
        "count_cap": COUNT_CAP,
        "live_events": live_streams_of(request) is not None,
        "precision": reviews.Precision.of(counts) if query.folder is Folder.AUTO else None,
    }


def _list(
    session: Session, account: Account, folder: Folder, after: str | None, filters: Filters
) -> ConversationPage | reviews.ReviewPage:
    if folder is Folder.REVIEW:
        return reviews.needs_review(session, account_id=account.id, after=after, filters=filters)
    return conversations.list_conversations(
        session, account_id=account.id, folder=folder, after=after, filters=filters
    )


def sidebar_counts(counts: FolderCounts) -> dict[str, int]:
    """Return each folder's count for the sidebar; Auto Opt-Out's is of unreviewed ones."""
    shown = {folder.value: conversations.counted(counts, folder) for folder in Folder}
    return shown | {Folder.AUTO.value: counts.auto_unreviewed}


def _total(
    session: Session, account: Account, folder: Folder, filters: Filters, counts: FolderCounts
) -> int:
    if not filters:
        return conversations.counted(counts, folder)
    if folder is Folder.REVIEW:
        return reviews.count_needs_review(session, account_id=account.id, filters=filters)
    return conversations.count_folder(
        session, account_id=account.id, folder=folder, filters=filters
    )
