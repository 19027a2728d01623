"""Opt out, said in a sentence: "opt me out", "I opt out"."""

from __future__ import annotations

from optout.detect.families.english.words import ONE_WORD_REQUESTS, PLEASE, POLITE_END
from optout.domain import Family

FAMILY = Family.OPT_OUT
STRONG = [
    r"\bopt (?:me|us|my number|this number|me and my \w+) (?:out|outta)(?!\w)",
    r"\bopt(?:ing|ed)?[- ]?out\b",
    # a whole reply of EXIT or OUT, as people answer a list they want to leave
    rf"^(?:{PLEASE} )?(?:{'|'.join(ONE_WORD_REQUESTS)}){POLITE_END}",
]
WEAK: list[str] = []
EXAMPLES = (
    "opt me out of the newsletter texts",
    "I'd like tp opt out.",
    "im leaving the list, opt me out!",
    "EXIT",
    "out pls",
)
