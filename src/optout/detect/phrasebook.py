"""Every phrase table in the order evidence is reported: guards, then opt-out families."""

from __future__ import annotations

import hashlib

from optout.detect.guard_phrases import GUARDS
from optout.detect.intent_phrases import CONSENT, HOSTILE, HOW_TO, OPT_ME_OUT
from optout.detect.opt_out_phrases import DO_NOT_CONTACT, REMOVE, STOP_TEXTING
from optout.detect.paraphrase_phrases import ROUNDABOUT
from optout.detect.patterns import Evidence, Phrase, PhraseMatch
from optout.detect.phrase_gates import PhraseBook
from optout.detect.spanish_phrases import SPANISH, WEAK_SPANISH
from optout.detect.typos import SpanMap, mend
from optout.detect.wrong_number_phrases import WRONG_NUMBER

PHRASES: tuple[Phrase, ...] = (
    *GUARDS,
    *WRONG_NUMBER,
    *HOW_TO,
    *OPT_ME_OUT,
    *CONSENT,
    *REMOVE,
    *DO_NOT_CONTACT,
    *STOP_TEXTING,
    *SPANISH,
    *WEAK_SPANISH,
    *HOSTILE,
    *ROUNDABOUT,
)


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
