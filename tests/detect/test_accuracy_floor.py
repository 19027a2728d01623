"""Accuracy floor on the held-out split: the build fails if the detector regresses.

The product targets are opt-out recall >= 0.97 and a false-positive rate <= 1% on the
held-out split. The shipped detector does not reach them yet (see the floors below, set
just under what it measures today); raise the floors as it improves, never lower them.
"""

from __future__ import annotations

from importlib import resources

import pytest

from optout.detect.evaluation import evaluate
from optout.detect.labels import parse_labelled

TARGET_RECALL = 0.97
TARGET_FALSE_POSITIVE_RATE = 0.01
RECALL_FLOOR = 0.95
FALSE_POSITIVE_CEILING = 0.01


@pytest.fixture(scope="module")
def held_out(detector):
    folder = resources.files("optout.detect").joinpath("corpus")
    replies = parse_labelled(folder.joinpath("heldout.tsv").read_text("utf-8"), source="heldout")
    return evaluate(detector, replies)


def test_held_out_recall_stays_above_the_floor(held_out):
    assert held_out.recall >= RECALL_FLOOR, held_out.recall


def test_held_out_false_positive_rate_stays_under_the_ceiling(held_out):
    assert held_out.false_positive_rate <= FALSE_POSITIVE_CEILING, held_out.false_positive_rate


def test_keywords_are_exact_on_held_out(held_out):
    assert held_out.keyword_exactness == 1.0
