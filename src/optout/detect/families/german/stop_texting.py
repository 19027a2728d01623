"""Stop texting, in German: "keine SMS mehr bitte", "hören Sie auf mir zu schreiben"."""

from __future__ import annotations

from optout.detect.families.german.words import (
    MESSAGES,
    SEND_TO_ONE,
    SEND_TO_SEVERAL,
    SENDING,
    STOP_DOING,
    TO_ME,
)
from optout.domain import Family

FAMILY = Family.STOP_TEXTING
STRONG = [
    rf"\bkeine (?:weiteren )?{MESSAGES} mehr\b",
    rf"\b(?:bitte )?(?:keine|nicht mehr) (?:{MESSAGES} )?(?:an (?:diese|meine) nummer )?{SENDING}\b",
    rf"\b(?:bitte )?nicht mehr {SENDING}\b|\b{SENDING} sie mir (?:bitte )?nicht mehr\b",
    rf"\b(?:{SEND_TO_ONE}|{SEND_TO_SEVERAL}|{SEND_TO_ONE}en sie) (?:{TO_ME} )?(?:bitte )?(?:keine|nichts|nicht) (?:\w+ )?mehr\b",
    rf"\b(?:horen|hoeren|hort|hoert|hor|hoer) (?:sie |ihr )?(?:bitte )?(?:endlich )?auf,? (?:{TO_ME} )?(?:zu )?(?:{SENDING}|{MESSAGES})",
    rf"^(?:bitte )?(?:{STOP_DOING}|(?:horen|hoeren) sie auf|(?:hort|hoert) auf)(?: bitte| jetzt| sofort)*\W*$",
    rf"\bich (?:mochte|moechte|will|wunsche|wuensche) keine (?:weiteren )?{MESSAGES}\b",
]
WEAK: list[str] = []
EXAMPLES = (
    "Bitte keine SMS mehr an diese Nummer",
    "aufhören bitte",
    "hören Sie auf mir zu schreiben",
    "ich möchte keine Nachrichten mehr",
)
