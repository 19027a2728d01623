"""The learned opt-out intent model: TF-IDF n-grams into two logistic regressions.

Training (:mod:`optout.detect.train`) uses scikit-learn; inference here re-implements the
featurisation in plain Python so the shipped model needs neither scikit-learn nor pickle.
The model ships as two safe files in ``optout/detect/model/``: ``intent.json`` (format
version, feature settings, vocabulary, decision thresholds and training metadata) and
``intent.npz`` (idf weights, one coefficient row and one intercept per regression, loaded
without pickle). The probability is the mean of the regressions' probabilities (see
:mod:`optout.detect.nb_logistic`).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import chain, pairwise
from typing import Any, cast

import numpy as np

from optout.detect.patterns import Evidence

FORMAT = "optout-intent-model"
FORMAT_VERSION = 2
CHAR_NGRAMS = (2, 5)
WORD_NGRAMS = (1, 2)
WORD_CACHE_LIMIT = 100_000
"""Words whose known features are remembered; bounded for a long-running service."""
_PACKED = np.dtype("<i4")
"""Known features are kept as vocabulary indexes packed into bytes, joined in C per reply."""

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_ASCII_TOKEN = re.compile(_TOKEN.pattern, re.ASCII)
"""The same tokens in ASCII text, found faster."""


def tokens(canonical: str) -> list[re.Match[str]]:
    """Return the word tokens of a canonical reply (apostrophes kept inside words)."""
    return list(_TOKEN.finditer(canonical))


_MARKS = "\x1f"
"""Separates a reply's canonical text from its phrase-evidence marks in a model document."""


NEGATIONS = (
    "do not", "don't", "dont", "dnt", "never", "didn't", "didnt", "did not", "not", "no",
    "won't", "wont", "cannot", "can't", "cant", "pls don't",
)  # fmt: skip
"""What negates the word after it; an apostrophe may be left out ("dont")."""
_NEGATORS = frozenset(negation.split()[-1].replace("'", "") for negation in NEGATIONS)
"""The last word of each negation as words are tokenised (apostrophes dropped)."""


def _negation_marked(words: list[str]) -> list[str]:
    """Return the words as :func:`mark_negations` leaves them (close enough to explain)."""
    marked: list[str] = []
    for word in words:
        negated = bool(marked) and marked[-1] in _NEGATORS
        marked.append(NEGATION_MARK + word if negated else word)
    return marked


_NEGATION_INITIALS = "".join(sorted({negation[0] for negation in NEGATIONS}))
_NEGATED = re.compile(
    rf"(?=[{_NEGATION_INITIALS}])\b("  # a cheap first-letter test the engine skips ahead with
    + "|".join(n.replace("'", "'?") for n in NEGATIONS)
    + r") ([^\W_]+)"
)
NEGATION_MARK = "neg"
"""Prefixed to the word after a negation, so "dont txt me" and "and txt me" differ."""


def mark_negations(canonical: str) -> str:
    """Return the reply with the word after each negation marked as negated."""
    return _NEGATED.sub(lambda m: f"{m.group(1)} {NEGATION_MARK}{m.group(2)}", canonical)


def model_document(read: str, evidence: Evidence) -> str:
    """Return what the model reads: the reply as the phrase search reads it, and its evidence.

    ``read`` is the canonical reply with its typos and run-ons read through
    (:func:`.phrasebook.reading`: "dlete my c0ntact", "leavemealone"), so a mistyped opt-out
    looks to the model like one typed with care; negations are marked. The marks let the
    model learn how much each phrase family and guard is worth.
    """
    canonical = mark_negations(read)
    marks = [f"guard:{m.family}" for m in evidence.guards]
    marks.extend(f"weak:{m.family}" for m in evidence.weak)
    for match in evidence.strong:
        vetoed = any(match.overlaps(guard) for guard in evidence.guards)
        marks.append(f"{'vetoed' if vetoed else 'strong'}:{match.family}")
    return canonical + _MARKS + "|".join(marks)


def features(document: str) -> list[str]:
    """Return the evidence marks, word 1–2-grams and in-word character 2–5-grams."""
    marks, words = _document_parts(document)
    found = [f"e {mark}" for mark in marks]
    found.extend(f"w {first} {second}" for first, second in zip(words, words[1:], strict=False))
    for word in words:
        found.extend(word_features(word))
    return found


def _document_parts(document: str) -> tuple[list[str], list[str]]:
    """Split a model document into its evidence marks and its words."""
    canonical, _, marks = document.partition(_MARKS)
    words = [match.group().replace("'", "") for match in tokens(canonical)]
    return [mark for mark in marks.split("|") if mark], words


def word_features(word: str) -> list[str]:
    """Return one word's unigram and its character 2–5-grams, padded as char_wb pads them."""
    found = [f"w {word}"]
    padded = f" {word} "
    for size in range(CHAR_NGRAMS[0], CHAR_NGRAMS[1] + 1):
        found.extend(f"c {padded[i : i + size]}" for i in range(len(padded) - size + 1))
        if size >= len(padded):
            break  # a short word yields itself once, as scikit-learn's char_wb does
    return found


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Model probabilities above which a reply opts out, by the phrase evidence it has.

    ``strong`` is low: a strong phrase no guard overlaps opts out unless the model finds
    the whole reply very unlikely to be an opt-out ("why u stop texting me :(").
    """

    guarded: float
    weak: float
    plain: float
    strong: float = 0.0

    def for_evidence(self, evidence: Evidence) -> float:
        """Return the threshold for a reply with the given phrase evidence."""
        return float(getattr(self, evidence_group(evidence)))

    def opts_out(self, evidence: Evidence, probability: float) -> bool:
        """Return whether phrase evidence and model probability together mean opt-out."""
        return probability >= self.for_evidence(evidence)


def logistic(scores: np.ndarray) -> np.ndarray:
    """Return the logistic function of ``scores``, written so large scores cannot overflow."""
    return 0.5 * (1.0 + np.tanh(scores / 2.0))


def evidence_group(evidence: Evidence) -> str:
    """Return the name of the threshold for a reply with this evidence (a field above)."""
    if evidence.unguarded_strong is not None:
        return "strong"
    return "guarded" if evidence.guards else "weak" if evidence.weak else "plain"


class IntentModel:
    """Logistic regressions over sublinear TF-IDF features, averaged, without scikit-learn."""

    def __init__(self, config: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
        if config.get("format") != FORMAT or config.get("version") != FORMAT_VERSION:
            raise ValueError(f"not a version {FORMAT_VERSION} {FORMAT} file")
        self.config = config
        self.metadata: dict[str, Any] = config["metadata"]
        self.thresholds = Thresholds(**config["thresholds"])
        self._index = {term: i for i, term in enumerate(config["vocabulary"])}
        self._idf = np.asarray(arrays["idf"], dtype=np.float64)
        self._coef = np.asarray(arrays["coef"], dtype=np.float64)
        self._intercept = np.asarray(arrays["intercept"], dtype=np.float64)
        if self._coef.shape != (len(self._intercept), len(self._idf)):
            raise ValueError("coef must hold one row of idf's length per intercept")
        self._push = self._coef.sum(axis=0) * self._idf
        """How hard each feature pushes towards opting out, for explanations."""
        self._marks, self._pairs = _mark_and_pair_indexes(self._index)
        self._words: dict[str, bytes] = {}

    @classmethod
    def from_bytes(cls, config: bytes, arrays: bytes) -> IntentModel:
        """Load a model from the bytes of its JSON and ``.npz`` files."""
        with np.load(io.BytesIO(arrays), allow_pickle=False) as npz:
            loaded = {name: npz[name] for name in npz.files}
        return cls(json.loads(config), loaded)

    @classmethod
    def shipped(cls) -> IntentModel:
        """Load the model that ships inside the package."""
        folder = resources.files("optout.detect").joinpath("model")
        config = folder.joinpath("intent.json").read_bytes()
        return cls.from_bytes(config, folder.joinpath("intent.npz").read_bytes())

    def _known_features(self, document: str) -> bytes:
        """Return the packed vocabulary index of every known feature of a model document.

        The same features :func:`features` lists, looked up without building their names:
        marks and word pairs by key, each word's own from a cache.
        """
        canonical, _, marks = document.partition(_MARKS)
        words: list[str] = (_ASCII_TOKEN if canonical.isascii() else _TOKEN).findall(canonical)
        if "'" in canonical:
            words = [word.replace("'", "") for word in words]
        cached = list(map(self._words.get, words))
        if None in cached:
            cached = list(map(self._word_known, words))
        known = cast(list[bytes], cached)  # every word's features are cached by now
        return b"".join(
            chain(
                filter(None, map(self._marks.get, marks.split("|"))),
                filter(None, map(self._pairs.get, pairwise(words))),
                known,
            )
        )

    def _word_known(self, word: str) -> bytes:
        """Return the packed indexes of one word's known features, remembered once found."""
        cached = self._words.get(word)
        if cached is not None:
            return cached
        indexes = [i for t in word_features(word) if (i := self._index.get(t)) is not None]
        known = np.array(indexes, dtype=_PACKED).tobytes()
        if len(self._words) < WORD_CACHE_LIMIT:
            self._words[word] = known
        return known

    def probability(self, document: str) -> float:
        """Return the probability that a model document (see above) asks to opt out."""
        return float(self.probabilities([document])[0])

    def probabilities(self, documents: Sequence[str]) -> np.ndarray:
        """Return the opt-out probability of each document, scored as one sparse batch."""
        rows = [self._known_features(document) for document in documents]
        owner, feature, counts = self._counted(rows)
        weights = (1.0 + np.log(counts)) * self._idf[feature]
        norms = np.sqrt(np.bincount(owner, weights=weights * weights, minlength=len(rows)))
        norms = np.where(norms > 0, norms, 1.0)
        total = np.zeros(len(rows))
        for coef, intercept in zip(self._coef, self._intercept, strict=True):
            dots = np.bincount(owner, weights=weights * coef[feature], minlength=len(rows))
            total += logistic(intercept + dots / norms)
        return total / len(self._coef)

    def _counted(self, rows: list[bytes]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return each distinct (row, feature) of packed rows, in order, with its count."""
        lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows)) // _PACKED.itemsize
        bits = max(len(self._idf) - 1, 1).bit_length()  # a row's number sits above its features
        keys = np.repeat(np.arange(len(rows), dtype=np.int64) << bits, lengths)
        keys |= np.frombuffer(b"".join(rows), dtype=_PACKED)
        if len(rows) << bits < 2**31:
            keys = keys.astype(np.int32)  # half the bytes to sort
        keys, counts = _distinct_with_counts(keys)
        return keys >> bits, keys & ((1 << bits) - 1), counts

    def strongest_phrase(self, canonical: str) -> tuple[int, int] | None:
        """Return the span of the word n-gram that pushes hardest towards opting out."""
        best, best_span = 0.0, None
        matches = tokens(canonical)
        words = _negation_marked([m.group().replace("'", "") for m in matches])
        for size in WORD_NGRAMS:
            for start in range(len(matches) - size + 1):
                run = matches[start : start + size]
                index = self._index.get("w " + " ".join(words[start : start + size]))
                if index is not None and self._push[index] > best:
                    best = float(self._push[index])
                    best_span = (run[0].start(), run[-1].end())
        return best_span


def _mark_and_pair_indexes(
    index: dict[str, int],
) -> tuple[dict[str, bytes], dict[tuple[str, ...], bytes]]:
    """Return the packed index of each evidence mark and of each word pair, by key."""
    marks: dict[str, bytes] = {}
    pairs: dict[tuple[str, ...], bytes] = {}
    for term, position in index.items():
        packed = np.array([position], dtype=_PACKED).tobytes()
        kind, _, rest = term.partition(" ")
        if kind == "e" and rest:
            marks[rest] = packed
        elif kind == "w" and rest.count(" ") == 1:
            pairs[tuple(rest.split(" "))] = packed
    return marks, pairs


def _distinct_with_counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the distinct ``keys`` in order with how often each occurs.

    What ``np.unique(keys, return_counts=True)`` returns, without its general-purpose
    bookkeeping: a sort, then the runs of equal keys. The keys come already grouped by
    row, rows in order, which the stable sort (timsort) makes use of: it takes about two
    thirds of the default sort's time on a batch of replies.
    """
    keys = np.sort(keys, kind="stable")
    opens_run = np.empty(keys.size, dtype=bool)
    opens_run[:1] = True
    np.not_equal(keys[1:], keys[:-1], out=opens_run[1:])
    starts = np.flatnonzero(opens_run)
    return keys[starts], np.diff(starts, append=keys.size)
