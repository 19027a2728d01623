"""Suppression checks: which of many numbers may not be texted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from optout.numbers import lookup_keys
from optout.store.engine import region_of
from optout.store.ledger import suppressed_numbers
from optout.store.tables import Account


@dataclass(frozen=True, slots=True)
class SuppressionResult:
    """The opted-out keys (input order, once each) and the inputs that are no number.

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
    invalid = [
        numbers[index]
        for index, key in found.others.items()
        if key is None or (not key.textable and key.key not in suppressed)
    ]
    return SuppressionResult([n for n in unique if n in suppressed], invalid)
