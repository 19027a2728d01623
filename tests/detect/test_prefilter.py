"""The pre-filter's one-pass trigger test agrees with its word-by-word reading."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from optout.detect.prefilter import is_candidate, word_screen

PIECES = [
    "stop", "text", "textbook", "texts", "txt", "remove", "remv", "wrong", "number", "numbr",
    "unsub", "opt", "opted", "optional", "alert", "alerts", "alertness", "fuck", "f*", "wtf",
    "wtfff", "sue", "sued", "baja", "bajas", "not", "no", "me", "ok", "see", "you", "lol",
    "stoop", "stpo", "teext", "número", "ñ", "é", "\ud800", "'", "*", "#", "-", ".", "!", " ",
    "  ", "\x00", "2", "42",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8))
def test_is_candidate_agrees_with_the_word_by_word_reading(pieces):
    lowered = "".join(pieces)
    assert is_candidate(lowered) == word_screen(lowered), lowered


def test_a_stem_with_an_exception_is_read_word_by_word():
    assert not is_candidate("my textbook is late")
    assert is_candidate("no more texts")
    assert not is_candidate("alertness training")
    assert is_candidate("turn off the alerts")
