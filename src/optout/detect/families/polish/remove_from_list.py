"""Remove from the list, in Polish: "usuń mój numer", "usuńcie mnie z listy"."""

from __future__ import annotations

from optout.detect.families.polish.words import LIST, NUMBER, REMOVING
from optout.domain import Family

FAMILY = Family.REMOVE_FROM_LIST
STRONG = [
    rf"\b{REMOVING} (?:moj|nasz) {NUMBER}\b",
    rf"\b{REMOVING} (?:mnie|nas|moj {NUMBER}|moje dane|nasz {NUMBER}) (?:z|ze) (?:\w+ )?{LIST}\b",
    (
        r"\bprosze o usuniecie (?:mojego |mnie |mego |moich |naszego )?(?:numeru|nr|danych|"
        r"kontaktu|z listy|z bazy|mnie)\b"
    ),
]
WEAK: list[str] = []
EXAMPLES = ("usuń mój numer", "usuńcie mnie z listy", "proszę o usunięcie mojego numeru")
