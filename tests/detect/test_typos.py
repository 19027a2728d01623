"""Typos in opt-out words are read as the words they misspell, with spans as typed."""

from __future__ import annotations

import pytest

from optout.detect import Detector
from optout.detect.typos import corrections, mend


def test_a_swapped_dropped_or_doubled_letter_is_mended():
    assert corrections()["teext"] == "text"
    assert corrections()["remoove"] == "remove"
    assert corrections()["tsop"] == "stop"


def test_common_words_are_left_alone():
    assert "did" not in corrections()  # not "died"
    assert "sin" not in corrections()  # not "sign"
    assert mend("i did it") is None


def test_spans_map_back_to_the_text_as_typed():
    mended = mend("pls dont teext me")
    assert mended is not None
    text, back = mended
    assert text == "pls dont text me"
    assert back(4, 16) == (4, 17)
    assert back(0, 3) == (0, 3)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Please don't teext me.", "don't teext me"),
        ("Can u tsop txting me", "tsop txting me"),
        ("you have the wrnog numbr buddy", "wrnog numbr"),
        ("pull my nummber!", "pull my nummber"),
    ],
)
def test_a_misspelt_opt_out_is_explained_by_its_words_as_typed(detector: Detector, text, phrase):
    decision = detector.decide(text)
    assert decision.action.value == "opt_out"
    assert decision.span is not None
    assert text[decision.span[0] : decision.span[1]] == phrase


def test_a_lone_surrogate_beside_a_typo_is_read_as_a_word_break():
    mended = mend("pls stpo\ud800texting")
    assert mended is not None and mended[0].startswith("pls stop\ud800")
