"""Accuracy floors on the held-out split and the probe sets: the build fails on a regression.

The product targets are opt-out recall >= 0.97 and a false-positive rate <= 1% on hard
negatives. The shipped detector meets them on all three files (held-out 0.981 / 0.11%,
probe 0.982 / 0%, probe2 0.991 / 0.56% when measured), so the floors are the targets
themselves.
"""

from __future__ import annotations

from importlib import resources

import pytest

from optout.detect.evaluation import Evaluation, evaluate
from optout.detect.labels import parse_labelled

RECALL_FLOOR = 0.97
FALSE_POSITIVE_CEILING = 0.01


@pytest.fixture(scope="module", params=["heldout.tsv", "probe.tsv", "probe2.tsv"])
def measured(request, detector) -> Evaluation:
    folder = resources.files("optout.detect").joinpath("corpus")
    text = folder.joinpath(request.param).read_text("utf-8")
    return evaluate(detector, parse_labelled(text, source=request.param))


def test_recall_stays_above_the_floor(measured):
    assert measured.recall >= RECALL_FLOOR, measured.recall


def test_false_positive_rate_stays_under_the_ceiling(measured):
    assert measured.false_positive_rate <= FALSE_POSITIVE_CEILING, measured.false_positive_rate


def test_keywords_are_exact(measured):
    assert measured.keyword_exactness == 1.0
