"""Do not contact, in Spanish: "no me escriban", "no me envíen mensajes"."""

from __future__ import annotations

from optout.detect.families.spanish.words import SEND
from optout.domain import Family

FAMILY = Family.DO_NOT_CONTACT
STRONG = [
    rf"\bno (?:me |nos )?(?:vuelva[ns]? a |sigan? )?{SEND}(?:me|nos)?\b",
    rf"\b(?:deje|dejen|deja|dejar|pare|paren|para|parar|basta) de {SEND}(?:me|nos)?\b",
]
WEAK: list[str] = []
EXAMPLES = (
    "Ok so ¿Que palabra mando para que dejen de escribir?",
    "les ruego que no me escriban más 😭",
    "Ya no assisto a esa iglesia, no me manden mensajes.",
)
