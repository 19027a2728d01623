"""Wrong number, in Haitian Creole: "move nimewo", "se pa bon nimewo a"."""

from __future__ import annotations

from optout.detect.families.haitian_creole.words import NUMBER
from optout.domain import Family

FAMILY = Family.WRONG_NUMBER
STRONG = [
    rf"\bmove {NUMBER}\b",
    rf"\b(?:se pa|sa pa|pa) bon {NUMBER}\b",
    rf"\b{NUMBER} (?:a|sa a|sa) pa (?:bon|pou)\b",
    rf"\b(?:se pa|sa pa) {NUMBER} \w+",
    rf"\b(?:fe|fe yon) ere (?:nan )?{NUMBER}\b",
    rf"\bere {NUMBER}\b",
    r"\b(?:ou|w) (?:twonpe|tronpe) (?:w |ou )?(?:nimewo|nimero|numero|moun)\b",
]
WEAK = [r"\b(?:m|mwen|mw) pa (?:konn|konnen|konen) (?:moun sa a|moun sa|okenn \w+|pyes \w+)\b"]
EXAMPLES = ("move nimewo", "se pa bon nimewo a", "Nimewo sa a pa pou Jak")
