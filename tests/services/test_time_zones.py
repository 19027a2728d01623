"""An account's time zone: IANA names in any case, a clear error with a suggestion."""

from __future__ import annotations

from datetime import UTC
from zoneinfo import ZoneInfo

import pytest

from optout.exceptions import InvalidInput
from optout.services.time_zones import read_time_zone, set_time_zone, zone_of


def test_a_zone_is_kept_under_its_iana_name_typed_in_any_case():
    assert read_time_zone("America/Chicago") == "America/Chicago"
    assert read_time_zone(" america/chicago ") == "America/Chicago"
    assert read_time_zone("") is None


def test_an_unknown_zone_says_what_to_type_and_suggests_the_closest():
    with pytest.raises(InvalidInput) as raised:
        read_time_zone("America/Chicgo")
    assert "'America/Chicgo' is not a time zone" in raised.value.message
    assert "Did you mean America/Chicago?" in raised.value.message
    with pytest.raises(InvalidInput, match="e.g. America/Chicago"):
        read_time_zone("../../etc/passwd")


def test_the_accounts_zone_reads_its_dates(db_session, account):
    assert zone_of(account) is UTC
    set_time_zone(db_session, account=account, time_zone="Europe/London")
    assert account.time_zone == "Europe/London"
    assert zone_of(account) == ZoneInfo("Europe/London")
    with pytest.raises(InvalidInput):
        set_time_zone(db_session, account=account, time_zone="Mars/Olympus")
    set_time_zone(db_session, account=account, time_zone="")
    assert zone_of(account) is UTC
