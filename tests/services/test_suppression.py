"""The bulk suppression check: the same answer by COPY and join as by batched probes."""

from __future__ import annotations

import pytest

from optout.domain import EventSource
from optout.services import ledger
from optout.services.accounts import create_account
from optout.services.suppression import check_suppression, check_suppression_lines
from optout.store import suppression as store
from optout.store.ledger import opt_out_many

OPTED_OUT = ["+12025550101", "(202) 555-0102", "MY\\BRAND", "898287", "+447911123456"]
ASKED = [
    "202-555-0101",  # opted out, national format
    "+1 202 555 0102",
    "+12025550102",  # the same key twice
    "+12025550103",  # opted out, then back in
    "+12025550104",  # opted out by the other account only
    "+12025550105",  # never seen
    "my\\brand",  # a sender id that opted out
    "OtherBrand",  # a sender id: invalid
    "898287",
    "+44 7911 123456",
    "",  # nothing in it: invalid
    "\tnot a number\t",
]


@pytest.fixture
def accounts(db_session, account):
    """Opt numbers out of ``account`` (one of them back in) and one of another account."""
    for number in [*OPTED_OUT, "+12025550103"]:
        ledger.opt_out(
            db_session, account=account, number=number, source=EventSource.IMPORT, actor="t"
        )
    ledger.opt_in(db_session, account=account, number="+12025550103", actor="t", confirm=True)
    other, _key = create_account(db_session, name="Other")
    ledger.opt_out(
        db_session, account=other, number="+12025550104", source=EventSource.MANUAL, actor="t"
    )
    return account


def _check(db_session, account, monkeypatch, *, copy_from: int, hash_from: float):
    monkeypatch.setattr(store, "COPY_FROM", copy_from)
    monkeypatch.setattr(store, "HASH_FROM", hash_from)
    return check_suppression(db_session, account=account, numbers=ASKED)


def test_a_copied_check_answers_what_batched_probes_answer(db_session, accounts, monkeypatch):
    probed = _check(db_session, accounts, monkeypatch, copy_from=10**9, hash_from=0)
    assert probed.opted_out == ["+12025550101", "+12025550102", "MY\\BRAND", "898287"] + [
        "+447911123456"
    ]
    assert probed.invalid == ["OtherBrand", "", "\tnot a number\t"]
    for hash_from in (0.0, 10.0**9):  # the contacts read into one hash, or probed per number
        copied = _check(db_session, accounts, monkeypatch, copy_from=1, hash_from=hash_from)
        assert copied == probed


def test_a_large_check_finds_every_opt_out_among_many(db_session, account, monkeypatch):
    numbers = [f"+1303555{index:04d}" for index in range(3000)]
    opt_out_many(
        db_session, account_id=account.id, numbers=numbers[::3], source=EventSource.IMPORT,
        actor="t",
    )  # fmt: skip
    monkeypatch.setattr(store, "COPY_FROM", 1000)
    found = check_suppression(db_session, account=account, numbers=numbers)
    assert found.opted_out == numbers[::3]
    assert found.invalid == []


def _lines(numbers: list[str], per_block: int) -> list[bytes]:
    """Return ``numbers`` one a line, in blocks of ``per_block`` lines."""
    blocks = [numbers[start : start + per_block] for start in range(0, len(numbers), per_block)]
    return ["".join(number + "\n" for number in block).encode() for block in blocks]


@pytest.mark.parametrize("hash_from", [0.0, 10.0**9])
def test_a_file_of_numbers_answers_what_the_list_answers(
    db_session, accounts, monkeypatch, hash_from
):
    monkeypatch.setattr(store, "HASH_FROM", hash_from)
    listed = check_suppression(db_session, account=accounts, numbers=ASKED)
    for per_block in (1, 2, len(ASKED)):  # "+1 202 555 0102" and "+12025550102" in two blocks
        lines = _lines(ASKED, per_block)
        found = check_suppression_lines(db_session, account=accounts, lines=lines)
        assert sorted(found.opted_out.split("\n")) == sorted(listed.opted_out)
        assert found.invalid == [number for number in listed.invalid if number]  # blank: none


def test_a_file_of_many_numbers_finds_every_opt_out(db_session, account):
    numbers = [f"+1303555{index:04d}" for index in range(3000)]
    opted_out = numbers[::3]
    opt_out_many(
        db_session, account_id=account.id, numbers=opted_out, source=EventSource.IMPORT, actor="t"
    )
    national = [number.removeprefix("+1") for number in numbers]
    found = check_suppression_lines(db_session, account=account, lines=_lines(national, 1000))
    assert sorted(found.opted_out.split("\n")) == opted_out
    assert found.invalid == []
