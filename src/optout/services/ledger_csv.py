"""CSV export and import of an account's opt-outs.

An import commits one batch of :data:`IMPORT_BATCH` numbers at a time: it holds the
contacts' row locks (PostgreSQL) or the database's write lock (SQLite) for one batch at
most, so replies keep being stored while a long file goes in. If an import stops half-way,
the batches before stay opted out, and importing the file again finishes the job.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain

from sqlalchemy.orm import Session, sessionmaker

from optout.domain import EventSource
from optout.numbers import lookup_key
from optout.services.csv_cells import csv_line
from optout.services.ledger import OptOutItem, opt_out_item
from optout.store.engine import region_of
from optout.store.ledger import iter_opted_out, opt_out_many
from optout.store.tables import Account

EXPORT_COLUMNS = ["number", "source", "opted_out_at", "reason", "actor", "note"]
IMPORT_BATCH = 1000
NUMBER_HEADERS = {"number", "phone", "phone_number", "mobile", "cell", "e164", "to"}
MAX_FILENAME = 200
SHORT_CODE_DIGITS = 4
"""The fewest digits a number one can text has (a short code)."""
MAX_DIGITS = 15
"""The most digits a phone number has (E.164)."""
"""Characters of an imported file's name kept in the ledger's ``actor``."""


@dataclass(slots=True)
class ImportSummary:
    """What an import did; ``invalid`` lists 'line N: value' for rows that were skipped."""

    opted_out: int = 0
    already_opted_out: int = 0
    invalid: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SkippedLine:
    """A line of an imported file that holds no number one can text, and why."""

    line: int
    value: str
    why: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.value}"


@dataclass(frozen=True, slots=True)
class ImportOrigin:
    """Who imported (the ledger's actor) and from which file (the events' note)."""

    actor: str
    note: str


def export_opt_outs(session: Session, *, account: Account) -> Iterator[str]:
    """Yield the account's opt-outs in force as CSV text, header first."""
    yield csv_line(EXPORT_COLUMNS)
    for contact, event in iter_opted_out(session, account_id=account.id):
        yield export_line(opt_out_item(contact, event))


def export_line(item: OptOutItem) -> str:
    """Return the CSV line of one opt-out, safe to open in a spreadsheet."""
    at = item.at.isoformat()
    texts = [item.source.value, at, item.reason, item.actor, item.note]
    return csv_line(texts, number=item.number)


def import_opt_outs(
    sessions: sessionmaker[Session],
    *,
    account_id: int,
    lines: Iterable[str],
    filename: str,
    actor: str,
    progress: Callable[[int], None] | None = None,
) -> ImportSummary:
    """Opt out every number in a CSV (a ``number`` column, or the first one) from ``lines``.

    Each batch is a transaction of its own, opened from ``sessions`` and committed before
    the next line is read. Each event records who imported (``actor``: the user, the API
    key or the command line's login) and, in its note, the file.
    """
    summary = ImportSummary()
    region = region_of(sessions())  # a session opens no connection until it is used
    numbers = _numbers_reported(read_numbers(lines, region), summary, progress)
    return apply_import(
        sessions, account_id=account_id, numbers=numbers, filename=filename, actor=actor,
        summary=summary,
    )  # fmt: skip


def apply_import(
    sessions: sessionmaker[Session],
    *,
    account_id: int,
    numbers: Iterable[str],
    filename: str,
    actor: str,
    summary: ImportSummary | None = None,
) -> ImportSummary:
    """Opt out ``numbers`` (ledger keys) a batch at a time, as imported from ``filename``."""
    origin = ImportOrigin(actor=actor, note=f"imported from {filename[:MAX_FILENAME]}")
    summary = summary if summary is not None else ImportSummary()
    batch: list[str] = []
    for number in numbers:
        batch.append(number)
        if len(batch) >= IMPORT_BATCH:
            _import_batch(sessions, account_id, batch, origin, summary)
            batch = []
    _import_batch(sessions, account_id, batch, origin, summary)
    return summary


def read_numbers(lines: Iterable[str], region: str) -> Iterator[tuple[int, str | SkippedLine]]:
    """Yield each line's number as a ledger key, or why it holds none, with its line number.

    Lines with nothing in the number column are passed over in silence.
    """
    rows = (_cells(line) for line in lines)
    column, first = _number_column(next(rows, None))
    pending = [] if first is None else [(1, first)]
    for line_no, row in chain(pending, enumerate(rows, start=2)):
        value = row[column].strip() if len(row) > column else ""
        if value:
            yield line_no, _number_in(value, line_no, region)


def _numbers_reported(
    read: Iterable[tuple[int, str | SkippedLine]],
    summary: ImportSummary,
    progress: Callable[[int], None] | None,
) -> Iterator[str]:
    """Yield the numbers read; note the skipped lines in ``summary`` and report progress."""
    for line_no, found in read:
        if isinstance(found, SkippedLine):
            summary.invalid.append(str(found))
        else:
            yield found
        if progress is not None:
            progress(line_no)


def _cells(line: str) -> list[str]:
    """Split one line of the file into its cells; a quote left open ends with its line.

    Each line is read on its own (a phone number never spans lines), so a stray quote
    cannot swallow the rest of the file: its line is split at every comma instead.
    """
    if line.count('"') % 2 == 0:
        try:
            return next(csv.reader([line]), [])
        except csv.Error:  # a cell over the csv module's size limit
            pass
    return [cell.strip().strip('"') for cell in line.split(",")]


def _number_in(value: str, line_no: int, region: str) -> str | SkippedLine:
    """Return the value as a ledger key (any number one can text, short codes too), or why not."""
    key = lookup_key(value, region)
    if key is not None and key.textable:
        return key.key
    return SkippedLine(line_no, value[:40], _why_not_a_number(value))


def _why_not_a_number(value: str) -> str:
    """Return, in words, why a value is not a number one can text."""
    digits = sum(character.isdigit() for character in value)
    if digits == 0:
        return "no digits: not a phone number"
    if any(character.isalpha() for character in value):
        return "letters in it: not a phone number"
    if digits < SHORT_CODE_DIGITS:
        return "too few digits for a phone number"
    if digits > MAX_DIGITS:
        return "too many digits for a phone number"
    return "not a phone number one can text: check its country code and digits"


def _import_batch(
    sessions: sessionmaker[Session],
    account_id: int,
    numbers: list[str],
    origin: ImportOrigin,
    summary: ImportSummary,
) -> None:
    """Opt out one batch and commit; a number repeated in the file counts as already opted out."""
    if not numbers:
        return
    with sessions.begin() as session:
        changed = opt_out_many(
            session,
            account_id=account_id,
            numbers=list(dict.fromkeys(numbers)),
            source=EventSource.IMPORT,
            actor=origin.actor,
            note=origin.note,
        )
    summary.opted_out += changed
    summary.already_opted_out += len(numbers) - changed


def _number_column(header: list[str] | None) -> tuple[int, list[str] | None]:
    """Return the number column and, when the first row is data rather than a header, it."""
    if header is None:
        return 0, None
    names = [name.strip().lower().lstrip("\ufeff") for name in header]
    for index, name in enumerate(names):
        if name in NUMBER_HEADERS:
            return index, None
    return 0, header
