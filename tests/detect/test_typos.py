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


def test_the_one_generator_makes_the_screens_typo_words_as_before():
    from optout.detect import screen
    from optout.detect.screen_vocabulary import CORE_WORDS, REAL_WORDS
    from optout.detect.typos import typo_table

    table = typo_table(CORE_WORDS, real_words=REAL_WORDS, shortest=4, ends=True, slips=True)
    assert frozenset(table) == screen._typos(CORE_WORDS)


def test_the_one_generator_makes_the_corrections_as_before():
    from optout.detect import typos

    before: dict[str, str] = {}
    for word in typos.VOCABULARY:
        for typo in typos._misspellings(word):
            before.setdefault(typo, word)
    before = {
        t: w for t, w in before.items() if t not in typos.COMMON_WORDS and t not in typos.VOCABULARY
    }
    assert typos.typo_table(typos.VOCABULARY, real_words=typos.COMMON_WORDS) == before
    assert typos.corrections() == before
    for word in typos.VOCABULARY:
        assert typos.misspellings(word) == typos._misspellings(word)
