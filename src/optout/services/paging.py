"""Page cursors: the ``next`` value a list answer gives and the ``after`` that asks for more."""

from __future__ import annotations

import re

from optout.exceptions import InvalidInput

BAD_CURSOR = (
    "the page cursor is not valid: use the 'next' value of the previous page, or start again "
    "from the first page"
)
_ROW_ID = re.compile(r"[0-9]{1,18}")


def row_cursor(after: str | None) -> int | None:
    """Return the row id an ``after`` cursor names, None for the first page."""
    if not after:
        return None
    if _ROW_ID.fullmatch(after) is None:
        raise InvalidInput(BAD_CURSOR, field="after")
    return int(after)
