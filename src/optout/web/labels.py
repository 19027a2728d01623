"""Words the pages use for the ledger's values: sources, reasons, event types."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from optout.domain import (
    AUTO_OPT_OUT_MAX_CHARS,
    REVIEW_FROM,
    Action,
    EventSource,
    EventType,
    Exclusion,
    Family,
)
from optout.services.reports import CountRow

SOURCES = {
    EventSource.KEYWORD: "Keyword",
    EventSource.AUTO: "Auto",
    EventSource.MANUAL: "Manual",
    EventSource.IMPORT: "Import",
    EventSource.CONTACT: "Contact's request",
}

FAMILIES = {
    Family.KEYWORD: "replied with an opt-out keyword",
    Family.KEYWORD_FIRST: "opened with an opt-out keyword",
    Family.KEYWORD_LAST: "closed with an opt-out keyword",
    Family.WRONG_NUMBER: "wrong number",
    Family.WRONG_PERSON: "wrong number",
    Family.REMOVE_FROM_LIST: "asked to be removed",
    Family.STOP_TEXTING: "asked to stop texting",
    Family.DO_NOT_CONTACT: "asked not to be contacted",
    Family.UNSUBSCRIBE: "asked to unsubscribe",
    Family.OPT_OUT: "asked to opt out",
    Family.HOW_TO_OPT_OUT: "asked how to opt out",
    Family.CHANNEL_PREFERENCE: "asked for email or calls, not texts",
    Family.CONSENT_WITHDRAWN: "withdrew consent",
    Family.HOSTILE: "told you to stop",
    Family.STOP_SIGN: "sent a stop sign",
    Family.INTENT: "asked not to be texted",
}
"""What each opt-out family means, in the words the pages use."""
_FAMILY_VALUES = frozenset(Family)
ANSWERS = {
    Action.OPT_OUT: "opt-out confirmation",
    Action.OPT_IN: "opt-in confirmation",
    Action.HELP: "HELP answer",
}
"""What each kind of automatic answer is called in a thread."""


def source(value: str | None) -> str:
    """Return the name of a ledger source, e.g. "Keyword"."""
    return SOURCES.get(EventSource(value), value) if value in set(EventSource) else value or ""


def family(value: str | None) -> str:
    """Return what an opt-out's family means in words, e.g. "wrong number"."""
    return FAMILIES[Family(value)] if value in _FAMILY_VALUES else FAMILIES[Family.INTENT]


def family_counts(rows: Iterable[CountRow]) -> list[CountRow]:
    """Return counts per family as counts per wording, the most first (wrong number and
    wrong person read the same)."""
    counts: Counter[str] = Counter()
    for row in rows:
        counts[family(row.name)] += row.count
    return [CountRow(name, count) for name, count in counts.most_common()]


def answer(action: str | None) -> str:
    """Return what an automatic answer was, from the reply's action: "opt-out confirmation"."""
    return ANSWERS.get(Action(action), "answer") if action in set(Action) else "answer"


def event(type_: str, source_value: str) -> str:
    """Return a ledger event as a short sentence, e.g. "Opted out (keyword)"."""
    verb = "Opted out" if type_ == EventType.OPT_OUT else "Opted back in"
    return f"{verb} ({source(source_value).lower()})"


def not_applied(exclusion: str | None, probability: float | None) -> str:
    """Return why a reply that looks like an opt-out was not applied, in words."""
    if exclusion == Exclusion.TOO_LONG:
        return (
            f"Not opted out automatically: the reply is over {AUTO_OPT_OUT_MAX_CHARS} "
            "characters, and long messages are left to a person."
        )
    if exclusion == Exclusion.RECENT_UNSTOP:
        return (
            "Not opted out automatically: this number replied UNSTOP in the last six months, "
            "so it is left to a person."
        )
    chance = f"{probability:.0%}" if probability is not None else f"{REVIEW_FROM:.0%}"
    return (
        f"Not opted out automatically: the detector was unsure. It put the chance of an "
        f"opt-out at {chance}, just under the level at which it acts on its own."
    )


_UNDID_MESSAGE = re.compile(r"^undid the auto opt-out of message (?P<id>[0-9]+)$")
QUOTE_CHARS = 60


def actor(value: str) -> str:
    """Return who made a ledger change, in words: "dana@school.org", "the contact"."""
    kind, _, rest = value.partition(":")
    if value == "contact":
        return "the contact"
    if value == "auto-detector":
        return "the detector"
    if kind == "user" and rest:
        return rest
    if kind == "import" and rest:
        return f"the import of {rest}"
    if kind == "api-key":
        return "the API"
    return value


def note(text: str | None, bodies: Mapping[int, str]) -> str:
    """Return a ledger note in words, quoting the message an undo refers to when known."""
    found = _UNDID_MESSAGE.match(text or "")
    if found is None:
        return text or ""
    body = bodies.get(int(found["id"]))
    if body is None:
        return "undid an auto opt-out"
    quoted = body if len(body) <= QUOTE_CHARS else body[: QUOTE_CHARS - 1] + "…"
    return f"undid the auto opt-out of ‘{quoted}’"


def history(type_: str, source_value: str, actor_value: str) -> str:
    """Return the start of a history line, e.g. "Opted back in by dana@school.org"."""
    who = actor(actor_value)
    if type_ == EventType.OPT_IN:
        return f"Opted back in by {who}"
    if source_value == EventSource.KEYWORD:
        return "Opted out by the contact, by keyword"
    if source_value == EventSource.AUTO:
        return "Opted out automatically by the detector"
    return f"Opted out by {who} ({source(source_value).lower()})"


def apart(first: datetime | None, second: datetime | None) -> bool:
    """Return whether two times differ by more than a minute (then both are shown)."""
    if first is None or second is None:
        return False
    return abs(first - second) > timedelta(minutes=1)
