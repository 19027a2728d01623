"""Senders and recipients as ledger keys, read from whatever a person or a platform wrote.

:func:`sender_key` gives every non-empty sender a key, the most canonical one that can be
made, because a reply is never refused for how its number looks (an opt-out refused is an
opt-out lost):

- a number ``phonenumbers`` calls valid: its E.164 form (``validated``);
- a possible number its metadata does not know (a new area code, an old-format mobile such
  as Mexico's ``+52 1``, a range left out): its E.164 form, not validated;
- a short code (``898287``, 4 to 8 digits): the digits;
- anything else (an alphanumeric sender, ``whatsapp:`` handles are read as their number):
  the text without spaces, separators and control characters, in capitals. Such a key can
  be opted out and looked up, but it is no number to text.

:func:`lookup_key` is the same function for bulk suppression checks (:func:`lookup_keys`
for many at once), with a fast path for clean NANP numbers, the only form whose key is
known without parsing: ``+44 (0)7911 …`` or even ``+4407911…`` are read by ``phonenumbers``
as ``+447911…``. :func:`lookup_lines` does the same for a block of lines, a file's, reading its
clean NANP numbers all at once. :func:`normalise` stays strict (a valid number or
:class:`~optout.exceptions.InvalidPhoneNumber`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import numpy as np
import phonenumbers
from numpy.typing import NDArray

from optout.exceptions import InvalidPhoneNumber

DEFAULT_REGION = "US"
"""The region national numbers are read in when nothing else says (``Settings`` agrees)."""

MAX_KEY_CHARS = 64
_SEPARATORS = re.compile(r"[\s().\-/]+")
_CHANNEL = re.compile(r"^\s*(?:whatsapp|sms|mms|tel)\s*:", re.IGNORECASE)
_PLUS_DIGITS = re.compile(r"\+?[0-9]+")
_MEXICO_OLD_MOBILE = re.compile(r"\+521([0-9]{10})")
_SHORT_CODE_DIGITS = range(4, 9)


class KeyKind(StrEnum):
    """How much is known about a sender key."""

    VALID = "valid"
    POSSIBLE = "possible"
    SHORT_CODE = "short_code"
    SENDER_ID = "sender_id"


@dataclass(frozen=True, slots=True)
class SenderKey:
    """A sender's (or recipient's) key in the ledger, and what kind of key it is."""

    key: str
    kind: KeyKind

    @property
    def validated(self) -> bool:
        """Return whether ``phonenumbers`` knows the number as valid."""
        return self.kind is KeyKind.VALID

    @property
    def textable(self) -> bool:
        """Return whether the key is a number a text can be sent to (not a sender id)."""
        return self.kind is not KeyKind.SENDER_ID


def normalise(raw: str, region: str = DEFAULT_REGION, *, field: str = "number") -> str:
    """Return ``raw`` as a valid E.164 number, reading national formats in ``region``."""
    key = sender_key(raw, region, field=field)
    if not key.validated:
        raise _invalid(raw, field)
    return key.key


def sender_key(raw: str, region: str = DEFAULT_REGION, *, field: str = "number") -> SenderKey:
    """Return the ledger key of ``raw``; only a sender with nothing in it is refused."""
    key = _sender_key(raw, region)
    if key is None:
        raise _invalid(raw, field)
    return key


SENDER_CACHE_SIZE = 8_192
"""Senders whose ledger key a worker remembers (a pure function of the sender as given).

A contact who writes again within a conversation is served from it (0.2 µs, against 36 µs
to parse a number). Replies to a mass text come mostly from senders who write once, so a
larger cache mostly holds numbers that never come back: at about 330 bytes a sender, 8,192
of them cap a worker's growth near 2.7 MB (65,536 grew it by 22 MB)."""


@lru_cache(maxsize=SENDER_CACHE_SIZE)
def _sender_key(raw: str, region: str) -> SenderKey | None:
    text = unicodedata.normalize("NFKC", _CHANNEL.sub("", raw, count=1)).strip()
    compact = _SEPARATORS.sub("", text)
    if not compact:
        return None
    number = _parsed(text, region)
    if number is not None:
        return number
    if _PLUS_DIGITS.fullmatch(compact) and compact.isascii():
        return _digits_key(compact)
    # Control characters and list separators are no part of a sender's name.
    name = "".join(ch for ch in compact.upper() if ch.isprintable() and ch not in ",;")
    return SenderKey(name[:MAX_KEY_CHARS], KeyKind.SENDER_ID) if name else None


def _parsed(text: str, region: str) -> SenderKey | None:
    """Return the E.164 key ``phonenumbers`` reads in ``text``, valid or possible, or None."""
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    e164 = str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
    if phonenumbers.is_valid_number(parsed):
        return SenderKey(e164, KeyKind.VALID)
    old_mexican = _MEXICO_OLD_MOBILE.fullmatch(e164)
    if old_mexican is not None:  # "+52 1 55 …", as WhatsApp still writes Mexican mobiles
        modern = _parsed("+52" + old_mexican[1], region)
        if modern is not None and modern.validated:
            return modern
    possible = phonenumbers.is_possible_number_with_reason(parsed)
    if possible == phonenumbers.ValidationResult.IS_POSSIBLE:
        return SenderKey(e164, KeyKind.POSSIBLE)
    return None


def _digits_key(compact: str) -> SenderKey:
    """Return the key of digits no region reads as a possible number (a short code, say)."""
    digits = compact.lstrip("+")
    if not compact.startswith("+") and len(digits) in _SHORT_CODE_DIGITS:
        return SenderKey(digits, KeyKind.SHORT_CODE)
    international = _parsed("+" + digits, DEFAULT_REGION)
    if international is not None:  # a platform that leaves out the "+"
        return international
    return SenderKey(compact[:MAX_KEY_CHARS], KeyKind.SENDER_ID)


def is_validated(key: str) -> bool:
    """Return whether a stored key is a number ``phonenumbers`` knows as valid."""
    found = _sender_key(key, DEFAULT_REGION)  # a stored number key is E.164: no region needed
    return found is not None and found.validated


def lookup_key(raw: str, region: str = DEFAULT_REGION) -> SenderKey | None:
    """Return :func:`sender_key` of ``raw``, or None where it has none; fast for NANP numbers."""
    if _region_is_nanp(region):
        fast = _nanp(raw) or _nanp(raw.strip().translate(_PUNCTUATION))
        if fast is not None:
            return SenderKey(fast, KeyKind.POSSIBLE)  # valid or possible: no matter for lookup
    return _sender_key(raw, region)


_PUNCTUATION = str.maketrans("", "", " ().-\t")


def _nanp(candidate: str) -> str | None:
    """Return ``candidate`` in E.164 if it is a clean NANP number (area and exchange 2-9)."""
    found = _CLEAN_NANP.fullmatch(candidate)
    return None if found is None else "+1" + found[1]


_CLEAN_NANP = re.compile(r"(?:\+1|1)?([2-9][0-9]{2}[2-9][0-9]{6})")


@dataclass(frozen=True, slots=True)
class LookupKeys:
    """The keys of a bulk check's numbers, in order (None: it has none).

    Clean NANP numbers make no object; ``others`` holds, by position, what every other
    number was read as: the only ones that can be sender ids, or no number at all.
    """

    keys: list[str | None]
    others: dict[int, SenderKey | None]


def lookup_keys(raws: Sequence[str], region: str = DEFAULT_REGION) -> LookupKeys:
    """Return :func:`lookup_key` of each of ``raws``, as :class:`LookupKeys`."""
    keys: list[str | None] = []
    others: dict[int, SenderKey | None] = {}
    clean = _CLEAN_NANP.fullmatch if _region_is_nanp(region) else _NO_NUMBER.fullmatch
    for index, raw in enumerate(raws):  # _nanp, spelled out: a million calls cost seconds
        found = clean(raw) or clean(raw.strip().translate(_PUNCTUATION))
        if found is not None:
            keys.append("+1" + found[1])
        else:
            others[index] = key = _sender_key(raw, region)
            keys.append(None if key is None else key.key)
    return LookupKeys(keys, others)


_NO_NUMBER = re.compile(r"(?!)")
"""Matches nothing: outside NANP regions every number is read the slow way."""


@dataclass(frozen=True, slots=True)
class LineKeys:
    """The keys of a block of lines, in no set order, each ended by a newline (UTF-8).

    ``untextable`` holds, in order, each line whose key is no number to text (a sender id)
    or that has no key at all (and so no line in ``keys``), with what it was read as.
    """

    keys: bytes
    untextable: list[tuple[str, SenderKey | None]]


def lookup_lines(block: bytes, region: str = DEFAULT_REGION) -> LineKeys:
    """Return :func:`lookup_key` of each line of ``block`` (UTF-8, whole lines); skip blank ones.

    Clean NANP numbers are read for the whole block at once, with numpy: a loop over a
    million of them costs a third of a second. Only the other lines are read one by one.
    """
    data = np.frombuffer(block, dtype=np.uint8)
    ends = np.flatnonzero(data == _NEWLINE)
    starts = np.concatenate(([0], ends[:-1] + 1))[: len(ends)]
    ends -= data[ends - 1] == _RETURN  # a line's own "\r\n" ends it; the line before's "\n" never
    clean, digits = _clean_nanp(data, starts, ends, nanp=_region_is_nanp(region))
    keys = np.empty((len(digits), 13), dtype=np.uint8)
    keys[:, :2], keys[:, 2:12], keys[:, 12] = _PLUS_ONE, digits, _NEWLINE
    other = ~clean
    others = [block[a:b].decode() for a, b in zip(starts[other], ends[other], strict=True)]
    other_keys, untextable = _lookup_one_by_one(others, region)
    return LineKeys(keys.tobytes() + other_keys, untextable)


def _clean_nanp(
    data: NDArray[np.uint8], starts: NDArray[np.intp], ends: NDArray[np.intp], *, nanp: bool
) -> tuple[NDArray[np.bool_], NDArray[np.uint8]]:
    """Return which lines :data:`_CLEAN_NANP` matches, and the ten digits of each of them."""
    lengths = ends - starts
    candidates = np.flatnonzero((lengths >= 10) & (lengths <= 12) & nanp)
    if not len(candidates):  # and maybe fewer than ten bytes, too few for the view below
        return np.zeros(len(ends), dtype=bool), np.zeros((0, 10), dtype=np.uint8)
    first, second = data[starts[candidates]], data[starts[candidates] + 1]
    length, tens = lengths[candidates], ends[candidates] - 10  # where ten digits would start
    prefixed = (length == 10) | (length == 11) & (first == _ONE)
    prefixed |= (length == 12) & (first == _PLUS) & (second == _ONE)
    # Rows of a view of every ten bytes: no index per byte, ten bytes copied a line.
    tails = np.lib.stride_tricks.sliding_window_view(data, 10)[tens]
    numeric = ((tails - _ZERO) <= 9).all(axis=1)  # below "0" wraps
    found = prefixed & numeric & (tails[:, 0] >= _TWO) & (tails[:, 3] >= _TWO)
    clean = np.zeros(len(ends), dtype=bool)
    clean[candidates[found]] = True
    return clean, tails[found]


def _lookup_one_by_one(
    lines: list[str], region: str
) -> tuple[bytes, list[tuple[str, SenderKey | None]]]:
    """Return the keys of ``lines`` (newline-ended, UTF-8) and the untextable among them."""
    keys: list[str] = []
    untextable: list[tuple[str, SenderKey | None]] = []
    for line in lines:
        if not line.strip():
            continue  # a blank line is no input
        key = lookup_key(line, region)
        if key is None or not key.textable:
            untextable.append((line, key))
        if key is not None:
            keys.append(key.key)
    return "".join(key + "\n" for key in keys).encode(), untextable


_NEWLINE, _RETURN, _PLUS, _ZERO, _ONE, _TWO = b"\n\r+012"
_PLUS_ONE = np.frombuffer(b"+1", dtype=np.uint8)


def normalise_for_lookup(raw: str, region: str = DEFAULT_REGION) -> str | None:
    """Return the key of ``raw`` if it is a number one can text, else None."""
    key = lookup_key(raw, region)
    return key.key if key is not None and key.textable else None


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
