"""Alternations with their common openings merged, so a search tries a few letters, not all.

Both the batch screen (:mod:`.prefilter`) and the phrase search (:mod:`.phrase_gates`)
try hundreds of alternatives at each word; merged on their first characters, the regex
engine follows one path per letter instead of trying each alternative in turn.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_LITERAL_HEAD = re.compile(r"[a-z0-9' ]*")
_QUANTIFIERS = ("?", "*", "+", "{")


def trie(branches: Collection[str]) -> str:
    """Return an alternation of regex ``branches`` with their common literal openings merged."""
    return _merged(branches, literal=False)


def literal_trie(texts: Collection[str]) -> str:
    """Return a pattern matching the longest of ``texts`` that opens where it is tried."""
    return _tails(list(texts), literal=True)


def opening_trie(texts: Collection[str]) -> str:
    """Return a pattern matching where one of ``texts`` opens, tried no further than needed.

    For a lookahead: a text that a shorter one opens adds nothing to where it matches.
    """
    shortest: list[str] = []
    for text in sorted(texts):  # a text sorts right after the texts it starts with
        if not shortest or not text.startswith(shortest[-1]):
            shortest.append(text)
    return literal_trie(shortest)


def _merged(branches: Collection[str], *, literal: bool) -> str:
    """Return the alternation, grouping the branches that open with a literal character."""
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for branch in branches:
        if literal or _opens_with_literal(branch):
            groups.setdefault(branch[0], []).append(branch[1:])
        else:
            rest.append(branch)
    merged = [re.escape(first) + _tails(tails, literal=literal) for first, tails in groups.items()]
    return "|".join(merged + rest)


def _opens_with_literal(branch: str) -> bool:
    """Return whether ``branch``'s first character is a literal no quantifier applies to."""
    literal = _LITERAL_HEAD.match(branch).group()  # type: ignore[union-attr]
    quantified = branch[len(literal) : len(literal) + 1] in _QUANTIFIERS
    return bool(literal) and not (len(literal) == 1 and quantified)


def _tails(tails: list[str], *, literal: bool) -> str:
    """Return the pattern for what may follow a shared opening; longer tails are tried first."""
    if "" in tails:
        rest = [tail for tail in tails if tail]
        return "(?:" + _merged(rest, literal=literal) + ")?" if len(tails) > 1 else ""
    if len(tails) == 1:
        return re.escape(tails[0]) if literal else tails[0]
    return "(?:" + _merged(tails, literal=literal) + ")"
