"""Suppression checks: which of many numbers may not be texted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from optout.numbers import default_region, normalise_many
from optout.store.ledger import suppressed_numbers
from optout.store.tables import Account

QUERY_BATCH = 100_000


@dataclass(frozen=True, slots=True)
class SuppressionResult:
    """The opted-out numbers (E.164, input order, once each) and the unreadable inputs."""

    opted_out: list[str]
    invalid: list[str]


def check_suppression(
    session: Session, *, account: Account, numbers: Sequence[str]
) -> SuppressionResult:
    """Return which of ``numbers``, written in any format, the account has opted out."""
    e164, invalid = normalise_many(numbers, default_region())
    unique = list(dict.fromkeys(e164))
    suppressed: set[str] = set()
    for start in range(0, len(unique), QUERY_BATCH):
        batch = unique[start : start + QUERY_BATCH]
        suppressed |= suppressed_numbers(session, account_id=account.id, numbers=batch)
    return SuppressionResult([n for n in unique if n in suppressed], invalid)
