"""Unsubscribe, in a sentence: "unsubscribe me please"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.UNSUBSCRIBE
STRONG = [
    r"\b(?:unsubscribe|unsubcribe|unsubscibe|unsuscribe|unsubscrib|unsubsribe|unsub)\b",
]
WEAK: list[str] = []
EXAMPLES = (
    "please treat this as my unsubscribe request.",
    "Us There An Unsubscribe Option? 😒😭❌",
    "I'm choosing to unsubscribe?!",
)
