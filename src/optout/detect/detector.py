"""The detector cascade: normalise, match a standard keyword, then look for opt-out intent."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime

from optout.domain import (
    AUTO_OPT_OUT_MAX_CHARS,
    NO_DECISION,
    Action,
    Decision,
    Exclusion,
    Trigger,
    within_unstop_window,
)

KEYWORDS: dict[str, Action] = {
    **dict.fromkeys(
        ["stop", "end", "cancel", "unsubscribe", "quit", "stopall", "stop all", "revoke",
         "optout", "opt out", "opt-out"],
        Action.OPT_OUT,
    ),
    **dict.fromkeys(["start", "unstop"], Action.OPT_IN),
    **dict.fromkeys(["help", "info"], Action.HELP),
}

_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_INTENT = re.compile(
    r"\b(remove me|take me off|wrong number|do ?n[o']?t (text|contact|message)|"
    r"stop (texting|messaging|sending)|opt me out|unsubscribe me)\b"
)
_NUMBERS_ONLY = re.compile(r"^[\d\s\W]+$")


def _normalise(text: str) -> str:
    return _EDGES.sub("", unicodedata.normalize("NFKC", text).casefold()).strip()


class Detector:
    """Decide whether an inbound reply opts its sender out, opts them in, or asks for help."""

    def decide(
        self, text: str, *, last_unstop_at: datetime | None = None, now: datetime | None = None
    ) -> Decision:
        """Return the decision for one reply received at ``now``."""
        normal = _normalise(text)
        action = KEYWORDS.get(" ".join(normal.split()))
        if action is not None:
            trigger = Trigger.KEYWORD if action is Action.OPT_OUT else None
            return Decision(action, trigger, reason=f'keyword "{text.strip()}"', span=(0, len(text)))
        match = _INTENT.search(text.casefold())
        if match is None:
            return NO_DECISION
        exclusion = self._exclusion(text, last_unstop_at, now or datetime.now(UTC))
        action = Action.NONE if exclusion else Action.OPT_OUT
        return Decision(action, Trigger.AUTO, exclusion, 0.9, f'"{match.group(0)}"', match.span())

    def decide_many(self, texts: Iterable[str]) -> list[Decision]:
        """Return the decision for each reply, in order."""
        return [self.decide(text) for text in texts]

    @staticmethod
    def _exclusion(text: str, last_unstop_at: datetime | None, now: datetime) -> Exclusion | None:
        if _NUMBERS_ONLY.match(text):
            return Exclusion.NUMBERS_ONLY
        if within_unstop_window(last_unstop_at, now):
            return Exclusion.RECENT_UNSTOP
        if len(text) > AUTO_OPT_OUT_MAX_CHARS:
            return Exclusion.TOO_LONG
        return None
