"""Train the intent model with scikit-learn and export it to the shipped safe format.

Training is reproducible: the same corpus and ``random_state`` give byte-identical files
(the ``.npz`` archive is written with fixed timestamps). Decision thresholds are tuned on
out-of-fold probabilities of the training split only; the held-out split is never seen.
This module does no file I/O: it takes labelled replies and returns the files' bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from optout.detect.detector import evidence_with_context
from optout.detect.keywords import match_keyword
from optout.detect.labels import Label, LabelledReply
from optout.detect.model import (
    CHAR_NGRAMS,
    FORMAT,
    FORMAT_VERSION,
    WORD_NGRAMS,
    Thresholds,
    evidence_group,
    model_document,
)
from optout.detect.model import features as model_features
from optout.detect.normalize import normalize
from optout.detect.patterns import Evidence
from optout.detect.phrasebook import phrase_book_digest, reading
from optout.detect.screen import may_opt_out

REGULARISATION_C = 30.0
SCALED_REGULARISATION_C = 10.0
"""The naive-Bayes-scaled regression's C (:mod:`optout.detect.nb_logistic`)."""
NAIVE_BAYES_ALPHA = 1.0
MIN_DF = 2
FALSE_POSITIVE_SHARES = {"guarded": 0.0025, "weak": 0.0175, "plain": 0.0045}
"""The share of each evidence group's hand-written negatives that may opt out.

A group's threshold is the ``1 - share`` quantile of the out-of-fold scores of the
sentences in it that are not opt-outs, each scored once (:func:`negatives_by_seed`), the
quantile smoothed (:func:`share_threshold`), so it moves little when seeds or patterns
are added. An earlier rule, the least weighted cost of misses and false opt-outs, had flat
cost curves whose bottom moved with a few replies: every retrain moved the thresholds by up
to 0.04 and the false opt-outs in ordinary SMS by a quarter. The shares give, on this
release's corpus, the thresholds of the last release whose false opt-outs in ordinary SMS
kept within budget. The least share goes to replies a guard overlaps, the most to weak
phrases, whose words are opt-out words already.
"""
STRONG_FALSE_POSITIVE_COST = 1.0
"""A strong phrase is rarely wrong, so its veto weighs a false opt-out like a miss."""
STRONG_COST_TOLERANCE = 0.02
"""How far above its least cost (a share of it) the strong veto may lie: the lowest
threshold on the cost curve's flat bottom is taken, since a missed opt-out breaks the law."""
FOLD_ASSIGNMENTS = 4
"""How many ways the replies are dealt into cross-validation folds; thresholds are read off
the out-of-fold scores of all of them pooled. With one way, which hand-written seeds shared
a fold moved the thresholds by up to 0.12 (guarded) and 0.03 (plain) between seeds of the
same corpus, and with them the false opt-outs in ordinary SMS by a third."""
GRID = [round(0.30 + 0.005 * step, 3) for step in range(140)] + [0.9975, 0.999, 1.0]
_SMOOTHING = 4
"""Grid points on each side averaged into a threshold's cost (0.02 of probability)."""
_STRONG_GRID = [round(0.005 * step, 3) for step in range(21)]
"""A strong phrase is vetoed only where the model all but rules an opt-out out."""


@dataclass(frozen=True, slots=True)
class ExportedModel:
    """The two files of a trained model, as bytes."""

    config: bytes
    arrays: bytes


def train_intent_model(
    replies: Sequence[LabelledReply],
    *,
    groups: Sequence[str] | None = None,
    random_state: int = 0,
    folds: int = 10,
    assignments: int = FOLD_ASSIGNMENTS,
) -> ExportedModel:
    """Train on ``replies`` (SKIP ignored) and return the exported model files.

    ``groups`` (one per reply) keeps the variants of one hand-written sentence in the same
    cross-validation fold, so tuning is not fooled by near-duplicates. Thresholds are tuned
    on the out-of-fold scores of ``assignments`` different deals into folds, pooled.
    """
    kept = [i for i, reply in enumerate(replies) if reply.label is not Label.SKIP]
    scored = [replies[i] for i in kept]
    texts = [normalize(reply.text).text for reply in scored]
    read = [training_document(text) for text in texts]
    documents = [document for document, _ in read]
    evidences = [evidence for _, evidence in read]
    targets = np.array([reply.label.opts_out for reply in scored], dtype=np.int64)
    fold_groups = [groups[i] for i in kept] if groups is not None else list(map(str, kept))
    held_out = np.concatenate(
        [
            _out_of_fold(documents, targets, fold_groups, random_state + deal, folds)
            for deal in range(assignments)
        ]
    )
    thresholds, metrics = _tune(
        scored * assignments,
        texts * assignments,
        evidences * assignments,
        np.tile(targets, assignments),
        held_out,
        fold_groups * assignments,
    )
    pipeline = build_pipeline(random_state).fit(documents, targets)
    metadata = _metadata(scored, targets, metrics, random_state, folds, assignments)
    return _export(pipeline, thresholds, metadata)


def build_pipeline(random_state: int = 0) -> Any:
    """Return the untrained scikit-learn pipeline the inference code mirrors."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_pipeline

    from optout.detect.nb_logistic import NaiveBayesLogisticPair

    vectorizer = TfidfVectorizer(
        analyzer=model_features, sublinear_tf=True, min_df=MIN_DF, dtype=np.float64
    )
    classifier = NaiveBayesLogisticPair(
        C=REGULARISATION_C,
        scaled_C=SCALED_REGULARISATION_C,
        alpha=NAIVE_BAYES_ALPHA,
        random_state=random_state,
    )
    return make_pipeline(vectorizer, classifier)


def _out_of_fold(
    texts: list[str], targets: np.ndarray, groups: list[str], random_state: int, folds: int
) -> Any:
    """Return each reply's opt-out probability from a model that never saw its group."""
    from sklearn.model_selection import StratifiedGroupKFold, cross_val_predict

    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=random_state)
    return cross_val_predict(
        build_pipeline(random_state),
        texts,
        targets,
        groups=groups,
        cv=splitter,
        method="predict_proba",
    )[:, 1]


def _tune(
    replies: list[LabelledReply],
    texts: list[str],
    evidences: list[Evidence],
    targets: np.ndarray,
    probabilities: Any,
    seeds: list[str],
) -> tuple[Thresholds, dict[str, float]]:
    """Pick per-evidence thresholds: a share of each group's negatives, the strong veto by cost.

    ``seeds`` names the hand-written sentence each reply was made from: the negatives are
    counted by sentence (:func:`negatives_by_seed`).
    """
    strong_rows: list[tuple[float, bool]] = []
    negatives: dict[str, dict[str, list[float]]] = {name: {} for name in FALSE_POSITIVE_SHARES}
    for reply, text, evidence, target, probability, seed in zip(
        replies, texts, evidences, targets, probabilities, seeds, strict=True
    ):
        if match_keyword(text) or not _reaches_model(reply.text, text):
            continue
        group = evidence_group(evidence)
        if group == "strong":
            strong_rows.append((float(probability), bool(target)))
        elif not target:
            negatives[group].setdefault(seed, []).append(float(probability))
    strong = best_threshold(
        strong_rows, STRONG_FALSE_POSITIVE_COST, STRONG_COST_TOLERANCE, _STRONG_GRID
    )
    shared = {
        name: share_threshold(negatives_by_seed(seeds_of), FALSE_POSITIVE_SHARES[name])
        for name, seeds_of in negatives.items()
    }
    thresholds = Thresholds(strong=strong, **shared)
    return thresholds, _cascade_metrics(replies, texts, evidences, probabilities, thresholds)


def training_document(canonical: str) -> tuple[str, Evidence]:
    """Return what the model reads of a canonical reply in training, and its evidence.

    The evidence is what the detector weighs without context: the phrases, and a keyword
    that opens or closes the reply ("Stop. way too many texts"), so the model learns what
    those are worth instead of meeting their marks for the first time in service.
    """
    read = reading(canonical)
    evidence = evidence_with_context(read.evidence, canonical, (), None)
    return model_document(read.text, evidence), evidence


def _reaches_model(original: str, text: str) -> bool:
    """Return whether the detector's screen lets this reply through to the model."""
    return not original.isascii() or may_opt_out(text)


def negatives_by_seed(scores: dict[str, list[float]]) -> list[float]:
    """Return one score per hand-written negative: the mean of its variants' scores.

    Counted line by line, one hard sentence with its dozen variants (its noisy copies, once
    per deal into folds) took half of the guarded group's share, and a few new seeds moved
    its threshold from 0.90 to 0.98; counted by sentence, each moves it by one.
    """
    return [float(np.mean(variants)) for variants in scores.values()]


def share_threshold(negatives: list[float], share: float, grid: list[float] = GRID) -> float:
    """Return the lowest grid threshold at or above the negatives' ``1 - share`` quantile.

    The quantile is Harrell and Davis's (:func:`scipy.stats.mstats.hdquantiles`), a weighted
    mean of every order statistic: where only a handful of sentences lie above it, as in
    the guarded group, the plain order statistic jumped with each one added or removed.
    """
    from scipy.stats.mstats import hdquantiles

    if share <= 0 or not negatives:
        return next((t for t in grid if t > max(negatives, default=0.0)), grid[-1])
    quantile = float(hdquantiles(np.asarray(negatives), prob=[1 - share])[0])
    return next((t for t in grid if t >= quantile), grid[-1])


def best_threshold(
    rows: list[tuple[float, bool]], false_positive_cost: float, tolerance: float, grid: list[float]
) -> float:
    """Return the lowest grid threshold whose cost is within ``tolerance`` of the least."""

    def cost(threshold: float) -> float:
        missed = sum(1 for p, positive in rows if positive and p < threshold)
        false = sum(1 for p, positive in rows if not positive and p >= threshold)
        return missed + false_positive_cost * false

    costs = [cost(threshold) for threshold in grid]

    def smoothed(index: int) -> float:
        """Return the mean cost around a grid point, so one lucky reply cannot move it."""
        window = costs[max(0, index - _SMOOTHING) : index + _SMOOTHING + 1]
        return sum(window) / len(window)

    smoothed_costs = [smoothed(index) for index in range(len(grid))]
    ceiling = min(smoothed_costs) * (1.0 + tolerance)
    return next(t for t, c in zip(grid, smoothed_costs, strict=True) if c <= ceiling)


def _cascade_metrics(
    replies: list[LabelledReply],
    texts: list[str],
    evidences: list[Evidence],
    probabilities: Any,
    thresholds: Thresholds,
) -> dict[str, float]:
    """Return cross-validated recall and false-positive rate of the whole cascade."""
    hits = {True: 0, False: 0}
    totals = {True: 0, False: 0}
    for reply, text, evidence, probability in zip(
        replies, texts, evidences, probabilities, strict=True
    ):
        keyword = match_keyword(text)
        if keyword:
            predicted = keyword.action.value == "opt_out"
        else:
            reaches = _reaches_model(reply.text, text)
            predicted = reaches and thresholds.opts_out(evidence, float(probability))
        totals[reply.label.opts_out] += 1
        hits[reply.label.opts_out] += predicted
    return {
        "cv_recall": round(hits[True] / max(totals[True], 1), 4),
        "cv_false_positive_rate": round(hits[False] / max(totals[False], 1), 4),
    }


def corpus_digest(replies: Sequence[LabelledReply]) -> str:
    """Return the hash of the scored training replies, as stored with the model."""
    scored = (reply for reply in replies if reply.label is not Label.SKIP)
    corpus = "".join(f"{reply.label}\t{reply.text}\n" for reply in scored)
    return hashlib.sha256(corpus.encode()).hexdigest()


def _metadata(
    replies: list[LabelledReply],
    targets: np.ndarray,
    metrics: dict[str, float],
    random_state: int,
    folds: int,
    assignments: int,
) -> dict[str, Any]:
    """Return the training facts stored with the model (no dates: trainings must match)."""
    return {
        "corpus_sha256": corpus_digest(replies),
        "phrase_book_sha256": phrase_book_digest(),
        "examples": len(replies),
        "opt_out_examples": int(targets.sum()),
        "random_state": random_state,
        "folds": folds,
        "fold_assignments": assignments,
        "C": REGULARISATION_C,
        "scaled_C": SCALED_REGULARISATION_C,
        "naive_bayes_alpha": NAIVE_BAYES_ALPHA,
        "min_df": MIN_DF,
        **metrics,
    }


def _export(pipeline: Any, thresholds: Thresholds, metadata: dict[str, Any]) -> ExportedModel:
    """Return the JSON and ``.npz`` bytes of a fitted pipeline."""
    vectorizer, classifier = pipeline[0], pipeline[-1]
    vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.__getitem__)
    config = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "features": {"word_ngrams": WORD_NGRAMS, "char_ngrams": CHAR_NGRAMS, "sublinear_tf": True},
        "thresholds": {
            "guarded": thresholds.guarded,
            "weak": thresholds.weak,
            "plain": thresholds.plain,
            "strong": thresholds.strong,
        },
        "metadata": {**metadata, "vocabulary_size": len(vocabulary)},
        "vocabulary": vocabulary,
    }
    arrays = {
        "idf": np.asarray(vectorizer.idf_, dtype=np.float64),
        "coef": np.asarray(classifier.coef_, dtype=np.float64),
        "intercept": np.asarray(classifier.intercept_, dtype=np.float64),
    }
    text = json.dumps(config, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    return ExportedModel(text.encode(), _npz_bytes(arrays))


def _npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """Return an ``.npz`` archive with fixed timestamps, so equal arrays give equal bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            entry = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(entry, "w") as handle:
                np.lib.format.write_array(handle, array, allow_pickle=False)
    return buffer.getvalue()
