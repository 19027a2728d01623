"""Which phrase patterns could match a reply, and where, read off the patterns' texts.

Searching four hundred regexes in every reply is slow. Every match of a pattern holds one
of a few texts ("number", "get lost") and starts with one of a few others ("stop texting",
"i don't want"); both are read off the pattern once (see :mod:`.phrase_texts`). One
Aho-Corasick automaton of all those texts reads a reply once, in C, and reports every
place each of them occurs, overlapping or not. A pattern none of whose required texts
occur is not run at all; any other is tried only where one of its opening texts occurs,
leftmost first, so the first place it matches is the leftmost match a full search would
find. A pattern anchored at the start of the reply is tried there only, one that may open
the reply or open with its texts ("(?:^|[.!?] )remove me") at the start first, and the few
whose opening cannot be read are searched in the whole reply, when their required texts
occur. The result is exactly what searching every pattern gives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

import ahocorasick

from optout.detect.patterns import NO_EVIDENCE, Evidence, Phrase, PhraseMatch, evidence_from
from optout.detect.phrase_texts import openings_or_start, required_text, starts_anchored

_Texts = tuple[int, tuple[int, ...], tuple[int, ...]]
"""What the automaton reports for a text: its length less one, the patterns that need it
somewhere and the patterns that may open with it. Tuples of numbers only: the garbage
collector stops tracking them, where tens of thousands of sets would be traversed in
every full collection of a process that reads replies."""


class _Tables(NamedTuple):
    """What the phrase search reads off its patterns, built together on first use."""

    automaton: ahocorasick.Automaton | None
    """None when no pattern has a text to seek (an automaton of no words cannot search)."""
    always: frozenset[int]
    """Patterns with no required text known: never ruled out."""
    at_start: tuple[int, ...]
    """Patterns anchored at the start of the reply: tried there only."""
    also_at_start: tuple[tuple[int, tuple[str, ...]], ...]
    """Patterns that open the reply or open with their texts ("(?:^|[.!?] )remove me"),
    with what they open the reply with: tried at the start, if the reply opens so, before
    where their texts occur."""
    anywhere: tuple[int, ...]
    """Patterns whose opening cannot be read: searched in the whole reply."""


class PhraseBook:
    """A table of phrase patterns, each run only where a reply could match it."""

    def __init__(self, table: Sequence[Phrase]) -> None:
        self.table = tuple(table)
        self._built: _Tables | None = None
        first: dict[str, int] = {}
        for index, phrase in enumerate(self.table):
            first.setdefault(phrase.family, index)
        self._rank = [first[phrase.family] for phrase in self.table]

    def evidence(self, canonical: str) -> Evidence:
        """Return the strong, weak and guard matches in a canonical reply.

        They come family by family, in the order the table first lists each family, and
        within a family in table order: the first strong match is the reason given.
        """
        tables = self._tables()
        alive = set(tables.always)
        starts: list[tuple[int, tuple[int, ...]]] = []
        found = tables.automaton.iter(canonical) if tables.automaton is not None else ()
        for end, (back, needed_by, opened) in found:
            if needed_by:
                alive.update(needed_by)
            if opened:
                starts.append((end - back, opened))
        if not alive:
            return NO_EVIDENCE  # most replies: no pattern's required text is there
        table = self.table
        matches: dict[int, re.Match[str]] = {}
        for index in tables.at_start:
            if index in alive and (match := table[index].regex.match(canonical)) is not None:
                matches[index] = match
        for index, opening in tables.also_at_start:
            if index in alive and canonical.startswith(opening):
                if (match := table[index].regex.match(canonical)) is not None:
                    matches[index] = match
        for index in tables.anywhere:
            if index in alive and (match := table[index].regex.search(canonical)) is not None:
                matches[index] = match
        starts.sort()
        for start, opened in starts:
            for index in opened:
                if index in alive and index not in matches:
                    match = table[index].regex.match(canonical, start)
                    if match is not None:
                        matches[index] = match
        if not matches:
            return NO_EVIDENCE
        return evidence_from(
            [
                PhraseMatch(table[i].family, table[i].strength, *matches[i].span())
                for i in sorted(matches, key=lambda i: (self._rank[i], i))
            ]
        )

    def _tables(self) -> _Tables:
        """Return the automaton of every pattern's required and opening texts, built once.

        Reading the texts off four hundred patterns takes a moment, paid by the first
        reply a process searches rather than by importing the module.
        """
        if self._built is None:
            self._built = _read_tables(self.table)
        return self._built


def _read_tables(table: Sequence[Phrase]) -> _Tables:
    """Read the required and opening texts off every pattern into one automaton."""
    needed_by: dict[str, set[int]] = {}
    opened: dict[str, set[int]] = {}
    always, at_start, also_at_start, anywhere = set(), [], [], []
    for index, phrase in enumerate(table):
        required = required_text(phrase.regex)
        if not required:
            always.add(index)  # nothing every match must hold is known
        for text in required:
            needed_by.setdefault(text, set()).add(index)
        if starts_anchored(phrase.regex):
            at_start.append(index)
            continue
        read = openings_or_start(phrase.regex)
        if read is None:
            anywhere.append(index)
            continue
        openings, opening_the_reply = read
        if opening_the_reply:
            also_at_start.append((index, tuple(sorted(opening_the_reply))))
        for text in openings:
            opened.setdefault(text, set()).add(index)
    automaton = ahocorasick.Automaton()
    for text in needed_by.keys() | opened.keys():
        found: _Texts = (
            len(text) - 1,
            tuple(sorted(needed_by.get(text, ()))),
            tuple(sorted(opened.get(text, ()))),
        )
        automaton.add_word(text, found)
    automaton.make_automaton()
    searched = automaton if len(automaton) else None
    return _Tables(
        searched, frozenset(always), tuple(at_start), tuple(also_at_start), tuple(anywhere)
    )
