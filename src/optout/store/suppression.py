"""Which of many numbers an account has opted out: the bulk suppression check's queries.

A few numbers are one query a batch, each number one probe of the (account, number) index
(:func:`suppressed_numbers`). Many go into a temporary table as they are read and are joined
with the contacts once (:func:`suppressed_among`): on PostgreSQL by one ``COPY``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import text
from sqlalchemy.orm import Session

from optout.store.prepared import copy_blocks
from optout.store.upserts import dialect_of

PROBE_BATCH = 100_000
COPY_FROM = 10_000
"""Numbers from which PostgreSQL gets a check's numbers by one COPY and joins them once."""
HASH_FROM = 0.25
"""The share of the contacts table from which one hash of it costs less than a probe each."""


def suppressed_numbers(session: Session, *, account_id: int, numbers: Sequence[str]) -> set[str]:
    """Return which of ``numbers`` (keys, distinct) the account has opted out.

    On PostgreSQL a large check copies the numbers into a temporary table and joins it once
    (:func:`suppressed_among`); otherwise each batch is one query.
    """
    if dialect_of(session) == "postgresql" and len(numbers) >= COPY_FROM:
        keys = "".join(number + "\n" for number in numbers).encode()
        copied = suppressed_among(session, account_id=account_id, keys=[keys])
        return set(copied.split("\n")) if copied else set()
    found: set[str] = set()
    for start in range(0, len(numbers), PROBE_BATCH):
        found |= _suppressed_probed(session, account_id, numbers[start : start + PROBE_BATCH])
    return found


def _suppressed_probed(session: Session, account_id: int, numbers: Sequence[str]) -> set[str]:
    """Return which of ``numbers`` are opted out, in one query.

    The numbers drive the join, so each is one probe of the (account, number) unique
    index: the cost follows the batch, not the size of the ledger.
    """
    if not numbers:
        return set()
    if dialect_of(session) == "postgresql":
        session.execute(_INDEX_PROBES_ONLY)
        # One comma-joined string: binding a 100,000-element array costs ten times more.
        source = "unnest(string_to_array(:numbers, ',')) AS n(value) JOIN"
        parameter = ",".join(numbers)
    else:  # CROSS JOIN keeps json_each as SQLite's outer loop
        source = "json_each(:numbers) AS n CROSS JOIN"
        parameter = json.dumps(list(numbers))
    statement = text(
        f"SELECT c.number FROM {source} contacts AS c "
        "ON c.account_id = :account AND c.number = n.value WHERE c.status = :status"
    )
    values = {"account": account_id, "numbers": parameter, "status": "opted_out"}
    return set(session.scalars(statement, values))


def suppressed_among(session: Session, *, account_id: int, keys: Iterable[bytes]) -> str:
    """Return which of ``keys`` the account has opted out, one a line, each once, in no set order.

    ``keys`` are blocks of keys, one a line (UTF-8), read only as they are needed: a check
    of any size goes into one temporary table as it arrives, is joined with the contacts
    once, and is dropped. The answer is one text (no line break after the last key; empty
    for none), as PostgreSQL joins it: a million keys need no Python string each.
    """
    if dialect_of(session) != "postgresql":
        return _suppressed_probed_blocks(session, account_id, keys)
    session.execute(_CHECKED_TABLE)
    session.execute(_NO_STATEMENT_TIMEOUT)  # the COPY waits for the keys as they come
    count = copy_blocks(session.connection(), _COPY_CHECKED, _copy_escaped(keys))
    session.execute(text("SET LOCAL statement_timeout TO DEFAULT"))
    contacts = session.scalar(_CONTACTS_ESTIMATE) or 0
    session.execute(_ONE_HASH if count >= HASH_FROM * contacts else _INDEX_PROBES_ONLY)
    session.execute(text("ANALYZE suppression_check"))  # how many keys: the plan depends on it
    values = {"account": account_id, "status": "opted_out"}
    found = session.scalar(_CHECKED_OPTED_OUT, values)
    session.execute(text("DROP TABLE suppression_check"))
    return found or ""


def _copy_escaped(blocks: Iterable[bytes]) -> Iterator[bytes]:
    """Yield ``blocks`` in COPY's text format: a key holds no tab or line break, maybe a ``\\``."""
    for block in blocks:
        yield block.replace(b"\\", b"\\\\") if b"\\" in block else block


def _suppressed_probed_blocks(session: Session, account_id: int, keys: Iterable[bytes]) -> str:
    """Return which of ``keys`` are opted out, each block probed by the index (SQLite)."""
    found: set[str] = set()
    for block in keys:
        unique = list(dict.fromkeys(block.decode().split("\n")[:-1]))  # newline-ended
        for start in range(0, len(unique), PROBE_BATCH):
            found |= _suppressed_probed(session, account_id, unique[start : start + PROBE_BATCH])
    return "\n".join(found)


_CHECKED_TABLE = text("CREATE TEMPORARY TABLE suppression_check (number text)")
_COPY_CHECKED = "COPY suppression_check (number) FROM STDIN"
_CHECKED_OPTED_OUT = text(
    "SELECT string_agg(c.number, E'\\n') FROM contacts AS c "
    "WHERE c.account_id = :account AND c.status = :status "
    "AND EXISTS (SELECT FROM suppression_check AS n WHERE n.number = c.number)"
)
"""One text for all: PostgreSQL joins the numbers faster than the driver reads rows."""
_CONTACTS_ESTIMATE = text("SELECT reltuples FROM pg_class WHERE oid = 'contacts'::regclass")
_NO_STATEMENT_TIMEOUT = text("SELECT set_config('statement_timeout', '0', true)")
# For this transaction only: skip JIT compilation, which costs more than the query, keep the
# hash of the contacts in memory rather than in temporary files, and let ANALYZE of the
# checked keys read a sample of 300: enough to count them.
_ONE_HASH = text(
    "SELECT set_config('enable_nestloop', 'off', true), set_config('jit', 'off', true), "
    "set_config('work_mem', '128MB', true), set_config('default_statistics_target', '1', true)"
)
# For this transaction only: probe the index per number (a hash join would read every
# opt-out of the account for each batch), skip JIT compilation, which costs more than the
# query, and keep the unnested batch in memory rather than a temporary file.
_INDEX_PROBES_ONLY = text(
    "SELECT set_config('enable_hashjoin', 'off', true), "
    "set_config('enable_mergejoin', 'off', true), set_config('jit', 'off', true), "
    "set_config('work_mem', '32MB', true), set_config('default_statistics_target', '1', true)"
)
