"""Suppression checks: which of many numbers may not be texted."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from optout.numbers import SenderKey, lookup_keys, lookup_lines
from optout.store.engine import region_of
from optout.store.suppression import suppressed_among, suppressed_numbers
from optout.store.tables import Account


@dataclass(frozen=True, slots=True)
class SuppressionResult:
    """The opted-out keys (once each; a list's in its order) and the inputs that are no number.

    Every input is opted out, clear or invalid, as :func:`optout.services.outbound.send`
    would answer it (409, sent, 422): each is read by :func:`optout.numbers.lookup_key`.
    A sender id (an alphanumeric sender, say) is no number to text: it is invalid unless
    it opted out.
    """

    opted_out: list[str]
    invalid: list[str]


def check_suppression(
    session: Session, *, account: Account, numbers: Sequence[str]
) -> SuppressionResult:
    """Return which of ``numbers``, written in any format, the account has opted out."""
    found = lookup_keys(numbers, region_of(session))
    unique = [key for key in dict.fromkeys(found.keys) if key is not None]
    suppressed = suppressed_numbers(session, account_id=account.id, numbers=unique)
    others = [(numbers[index], key) for index, key in found.others.items()]
    return SuppressionResult([n for n in unique if n in suppressed], _invalid(others, suppressed))


@dataclass(frozen=True, slots=True)
class SuppressedLines:
    """A :class:`SuppressionResult` whose opted-out keys are one text, one a line, in no set order.

    ``opted_out`` is empty for none and has no line break after its last key: a million keys
    go from the database to the answer without a Python string each.
    """

    opted_out: str
    invalid: list[str]


def check_suppression_lines(
    session: Session, *, account: Account, lines: Iterable[bytes]
) -> SuppressedLines:
    """Return which numbers of ``lines`` (blocks of whole lines, one number each) are opted out.

    The blocks are read as they come, however many: their keys go into one temporary table
    and are joined with the ledger once. Blank lines are no input.
    """
    region = region_of(session)
    untextable: list[tuple[str, SenderKey | None]] = []

    def keys() -> Iterator[bytes]:
        for block in lines:
            found = lookup_lines(block, region)
            untextable.extend(found.untextable)
            yield found.keys

    opted_out = suppressed_among(session, account_id=account.id, keys=keys())
    senders = {key.key for _line, key in untextable if key is not None}
    if senders:  # rare: only then is each key a string of its own
        senders.intersection_update(opted_out.split("\n"))
    return SuppressedLines(opted_out, _invalid(untextable, senders))


def _invalid(read: Iterable[tuple[str, SenderKey | None]], suppressed: set[str]) -> list[str]:
    """Return the inputs of ``read`` that are no number to text and did not opt out."""
    return [
        raw for raw, key in read if key is None or (not key.textable and key.key not in suppressed)
    ]
