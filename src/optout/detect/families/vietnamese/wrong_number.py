"""Wrong number, in Vietnamese: "nhầm số rồi"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.WRONG_NUMBER
STRONG = [r"(?<!\w)(?:nham so|sai so)(?!\w)"]
WEAK: list[str] = []
EXAMPLES = ("nhầm số rồi anh ơi",)
