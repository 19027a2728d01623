"""Timestamps PostgreSQL holds but Python cannot: read as the nearest time Python has.

PostgreSQL keeps ``timestamptz`` values from 4713 BC to 294276 AD, and ``infinity``;
Python's ``datetime`` runs from year 1 to 9999. A reply stamped ``9999-12-31T23:59:59-14:00``
is year 10000 in UTC: stored once, it made every read of its row fail. Inbound replies are
now refused with such times (:mod:`optout.services.inbound`), and a value already stored is
read as ``datetime.max`` or ``datetime.min`` (in UTC) instead of breaking the read.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import psycopg
from psycopg.adapt import Loader
from psycopg.pq import Format

LATEST = datetime.max.replace(tzinfo=UTC)
EARLIEST = datetime.min.replace(tzinfo=UTC)
_TIMESTAMPTZ = psycopg.postgres.types["timestamptz"].oid


class ClampedTimestamptzLoader(Loader):
    """Read ``timestamptz`` with psycopg's own loader, clamping values outside Python's range.

    The work stays in psycopg's loader (C where installed); this one only catches its error.
    """

    def __init__(self, oid: int, context: Any = None) -> None:
        super().__init__(oid, context)
        default = psycopg.postgres.adapters.get_loader(_TIMESTAMPTZ, Format.TEXT)
        assert default is not None  # psycopg always has a timestamptz loader
        self._load = default(oid, context).load

    def load(self, data: Any) -> datetime:
        """Return the timestamp, or the nearest one Python can hold."""
        try:
            moment: datetime = self._load(data)
        except psycopg.DataError:
            text = bytes(data)
            return EARLIEST if text.startswith(b"-") or text.endswith(b" BC") else LATEST
        return moment


def install(connection: psycopg.Connection[Any]) -> None:
    """Read ``timestamptz`` on ``connection`` with :class:`ClampedTimestamptzLoader`."""
    connection.adapters.register_loader("timestamptz", ClampedTimestamptzLoader)
