"""Every phrase table in the order evidence is reported: guards, then opt-out families."""

from __future__ import annotations

import re
from collections.abc import Sequence

from optout.detect.guard_phrases import GUARDS
from optout.detect.intent_phrases import CONSENT, HOSTILE, HOW_TO, OPT_ME_OUT
from optout.detect.opt_out_phrases import DO_NOT_CONTACT, REMOVE, STOP_TEXTING
from optout.detect.paraphrase_phrases import ROUNDABOUT
from optout.detect.patterns import Evidence, Phrase, PhraseMatch, opening_texts
from optout.detect.phrase_gates import AnyAt, PhraseBook
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


class ScreenedBook(PhraseBook):
    """A phrase book whose try of the patterns a word opens first checks how they begin.

    Most words that open patterns ("i", "no", "my") open them in vain: a literal search
    for the texts those patterns start with ("i don't want", "no more") fails at once,
    before the patterns themselves are run. The matches found are the same.
    """

    def __init__(self, table: Sequence[Phrase]) -> None:
        self._openings: dict[int, frozenset[str] | None] = {}  # read when first needed
        self._screened: dict[tuple[int, ...], AnyAt] = {}
        super().__init__(table)
        if self._gated:  # the same longest texts, found along one merged trie of them
            self._gate = re.compile(f"(?=({_longest_trie(set(self._gated))}))").findall

    def _any_of(self, indexes: tuple[int, ...]) -> AnyAt:
        """Return the alternation of the patterns at ``indexes``, behind a check of openings."""
        screened = self._screened.get(indexes)
        if screened is None:
            screened = self._screen(indexes) or super()._any_of(indexes)
            self._screened[indexes] = screened
        return screened

    def _screen(self, indexes: tuple[int, ...]) -> AnyAt | None:
        """Return the checked alternation, or None if an opening or pattern does not allow one."""
        regexes = [self.table[index].regex for index in indexes]
        if any(regex.groups or regex.flags != re.UNICODE for regex in regexes):
            return None  # numbered groups or flags would not combine
        texts: set[str] = set()
        for index in indexes:
            if index not in self._openings:
                self._openings[index] = opening_texts(self.table[index].regex)
            openings = self._openings[index]
            if openings is None:
                return None
            texts |= openings
        alternation = "|".join(f"(?:{regex.pattern})" for regex in regexes)
        return re.compile(f"(?={_literal_trie(texts)})(?:{alternation})").match


def _literal_trie(texts: set[str]) -> str:
    """Return a pattern matching any of ``texts``, with common openings merged."""
    if "" in texts:
        return ""  # the shortest text suffices for a check of openings
    heads: dict[str, set[str]] = {}
    for text in texts:
        heads.setdefault(text[0], set()).add(text[1:])
    branches = [re.escape(head) + _literal_trie(tails) for head, tails in heads.items()]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _longest_trie(texts: set[str]) -> str:
    """Return a pattern matching the longest of ``texts`` that opens where it is tried."""
    heads: dict[str, set[str]] = {}
    for text in texts:
        if text:
            heads.setdefault(text[0], set()).add(text[1:])
    branches = [re.escape(head) + _longest_trie(tails) for head, tails in heads.items()]
    if not branches:
        return ""
    tried = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{tried})?" if "" in texts else tried  # a text ends here: longer ones first


_BOOK = ScreenedBook(PHRASES)


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
