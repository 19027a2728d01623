"""Explainable phrase patterns: opt-out evidence and the guards that veto it.

Each pattern belongs to a *family* that names, in words a person understands, why it
fired ("wrong number", "stop texting"). Opt-out patterns are *strong* (enough on their own
unless a guard overlaps them) or *weak* (evidence the learned model must confirm). Guards
recognise the hard negatives: the same words in another sense ("cancel my appointment",
"the bus stop", "oops, wrong number, meant to text my sister").

Patterns match the canonical form from :mod:`optout.detect.normalize`: lower case, no
accents, straight quotes, single spaces.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum


class Strength(Enum):
    """How much an opt-out pattern proves on its own."""

    STRONG = "strong"
    WEAK = "weak"
    GUARD = "guard"


@dataclass(frozen=True, slots=True)
class Phrase:
    """One compiled pattern of a family."""

    family: str
    strength: Strength
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """Where a pattern matched in the canonical text."""

    family: str
    strength: Strength
    start: int
    end: int

    def overlaps(self, other: PhraseMatch) -> bool:
        """Return whether the two matches share at least one character."""
        return self.start < other.end and other.start < self.end


def phrases(family: str, strength: Strength, patterns: Iterable[str]) -> list[Phrase]:
    """Compile the patterns of one family."""
    return [Phrase(family, strength, re.compile(p)) for p in patterns]


KEEPS_THE_TEXTS = "says it keeps the texts"
"""The sense of a guard that vetoes every strong phrase of the reply, wherever it stands: a
contact who says the texts should go on ("please keep me on the list", "I'm not opting out")
asks for nothing to stop."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """The phrase evidence found in one reply."""

    strong: tuple[PhraseMatch, ...]
    weak: tuple[PhraseMatch, ...]
    guards: tuple[PhraseMatch, ...]

    @property
    def unguarded_strong(self) -> PhraseMatch | None:
        """Return the first strong match that no guard overlaps."""
        return self.unguarded_strong_of(None)

    def unguarded_strong_of(self, families: Collection[str] | None) -> PhraseMatch | None:
        """Return the first strong match of ``families`` (None: any) that no guard overlaps.

        A reply that says it keeps the texts (:data:`KEEPS_THE_TEXTS`) has none: its
        request is for someone else or something else ("keep me on the list, just take his
        name off").
        """
        if any(guard.family == KEEPS_THE_TEXTS for guard in self.guards):
            return None
        for match in self.strong:
            if families is not None and match.family not in families:
                continue
            if not any(match.overlaps(guard) for guard in self.guards):
                return match
        return None


NO_EVIDENCE = Evidence((), (), ())
"""The evidence of a reply in which no pattern matched (most replies)."""


def evidence_from(found: Sequence[PhraseMatch]) -> Evidence:
    """Return the matches sorted into strong, weak and guard evidence."""
    if not found:
        return NO_EVIDENCE
    return Evidence(
        tuple(m for m in found if m.strength is Strength.STRONG),
        tuple(m for m in found if m.strength is Strength.WEAK),
        tuple(m for m in found if m.strength is Strength.GUARD),
    )
