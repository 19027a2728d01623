"""Wrong number, in German: "falsche Nummer", "Sie haben sich verwählt", "kenne ich nicht"."""

from __future__ import annotations

from optout.detect.families.german.words import IS
from optout.domain import Family

FAMILY = Family.WRONG_NUMBER
STRONG = [
    r"\b(?:falsche|verkehrte) (?:nummer|number|handynummer|person)\b",
    r"\b(?:sie haben|du hast|ihr habt) (?:sich|dich|euch) verwahlt\b|\bfalsch verbunden\b",
    rf"\bdiese (?:nummer|number) gehort nicht\b|\bdas {IS} nicht (?:die (?:nummer|number)|das handy) von\b",
]
WEAK = [
    rf"\b(?:kenne ich nicht|wer {IS} das|ich kenne (?:keine|keinen|niemanden)\b)",
    rf"\b(?:ich bin|hier {IS}) nicht (?!(?:sicher|da|zu hause|interessiert|mehr)\b)[a-z]+\W*$",
]
EXAMPLES = ("falsche Nummer", "Sie haben sich verwählt", "das ist nicht die Nummer von Jana")
