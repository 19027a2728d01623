"""Words the pages use for the ledger's values: sources, reasons, event types."""

from __future__ import annotations

import re

from optout.domain import EventSource, EventType

SOURCES = {
    EventSource.KEYWORD: "Keyword",
    EventSource.AUTO: "Auto",
    EventSource.MANUAL: "Manual",
    EventSource.IMPORT: "Import",
    EventSource.CONTACT: "Contact's request",
}

# The detector names the phrase it matched; people want to read what the contact meant.
_MEANINGS = [
    (re.compile(r"wrong (number|person)|not (me|my number)|who is this", re.I), "wrong number"),
    (
        re.compile(r"remove|take me off|unsubscribe|opt (me )?out|delete", re.I),
        "asked to be removed",
    ),
    (
        re.compile(r"stop|do ?n[o']?t (text|contact|message)|no more|leave me", re.I),
        "asked to stop",
    ),
]


def source(value: str | None) -> str:
    """Return the name of a ledger source, e.g. "Keyword"."""
    return SOURCES.get(EventSource(value), value) if value in set(EventSource) else value or ""


def reason(text: str | None, phrase: str = "") -> str:
    """Return an auto opt-out's reason in words, e.g. "wrong number"."""
    for pattern, meaning in _MEANINGS:
        if pattern.search(phrase) or pattern.search(text or ""):
            return meaning
    return (text or "").strip('"') or "asked not to be texted"


def event(type_: str, source_value: str) -> str:
    """Return a ledger event as a short sentence, e.g. "Opted out (keyword)"."""
    verb = "Opted out" if type_ == EventType.OPT_OUT else "Opted back in"
    return f"{verb} ({source(source_value).lower()})"
