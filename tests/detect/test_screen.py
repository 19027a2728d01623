"""The screen's one-pass trigger test agrees with its word-by-word reading."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from optout.detect.screen import may_opt_out, may_opt_out_by_words

PIECES = [
    "stop", "text", "textbook", "texts", "txt", "remove", "remv", "wrong", "number", "numbr",
    "unsub", "opt", "opted", "optional", "alert", "alerts", "alertness", "fuck", "f*", "wtf",
    "wtfff", "sue", "sued", "baja", "bajas", "not", "no", "me", "ok", "see", "you", "lol",
    "stoop", "stpo", "teext", "número", "ñ", "é", "\ud800", "'", "*", "#", "-", ".", "!", " ",
    "  ", "\x00", "2", "42",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8))
def test_may_opt_out_agrees_with_the_word_by_word_reading(pieces):
    lowered = "".join(pieces)
    assert may_opt_out(lowered) == may_opt_out_by_words(lowered), lowered


def test_a_stem_with_an_exception_is_read_word_by_word():
    assert not may_opt_out("my textbook is late")
    assert may_opt_out("no more texts")
    assert not may_opt_out("alertness training")
    assert may_opt_out("turn off the alerts")
