"""Uvicorn's access log without phone numbers.

Request targets can carry numbers (``GET /v1/contacts/+12025550123``,
``GET /v1/opt-outs?search=2025550123``), and no phone number may reach the logs above
DEBUG. Each path segment or query value holding five digits or more is logged as
``[redacted]``; everything else in the line is kept.
"""

from __future__ import annotations

import logging
from urllib.parse import unquote

ACCESS_LOGGER = "uvicorn.access"
MASK = "[redacted]"
MIN_DIGITS = 5


class RedactNumbers(logging.Filter):
    """Mask numbers in the request target of uvicorn's access-log records."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's target argument; never drop a record."""
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], redact(args[2]), *args[3:])
        return True


def redact(target: str) -> str:
    """Return ``target`` (path and query) with every number-like segment or value masked."""
    path, question, query = target.partition("?")
    path = "/".join(_masked(segment) for segment in path.split("/"))
    pairs = [name + equals + _masked(value) for name, equals, value in _pairs(query)]
    return path + question + "&".join(pairs)


def install() -> None:
    """Add the filter to uvicorn's access logger, once per process."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(existing, RedactNumbers) for existing in logger.filters):
        logger.addFilter(RedactNumbers())


def _pairs(query: str) -> list[tuple[str, str, str]]:
    return [pair.partition("=") for pair in query.split("&")] if query else []


def _masked(piece: str) -> str:
    digits = sum(character.isdigit() for character in unquote(piece))
    return MASK if digits >= MIN_DIGITS else piece
