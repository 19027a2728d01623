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
from dataclasses import dataclass

_STRAIGHT = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´ʼ", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
    }
)
_ASCII_FOLD = str.maketrans({**dict.fromkeys([*range(0x20), 0x7F], " "), "`": "'"})
_ASCII_EDGES = "".join(chr(c) for c in range(128) if not chr(c).isalnum())
_RUN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A reply in canonical form; ``starts``/``ends`` give each character's origin."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the span of the original text that produced ``text[start:end]``."""
        if not self.text:
            return (0, 0)
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
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
    decomposed = unicodedata.normalize("NFKD", text.translate(_STRAIGHT))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFKC", bare).casefold().translate(_STRAIGHT)


def _normalize_ascii(text: str) -> NormalizedText:
    """Fold ASCII text, where every character maps to at most one character."""
    folded = text.translate(_ASCII_FOLD).lower()
    low = len(folded) - len(folded.lstrip(_ASCII_EDGES))
    high = _keep_trailing_number_sign(folded, len(folded.rstrip(_ASCII_EDGES)))
    words = [(m.start(), m.end()) for m in _RUN.finditer(folded, low, max(low, high))]
    starts: list[int] = []
    for index, (start, end) in enumerate(words):
        if index:
            starts.append(words[index - 1][1])  # a collapsed run maps to its first space
        starts.extend(range(start, end))
    ends = [start + 1 for start in starts]
    return NormalizedText(" ".join(folded[s:e] for s, e in words), tuple(starts), tuple(ends))


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
    return NormalizedText("".join(chars[low:high]), tuple(starts[low:high]), tuple(ends[low:high]))


def _core_bounds(chars: list[str]) -> tuple[int, int]:
    """Return the bounds of ``chars`` between the first and last letter or digit."""
    alnum = [index for index, char in enumerate(chars) if char.isalnum()]
    if not alnum:
        return (0, 0)
    return (alnum[0], _keep_trailing_number_sign("".join(chars), alnum[-1] + 1))
