"""An account's time zone: the zone every page shows its times and reads its dates in.

An account without one shows each reader times in their own browser's zone, and reads the
search's dates as UTC days. Zones are IANA names ("America/Chicago"), checked against the
``tzdata`` package so that every machine knows the same ones.
"""

from __future__ import annotations

import difflib
import zoneinfo
from datetime import UTC, tzinfo
from functools import cache

from sqlalchemy.orm import Session

from optout.exceptions import InvalidInput
from optout.store.tables import Account


@cache
def time_zone_names() -> tuple[str, ...]:
    """Return every IANA time zone name, sorted."""
    return tuple(sorted(zoneinfo.available_timezones()))


@cache
def _by_folded_name() -> dict[str, str]:
    return {name.casefold(): name for name in time_zone_names()}


def read_time_zone(value: str) -> str | None:
    """Return the zone's IANA name as typed in any case ('' for none), or raise InvalidInput."""
    typed = value.strip()
    if not typed:
        return None
    name = _by_folded_name().get(typed.casefold())
    if name is None:
        close = difflib.get_close_matches(typed, time_zone_names(), n=1)
        hint = f" Did you mean {close[0]}?" if close else ""
        raise InvalidInput(
            f"{typed!r} is not a time zone: use a name from the IANA time zone database, "
            f"e.g. America/Chicago or Europe/London.{hint}",
            field="time_zone",
        )
    return name


def set_time_zone(session: Session, *, account: Account, time_zone: str) -> str | None:
    """Set the account's time zone ('' for each reader's own) and return its name."""
    account.time_zone = read_time_zone(time_zone)
    session.flush()
    return account.time_zone


def zone_of(account: Account | None) -> tzinfo:
    """Return the zone the account's dates are read in: its own, or UTC."""
    if account is None or not account.time_zone:
        return UTC
    return zoneinfo.ZoneInfo(account.time_zone)
