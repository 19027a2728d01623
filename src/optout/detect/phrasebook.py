"""Every phrase table in the order evidence is reported: guards, then opt-out families."""

from __future__ import annotations

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
