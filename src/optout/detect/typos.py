"""Mend one-letter typos in the words opt-outs are made of, so phrase patterns still match.

People type fast: "pls dont teext me", "remoove my numbr", "how do i sotp thsee", "remoev".
A word one swap of neighbouring letters, or one dropped or doubled inner letter, away from
the vocabulary below (and not itself a common word) is read as the word it misspells. Only
the phrase search sees the mended text; every match is mapped back to the reply as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from optout.detect.automata import search_set

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


def _misspellings(word: str) -> set[str]:
    """Return every swap of two neighbouring letters and every drop or doubling of an inner one."""
    found = {word[: k - 1] + word[k] + word[k - 1] + word[k + 1 :] for k in range(1, len(word))}
    for k in range(1, len(word) - 1):
        found.add(word[:k] + word[k + 1 :])
        found.add(word[:k] + word[k] + word[k:])
    return found - {word}


@cache
def corrections() -> dict[str, str]:
    """Return each recognised misspelling with the word it stands for (built once)."""
    fixes: dict[str, str] = {}
    for word in VOCABULARY:
        for typo in _misspellings(word):
            fixes.setdefault(typo, word)
    return {
        typo: word
        for typo, word in fixes.items()
        if typo not in COMMON_WORDS and typo not in VOCABULARY
    }


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
