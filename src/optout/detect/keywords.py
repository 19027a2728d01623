"""The standard SMS keywords, matched on the whole reply after normalisation.

A keyword counts only when it is the entire message once case, surrounding whitespace,
punctuation, quotes, full-width forms and emoji are folded away, so "Stop.", "STOP!!",
"stop 🛑", "ＳＴＯＰ" and "'stop'" are all the STOP keyword. The same keyword repeated
("stop stop") is still that keyword. Anything more ("stop please", "stop texting me") is
not a keyword: it is left to the auto opt-out stage, which may still opt the sender out.
"""

from __future__ import annotations

from dataclasses import dataclass

from optout.detect.normalize import NormalizedText
from optout.domain import Action, Decision, Family, Trigger

KEYWORDS: dict[str, Action] = {
    **dict.fromkeys(
        [
            "stop",
            "end",
            "cancel",
            "unsubscribe",
            "quit",
            "stopall",
            "stop all",
            "revoke",
            "optout",
            "opt out",
            "opt-out",
        ],
        Action.OPT_OUT,
    ),
    **dict.fromkeys(["start", "unstop"], Action.OPT_IN),
    **dict.fromkeys(["help", "info"], Action.HELP),
}
"""Each standard keyword in canonical form, with the action it asks for."""
STOP_SIGNS = frozenset("🛑⛔")
"""Emoji that alone, as the whole reply, ask to stop (an auto opt-out, not a keyword)."""


@dataclass(frozen=True, slots=True)
class KeywordMatch:
    """A reply that is exactly one standard keyword."""

    keyword: str
    action: Action

    def decision(self, span: tuple[int, int]) -> Decision:
        """Return the decision this keyword stands for, highlighting ``span``."""
        reason = f"keyword {self.keyword.upper()}"
        family = Family.KEYWORD if self.action is Action.OPT_OUT else None
        return Decision(self.action, Trigger.KEYWORD, None, 1.0, reason, span, family)


def match_keyword(canonical: str) -> KeywordMatch | None:
    """Return the keyword that ``canonical`` (a normalised reply) consists of, if any."""
    canonical = " ".join(canonical.split())  # "opt  out": the ASCII fast path keeps runs
    action = KEYWORDS.get(canonical)
    if action is None and canonical.partition(" ")[0].rstrip(",") in KEYWORDS:
        canonical = _repeated_keyword(canonical)
        action = KEYWORDS.get(canonical)
    return KeywordMatch(canonical, action) if action is not None else None


def keyword_decision(normal: NormalizedText) -> Decision | None:
    """Return the keyword decision for a normalised reply, if it is a keyword."""
    match = match_keyword(normal.text)
    return match.decision(normal.span) if match else None


def _repeated_keyword(canonical: str) -> str:
    """Return the single word that ``canonical`` repeats ("stop stop stop"), else ""."""
    words = set(canonical.replace(",", " ").split())
    return words.pop() if len(words) == 1 else ""
