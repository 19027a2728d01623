"""Remove from the list, in German: "bitte abmelden", "löschen Sie meine Nummer", "austragen"."""

from __future__ import annotations

from optout.detect.families.german.words import NUMBER
from optout.domain import Family

FAMILY = Family.REMOVE_FROM_LIST
STRONG = [
    r"^(?:bitte )?(?:abmelden|austragen|abbestellen)(?: bitte)?\W*$",
    r"\b(?:melden|tragen) sie (?:mich|uns) (?:bitte )?(?:ab|aus)\b",
    r"\b(?:mich|uns) (?:bitte )?(?:abmelden|austragen|entfernen|loschen|loeschen)\b",
    rf"\b(?:loschen|loeschen|entfernen|streichen) sie (?:bitte )?(?:meine|unsere|diese) {NUMBER}\b",
    rf"\b(?:meine|diese) {NUMBER} (?:bitte )?(?:loschen|loeschen|entfernen|streichen)\b",
    r"\b(?:vom|aus dem) (?:verteiler|newsletter)\b.{0,20}\b(?:nehmen|entfernen|streichen|loschen|loeschen)\b",
]
WEAK: list[str] = []
EXAMPLES = ("bitte abmelden", "Löschen Sie meine Nummer", "tragen Sie mich aus")
