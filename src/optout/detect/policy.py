"""The exception rules that keep an auto opt-out from being applied.

They apply to auto opt-outs only; a keyword opt-out is always honoured. In order:
the reply contains only numbers (digits with spaces or punctuation), the contact sent
UNSTOP within the last six months, or the reply is longer than 200 characters (200 itself
still counts).
"""

from __future__ import annotations

import re
from datetime import datetime

from optout.domain import AUTO_OPT_OUT_MAX_CHARS, Exclusion, within_unstop_window

_NUMBERS_ONLY = re.compile(r"[\W_]*\d[\d\W_]*")


def is_numbers_only(text: str) -> bool:
    """Return whether ``text`` holds digits and nothing but spaces or punctuation."""
    return _NUMBERS_ONLY.fullmatch(text) is not None


def auto_opt_out_exclusion(
    text: str, *, last_unstop_at: datetime | None, now: datetime | None
) -> Exclusion | None:
    """Return the rule that keeps an auto opt-out of ``text`` from applying, if any."""
    if is_numbers_only(text):
        return Exclusion.NUMBERS_ONLY
    if last_unstop_at is not None and within_unstop_window(
        last_unstop_at, now or datetime.now(last_unstop_at.tzinfo)
    ):
        return Exclusion.RECENT_UNSTOP
    if len(text) > AUTO_OPT_OUT_MAX_CHARS:
        return Exclusion.TOO_LONG
    return None
