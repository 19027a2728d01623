"""Importing a file from the pages in two steps: a preview of what it holds, then a confirm.

The upload only reads the file: the numbers found and the lines that hold none are kept in
the database under an unguessable token (:class:`~optout.store.tables.ImportPreview`), and
nothing is opted out. The confirm opts out exactly the numbers kept, so what the person saw
is what happens; only the user who uploaded the file can confirm it, once, within
:data:`PREVIEW_LIFETIME`.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from optout.exceptions import NotFound
from optout.services.ledger_csv import (
    MAX_FILENAME,
    ImportSummary,
    SkippedLine,
    apply_import,
    read_numbers,
)
from optout.store.engine import region_of
from optout.store.suppression import suppressed_numbers
from optout.store.tables import ImportPreview, utcnow

PREVIEW_LIFETIME = timedelta(hours=2)
GONE = "this import preview has expired or was used already; upload the file again"


@dataclass(frozen=True, slots=True)
class Preview:
    """What an uploaded file holds: its numbers (repeats kept) and the lines not read."""

    token: str
    filename: str
    numbers: list[str]
    skipped: list[SkippedLine]
    created_at: datetime

    @property
    def found(self) -> list[str]:
        """Return the different numbers the file holds, in the file's order."""
        return list(dict.fromkeys(self.numbers))


def stash_preview(
    session: Session, *, account_id: int, user_id: int, filename: str, lines: Iterable[str]
) -> Preview | None:
    """Read the file's numbers and keep them for the confirm; nothing is opted out.

    A file with nothing in it (no number, no line that could be one) keeps nothing: None.
    """
    numbers: list[str] = []
    skipped: list[SkippedLine] = []
    for _line, found in read_numbers(lines, region_of(session)):
        if isinstance(found, SkippedLine):
            skipped.append(found)
        else:
            numbers.append(found)
    _forget_expired(session)
    if not (numbers or skipped):
        return None
    row = ImportPreview(
        token=secrets.token_urlsafe(32),
        account_id=account_id,
        user_id=user_id,
        filename=filename[:MAX_FILENAME],
        numbers="\n".join(numbers),
        skipped=json.dumps([[s.line, s.value, s.why] for s in skipped], ensure_ascii=False),
        created_at=utcnow(),
    )
    session.add(row)
    session.flush()
    return _preview(row)


def get_preview(session: Session, *, account_id: int, user_id: int, token: str) -> Preview:
    """Return the user's preview, or raise NotFound (expired, used, or someone else's)."""
    return _preview(_row(session, account_id, user_id, token))


def already_opted_out(session: Session, *, account_id: int, preview: Preview) -> int:
    """Return how many of the preview's different numbers are opted out already."""
    return len(suppressed_numbers(session, account_id=account_id, numbers=preview.found))


def discard_preview(session: Session, *, account_id: int, user_id: int, token: str) -> None:
    """Forget a preview without opting anything out."""
    session.delete(_row(session, account_id, user_id, token))
    session.flush()


def confirm_preview(
    sessions: sessionmaker[Session], *, account_id: int, user_id: int, token: str, actor: str
) -> tuple[Preview, ImportSummary]:
    """Opt out exactly the preview's numbers, a batch at a time, and forget the preview.

    The preview is taken (deleted) in a transaction of its own first, so a second click on
    the confirm finds nothing instead of importing twice.
    """
    with sessions.begin() as session:
        row = _row(session, account_id, user_id, token)
        preview = _preview(row)
        session.delete(row)
    summary = ImportSummary(invalid=[str(line) for line in preview.skipped])
    apply_import(
        sessions,
        account_id=account_id,
        numbers=preview.numbers,
        filename=preview.filename,
        actor=actor,
        summary=summary,
    )
    return preview, summary


def _row(session: Session, account_id: int, user_id: int, token: str) -> ImportPreview:
    row = session.get(ImportPreview, token) if len(token) <= 64 else None
    fresh = row is not None and utcnow() - row.created_at <= PREVIEW_LIFETIME
    if row is None or not fresh or (row.account_id, row.user_id) != (account_id, user_id):
        raise NotFound(GONE)
    return row


def _preview(row: ImportPreview) -> Preview:
    skipped = [SkippedLine(line, value, why) for line, value, why in json.loads(row.skipped)]
    numbers = row.numbers.split("\n") if row.numbers else []
    return Preview(row.token, row.filename, numbers, skipped, row.created_at)


def _forget_expired(session: Session) -> None:
    """Delete every preview nobody confirmed in time (files hold numbers: keep them short)."""
    session.execute(
        delete(ImportPreview).where(ImportPreview.created_at < utcnow() - PREVIEW_LIFETIME)
    )
