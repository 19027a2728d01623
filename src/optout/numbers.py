"""Phone numbers in E.164, read from whatever format a person or a platform wrote them in.

:func:`normalise` is strict (a valid number or :class:`~optout.exceptions.InvalidPhoneNumber`)
and is used for every number that is stored. :func:`normalise_for_lookup` is the fast path
for bulk suppression checks: strings already in clean E.164 or plain 10-digit NANP form are
not handed to ``phonenumbers`` at all, since parsing a million of them would take minutes.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import phonenumbers

from optout.exceptions import InvalidPhoneNumber

_PUNCTUATION = str.maketrans("", "", " ().-\t")


def normalise(raw: str, region: str = "US", *, field: str = "number") -> str:
    """Return ``raw`` as a valid E.164 number, reading national formats in ``region``."""
    return _valid_e164(raw, region, field)


@lru_cache(maxsize=65_536)  # a pure function of its arguments; the same contacts reply often
def _valid_e164(raw: str, region: str, field: str) -> str:
    try:
        parsed = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as error:
        raise _invalid(raw, field) from error
    if not phonenumbers.is_valid_number(parsed):
        raise _invalid(raw, field)
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def normalise_for_lookup(raw: str, region: str = "US") -> str | None:
    """Return ``raw`` in E.164 for a lookup, or None when it cannot be a phone number."""
    clean = _clean(raw, region)
    if clean is not None:
        return clean
    compact = raw.strip().translate(_PUNCTUATION)
    clean = _clean(compact, region)
    if clean is not None:
        return clean
    try:
        return normalise(raw.strip(), region)
    except InvalidPhoneNumber:
        return None


def _clean(candidate: str, region: str) -> str | None:
    """Return ``candidate`` in E.164 if it already is, or is plain NANP digits; else None."""
    if candidate[:1] == "+":
        digits = candidate[1:]
        if 7 <= len(digits) <= 15 and digits.isascii() and digits.isdigit() and digits[0] != "0":
            return candidate
        return None
    if not (candidate.isascii() and candidate.isdigit()) or not _region_is_nanp(region):
        return None
    if len(candidate) == 11 and candidate[0] == "1":
        candidate = candidate[1:]
    if len(candidate) == 10 and candidate[0] not in "01" and candidate[3] not in "01":
        return "+1" + candidate
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
