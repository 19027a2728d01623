"""Opt out, said in a sentence: "opt me out", "I opt out"."""

from __future__ import annotations

from optout.detect.families.english.words import (
    LEAVE_INFLECTIONS,
    LEAVE_VERBS,
    NUMBER,
    ONE_WORD_REQUESTS,
    PLEASE,
    POLITE_END,
)
from optout.domain import Family

FAMILY = Family.OPT_OUT
STRONG = [
    r"\bopt (?:me|us|my number|this number|me and my \w+) (?:out|outta)(?!\w)",
    r"\bopt(?:ing|ed)?[- ]?out\b",
    # a whole reply of EXIT, OUT or a word apps use for leaving, as people answer a list
    rf"^(?:{PLEASE} )?(?:just )?(?:{'|'.join(ONE_WORD_REQUESTS)}|"
    rf"(?:{'|'.join(LEAVE_VERBS)})(?:{'|'.join(LEAVE_INFLECTIONS)})?)"
    rf"(?: me| us| my (?:{NUMBER}|info)| this(?: number)?)?(?: from (?:this|these|this list|it))?"
    rf"{POLITE_END}",
]
WEAK: list[str] = []
EXAMPLES = (
    "opt me out of the newsletter texts",
    "I'd like tp opt out.",
    "im leaving the list, opt me out!",
    "EXIT",
    "out pls",
    "unregister me pls",
    "Withdrawing",
)
