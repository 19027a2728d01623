"""Wrong number, in Portuguese: "número errado", "foi engano"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.WRONG_NUMBER
STRONG = [
    r"\b(?:numero|pessoa) errad[oa]\b",
    r"\b(?:foi|e) engano\b",
    r"\b(?:nao conheco|nao sei quem e) (?:essa|esse|a|o) (?:pessoa|senhora?|\w+)\b",
]
WEAK: list[str] = []
EXAMPLES = ("numero errado", "foi engano, não conheço essa pessoa")
