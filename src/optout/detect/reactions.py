"""Phone reactions turned into text, which quote the sender's own message.

When a phone that cannot send a tapback to another kind of phone reacts to a text, it
sends a reply such as ``Liked "Vote Tuesday! Reply STOP to opt out"`` or
``Reacted 👍 to "..."``. The quoted words are the sender's, not the contact's: a reaction
is decided on what the contact added outside the quote, and a bare reaction is "none".
"""

from __future__ import annotations

import re

_VERBS = (
    r"liked|loved|disliked|laughed at|emphasi[sz]ed|questioned|"
    r"removed (?:a|an) (?:like|heart|dislike|laugh|exclamation(?: mark)?|question mark|"
    r"emphasis|[^\w\s]{1,8}) from|removed [^\w\s]{1,8} from|reacted (?:with )?\S{1,8} to|"
    r"[^\w\s]{1,8} to|"
    r"le gust[oó]|le encant[oó]|me gusta|me encanta|no le gust[oó]|le hizo re[ií]r|"
    r"le hizo gracia|enfatiz[oó]|destac[oó]|cuestion[oó]|reaccion[oó] con \S{1,8} a|"
    r"quit[oó] (?:un|el) (?:me gusta|me encanta|\S{1,8}) de"
)
REACTION = re.compile(
    rf"^\s*(?:{_VERBS})\s+(?P<quote>[\"“„«].*[\"”»]|an? (?:image|photo|video|attachment|"
    rf"movie|audio message)|una? (?:imagen|foto|video|archivo))(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
"""A reaction: the verb, the quoted message, and whatever the contact typed after it."""


def own_words(text: str) -> tuple[int, int] | None:
    """Return where a reaction's own words are (empty if none), or None if it is no reaction."""
    match = REACTION.match(text)
    if match is None:
        return None
    start, end = match.span("rest")
    rest = text[start:end]
    stripped = rest.strip()
    if not stripped:
        return (end, end)
    first = start + rest.index(stripped)
    return (first, first + len(stripped))
