"""The phrase book: every family's patterns and guards (:mod:`.families`), searched together."""

from __future__ import annotations

import hashlib
from typing import NamedTuple

from optout.detect.families import phrase_table
from optout.detect.patterns import Evidence, Phrase, PhraseMatch
from optout.detect.phrase_gates import PhraseBook
from optout.detect.sms_spellings import SMS_SPELLINGS
from optout.detect.typos import SpanMap, corrections, mend, typo_vocabulary

PHRASES: tuple[Phrase, ...] = phrase_table()


_BOOK = PhraseBook(PHRASES)


def phrase_book_digest() -> str:
    """Return a hash of every pattern, its family and strength, and of the typo and SMS reading.

    The model reads phrase evidence as features, so a changed pattern, or a typo now read
    as another word, leaves it stale until ``optout train`` runs again; the digest stored
    with the model tells.
    """
    book = "".join(f"{p.family}\t{p.strength.value}\t{p.regex.pattern}\n" for p in PHRASES)
    vocabulary = typo_vocabulary()
    reading = [
        sorted(corrections().items()),
        vocabulary.targets,
        sorted(vocabulary.left_as_typed),
        sorted(SMS_SPELLINGS.items()),
    ]
    return hashlib.sha256((book + repr(reading)).encode()).hexdigest()


class Reading(NamedTuple):
    """A reply as the phrase search reads it, and the evidence found there."""

    text: str
    """The canonical reply with its typos and run-ons read through ("leave me alone")."""
    evidence: Evidence
    """The phrase evidence, its spans in the canonical reply as typed."""


def reading(canonical: str) -> Reading:
    """Return a canonical reply read through its typos, and the phrase evidence in it."""
    mended = mend(canonical)
    if mended is None:
        return Reading(canonical, _BOOK.evidence(canonical))
    text, back = mended
    found = _BOOK.evidence(text)
    moved = Evidence(
        _moved(found.strong, back), _moved(found.weak, back), _moved(found.guards, back)
    )
    return Reading(text, moved)


def evidence_in(canonical: str) -> Evidence:
    """Return the phrase evidence in a canonical reply, reading through common typos."""
    return reading(canonical).evidence


def _moved(matches: tuple[PhraseMatch, ...], back: SpanMap) -> tuple[PhraseMatch, ...]:
    """Return the matches with their spans mapped back to the text as typed."""
    return tuple(PhraseMatch(m.family, m.strength, *back(m.start, m.end)) for m in matches)
