"""What a phone adds to a reply in words: reactions quoting the sender, and effect notes.

When a phone that cannot send a tapback to another kind of phone reacts to a text, it
sends a reply such as ``Liked "Vote Tuesday! Reply STOP to opt out"`` or
``Reacted 👍 to "..."``. The quoted words are the sender's, not the contact's: a reaction
is decided on what the contact added outside the quote, and a bare reaction is "none".
A message sent with an effect arrives with the phone's note after it ("Stop pls (sent
with Slam Effect)"); the note is no word of the contact's either.
"""

from __future__ import annotations

import re

_VERBS = (
    r"liked|loved|disliked|laughed at|emphasi[sz]ed|questioned|"
    r"removed (?:a|an) (?:like|heart|dislike|laugh|exclamation(?: mark)?|question mark|"
    r"emphasis|[^\w\s]{1,8}) from|removed [^\w\s]{1,8} from|reacted (?:with )?\S{1,8} to|"
    r"[^\w\s]{1,8} to|"
    # an emoji tapback shown bare, quoting a whole text (‼️ "..."); no stop sign or hand
    r"(?![🛑✋⛔🚫])[^\w\s\"“„«]{1,8}(?=\s+[\"“„«][^\"”»]{30})|"
    r"le gust[oó]|le gusta|le encant[oó]|le encanta|me gusta|me encanta|no le gust[oó]|no le gusta|"
    r"le da risa|le dio risa|le hizo re[ií]r|le hace gracia|"
    r"le hizo gracia|enfatiz[oó]|destac[oó]|cuestion[oó]|reaccion[oó] con \S{1,8} a|"
    r"quit[oó] (?:un|el) (?:me gusta|me encanta|\S{1,8}) de"
)
REACTION = re.compile(
    rf"^\s*(?:{_VERBS})\s+(?P<quote>[\"“„«].*[\"”»]|an? (?:image|photo|video|attachment|"
    rf"movie|audio message)|una? (?:imagen|foto|video|archivo))(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
"""A reaction: the verb, the quoted message, and whatever the contact typed after it."""


EFFECT_NOTE = re.compile(
    r"\s*[(\[]?\s*(?:sent with (?:[\w ]{1,24}? effect|invisible ink)|"
    r"enviado con (?:el )?(?:efecto [\w ]{1,24}?|tinta invisible))"
    r"\s*[)\]]?\s*$",
    re.IGNORECASE,
)
"""The note a phone adds to a message sent with an effect ("(sent with Slam Effect)")."""
_NOTE_OPENING = re.compile("sent with|enviado con", re.IGNORECASE)
"""How every effect note opens, sought only in a reply holding a piece of it ("ith"):
most replies hold none, and a substring is found faster than a pattern."""


def own_words(text: str) -> tuple[int, int] | None:
    """Return where the contact's own words are (empty if none), or None if the phone added none.

    The phone's words are a reaction's verb and quote, and an effect note at the end.
    """
    match = REACTION.match(text)
    start, end = match.span("rest") if match is not None else (0, len(text))
    if ("ith" in text or "ITH" in text or "nviado" in text or "NVIADO" in text) and (
        _NOTE_OPENING.search(text, start) is not None
    ):
        note = EFFECT_NOTE.search(text, start, end)
        if note is not None:
            end = note.start()
    if match is None and end == len(text):
        return None
    rest = text[start:end]
    stripped = rest.strip()
    if not stripped:
        return (end, end)
    first = start + rest.index(stripped)
    return (first, first + len(stripped))
