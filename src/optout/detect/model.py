"""The learned opt-out intent model: TF-IDF n-grams into a logistic regression.

Training (:mod:`optout.detect.train`) uses scikit-learn; inference here re-implements the
featurisation in plain Python so the shipped model needs neither scikit-learn nor pickle.
The model ships as two safe files in ``optout/detect/model/``: ``intent.json`` (format
version, feature settings, vocabulary, decision thresholds and training metadata) and
``intent.npz`` (idf weights, coefficients and intercept, loaded without pickle).
"""

from __future__ import annotations

import io
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np

from optout.detect.patterns import Evidence

FORMAT = "optout-intent-model"
FORMAT_VERSION = 1
CHAR_NGRAMS = (2, 5)
WORD_NGRAMS = (1, 2)

_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def tokens(canonical: str) -> list[re.Match[str]]:
    """Return the word tokens of a canonical reply (apostrophes kept inside words)."""
    return list(_TOKEN.finditer(canonical))


def features(canonical: str) -> list[str]:
    """Return the word 1–2-grams and in-word character 2–5-grams of a canonical reply."""
    words = [match.group().replace("'", "") for match in tokens(canonical)]
    found = [f"w {word}" for word in words]
    found.extend(f"w {first} {second}" for first, second in zip(words, words[1:], strict=False))
    for word in words:
        padded = f" {word} "
        for size in range(CHAR_NGRAMS[0], CHAR_NGRAMS[1] + 1):
            found.extend(f"c {padded[i : i + size]}" for i in range(len(padded) - size + 1))
            if size >= len(padded):
                break  # a short word yields itself once, as scikit-learn's char_wb does
    return found


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Model probabilities above which a reply opts out, by the phrase evidence it has."""

    guarded: float
    weak: float
    plain: float

    def for_evidence(self, evidence: Evidence) -> float:
        """Return the threshold for a reply with the given phrase evidence."""
        if evidence.guards:
            return self.guarded
        return self.weak if evidence.weak else self.plain

    def opts_out(self, evidence: Evidence, probability: float) -> bool:
        """Return whether phrase evidence and model probability together mean opt-out."""
        if evidence.unguarded_strong is not None:
            return True
        return probability >= self.for_evidence(evidence)


class IntentModel:
    """A logistic regression over sublinear TF-IDF features, evaluated without numpy."""

    def __init__(self, config: dict[str, Any], arrays: dict[str, np.ndarray]) -> None:
        if config.get("format") != FORMAT or config.get("version") != FORMAT_VERSION:
            raise ValueError(f"not a version {FORMAT_VERSION} {FORMAT} file")
        self.config = config
        self.metadata: dict[str, Any] = config["metadata"]
        self.thresholds = Thresholds(**config["thresholds"])
        self._index = {term: i for i, term in enumerate(config["vocabulary"])}
        self._idf: list[float] = arrays["idf"].tolist()
        self._coef: list[float] = arrays["coef"].tolist()
        self._intercept = float(arrays["intercept"][0])

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

    def weights(self, canonical: str) -> dict[int, float]:
        """Return the L2-normalised TF-IDF weight of each known feature of a reply."""
        counts = Counter(features(canonical))
        weights = {}
        for term, count in counts.items():
            index = self._index.get(term)
            if index is not None:
                weights[index] = (1.0 + math.log(count)) * self._idf[index]
        norm = math.sqrt(sum(value * value for value in weights.values()))
        return {index: value / norm for index, value in weights.items()} if norm else {}

    def probability(self, canonical: str) -> float:
        """Return the probability that a canonical reply asks to opt out."""
        weights = self.weights(canonical)
        score = self._intercept + sum(self._coef[i] * value for i, value in weights.items())
        return 1.0 / (1.0 + math.exp(-score)) if score > -700 else 0.0

    def strongest_phrase(self, canonical: str) -> tuple[int, int] | None:
        """Return the span of the word n-gram that pushes hardest towards opting out."""
        best, best_span = 0.0, None
        matches = tokens(canonical)
        for size in WORD_NGRAMS:
            for start in range(len(matches) - size + 1):
                run = matches[start : start + size]
                term = "w " + " ".join(m.group().replace("'", "") for m in run)
                index = self._index.get(term)
                if index is not None and self._coef[index] * self._idf[index] > best:
                    best = self._coef[index] * self._idf[index]
                    best_span = (run[0].start(), run[-1].end())
        return best_span
