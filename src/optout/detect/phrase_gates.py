"""Which phrase patterns could match a reply at all, read off how they open.

Searching four hundred regexes in every reply is slow; most patterns open with
``\\b(?:word|word|...)``, and a reply holding none of those words cannot match. Each
pattern's opening words are read off its source once; each distinct word of a reply is
mapped, once and then from a cache, to the patterns it opens. In most replies one
compiled search finds the only words worth that look: those after which the reply goes
on as some pattern opens. Most words that open patterns ("i", "no", "my") still open
them in vain, so the patterns a word opens are tried together, behind a literal check
that the reply goes on as one of them begins ("i don't want", "no more"): where that
fails, none of them is run. The few patterns whose opening cannot be read are searched
only when the reply holds a text every match of theirs must hold ("gtfo" or "get lost"
for the hostile demands). The result is exactly what searching every pattern gives (see
:mod:`.phrase_texts` for the readings).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

import re2

from optout.detect.automata import as_bytes, search_set
from optout.detect.patterns import NO_EVIDENCE, Evidence, Phrase, PhraseMatch, evidence_from
from optout.detect.phrase_texts import (
    first_word,
    opening_texts,
    openings,
    required_text,
)
from optout.detect.trie import opening_trie

_WORD = re.compile(r"[^\W_][\w'#*]*|#")
_SPACED = str.maketrans({chr(c): " " for c in range(128) if not re.match(r"[\w'#*]", chr(c))})
"""Every ASCII character that cannot be part of a word becomes a space."""
_ODD_WORD = re.compile(r" [_'*]*#")
"""A # after a space or after the ' _ * that open a run (a # there is a word by itself):
in such a reply a word may start right after a #, which the fast search does not seek."""
_CACHE_LIMIT = 100_000
MatchAt = Callable[[str, int], "re.Match[str] | None"]
AnyAt = Callable[[str, int], object]
Opened = tuple[AnyAt, tuple[tuple[int, MatchAt], ...]]


class PhraseBook:
    """A table of phrase patterns, each run only where a reply could match it."""

    def __init__(self, table: Sequence[Phrase]) -> None:
        self.table = tuple(table)
        self._always: list[int] = []
        self._gated: dict[str, set[int]] = {}
        self._openers: list[tuple[str, bool, int]] = []
        for index, phrase in enumerate(self.table):
            self._file(index, phrase.regex)
        self._gate = texts_present(sorted(self._gated))
        self._by_word: dict[str, Opened] = {}
        self._together: dict[tuple[int, ...], AnyAt] = {}
        self._opening_texts: dict[int, frozenset[str] | None] = {}  # read when first needed
        self._scan: Callable[[str], Iterator[re.Match[str]]] | None = None

    def _file(self, index: int, regex: re.Pattern[str]) -> None:
        """File the pattern at ``index`` under its opening words, else its required texts."""
        starts = openings(regex.pattern)
        required = () if starts else required_text(regex)
        if not starts and not required:
            self._always.append(index)  # nothing read off it: tried on every reply
        for text in required:
            self._gated.setdefault(text, set()).add(index)
        self._openers.extend((*first_word(start), index) for start in starts)

    def evidence(self, canonical: str) -> Evidence:
        """Return the strong, weak and guard matches in a canonical reply, in table order.

        A pattern opened by a word is tried only where such a word starts; the first
        position that matches is the leftmost match a full search would find. Words
        after which the reply does not go on as any pattern opens are skipped in C.
        """
        matches = self._gated_matches(canonical)
        by_word = self._by_word
        for start, word in self._words_that_may_open(canonical):
            any_at, opened = by_word.get(word) or self._opened_by(word)
            if opened and any_at(canonical, start) is not None:
                _match_opened(canonical, start, opened, matches)
        if not matches:
            return NO_EVIDENCE  # most replies: no need to sort or build anything
        table = self.table
        return evidence_from(
            [
                PhraseMatch(table[i].family, table[i].strength, *matches[i].span())
                for i in sorted(matches)
            ]
        )

    def _gated_matches(self, canonical: str) -> dict[int, re.Match[str]]:
        """Return the matches of the patterns not opened by a word that the reply holds."""
        texts = self._gate(canonical)
        if not texts and not self._always:
            return {}
        gated = self._gated
        held = {index for text in texts for index in gated[text]}
        matches = {}
        for index in sorted(held.union(self._always)):
            match = self.table[index].regex.search(canonical)
            if match is not None:
                matches[index] = match
        return matches

    def _words_that_may_open(self, canonical: str) -> list[tuple[int, str]]:
        """Return each word of the reply (and where it starts) at which a pattern may match.

        In an ASCII reply without a # opening a run, every word starts after a space,
        once each other character is read as one, and the ' _ * that may open its run,
        so a single search for a space followed by any pattern's opening finds them all,
        as typed in C; any other reply has each of its words tried.
        """
        spaced = " " + canonical.translate(_SPACED) if canonical.isascii() else ""
        if spaced and _ODD_WORD.search(spaced) is None:
            return [(m.start(1) - 1, m.group(1)) for m in self._openers_scan()(spaced)]
        return [(word.start(), word.group()) for word in _WORD.finditer(canonical)]

    def _openers_scan(self) -> Callable[[str], Iterator[re.Match[str]]]:
        """Return the search for words where any pattern may open, built on first use.

        Reading every pattern's opening texts takes about a tenth of a second, paid by
        the first reply a process searches rather than by importing the module.
        """
        if self._scan is None:
            texts: set[str] = set()
            for opener, _exact, index in self._openers:
                texts |= self._openings_of((index,)) or {opener}
            spaced = opening_trie({text.translate(_SPACED) for text in texts})
            # ' _ * opening a run are skipped, as _WORD skips them: the word starts after
            self._scan = re.compile(f" [_'*]*(?={spaced})([^\\W_][\\w'#*]*)").finditer
        return self._scan

    def _opened_by(self, word: str) -> Opened:
        """Return the patterns ``word`` can open, from the cache when it has been seen.

        With them comes a check that none of them matches where one call in C can tell.
        """
        cached = self._by_word.get(word)
        if cached is None:
            opened = {
                index
                for opener, exact, index in self._openers
                if (word == opener if exact else word.startswith(opener))
            }
            indexes = tuple(sorted(opened))
            matchers = tuple((index, self.table[index].regex.match) for index in indexes)
            cached = (self._any_of(indexes), matchers)
            if len(self._by_word) < _CACHE_LIMIT:
                self._by_word[word] = cached
        return cached

    def _any_of(self, indexes: tuple[int, ...]) -> AnyAt:
        """Return the match of the patterns at ``indexes`` tried together (cached)."""
        together = self._together.get(indexes)
        if together is None:
            together = self._combined(indexes)
            if len(self._together) < _CACHE_LIMIT:
                self._together[indexes] = together
        return together

    def _combined(self, indexes: tuple[int, ...]) -> AnyAt:
        """Return one alternation of the patterns, behind a check of their openings if known."""
        regexes = [self.table[index].regex for index in indexes]
        if not regexes or any(r.groups or r.flags != re.UNICODE for r in regexes):
            return _any_position  # numbered groups or flags would not combine
        alternation = "|".join(f"(?:{regex.pattern})" for regex in regexes)
        texts = self._openings_of(indexes)
        check = "" if texts is None else f"(?={opening_trie(texts)})"
        return re.compile(f"{check}(?:{alternation})").match

    def _openings_of(self, indexes: tuple[int, ...]) -> set[str] | None:
        """Return the texts a match of any of the patterns opens with, or None if unknown."""
        texts: set[str] = set()
        for index in indexes:
            if index not in self._opening_texts:
                self._opening_texts[index] = opening_texts(self.table[index].regex)
            opening = self._opening_texts[index]
            if opening is None:
                return None
            texts |= opening
        return texts


def _match_opened(
    canonical: str,
    start: int,
    opened: tuple[tuple[int, MatchAt], ...],
    matches: dict[int, re.Match[str]],
) -> None:
    """Add the match at ``start`` of each opened pattern not matched at an earlier word."""
    for index, match_at in opened:
        if index not in matches:
            match = match_at(canonical, start)
            if match is not None:
                matches[index] = match


def _any_position(_canonical: str, _position: int) -> bool:
    """Return True: patterns that cannot be combined are each tried."""
    return True


def texts_present(texts: Sequence[str]) -> Callable[[str], list[str]]:
    """Return a search for which of ``texts`` a reply holds, anywhere, overlapping or not.

    The texts are literals, matched together by an RE2 set: one pass over the reply
    reports every one of them it holds.
    """
    if not texts:
        return lambda _canonical: []
    match = search_set([re2.escape(as_bytes(text)) for text in texts])
    named = list(texts)
    return lambda canonical: [named[index] for index in match(canonical) or ()]
