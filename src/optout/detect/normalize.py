"""Fold a reply to the canonical form the detector matches on, remembering where each
character came from so a match can be highlighted in the original text.

The canonical form is NFKC with diacritics removed ("envíe" and "envie" match alike),
case-folded, with curly quotes and dashes made straight, control characters turned into
spaces, inner whitespace collapsed to one space and anything that is not a letter or a
digit (punctuation, quotes, emoji such as 🛑) stripped from both ends, except a trailing
" #" ("wrong #"), where the sign stands for "number".
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache, partial
from itertools import accumulate, chain

_STRAIGHT = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´ʼ", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
    }
)
_CROOKED = re.compile("[" + "".join(re.escape(chr(code)) for code in _STRAIGHT) + "]")
"""Any character :data:`_STRAIGHT` straightens (a search in C is faster on long text)."""
_ASCII_FOLD = bytes.maketrans(bytes([*range(0x20), 0x7F, ord("`")]), b" " * 0x21 + b"'")
"""Control characters become spaces and a backtick an apostrophe (bytes translate fast)."""
_ASCII_EDGES = "".join(chr(c) for c in range(128) if not chr(c).isalnum())
_RUN = re.compile(r"\S+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
FOLD_CACHE_SIZE = 4096
"""Clusters whose folded form is remembered: replies reuse the same few letters."""


class NormalizedText:
    """A reply in canonical form; ``starts``/``ends`` give each character's origin.

    The offset map is built only when a span is asked for: most replies never need one.
    An ``origin`` callable, where given, tells where one character starts (each ending one
    further on), so a span needs no map at all.
    """

    __slots__ = ("_locate", "_offsets", "_origin", "text")

    def __init__(
        self,
        text: str,
        offsets: tuple[tuple[int, ...], tuple[int, ...]] | None = None,
        locate: Callable[[], tuple[tuple[int, ...], tuple[int, ...]]] | None = None,
        origin: Callable[[int], int] | None = None,
    ) -> None:
        self.text = text
        self._offsets = offsets
        self._locate = locate
        self._origin = origin

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NormalizedText):
            return NotImplemented
        return (self.text, self.starts, self.ends) == (other.text, other.starts, other.ends)

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"NormalizedText({self.text!r})"

    def _map(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        if self._offsets is None:
            assert self._locate is not None
            self._offsets = self._locate()
        return self._offsets

    @property
    def starts(self) -> tuple[int, ...]:
        """Return where in the original each canonical character starts."""
        return self._map()[0]

    @property
    def ends(self) -> tuple[int, ...]:
        """Return where in the original each canonical character ends."""
        return self._map()[1]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of the original text that produced ``text[start:end]``."""
        if not self.text:
            return (0, 0)
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        if self._offsets is None and self._origin is not None:
            return (self._origin(start), self._origin(end - 1) + 1)  # no need for the whole map
        return (self.starts[start], self.ends[end - 1])

    @property
    def span(self) -> tuple[int, int]:
        """Return the span of the original text that the whole canonical form covers."""
        return self.original_span(0, len(self.text))


def normalize(text: str) -> NormalizedText:
    """Return the canonical form of ``text`` with its offset map."""
    if text.isascii():
        return _normalize_ascii(text)
    pieces = [(start, end, _fold(text[start:end])) for start, end in _clusters(text)]
    return _assemble(pieces)


def rough_fold(text: str) -> str:
    """Return the folded text without the offset map: a fast look at non-ASCII replies."""
    decomposed = unicodedata.normalize("NFKD", _straighten(text))
    bare = _NON_ASCII.sub(_without_marks, decomposed)  # ASCII carries no combining marks
    return _straighten(unicodedata.normalize("NFKC", bare).casefold())


def _straighten(text: str) -> str:
    """Return ``text`` with curly quotes and dashes made straight."""
    return _CROOKED.sub(_straight, text)


def _straight(char: re.Match[str]) -> str:
    """Return the straight form of one crooked character."""
    return char.group().translate(_STRAIGHT)


def _without_marks(run: re.Match[str]) -> str:
    """Return a run of non-ASCII characters without its combining marks."""
    return "".join(char for char in run.group() if not unicodedata.combining(char))


def _normalize_ascii(text: str) -> NormalizedText:
    """Fold ASCII text, where every character maps to at most one character."""
    folded = text.encode("ascii").translate(_ASCII_FOLD).decode("ascii").lower()
    low = len(folded) - len(folded.lstrip(_ASCII_EDGES))
    high = max(low, _keep_trailing_number_sign(folded, len(folded.rstrip(_ASCII_EDGES))))
    canonical = " ".join(folded[low:high].split())
    if len(canonical) == high - low:  # no whitespace collapsed: character i came from low + i
        return NormalizedText(canonical, locate=partial(_shifted, low, high), origin=low.__add__)
    origins = _AsciiOrigins(folded, low, high)
    return NormalizedText(canonical, locate=origins.offsets, origin=origins.origin)


def _shifted(low: int, high: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return the offset map of a canonical form that is the original from ``low`` to ``high``."""
    return tuple(range(low, high)), tuple(range(low + 1, high + 1))


class _AsciiOrigins:
    """Where the canonical characters of folded ASCII text come from, found on demand.

    The canonical form is the runs of non-space characters between ``low`` and ``high``
    joined by single spaces; a joining space comes from the first space after its run.
    """

    __slots__ = ("_firsts", "_folded", "_high", "_low", "_runs")

    def __init__(self, folded: str, low: int, high: int) -> None:
        self._folded, self._low, self._high = folded, low, high
        self._runs: list[tuple[int, int]] = []
        self._firsts: list[int] = []

    def _find_runs(self) -> list[tuple[int, int]]:
        """Return the runs, and remember where each starts in the canonical form."""
        if not self._runs and self._low < self._high:
            self._runs = [m.span() for m in _RUN.finditer(self._folded, self._low, self._high)]
            self._firsts = list(
                accumulate((end - start + 1 for start, end in self._runs), initial=0)
            )
        return self._runs

    def offsets(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Return where each canonical character starts and ends in the original."""
        runs = self._find_runs()
        # each run, then the first space after it, where the collapsed run of spaces maps to
        starts = tuple(chain.from_iterable(range(start, end + 1) for start, end in runs))[:-1]
        return starts, tuple(map((1).__add__, starts))

    def origin(self, index: int) -> int:
        """Return where canonical character ``index`` starts in the original."""
        runs = self._find_runs()
        run = bisect_right(self._firsts, index) - 1
        start, end = runs[run]
        return min(start + index - self._firsts[run], end)


def _keep_trailing_number_sign(folded: str, high: int) -> int:
    """Extend the core over a trailing " #" ("wrong #"), where the sign means "number"."""
    rest = folded[high:]
    if rest[:1].isspace() and rest.lstrip().startswith("#"):
        return high + len(rest) - len(rest.lstrip()) + 1
    return high


def _clusters(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into a base character plus the combining marks that follow it."""
    bounds: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        if bounds and unicodedata.category(char).startswith("M"):
            bounds[-1] = (bounds[-1][0], index + 1)
        else:
            bounds.append((index, index + 1))
    return bounds


@lru_cache(maxsize=FOLD_CACHE_SIZE)
def _fold(cluster: str) -> str:
    """Return the canonical form of one cluster, folded until it no longer changes."""
    for _ in range(4):
        folded = _fold_once(cluster)
        if folded == cluster:
            break
        cluster = folded
    return cluster


def _fold_once(cluster: str) -> str:
    """Apply one round of quote straightening, NFKC, accent removal and case folding."""
    decomposed = unicodedata.normalize("NFKD", cluster.translate(_STRAIGHT))
    kept = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category in ("Mn", "Me", "Cf"):
            continue  # accents and invisible format characters carry no intent
        kept.append(" " if category == "Cc" or char.isspace() else char)
    composed = unicodedata.normalize("NFKC", "".join(kept))
    return composed.casefold().translate(_STRAIGHT)


def _assemble(pieces: list[tuple[int, int, str]]) -> NormalizedText:
    """Join folded pieces, collapsing whitespace and stripping non-alphanumeric ends."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end, folded in pieces:
        for char in folded:
            if char.isspace() and (not chars or chars[-1] == " "):
                continue
            chars.append(" " if char.isspace() else char)
            starts.append(start)
            ends.append(end)
    low, high = _core_bounds(chars)
    offsets = (tuple(starts[low:high]), tuple(ends[low:high]))
    return NormalizedText("".join(chars[low:high]), offsets)


def _core_bounds(chars: list[str]) -> tuple[int, int]:
    """Return the bounds of ``chars`` between the first and last letter or digit."""
    alnum = [index for index, char in enumerate(chars) if char.isalnum()]
    if not alnum:
        return (0, 0)
    return (alnum[0], _keep_trailing_number_sign("".join(chars), alnum[-1] + 1))
