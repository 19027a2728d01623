"""Remove from the list, in Arabic: "احذف رقمي", "احذفوني من القائمة"."""

from __future__ import annotations

from optout.detect.families.arabic.words import ASKING, LIST, NUMBER, REMOVING
from optout.domain import Family

FAMILY = Family.REMOVE_FROM_LIST
STRONG = [
    (
        rf"(?<!\w)(?:{REMOVING}|طلع|طلعو|طلعوا|اخرج|ابعد)(?:ني|وني|نا|ونا)? (?:{NUMBER} )?من "
        rf"(?:هذه |هذي |هاي )?{LIST}(?!\w)"
    ),
    rf"(?<!\w){REMOVING} {NUMBER}(?!\w)",
    rf"(?<!\w){ASKING} (?:حذف|ازالة|مسح|شطب) {NUMBER}(?!\w)",
]
WEAK: list[str] = []
EXAMPLES = ("احذفوني من القائمة", "من فضلك احذف رقمي", "يرجى حذف رقمي من قائمتكم")
