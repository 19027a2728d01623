"""Alternations with their common openings merged, so a search tries a few letters, not all.

The screen's batch pattern and trigger-word test (:mod:`.screen`) try hundreds of
alternatives at each word; merged on their first characters, the regex engine follows one path per
letter instead of trying each alternative in turn.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_LITERAL_HEAD = re.compile(r"[a-z0-9' ]*")
_QUANTIFIERS = ("?", "*", "+", "{")


def trie(branches: Collection[str]) -> str:
    """Return an alternation of regex ``branches`` with their common literal openings merged."""
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for branch in branches:
        if _opens_with_literal(branch):
            groups.setdefault(branch[0], []).append(branch[1:])
        else:
            rest.append(branch)
    merged = [re.escape(first) + _tails(tails) for first, tails in groups.items()]
    return "|".join(merged + rest)


def _opens_with_literal(branch: str) -> bool:
    """Return whether ``branch``'s first character is a literal no quantifier applies to."""
    literal = _LITERAL_HEAD.match(branch).group()  # type: ignore[union-attr]
    quantified = branch[len(literal) : len(literal) + 1] in _QUANTIFIERS
    return bool(literal) and not (len(literal) == 1 and quantified)


def _tails(tails: list[str]) -> str:
    """Return the pattern for what may follow a shared opening; longer tails are tried first."""
    if "" in tails:
        rest = [tail for tail in tails if tail]
        return "(?:" + trie(rest) + ")?" if len(tails) > 1 else ""
    if len(tails) == 1:
        return tails[0]
    return "(?:" + trie(tails) + ")"
