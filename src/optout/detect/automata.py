"""RE2 automata for the hot paths: the batch screen, the trigger-word test, the typo check.

RE2 reads a text in one linear pass however many alternatives a pattern has. Patterns and
texts are read byte by byte (Latin-1), the texts as UTF-8 with any lone surrogate kept, so
every string the detector accepts can be searched.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import re2

_MEMORY = 64 << 20
"""Room for an automaton of hundreds of alternatives (RE2's default of 8 MB runs short, and
RE2 then falls back to slower searches)."""

as_bytes: Callable[[str], bytes] = partial(str.encode, encoding="utf-8", errors="surrogatepass")
"""Return a text as the automata read it (a partial of ``str.encode``: no Python frame)."""


def options() -> re2.Options:
    """Return the options every automaton here is compiled with."""
    chosen = re2.Options()
    chosen.max_mem = _MEMORY
    chosen.encoding = re2.Options.Encoding.LATIN1
    return chosen


def search_set(patterns: Sequence[bytes]) -> Callable[[str], list[int] | None]:
    """Return a search for which of ``patterns`` match anywhere in a text, in one pass.

    The search gives the indexes of the patterns that match, or None if none does.
    """
    found = re2.Set.SearchSet(options())
    for pattern in patterns:
        found.Add(pattern)
    found.Compile()
    match = found.Match
    return lambda text: match(as_bytes(text))
