"""The phrase book: every family's patterns and guards (:mod:`.families`), searched together."""

from __future__ import annotations

import hashlib

from optout.detect.families import phrase_table
from optout.detect.patterns import Evidence, Phrase, PhraseMatch
from optout.detect.phrase_gates import PhraseBook
from optout.detect.typos import SpanMap, mend

PHRASES: tuple[Phrase, ...] = phrase_table()


_BOOK = PhraseBook(PHRASES)


def phrase_book_digest() -> str:
    """Return a hash of every pattern, its family and strength: what the model was trained on.

    The model reads phrase evidence as features, so a changed pattern leaves it stale until
    ``optout train`` runs again; the digest stored with the model tells.
    """
    book = "".join(f"{p.family}\t{p.strength.value}\t{p.regex.pattern}\n" for p in PHRASES)
    return hashlib.sha256(book.encode()).hexdigest()


def evidence_in(canonical: str) -> Evidence:
    """Return the phrase evidence in a canonical reply, reading through common typos."""
    mended = mend(canonical)
    if mended is None:
        return _BOOK.evidence(canonical)
    text, back = mended
    found = _BOOK.evidence(text)
    return Evidence(
        _moved(found.strong, back), _moved(found.weak, back), _moved(found.guards, back)
    )


def _moved(matches: tuple[PhraseMatch, ...], back: SpanMap) -> tuple[PhraseMatch, ...]:
    """Return the matches with their spans mapped back to the text as typed."""
    return tuple(PhraseMatch(m.family, m.strength, *back(m.start, m.end)) for m in matches)
