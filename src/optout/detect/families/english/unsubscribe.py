"""Unsubscribe, in a sentence: "unsubscribe me please"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.UNSUBSCRIBE
STRONG = [
    r"\b(?:unsubscribe|unsubcribe|unsubscibe|unsuscribe|unsubscrib|unsubsribe|unsub)\b",
    r"\b(?:on|un) subscribe(?: (?:me|us|from|this|my)\b|\W*$)",  # dictated ("on subscribe me please")
]
WEAK: list[str] = []
EXAMPLES = (
    "please treat this as my unsubscribe request.",
    "Us There An Unsubscribe Option? 😒😭❌",
    "I'm choosing to unsubscribe?!",
)
