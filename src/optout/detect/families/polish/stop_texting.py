"""Stop texting, in Polish: "nie piszcie do mnie", "proszę nie wysyłać mi SMS", "wypisz mnie"."""

from __future__ import annotations

from optout.detect.families.polish.words import (
    ANY_MORE,
    MESSAGES,
    SEND_TO_ONE,
    SEND_TO_SEVERAL,
    SENDING,
    TO_ME,
)
from optout.domain import Family

FAMILY = Family.STOP_TEXTING
STRONG = [
    rf"\bnie {SEND_TO_SEVERAL}(?: {ANY_MORE})? (?:{TO_ME}|{ANY_MORE}|{MESSAGES})\b",
    rf"\bnie {SEND_TO_ONE} (?:{ANY_MORE} {TO_ME}|{TO_ME} {ANY_MORE})\b",
    (
        rf"\bnie (?:wysy[łl]aj|przysy[łl]aj|smsuj|spamuj)(?: {TO_ME})?(?: (?:juz|wiecej|zadnych|"
        rf"tych))* {MESSAGES}"
    ),
    rf"\b{ANY_MORE} (?:{TO_ME} nie (?:{SEND_TO_SEVERAL}|{SEND_TO_ONE})|nie {SEND_TO_SEVERAL})\b",
    (
        rf"\bprosze (?:o )?(?:{TO_ME} nie {SENDING}|nie {SENDING} (?:{TO_ME}|{ANY_MORE}|"
        rf"{MESSAGES})|nie {SENDING}$)"
    ),
    (
        rf"\b(?:przestancie|przestan|prosze przestac|mozecie przestac) (?:juz )?{TO_ME} "
        rf"(?:juz )?{SENDING}\b"
    ),
    rf"\bprzestancie (?:juz )?{SENDING}(?: (?:{TO_ME}|{MESSAGES})\b|$)",
    rf"\bzaprzestan\w* (?:wysy[łl]ania|przesy[łl]ania|pisania|kontaktu|{MESSAGES})",
    (
        r"\bnie (?:chce|chcemy|chcia[łl]bym|chcia[łl]abym|zycze sobie|potrzebuje)(?: (?:juz|"
        rf"wiecej|dostawac|otrzymywac|zadnych|tych|waszych|pana|pani))* {MESSAGES}"
    ),
    r"\bwypisz(?:cie)? (?:mnie|nas)\b|\bwypisac sie\b",
    (
        r"\b(?:rezygnuje|rezygnujemy|rezygnacja) z (?:\w+ )?(?:subskrypcji|newslettera|"
        rf"powiadomien|{MESSAGES}|otrzymywania|us[łl]ug)"
    ),
    r"\b(?:wyrejestruj|wyrejestrujcie|anuluj subskrypcje|anulujcie subskrypcje|odsubskrybuj)",
]
WEAK: list[str] = []
EXAMPLES = (
    "nie piszcie do mnie więcej",
    "Proszę nie wysyłać mi SMS",
    "nie chcę dostawać tych wiadomości",
    "wypiszcie mnie",
)
