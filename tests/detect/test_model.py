"""The intent model: safe export, exact agreement with scikit-learn, reproducible training."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest

from optout.detect.labels import Label, LabelledReply
from optout.detect.model import FORMAT, FORMAT_VERSION, IntentModel
from optout.detect.normalize import normalize
from optout.detect.train import build_pipeline, train_intent_model, training_document

OPT_OUTS = [
    "stop texting me please",
    "take me off your list",
    "wrong number, who is this",
    "do not contact me again",
    "how do I unsubscribe from this",
    "no more messages thanks",
    "remove my number now",
    "I never signed up for these texts",
    "quit sending me this junk",
    "no me envie mas mensajes",
]
OTHERS = [
    "see you at the bus stop",
    "can I cancel my appointment",
    "thanks for the reminder",
    "what time does it start",
    "ok sounds good",
    "please keep me on the list",
    "is the game still on tonight",
    "my number changed, this is the new one",
    "remove the late fee please",
    "sorry wrong chat",
]


def _replies(count: int) -> list[LabelledReply]:
    """Return ``count`` small labelled replies with variety enough to train on."""
    replies = []
    for index in range(count):
        positive = index % 2 == 0
        pool = OPT_OUTS if positive else OTHERS
        text = f"{pool[(index // 2) % len(pool)]} {'!' * (index % 3)} {index % 7}"
        label = Label.AUTO if positive else Label.NONE
        replies.append(LabelledReply(label, text, index + 1))
    return replies


@pytest.fixture(scope="module")
def exported():
    return train_intent_model(_replies(160), folds=3)


def test_exported_files_are_safe_and_versioned(exported):
    config = json.loads(exported.config)
    assert (config["format"], config["version"]) == (FORMAT, FORMAT_VERSION)
    assert {"corpus_sha256", "examples", "cv_recall", "vocabulary_size"} <= set(config["metadata"])
    with zipfile.ZipFile(io.BytesIO(exported.arrays)) as archive:
        assert sorted(archive.namelist()) == ["coef.npy", "idf.npy", "intercept.npy"]
    with np.load(io.BytesIO(exported.arrays), allow_pickle=False) as arrays:
        assert arrays["idf"].shape == (len(config["vocabulary"]),)
        assert arrays["coef"].shape == (2, len(config["vocabulary"]))
        assert arrays["intercept"].shape == (2,)


def test_inference_matches_scikit_learn(exported):
    replies = _replies(160)
    documents = [training_document(t)[0] for t in (normalize(r.text).text for r in replies)]
    targets = [r.label.opts_out for r in replies]
    pipeline = build_pipeline(0).fit(documents, targets)
    expected = pipeline.predict_proba(documents)[:, 1]
    model = IntentModel.from_bytes(exported.config, exported.arrays)
    actual = np.array([model.probability(document) for document in documents])
    assert np.max(np.abs(actual - expected)) < 1e-9


def test_training_twice_gives_identical_files(exported):
    again = train_intent_model(_replies(160), folds=3)
    assert again.config == exported.config
    assert again.arrays == exported.arrays


def test_shipped_model_loads_and_agrees_with_its_metadata():
    model = IntentModel.shipped()
    assert model.metadata["vocabulary_size"] == len(model.config["vocabulary"])
    assert 0.0 < model.thresholds.plain <= 1.0


def test_shipped_model_matches_scikit_learn_on_the_corpus():
    """Refit the shipped model's pipeline on its own training data and compare."""
    from importlib import resources

    from optout.cli.detect_commands import training_replies

    model = IntentModel.shipped()
    folder = Path(str(resources.files("optout.detect").joinpath("corpus")))
    replies, _ = training_replies(folder)
    scored = [r for r in replies if r.label is not Label.SKIP]
    corpus = "".join(f"{r.label}\t{r.text}\n" for r in scored)
    if hashlib.sha256(corpus.encode()).hexdigest() != model.metadata["corpus_sha256"]:
        pytest.skip("the corpus changed since the shipped model was trained; run optout train")
    texts = [normalize(r.text).text for r in scored]
    documents = [training_document(t)[0] for t in texts]
    pipeline = build_pipeline(model.metadata["random_state"])
    pipeline.fit(documents, [r.label.opts_out for r in scored])
    expected = pipeline.predict_proba(documents)[:, 1]
    actual = model.probabilities(documents)
    assert np.max(np.abs(actual - expected)) < 1e-9


def test_the_pair_averages_a_plain_and_a_naive_bayes_scaled_regression():
    from scipy.sparse import diags
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    from optout.detect.nb_logistic import NaiveBayesLogisticPair, log_count_ratio

    replies = _replies(60)
    features = TfidfVectorizer().fit_transform([r.text for r in replies])
    targets = np.array([r.label.opts_out for r in replies], dtype=np.int64)
    pair = NaiveBayesLogisticPair(C=3.0, scaled_C=2.0).fit(features, targets)
    scaled = features @ diags(log_count_ratio(features, targets, 1.0))
    plain_p = LogisticRegression(C=3.0, max_iter=5000).fit(features, targets)
    scaled_p = LogisticRegression(C=2.0, max_iter=5000).fit(scaled, targets)
    expected = (plain_p.predict_proba(features)[:, 1] + scaled_p.predict_proba(scaled)[:, 1]) / 2
    assert np.max(np.abs(pair.predict_proba(features)[:, 1] - expected)) < 1e-9
    assert list(pair.predict(features)) == list((expected >= 0.5).astype(int))


def test_the_shipped_model_was_trained_on_this_corpus_and_phrase_book():
    """A changed seed, corpus line or pattern leaves the model stale: say what to run."""
    from importlib import resources

    from optout.cli.detect_commands import training_replies
    from optout.detect.phrasebook import phrase_book_digest
    from optout.detect.train import corpus_digest

    model = IntentModel.shipped()
    folder = Path(str(resources.files("optout.detect").joinpath("corpus")))
    replies, _ = training_replies(folder)
    stale = "the shipped model is stale: run `optout train` (or `make train`) and commit the model"
    assert corpus_digest(replies) == model.metadata["corpus_sha256"], stale
    assert phrase_book_digest() == model.metadata.get("phrase_book_sha256"), stale
