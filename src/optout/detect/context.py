"""What the message a reply answers tells the detector: its declared keyword, its greeting.

A mass text often names its own opt-out keyword ("Reply LEAVE4GOOD to stop", "Text END to
opt out", "Responde BAJA para no recibir más"); a reply that is that keyword, however
typed, is a keyword opt-out. A text that greets someone by name ("Hi Tamara, ...") makes
"Who is Tamara?" or "no Tamara here" a reply from the wrong person.
"""

from __future__ import annotations

import re
from functools import lru_cache

from optout.detect.keywords import KEYWORDS
from optout.domain import ReplyContext

_DECLARED = re.compile(
    r"\b(?:reply|respond|text|txt|send|sms|type|responde|responda|contesta|env[ií]a|envie|"
    r"manda|escribe)\s+(?:with\s+|con\s+)?[\"'“‘«]?(?P<keyword>[A-Za-z0-9][A-Za-z0-9 _-]{0,20}?)"
    r"[\"'”’»]?\s*,?\s+(?:to|para|and|y|if|si)\s+(?:\w+\s+){0,3}?"
    r"(?:stop|opt[ -]?out|unsub(?:scribe)?|end|cancel|quit|be removed|remove|leave|no longer|"
    r"no recibir|dejar de|darte de baja|darse de baja|cancelar|salir|baja)",
    re.IGNORECASE,
)
"""Where a text tells its readers which word opts them out."""
_GREETING = re.compile(
    r"^\W*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|hola|buenos d[ií]as|"
    r"buenas tardes|buenas noches|querid[oa]|estimad[oa])\s*,?\s+(?P<name>[A-Z][A-Za-z'-]+)",
    re.IGNORECASE,
)
_GREETING_WORDS = frozenset(
    "there all everyone friend friends folks team neighbor neighbour".split()
)


def declared_keywords(context: ReplyContext | None) -> tuple[str, ...]:
    """Return the opt-out keywords the account declared and the answered text named."""
    if context is None:
        return ()
    return context.keywords + _declared_in(context.prompt or "")


@lru_cache(maxsize=1024)
def _declared_in(prompt: str) -> tuple[str, ...]:
    """Return the opt-out keywords a text names ("Reply LEAVE4GOOD to stop")."""
    found = []
    for match in _DECLARED.finditer(prompt):
        keyword = match.group("keyword").strip()
        if keyword.lower() not in KEYWORDS:  # a standard keyword is read as one already
            found.append(keyword)
    return tuple(found)


def greeted_name(context: ReplyContext | None) -> str | None:
    """Return the first name the answered text greets ("Hi Tamara, ..." gives "tamara")."""
    if context is None or not context.prompt:
        return None
    match = _GREETING.match(context.prompt)
    if match is None or not match.group("name")[0].isupper():
        return None
    name = match.group("name").lower()
    return None if name in _GREETING_WORDS or len(name) < 2 else name


@lru_cache(maxsize=1024)
def _asked_about(name: str) -> re.Pattern[str]:
    """Return the shapes of a canonical reply saying ``name`` is not who answered."""
    n = re.escape(name)
    return re.compile(
        rf"\bwho(?:'?s| is| tf is| the (?:hell|heck|fuck) is| dat| that)? {n}\b"
        rf"|\b(?:not|no|isn'?t|isnt|aint|ain'?t|never heard of|don'?t know|dont know|"
        rf"no one named|nobody named|no one by|nobody by|there'?s no|theres no|wrong) "
        rf"(?:\w+ ){{0,2}}{n}\b"
        rf"|\b{n}\b.{{0,30}}\b(?:not here|doesn'?t|does not|don'?t|no longer|isn'?t|wrong|"
        rf"moved|passed|died|not me|not this|new number|no vive|no es|ya no)"
        rf"|^{n}$"
    )


def wrong_person_span(canonical: str, name: str) -> tuple[int, int] | None:
    """Return where a canonical reply says the greeted ``name`` is someone else, if it does."""
    match = _asked_about(name).search(canonical)
    return match.span() if match else None
