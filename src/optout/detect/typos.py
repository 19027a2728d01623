"""One-letter typos: the one generator of them, and mending them so phrase patterns still match.

People type fast: "pls dont teext me", "remoove my numbr", "how do i sotp thsee", "remoev".
:func:`misspellings` makes a word's typos, with the edits as options; :func:`typo_table`
files them under the words they misspell. The screen (:mod:`.screen`) counts typos of its
core words as vocabulary; here, a word one swap of neighbouring letters, or one dropped or
doubled inner letter, away from the vocabulary below (and not itself a common word) is read
as the word it misspells. Only the phrase search sees the mended text; every match is mapped
back to the reply as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from optout.detect.automata import search_set
from optout.detect.mistyped_keywords import keys_beside

VOCABULARY = """
    dont stop stopped stopping opting text texts texting texted message messages messaging
    remove removed number contact contacted contacting unsubscribe please want wanna wrong
    person receive receiving getting anymore these take sending send list consent revoke
    permission leave alone delete longer interested calling bothering never signed moved
    passed away died
    phone anything again sign someone nobody named harassing spam reminders alerts updates
    newsletter subscription cancel mailing database system records contacts
    quiero recibir mensajes numero equivocado equivocada quitenme dejen manden envien
    escriban lista mandar enviar molesten persona
""".split()
COMMON_WORDS = frozenset(
    """dot aloe ded did ided lave lisa lit loner pease sed sam sin singed sop stoop thee wat wong
    txt txts txted txting stp texs tet pone agin sing""".split()
)
"""Misspellings that are words in their own right, or spellings the patterns already know."""
_WORD = re.compile(r"[a-z]+")
SpanMap = Callable[[int, int], tuple[int, int]]


def misspellings(word: str, *, ends: bool = False, slips: bool = False) -> set[str]:
    """Return ``word`` with two neighbouring letters swapped, or an inner letter dropped or doubled.

    ``ends``: the first and last letters may be dropped or doubled too ("top", "sstop").
    ``slips``: any letter may be typed as a key beside it on a QWERTY keyboard ("atop").
    """
    found = {word[:k] + word[k + 1] + word[k] + word[k + 2 :] for k in range(len(word) - 1)}
    edited = range(len(word)) if ends else range(1, len(word) - 1)
    found.update(word[:k] + word[k + 1 :] for k in edited)
    found.update(word[:k] + word[k] + word[k:] for k in edited)
    if slips:
        beside = keys_beside()
        for k, letter in enumerate(word):
            found.update(word[:k] + key + word[k + 1 :] for key in beside.get(letter, ""))
    return found - {word}


def typo_table(
    words: Iterable[str],
    *,
    real_words: frozenset[str],
    shortest: int = 1,
    ends: bool = False,
    slips: bool = False,
) -> dict[str, str]:
    """Return each misspelling of ``words`` with the word it stands for (the first listed wins).

    A misspelling that is one of ``words`` or a ``real_words`` word, or is shorter than
    ``shortest`` letters, is left out; ``ends`` and ``slips`` are :func:`misspellings`'s.
    """
    words = list(words)
    table: dict[str, str] = {}
    for word in words:
        for typo in misspellings(word, ends=ends, slips=slips):
            table.setdefault(typo, word)
    known = real_words.union(words)
    return {
        typo: word for typo, word in table.items() if len(typo) >= shortest and typo not in known
    }


@cache
def corrections() -> dict[str, str]:
    """Return each recognised misspelling with the word it stands for (built once)."""
    return typo_table(VOCABULARY, real_words=COMMON_WORDS)


@cache
def _holds_misspelling() -> Callable[[str], list[int] | None]:
    """Return a test whether a reply holds a recognised misspelling as a whole word.

    One RE2 set of a single alternation: a word is a run of ``a-z``, as :data:`_WORD` reads.
    """
    words = "|".join(sorted(corrections()))
    return search_set([f"(?:^|[^a-z])(?:{words})(?:[^a-z]|$)".encode("ascii")])


def mend(canonical: str) -> tuple[str, SpanMap] | None:
    """Return the reply with its typos mended and a map of spans back, or None if none."""
    if _holds_misspelling()(canonical) is None:
        return None  # most replies: one pass of an automaton finds no misspelt word
    fixes = corrections()
    edits = [
        (m.start(), m.end(), fixes[m.group()])
        for m in _WORD.finditer(canonical)
        if m.group() in fixes
    ]
    if not edits:
        return None
    pieces, moves, position, shift = [], [], 0, 0
    for start, end, word in edits:
        pieces += [canonical[position:start], word]
        moves.append((start + shift, start + shift + len(word), start, end))
        shift += len(word) - (end - start)
        position = end
    pieces.append(canonical[position:])
    return "".join(pieces), lambda start, end: (_back(moves, start, 0), _back(moves, end, 1))


def _back(moves: list[tuple[int, int, int, int]], offset: int, side: int) -> int:
    """Return where a mended-text offset falls in the original text."""
    shift = 0
    for new_start, new_end, old_start, old_end in moves:
        if offset < new_start or (offset == new_start and side == 1):
            break
        if offset < new_end or (offset == new_end and side == 1):
            return old_start if side == 0 else old_end
        shift = old_end - new_end
    return offset + shift
