"""A keyword typed the way people type it is still the keyword; a real word near one is not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from optout.detect.mistyped_keywords import MAX_READ_CHARS, keyword_suspects, read_keyword
from optout.detect.typo_word_lists import main as check_word_lists
from optout.domain import Action, ReplyContext, Trigger


@pytest.mark.parametrize(
    ("text", "keyword"),
    [
        ("Sgop", "STOP"),  # a key off
        ("Stol", "STOP"),
        ("Qiut", "QUIT"),  # letters swapped
        ("Stpo", "STOP"),
        ("sopt", "STOP"),  # a letter typed late
        ("Sop", "STOP"),  # a letter dropped
        ("Stoppp", "STOP"),  # doubled
        ("Quiit", "QUIT"),
        ("Endd", "END"),
        ("5TOP", "STOP"),  # a digit for a letter
        ("$top", "STOP"),  # a dollar sign for an S
        ("s-t-o-p", "STOP"),  # spaced out
        ("S T O P", "STOP"),
        ("xSTOP", "STOP"),  # a stray letter in front
        ("Stopped!", "STOP"),  # inflected
        ("Unsubscribing", "UNSUBSCRIBE"),
        ("Cancle", "CANCEL"),  # misspelled
        ("cansel", "CANCEL"),  # spelled for the sound
        ("Kancel", "CANCEL"),
        ("So STOP.", "STOP"),  # with a word of speech
        ("just stop", "STOP"),
        ("Unsubscibe", "UNSUBSCRIBE"),
        ("usubscribe", "UNSUBSCRIBE"),  # as near "subscribe", but opening as only it does
        ("Stop please stop", "STOP"),  # repeated with a filler
        ("bro stop \U0001f624", "STOP"),  # said to someone, with an emoji
        ("Stop period", "STOP"),  # dictated punctuation
        ("Shap\n*Stop", "STOP"),  # a slip corrected the way texters do
        ("S\u200bTOP", "STOP"),  # an invisible character inside
        ("ST\u00adOP", "STOP"),
        ("S\u0422\u041e\u0420", "STOP"),  # Cyrillic look-alikes
        ("opt-out pls", "OPT OUT"),
    ],
)
def test_a_mistyped_keyword_is_the_keyword(detector, text, keyword):
    decision = detector.decide(text)
    assert (decision.action, decision.trigger) == (Action.OPT_OUT, Trigger.KEYWORD)
    assert decision.reason.startswith(f"keyword {keyword} (typed ")


@pytest.mark.parametrize(
    "text",
    [
        "Step",
        "Shop",
        "Quite",
        "And",
        "Send",
        "Top",
        "Spot",
        "ok",
        "no",
        "lol",
        "Subscribe",
    ],
)
def test_a_real_word_near_a_keyword_is_not_one(detector, text):
    assert detector.decide(text).trigger is not Trigger.KEYWORD


def test_a_slip_that_is_a_real_word_is_the_keyword_only_as_the_whole_reply(detector):
    """A reply of only "Stoop" answers a mass text as STOP (three blind authors wrote it, real
    chat never sends it alone); inside a sentence it is a stoop, unless only STOP fits there."""
    assert detector.decide("Stoop!").reason == "keyword STOP (typed Stoop!)"
    assert detector.decide("we sat on the front stoop").action is not Action.OPT_OUT
    assert detector.decide("stoop sending me these").action is Action.OPT_OUT
    assert detector.decide("Atop").reason == "keyword STOP (typed Atop)"
    assert detector.decide("Quite").action is not Action.OPT_OUT  # it agrees, said alone
    quit_named = ReplyContext(prompt="Spin class 6am tmrw! Reply QUIT to stop msgs")
    assert detector.decide("Quite", context=quit_named).reason == "keyword QUIT (typed Quite)"
    assert detector.decide("quite a day huh").action is not Action.OPT_OUT


def test_the_typed_words_are_highlighted(detector):
    text = "  Sgop (Sent with Loud Effect)"
    start, end = detector.decide(text).span
    assert text[start:end] == "Sgop"


def test_a_declared_keyword_is_read_with_the_same_tolerance():
    for typed in ("Leave4good", "leave 4 good.", "Laeve4Good", "Leave5Good", "LeaveGood"):
        reading = read_keyword(typed, ["LEAVE4GOOD"])
        assert reading is not None and reading.keyword == "LEAVE4GOOD" and reading.declared


def test_the_word_a_declared_keyword_opens_with_is_the_keyword():
    """Told to reply LEAVE4GOOD, "Leave" means it; without that text it is only a word."""
    reading = read_keyword("Leave!", ["LEAVE4GOOD"])
    assert reading is not None and reading.keyword == "LEAVE4GOOD" and reading.declared
    assert read_keyword("Leave", []) is None
    assert read_keyword("Good", ["LEAVE4GOOD"]) is None


@pytest.mark.parametrize(
    "text", ["Leave4good", "LEAVE 4 GOOD", "remove4ever", "Stop2End!!", "Stopp2end", "quiit2stop"]
)
def test_a_senders_keyword_by_its_shape_opts_out_without_the_text_that_declared_it(detector, text):
    """Only the contact can undo a keyword opt-out, so an undeclared one is an auto opt-out."""
    decision = detector.decide(text)
    assert (decision.action, decision.trigger) == (Action.OPT_OUT, Trigger.AUTO)
    assert decision.reason.endswith("a sender's own keyword by its shape")
    assert detector.decide_many([text, "ok"])[0] == decision


def test_a_spelled_phrase_is_no_senders_keyword(detector):
    assert detector.decide("end to end").reason != detector.decide("Leave4good").reason


def test_the_shipped_real_word_list_is_what_the_dictionaries_give():
    assert check_word_lists(["--check"]) == 0, "run python -m optout.detect.typo_word_lists"


@given(st.lists(st.sampled_from(["stop", "Sgop", "s", "t", "o", "p", "please", "out", "opt", "ok",
    "Unsubscibe", "quiit", "stopped", "me", "🛑", "(sent with Slam Effect)", "ST\u00adOP", "end"]),
    min_size=1, max_size=6), st.sampled_from([" ", "-", ", ", ""]))  # fmt: skip
def test_the_batch_look_keeps_every_reply_that_reads_as_a_keyword(words, separator):
    text = separator.join(words)[:MAX_READ_CHARS]
    if read_keyword(text) is not None:
        assert keyword_suspects([text]) == [0]


@given(st.lists(st.sampled_from(["stop", "Sgop", "s t o p", "$top", "STOP$", "end", "x_y", "",
    "Stop (sent with Slam Effect)", "stop\nplease", "SТОР", "ok see you", "quiit pls",
    "enviado con efecto Globos"]), max_size=6))  # fmt: skip
def test_the_batch_look_reads_each_reply_as_it_reads_it_alone(texts):
    alone = [position for position, text in enumerate(texts) if keyword_suspects([text]) == [0]]
    assert keyword_suspects(texts) == alone
