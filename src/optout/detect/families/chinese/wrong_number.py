"""Wrong number, in Chinese: "打错了", "发错了", "你打错电话了"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.WRONG_NUMBER
STRONG = [r"(?:打|发|發)(?:错|錯)(?:了|电话|電話|号码|號碼|人)"]
WEAK: list[str] = []
EXAMPLES = ("打错了", "你发错了吧", "你打错电话了")
