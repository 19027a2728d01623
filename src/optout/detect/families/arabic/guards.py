"""Guards: Arabic hard negatives (none known yet: its phrases are all about the texts)."""

from __future__ import annotations

GUARDS: dict[str, list[str]] = {}
