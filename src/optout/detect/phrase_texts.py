"""Texts a phrase pattern's matches open with or must hold, read off the pattern.

The phrase search (:mod:`.phrase_gates`) runs a pattern only where a reply could match it;
these readings say where that is. Each is a necessary condition, never a guess: a reply
without any of a pattern's texts cannot match it.

- :func:`opening_texts`: the literal texts its matches start with ("i don't want"): a
  pattern is tried only where one of them occurs.
- :func:`required_text`: texts one of which every match holds anywhere ("gtfo", "get
  lost"): a pattern is not run in a reply that holds none of them.
- :func:`starts_anchored`: whether every match starts at the start of the reply.

:func:`top_level_branches` splits an alternation's source, for the screen.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, NamedTuple


def top_level_branches(alternation: str) -> list[str]:
    """Split ``a|b(c|d)|e`` into its top-level branches."""
    branches, depth, start = [], 0, 0
    for index, char in enumerate(alternation):
        escaped = alternation[index - 1 : index] == "\\"
        depth += 0 if escaped else {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0 and not escaped:
            branches.append(alternation[start:index])
            start = index + 1
    return [*branches, alternation[start:]]


def starts_anchored(pattern: re.Pattern[str]) -> bool:
    """Return whether every match of ``pattern`` starts where the text starts (``^...``)."""
    return not pattern.flags & re.MULTILINE and _anchored(
        list(sre_parse.parse(pattern.pattern).data)
    )


def _anchored(items: list[Any]) -> bool:
    """Return whether a sequence of parsed items can only match at the start of the text."""
    if not items:
        return False
    op, value = items[0]
    if op is sre.AT:
        return value is sre.AT_BEGINNING or value is sre.AT_BEGINNING_STRING
    if op is sre.BRANCH:
        return all(_anchored(list(branch)) for branch in value[1])
    if op is sre.SUBPATTERN:
        return _anchored(list(value[3]))
    return False


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
    texts = frozenset(
        text for text, _ in _parsed_openings(list(sre_parse.parse(pattern.pattern).data))
    )
    return None if "" in texts else texts


def openings_or_start(
    pattern: re.Pattern[str],
) -> tuple[frozenset[str], frozenset[str]] | None:
    """Return the texts a match may open with anywhere, and those it may open the reply with.

    For a pattern one of whose branches starts at the start of the reply and the others
    with texts ("(?:^|[.!?] )remove me"), which :func:`opening_texts` cannot read when its
    openings are too many to list: such a pattern is tried at the start, if the reply opens
    with one of the second texts ("" if any), and where the first occur. None if unknown.
    """
    if pattern.flags & (re.IGNORECASE | re.MULTILINE):
        return None
    items = list(sre_parse.parse(pattern.pattern).data)
    texts = frozenset(text for text, _ in _parsed_openings(items, _TELLING_THE_START))
    if "" in texts:
        return None
    anywhere = frozenset(text for text in texts if not text.startswith(_START))
    at_start = frozenset(text[len(_START) :] for text in texts if text.startswith(_START))
    return anywhere, at_start


_START = "\x02"
"""Marks an opening at the start of the reply (no canonical reply holds the character)."""


class _Way(NamedTuple):
    """How openings are read: what a start anchor opens with, and how many texts at most."""

    start: str = ""
    limit: int = _MAX_OPENINGS


_AS_TYPED = _Way()
"""The start as nothing, and the usual room."""
_TELLING_THE_START = _Way(_START, 4 * _MAX_OPENINGS)
"""The start told apart, and room for the openings of a pattern that has it as a branch."""


def _parsed_openings(items: list[Any], way: _Way = _AS_TYPED) -> _Pieces:
    """Return what a sequence of parsed items can start with."""
    found: _Pieces = {("", True)}
    for op, value in items:
        going_on = [text for text, whole in found if whole]
        if not going_on:
            break
        pieces = _item_openings(op, value, way)
        if len(found) + len(going_on) * len(pieces) > way.limit:
            return {(text, False) for text, _ in found}  # enough: these still open every match
        found = {(text, False) for text, whole in found if not whole}
        found.update((text + piece, done) for text in going_on for piece, done in pieces)
    return found


def _item_openings(op: Any, value: Any, way: _Way) -> _Pieces:
    """Return what one parsed item can start with."""
    if op is sre.LITERAL:
        return {(chr(value), True)}
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in value):
        return {(chr(code), True) for _, code in value}
    if op is sre.AT and value in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
        return {(way.start, True)}
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {("", True)}  # zero width
    if op is sre.SUBPATTERN and not value[1] and not value[2]:  # no inline flags
        return _parsed_openings(list(value[3]), way)
    if op is sre.BRANCH:
        found = set().union(*(_parsed_openings(list(branch), way) for branch in value[1]))
        return found if len(found) <= way.limit else {("", False)}
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[0] >= 1:
        return {(text, False) for text, _ in _parsed_openings(list(value[2]), way)}
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[1] == 1:
        return _parsed_openings(list(value[2]), way) | {("", True)}
    return {("", False)}


_MAX_TEXTS = 64
_USEFUL_LENGTH = 2
_LONG_ENOUGH = 5
_Item = tuple[object, object]


def required_text(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Return texts one of which every match of ``pattern`` holds, or () if none is known.

    Read off the parsed pattern: runs of literals, small alternations of them and
    optional letters ("you'?ve" holds "you've" or "youve"); the most selective is kept.
    """
    if pattern.flags & re.IGNORECASE:
        return ()
    found = _required(list(sre_parse.parse(pattern.pattern).data))
    if not found or min(map(len, found)) < _USEFUL_LENGTH:
        return ()
    return tuple(text for text in found if not any(t in text for t in found if t != text))


def _required(items: list[_Item]) -> tuple[str, ...]:
    """Return the most selective set of texts one of which a match of ``items`` holds."""
    candidates: list[tuple[str, ...]] = []
    run: set[str] = {""}
    for item in items:
        exact = _exact([item])
        if exact is not None and len(run) * len(exact) <= _MAX_TEXTS:
            run = {before + after for before in run for after in exact}
            continue
        candidates.append(tuple(sorted(run)))
        candidates.append(_required_inside(item))
        run = {""}
    candidates.append(tuple(sorted(run)))
    return max(candidates, key=_selectivity)


def _selectivity(texts: tuple[str, ...]) -> tuple[int, int]:
    """Rank required texts: long enough to be rare first, then as few as possible."""
    return min(min(map(len, texts), default=0), _LONG_ENOUGH), -len(texts)


def _required_inside(item: _Item) -> tuple[str, ...]:
    """Return what a group, alternation or repetition of at least one must hold."""
    op, value = item
    if op is sre.SUBPATTERN and not value[1] & re.IGNORECASE:  # type: ignore[index]
        return _required(list(value[3]))  # type: ignore[index]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] >= 1:  # type: ignore[index]
        return _required(list(value[2]))  # type: ignore[index]
    if op is sre.BRANCH:
        found = [_required(list(branch)) for branch in value[1]]  # type: ignore[index]
        if all(texts and min(map(len, texts)) for texts in found):
            return tuple(sorted({text for texts in found for text in texts}))
    return ()


def _exact(items: list[_Item]) -> set[str] | None:
    """Return the few texts ``items`` can match (assertions match ""), else None."""
    texts = {""}
    for item in items:
        choices = _item_texts(item)
        if choices is None or len(texts) * len(choices) > _MAX_TEXTS:
            return None
        texts = {before + after for before in texts for after in choices}
    return texts


def _item_texts(item: _Item) -> set[str] | None:
    """Return the texts one parsed item can match, else None."""
    op, value = item
    if op is sre.LITERAL:
        return {chr(value)}  # type: ignore[arg-type]
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in value):  # type: ignore[attr-defined]
        return {chr(code) for _, code in value}  # type: ignore[attr-defined]
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {""}
    if op is sre.SUBPATTERN and not value[1] & re.IGNORECASE:  # type: ignore[index]
        return _exact(list(value[3]))  # type: ignore[index]
    if op is sre.BRANCH:
        return _branch_texts(value)
    if op is sre.MAX_REPEAT and value[:2] == (0, 1):  # type: ignore[index]
        inner = _exact(list(value[2]))  # type: ignore[index]
        return None if inner is None else inner | {""}
    return None


def _branch_texts(value: Any) -> set[str] | None:
    """Return the texts any branch of an alternation can match, else None."""
    parts = [_exact(list(branch)) for branch in value[1]]
    return None if None in parts else set().union(*parts)  # type: ignore[arg-type]
