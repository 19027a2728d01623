"""A long CSV import commits a batch at a time, so replies are never kept waiting behind it.

Each test runs the import against a real database and, from the import's progress callback
(part-way through the file), looks at the database from a second connection as a reply
arriving at that moment would.
"""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from optout.services.accounts import create_account
from optout.services.ledger_csv import IMPORT_BATCH, import_opt_outs
from optout.store.contacts import lock_contact
from optout.store.engine import make_session_factory

LINES = ["number", *(f"+1202555{i:04d}" for i in range(2 * IMPORT_BATCH + 10))]
MIDWAY = IMPORT_BATCH + IMPORT_BATCH // 2  # the first batch is in; the second is being read


def _account(engine: Engine) -> int:
    with make_session_factory(engine).begin() as session:
        account, _key = create_account(session, name="Clinic")
        return account.id


def _import(engine: Engine, account_id: int, at_midway) -> None:
    seen: list[object] = []

    def progress(line: int) -> None:
        if line == MIDWAY:
            seen.append(at_midway())

    summary = import_opt_outs(
        make_session_factory(engine),
        account_id=account_id,
        lines=LINES,
        filename="big.csv",
        actor="user:ana@maple.test",
        progress=progress,
    )
    assert summary.opted_out == len(LINES) - 1
    return seen[0]


def test_each_batch_is_committed_as_the_import_goes(engine: Engine) -> None:
    account_id = _account(engine)

    def opted_out_now() -> int:
        with engine.connect() as other:
            statement = "SELECT count(*) FROM contacts WHERE status = 'opted_out'"
            return int(other.execute(text(statement)).scalar_one())

    assert _import(engine, account_id, opted_out_now) == IMPORT_BATCH


def test_a_reply_can_lock_an_imported_contact_while_the_import_runs(engine: Engine) -> None:
    account_id = _account(engine)
    postgres = engine.dialect.name == "postgresql"

    def lock_the_first_number() -> bool:
        """Lock the contact as a reply from the first imported number does; do not wait."""
        with engine.connect() as other:
            if not postgres:  # SQLite: a reply waits for the database's write lock
                other.exec_driver_sql("PRAGMA busy_timeout = 0")
                other.commit()
            session = Session(bind=other)
            try:
                with session.begin():
                    if postgres:
                        session.execute(text("SET LOCAL lock_timeout = '50ms'"))
                    lock_contact(session, account_id=account_id, number=LINES[1])
            except OperationalError:
                return False
        return True

    assert _import(engine, account_id, lock_the_first_number) is True


@pytest.mark.parametrize("lines", [[], ["number"], ["number", "", "  "]])
def test_an_import_with_no_numbers_writes_nothing(engine: Engine, lines) -> None:
    summary = import_opt_outs(
        make_session_factory(engine),
        account_id=_account(engine),
        lines=lines,
        filename="e.csv",
        actor="user:ana@maple.test",
    )
    assert (summary.opted_out, summary.already_opted_out, summary.invalid) == (0, 0, [])
