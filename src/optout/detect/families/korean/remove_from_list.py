"""Remove from the list, in Korean: "제 번호 삭제해 주세요", "명단에서 빼 주세요"."""

from __future__ import annotations

from optout.detect.families.korean.words import ASKED, LIST, NUMBER, PARTICLE, PLEASE, REMOVING
from optout.domain import Family

FAMILY = Family.REMOVE_FROM_LIST
STRONG = [
    rf"{NUMBER}{PARTICLE}{PLEASE} ?{REMOVING} ?{ASKED}",
    (
        rf"(?:저|제 ?번호|저희|내 ?번호|나)(?: ?(?:를|을|는|좀))?{PLEASE} ?{LIST}(?:에서|서)"
        rf"{PLEASE} ?{REMOVING}"
    ),
    rf"{LIST}(?:에서|서){PLEASE} ?{REMOVING} ?{ASKED}",
]
WEAK: list[str] = []
EXAMPLES = ("제 번호 삭제해 주세요", "명단에서 빼 주세요", "저 좀 목록에서 빼주세요")
