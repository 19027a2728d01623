"""Remove from the list, in Haitian Creole: "retire nimewo m", "retire m nan lis la"."""

from __future__ import annotations

from optout.detect.families.haitian_creole.words import LIST, ME, NAME_OR_NUMBER
from optout.domain import Family

FAMILY = Family.REMOVE_FROM_LIST
STRONG = [
    rf"\b(?:retire|retirel|wete|efase|siprime|retirer) {NAME_OR_NUMBER} {ME}\b",
    rf"\b(?:retire|wete|efase|siprime) {ME} (?:nan|sou|anndan) {LIST}\b",
]
WEAK: list[str] = []
EXAMPLES = ("tanpri retire nimewo m", "retire m nan lis la")
