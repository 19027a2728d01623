"""Phone numbers in E.164, read from whatever format a person or a platform wrote them in.

:func:`normalise` is strict (a valid number or :class:`~optout.exceptions.InvalidPhoneNumber`)
and is used for every number that is stored. :func:`normalise_for_lookup` is the fast path
for bulk suppression checks: strings already in clean E.164 or plain 10-digit NANP form are
not handed to ``phonenumbers`` at all, since parsing a million of them would take minutes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import phonenumbers

from optout.exceptions import InvalidPhoneNumber

_E164 = re.compile(r"\+[1-9]\d{6,14}")
_NANP_TEN = re.compile(r"[2-9]\d{2}[2-9]\d{6}")
_NANP_ELEVEN = re.compile(r"1[2-9]\d{2}[2-9]\d{6}")
_PUNCTUATION = str.maketrans("", "", " ().-\t")


def normalise(raw: str, region: str = "US", *, field: str = "number") -> str:
    """Return ``raw`` as a valid E.164 number, reading national formats in ``region``."""
    try:
        parsed = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as error:
        raise _invalid(raw, field) from error
    if not phonenumbers.is_valid_number(parsed):
        raise _invalid(raw, field)
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def normalise_for_lookup(raw: str, region: str = "US") -> str | None:
    """Return ``raw`` in E.164 for a lookup, or None when it cannot be a phone number."""
    candidate = raw.strip()
    if _E164.fullmatch(candidate):
        return candidate
    compact = candidate.translate(_PUNCTUATION)
    if _E164.fullmatch(compact):
        return compact
    if _region_is_nanp(region):
        if _NANP_TEN.fullmatch(compact):
            return "+1" + compact
        if _NANP_ELEVEN.fullmatch(compact):
            return "+" + compact
    try:
        return normalise(candidate, region)
    except InvalidPhoneNumber:
        return None


def normalise_many(raws: Iterable[str], region: str = "US") -> tuple[list[str], list[str]]:
    """Return (E.164 numbers, inputs that are not phone numbers), keeping input order."""
    numbers: list[str] = []
    invalid: list[str] = []
    for raw in raws:
        number = normalise_for_lookup(raw, region)
        if number is None:
            invalid.append(raw)
        else:
            numbers.append(number)
    return numbers, invalid


@lru_cache(maxsize=64)
def _region_is_nanp(region: str) -> bool:
    return bool(phonenumbers.country_code_for_region(region) == 1)


def _invalid(raw: str, field: str) -> InvalidPhoneNumber:
    shown = raw if len(raw) <= 40 else raw[:40] + "…"
    return InvalidPhoneNumber(
        f"{field}: {shown!r} is not a valid phone number; write it in E.164 (+12025550123) "
        "or as a national number of the default region",
        field=field,
    )


def default_region() -> str:
    """Return the region national numbers are read in, from the settings."""
    from optout.config import get_settings  # read at call time, never at import

    return get_settings().default_region
