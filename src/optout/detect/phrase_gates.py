"""Which phrase patterns could match a reply at all, read off the words they open with.

Searching two hundred regexes in every reply is slow; most patterns open with
``\\b(?:word|word|...)``, and a reply holding none of those words cannot match. Each
pattern's opening words are read off its source once; each distinct word of a reply is
mapped, once and then from a cache, to the patterns it opens; only those patterns (and
the few whose opening cannot be read) are searched. Those few are searched only when the
reply holds a text every match of theirs must hold, read off the parsed pattern
("gtfo" or "get lost" for the hostile demands). The result is exactly what searching
every pattern gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from optout.detect.patterns import Evidence, Phrase, PhraseMatch, evidence_from

_LITERAL = re.compile(r"[a-z0-9 '#,/-]*")
_QUANTIFIERS = ("?", "*", "{")
_WORD = re.compile(r"[^\W_][\w'#*]*|#")
_CACHE_LIMIT = 100_000
MatchAt = Callable[[str, int], "re.Match[str] | None"]
AnyAt = Callable[[str, int], object]
Opened = tuple[AnyAt, tuple[tuple[int, MatchAt], ...]]


def openings(pattern: str) -> list[str]:
    """Return the literal text each match of ``pattern`` starts with, or [] if unknown.

    An opening ending in a space is a whole word ("i "); any other is a prefix.
    """
    found = []
    for branch in _top_level_branches(pattern):
        body = branch.removeprefix("^").removeprefix("\\b")
        starts = _group_openings(body) if body.startswith("(?:") else _literal_starts(body)
        if not starts or any(not start.strip() for start in starts):
            return []
        found.extend(starts)
    return found


def _group_openings(body: str) -> list[str]:
    """Return the openings of a leading non-optional ``(?:...)`` group."""
    end = _closing_paren(body)
    if end < 0 or body[end + 1 : end + 2] in _QUANTIFIERS:
        return []
    inner = _top_level_branches(body[3:end])
    if body[end + 1 : end + 2] == " " and all(_LITERAL.fullmatch(b) for b in inner):
        return [branch + " " for branch in inner]  # whole words followed by a space
    return [opening.rstrip() for opening in openings(body[3:end])]


def _literal_starts(body: str) -> list[str]:
    """Return the literal texts ``body`` can start with ("i'?m" gives "i'm" and "im")."""
    literal = _LITERAL.match(body).group()  # type: ignore[union-attr]
    after = body[len(literal) :]
    if after.startswith("?") and literal:
        tails = _literal_starts(after[1:]) if after[1:2] not in ("(", "\\", "[") else [""]
        return [start + tail for start in (literal, literal[:-1]) for tail in tails]
    if after[:1] in _QUANTIFIERS:
        literal = literal[:-1]
    return [literal if literal == body else literal.rstrip()]


def _closing_paren(body: str) -> int:
    """Return the index of the parenthesis closing the one ``body`` starts with."""
    depth = 0
    for index, char in enumerate(body):
        if body[index - 1 : index] != "\\":
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0:
                return index
    return -1


def _top_level_branches(alternation: str) -> list[str]:
    """Split ``a|b(c|d)|e`` into its top-level branches."""
    branches, depth, start = [], 0, 0
    for index, char in enumerate(alternation):
        escaped = alternation[index - 1 : index] == "\\"
        depth += 0 if escaped else {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0 and not escaped:
            branches.append(alternation[start:index])
            start = index + 1
    return [*branches, alternation[start:]]


def _first_word(opening: str) -> tuple[str, bool]:
    """Return an opening's first word and whether a reply's word must equal it exactly.

    A word the pattern follows with a space ("i ", "we ") must be whole; otherwise the
    reply's word need only start with it ("cancel" opens "cancelled").
    """
    word = re.split(r"[ /,-]", opening, maxsplit=1)[0]
    return word, opening[len(word) : len(word) + 1] == " "


class PhraseBook:
    """A table of phrase patterns that searches only those a reply's words can open."""

    def __init__(self, table: Sequence[Phrase]) -> None:
        self.table = tuple(table)
        self._always: list[int] = []
        self._gated: dict[str, set[int]] = {}
        self._openers: list[tuple[str, bool, int]] = []
        for index, phrase in enumerate(self.table):
            starts = openings(phrase.regex.pattern)
            required = () if starts else required_text(phrase.regex)
            if not starts and not required:
                self._always.append(index)
            for text in required:
                self._gated.setdefault(text, set()).add(index)
            self._openers.extend((*_first_word(start), index) for start in starts)
        self._gate = _longest_at_each_position(list(self._gated))
        for longer in self._gated:  # a text found also holds every text it starts with
            for shorter in self._gated:
                if shorter != longer and longer.startswith(shorter):
                    self._gated[longer] |= self._gated[shorter]
        self._by_word: dict[str, Opened] = {}
        self._together: dict[tuple[int, ...], AnyAt] = {}

    def _opened_by(self, word: str) -> Opened:
        """Return the patterns ``word`` can open, from the cache when it has been seen.

        With them comes one compiled alternation of them all: where it does not match,
        none of them does, and one call in C replaces one call per pattern.
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
        """Return the match of an alternation of the patterns at ``indexes`` (cached)."""
        together = self._together.get(indexes)
        if together is None:
            regexes = [self.table[index].regex for index in indexes]
            if len(regexes) < 2 or any(r.groups or r.flags != re.UNICODE for r in regexes):
                together = _any_position  # numbered groups or flags would not combine
            else:
                together = re.compile("|".join(f"(?:{r.pattern})" for r in regexes)).match
            if len(self._together) < _CACHE_LIMIT:
                self._together[indexes] = together
        return together

    def evidence(self, canonical: str) -> Evidence:
        """Return the strong, weak and guard matches in a canonical reply, in table order.

        A pattern opened by a word is tried only where such a word starts; the first
        position that matches is the leftmost match a full search would find.
        """
        matches: dict[int, re.Match[str]] = {}
        gated = self._gated
        held = {index for text in set(self._gate(canonical)) for index in gated[text]}
        for index in sorted(held.union(self._always)):
            match = self.table[index].regex.search(canonical)
            if match is not None:
                matches[index] = match
        for word in _WORD.finditer(canonical):
            any_at, opened = self._opened_by(word.group())
            if not opened or any_at(canonical, word.start()) is None:
                continue
            for index, match_at in opened:
                if index not in matches:
                    match = match_at(canonical, word.start())
                    if match is not None:
                        matches[index] = match
        found = []
        for index in sorted(matches):
            phrase = self.table[index]
            found.append(PhraseMatch(phrase.family, phrase.strength, *matches[index].span()))
        return evidence_from(found)


def _any_position(_canonical: str, _position: int) -> bool:
    """Return True: patterns that cannot be combined are each tried."""
    return True


def _longest_at_each_position(texts: list[str]) -> Callable[[str], list[str]]:
    """Return a search for the longest of ``texts`` starting at each position of a reply."""
    if not texts:
        return lambda _canonical: []
    by_first: dict[str, list[str]] = {}
    for text in sorted(texts, key=len, reverse=True):
        by_first.setdefault(text[0], []).append(re.escape(text[1:]))
    branches = (re.escape(first) + f"(?:{'|'.join(rest)})" for first, rest in by_first.items())
    return re.compile(f"(?=({'|'.join(branches)}))").findall


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
    for op, value in items:
        if op is sre.LITERAL:
            choices: set[str] | None = {chr(value)}  # type: ignore[arg-type]
        elif op is sre.IN and all(kind is sre.LITERAL for kind, _ in value):  # type: ignore[attr-defined]
            choices = {chr(code) for _, code in value}  # type: ignore[attr-defined]
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            choices = {""}
        elif op is sre.SUBPATTERN and not value[1] & re.IGNORECASE:  # type: ignore[index]
            choices = _exact(list(value[3]))  # type: ignore[index]
        elif op is sre.BRANCH:
            parts = [_exact(list(branch)) for branch in value[1]]  # type: ignore[index]
            choices = None if None in parts else set().union(*parts)  # type: ignore[arg-type]
        elif op is sre.MAX_REPEAT and value[:2] == (0, 1):  # type: ignore[index]
            inner = _exact(list(value[2]))  # type: ignore[index]
            choices = None if inner is None else inner | {""}
        else:
            return None
        if choices is None or len(texts) * len(choices) > _MAX_TEXTS:
            return None
        texts = {before + after for before in texts for after in choices}
    return texts
