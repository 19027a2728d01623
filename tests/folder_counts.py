"""The folder counts counted the slow, obvious way, to hold the kept counts against."""

from __future__ import annotations

from sqlalchemy import exists, func, select

from optout.store import reviews as review_store
from optout.store.folder_counts import FolderCounts
from optout.store.tables import Contact, Conversation, MessageReview, OptEvent


def plain_counts(session, account_id: int) -> FolderCounts:
    """Return the account's counts by counting rows, as the pages did before."""
    opted_out = Contact.status == "opted_out"
    auto = [opted_out, Contact.status_source == "auto"]
    listed = (
        select(func.count())
        .select_from(Conversation)
        .join(Contact, Contact.id == Conversation.contact_id)
        .where(Conversation.account_id == account_id, Conversation.last_message_at.is_not(None))
    )
    in_force = (
        select(func.count()).select_from(Contact).where(Contact.account_id == account_id, *auto)
    )
    kept = exists().where(
        MessageReview.message_id == OptEvent.message_id, MessageReview.outcome == "kept"
    )
    unkept = in_force.join(OptEvent, OptEvent.id == Contact.status_event_id).where(~kept)
    waiting = review_store.waiting_ids(account_id).subquery()
    made = select(func.count()).where(
        OptEvent.account_id == account_id, OptEvent.type == "opt_out", OptEvent.source == "auto"
    )
    undone = select(func.count()).where(
        MessageReview.account_id == account_id, MessageReview.outcome == "opted_back_in"
    )
    queries = [
        listed,
        listed.where(opted_out),
        in_force,
        unkept,
        select(func.count()).select_from(waiting),
        made,
        undone,
    ]
    return FolderCounts(*(session.scalar(query) for query in queries))
