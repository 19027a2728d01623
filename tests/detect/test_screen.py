"""The screen's one-pass trigger test agrees with its word-by-word reading."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optout.detect import screen
from optout.detect.screen import may_opt_out, may_opt_out_by_words, which_may_opt_out
from optout.domain import Action, Family

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


@pytest.mark.parametrize(
    "reply", ["End. my kid graduated last yr", "END!!! enough with the asks", "Cancel, 2 many"]
)
def test_a_reply_led_by_an_opt_out_keyword_passes_and_opts_out(detector, reply):
    assert which_may_opt_out([reply]) == [0]
    assert may_opt_out(reply.lower())
    assert detector.decide(reply).family is Family.KEYWORD_FIRST
    assert detector.decide_many([reply])[0].family is Family.KEYWORD_FIRST


def test_the_same_words_in_another_sense_pass_but_stay_opted_in(detector):
    replies = ["End of the day works", "cancel my appt for tues pls"]
    assert which_may_opt_out(replies) == [0, 1]
    assert [d.action for d in detector.decide_many(replies)] == [Action.NONE, Action.NONE]


def test_past_its_word_cache_bound_the_screen_still_reads_new_words(monkeypatch):
    """A long-running service fills the caches; a new mistyped word must still be read."""
    monkeypatch.setattr(screen, "_CACHE_LIMIT", 0)
    replies = ["ur harrassing me", "u keep pestrring me", "see you at 5"]
    assert [may_opt_out(reply) for reply in replies] == [True, True, False]
    assert which_may_opt_out(replies) == [0, 1]


PHRASES = sorted(
    (head, follower) for head, followers in screen._HEADS.items() for follower in followers
)
WORDS = sorted({word for head, follower in PHRASES for word in (head, *follower.split())})


@st.composite
def near_phrases(draw: st.DrawFn) -> list[str]:
    """Words around a head and a follower, the follower cut short or run on at times."""
    head, follower = draw(st.sampled_from(PHRASES))
    said = follower.split()[: draw(st.integers(0, 4))] + draw(st.lists(st.sampled_from(WORDS)))
    before = draw(st.lists(st.sampled_from(WORDS), max_size=2))
    return [*before, head, *said][:9]


def _held_word_by_word(words: list[str]) -> bool:
    """Return whether the three words after some head open with one of its followers."""
    return any(
        (" ".join(words[place + 1 : place + 4]) + " ").startswith(screen._HEADS[word])
        for place, word in enumerate(words)
        if word in screen._HEADS
    )


@settings(max_examples=600, deadline=None)
@given(near_phrases())
def test_a_phrase_is_found_in_one_pass_as_word_by_word(words):
    assert screen._holds_phrase(words) == _held_word_by_word(words), words
