"""Help requests in other words: "help pls", "what is this? info", "need help with these texts".

HELP and INFO alone are keywords (:mod:`.keywords`). A reply that asks for help or
information *about the messages* in a few more words gets the same help reply, as long as
nothing in it opts out. Asking for help with anything else ("can you help me move on
Saturday?") is ordinary conversation and stays "none".
"""

from __future__ import annotations

import re

from optout.domain import Action, Decision

CONFIDENCE = 0.9
"""The confidence reported for a help request found in other words."""

HELP_WORDS = ("help", "info", "information", "ayuda", "informacion")
"""The words that ask for help; a reply without any of them asks for none."""
_HELP = "(?:" + "|".join(HELP_WORDS) + ")"
_TEXTS = (
    r"(?:these|this|the|your|ur|those) (?:\w+ )?(?:texts?|txts?|messages?|msgs?|alerts?|"
    r"text line|service|program|number|reminders?|notifications?)"
)
_POLITE = r"(?:please|pls|plz|me|now|thanks|thank you|thx|ty|por favor|asap)"
_AFTERWORD = (
    r"(?:\W+-\W*\w+|[.!?]+\s+(?:thanks|thank you|thx|ty|appreciated|appreciate it|cheers|"
    r"cheers mate|gracias|god bless|blessings|regards)(?: so much)?)?"
)
"""A signature ("- Gloria") or a closing word ("Appreciated!") after the request."""
_REQUEST = re.compile(
    r"(?:^|(?<=[.!?] ))(?:(?:hi|hello|hey|um|ok|okay|sup)(?: there)?\W+)?(?:i\W+)?"
    r"(?:need|want|send|get|can i get|could i get|can i have|please|pls|plz|necesito|quiero)?"
    r"\W*(?:me\W+)?"
    rf"(?:(?:some|more|any)\W+)?{_HELP}(?:\W+{_POLITE})*{_AFTERWORD}\W*$"
    rf"|\b{_HELP}\W+(?:me\W+)?(?:with|about|on|for|regarding|re|understanding)\W+{_TEXTS}\b"
    rf"|\b{_TEXTS}\b(?:\W+\w+){{0,5}}?\W+{_HELP}\b"
    rf"|\bwhat (?:is|are) (?:this|these|those)\b(?:\W+\w+){{0,4}}?\W+{_HELP}\b"
    rf"|\b{_HELP}\W+(?:what (?:is|are) (?:this|these|those)|who (?:are you|r u|is this))\b"
)


_HELP_STEMS = tuple(w for w in HELP_WORDS if not any(o != w and o in w for o in HELP_WORDS))
"""The help words no other help word is part of ("info", not "information"): a reply holds
some help word exactly when it holds one of these."""


def mentions_help(lowered: str) -> bool:
    """Return whether a lower-cased reply holds a help word at all, even inside another word."""
    return any(map(lowered.__contains__, _HELP_STEMS))


def help_request(lowered: str) -> tuple[int, int] | None:
    """Return the span of a help request in a lower-cased reply, if it holds one."""
    if not mentions_help(lowered):
        return None
    match = _REQUEST.search(lowered)
    return match.span() if match else None


def help_decision(text: str, span: tuple[int, int]) -> Decision:
    """Return the help decision for a reply whose request is at ``span`` of ``text``."""
    start, end = span
    reason = f'help request: "{text[start:end]}"'
    return Decision(Action.HELP, None, None, CONFIDENCE, reason, span)
