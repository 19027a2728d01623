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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any


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


@dataclass(frozen=True, slots=True)
class Evidence:
    """The phrase evidence found in one reply."""

    strong: tuple[PhraseMatch, ...]
    weak: tuple[PhraseMatch, ...]
    guards: tuple[PhraseMatch, ...]

    @property
    def unguarded_strong(self) -> PhraseMatch | None:
        """Return the first strong match that no guard overlaps."""
        for match in self.strong:
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


_MAX_OPENINGS = 64
_Pieces = set[tuple[str, bool]]
"""Texts a part of a pattern can start with, each marked True if it is all the part matched."""


def opening_texts(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Return texts one of which every match of ``pattern`` starts with, or None if unknown.

    Read off the parsed pattern: literals, small sets and alternations of them, optional
    parts, zero-width assertions; the texts stop where anything else begins.
    """
    if pattern.flags & re.IGNORECASE:
        return None
    texts = frozenset(text for text, _ in _openings(list(sre_parse.parse(pattern.pattern).data)))
    return None if "" in texts else texts


def _openings(items: list[Any]) -> _Pieces:
    """Return what a sequence of parsed items can start with."""
    found: _Pieces = {("", True)}
    for op, value in items:
        going_on = [text for text, whole in found if whole]
        if not going_on:
            break
        pieces = _item_openings(op, value)
        if len(found) + len(going_on) * len(pieces) > _MAX_OPENINGS:
            return {(text, False) for text, _ in found}  # enough: these still open every match
        found = {(text, False) for text, whole in found if not whole}
        found.update((text + piece, done) for text in going_on for piece, done in pieces)
    return found


def _item_openings(op: Any, value: Any) -> _Pieces:
    """Return what one parsed item can start with."""
    if op is sre.LITERAL:
        return {(chr(value), True)}
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in value):
        return {(chr(code), True) for _, code in value}
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {("", True)}  # zero width
    if op is sre.SUBPATTERN and not value[1] and not value[2]:  # no inline flags
        return _openings(list(value[3]))
    if op is sre.BRANCH:
        found = set().union(*(_openings(list(branch)) for branch in value[1]))
        return found if len(found) <= _MAX_OPENINGS else {("", False)}
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[0] >= 1:
        return {(text, False) for text, _ in _openings(list(value[2]))}
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[1] == 1:
        return _openings(list(value[2])) | {("", True)}
    return {("", False)}
