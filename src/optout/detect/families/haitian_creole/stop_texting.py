"""Stop texting, in Haitian Creole: "sispann voye mesaj ban mwen", "pa ekri m ankò"."""

from __future__ import annotations

from optout.detect.families.haitian_creole.words import (
    ME,
    MESSAGES,
    NOT_SAID_OF,
    SEND,
    TO_ME,
)
from optout.domain import Family

FAMILY = Family.STOP_TEXTING
STRONG = [
    rf"\bsispann? (?:voye|vwoye) (?:{MESSAGES}|{TO_ME}|{ME}|bagay|anyen)\b",
    rf"\bsispann? (?:ekri|rele|kontakte|deranje|anmede) (?:{ME}|{TO_ME})\b",
    r"\bsispann? (?:tekste|texte|texts|spam)\b",
    rf"\bsispann? (?:ak |avek )?(?:{MESSAGES})\b",
    rf"{NOT_SAID_OF}\bpa {SEND}(?: \w+){{0,3}} anko\b",
    r"\bpa bezwen (?:voye|vwoye|ekri|tekste|rele)(?: \w+){0,3} anko\b",
    (
        rf"\b{ME} pa (?:vle|bezwen|enterese) (?:resevwa |we |nan )?(?:okenn |ankenn |pyes |pies |"
        rf"lot )?{MESSAGES}\b"
    ),
    r"\b(?:dezabone|dezabonnen|dezabonnman|dezabonman|anile abonman|kanpe abonman)\b",
]
WEAK = [rf"\b{ME} pa vle resevwa anyen\b"]
EXAMPLES = (
    "sispann voye mesaj ban mwen",
    "Tanpri pa ekri m ankò",
    "m pa vle resevwa mesaj sa yo",
)
