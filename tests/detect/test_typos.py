"""Typos read one way: the screen counts them as vocabulary, the mender as their word."""

from __future__ import annotations

import pytest

from optout.detect import Detector
from optout.detect.normalize import normalize
from optout.detect.screen import may_opt_out
from optout.detect.typos import corrections, mend, misspellings, read_through, typo_table
from optout.domain import NO_DECISION


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
    assert text == "please don't text me"  # SMS spellings read too
    assert back(text.index("text"), len(text)) == (9, 17)
    assert back(0, len("please")) == (0, 3)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("im not on ur team", "i'm not on your team"),
        ("u r not 2 txt me", "you are not to text me"),
        ("worked 4 u for years, not in 4 years", "worked for you for years, not in 4 years"),
        ("take my # off", "take my number off"),
        ("#1 fan", None),
        ("ya no me escriban porfa", "ya no me escriban por favor"),
        ("for the last time S-T-O-P", "for the last time stop"),
    ],
)
def test_sms_spellings_are_read_as_the_words_they_stand_for(typed, meant):
    mended = mend(normalize(typed).text)
    assert (mended[0] if mended else None) == meant


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
    assert mended is not None and mended[0].startswith("please stop\ud800")


SWAPS_DROPS_DOUBLES = {"tsop", "sotp", "stpo", "sop", "stp", "sttop", "stoop"}
AT_THE_ENDS = {"top", "sto", "sstop", "stopp"}
SLIPS = {
    "atop", "dtop", "etop", "wtop", "xtop", "ztop", "srop", "s5op", "s6op", "sfop", "sgop",
    "syop", "st0p", "st9p", "stip", "stkp", "stlp", "sto0", "stol", "stoo", "stpp",
}  # fmt: skip


@pytest.mark.parametrize(
    ("ends", "slips", "expected"),
    [
        (False, False, SWAPS_DROPS_DOUBLES),
        (True, False, SWAPS_DROPS_DOUBLES | AT_THE_ENDS),
        (False, True, SWAPS_DROPS_DOUBLES | SLIPS),
        (True, True, SWAPS_DROPS_DOUBLES | AT_THE_ENDS | SLIPS),
    ],
)
def test_a_words_typos_under_each_option(ends, slips, expected):
    assert misspellings("stop", ends=ends, slips=slips) == expected


def test_a_typo_table_files_each_typo_under_the_first_word_it_misspells():
    table = typo_table(["form", "from"], real_words=frozenset({"fom"}))
    assert table["frm"] == "form"  # "frm" misspells both: the first listed wins
    assert typo_table(["from", "form"], real_words=frozenset())["frm"] == "from"
    assert "from" not in table  # a word of the list is no typo of another
    assert "fom" not in table  # nor a real word
    assert typo_table(["stop"], real_words=frozenset(), shortest=4).keys() == {
        "tsop", "sotp", "stpo", "sttop", "stoop"
    }  # fmt: skip


def test_the_mender_and_the_screen_read_slips_and_ends_but_leave_real_words():
    assert corrections()["ddont"] == "dont"  # a letter doubled at the start
    assert corrections()["emove"] == "remove"  # the first letter dropped
    assert corrections()["rext"] == "text"  # a key beside the first
    assert "top" not in corrections() and "atop" not in corrections()  # real words
    assert may_opt_out("pls emove me")
    assert may_opt_out("sgop it")  # "stop" with a key beside
    assert may_opt_out("u have the wrng guy")
    assert not may_opt_out("the top one")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("unsubscirbe", "unsubscribe"),  # two letters swapped in a long word
        ("dlete", "delete"),  # a letter dropped
        ("c0ntact", "contact"),  # a look-alike digit
        ("messagr", "message"),  # a key beside the right one
        ("recieve", "receive"),
    ],
)
def test_a_longer_opt_out_word_is_read_through_its_typo(typed, meant):
    assert read_through(typed) == meant


@pytest.mark.parametrize(
    "word",
    [
        "remote",  # a real word one key from "remove"
        "arent",  # would be "parent" only with its first letter changed
        "mensajes",  # a spelling the patterns use
        "12345",
    ],
)
def test_real_words_and_the_patterns_own_spellings_mean_themselves(word):
    assert read_through(word) is None


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("dont ever c0ntact me again", "dont ever c0ntact me"),
        ("quit pesterin me", "quit pesterin me"),
    ],
)
def test_a_mistyped_longer_word_passes_the_screen_and_its_phrase_is_read(
    detector: Detector, text, phrase
):
    assert detector.decide_many([text])[0] == detector.decide(text)
    decision = detector.decide(text)
    assert decision.action.value == "opt_out"
    assert decision.span is not None
    assert text[decision.span[0] : decision.span[1]] == phrase


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("takemeoff", "take me off"),
        ("leavemealone", "leave me alone"),
        ("wrongnumberbro", "wrong number bro"),  # an SMS word in the run
        ("stopsendingmestuff", "stop sending me stuff"),  # a common word in the run
    ],
)
def test_a_run_on_is_read_as_its_words(typed, meant):
    assert read_through(typed) == meant


@pytest.mark.parametrize(
    "word",
    [
        "takeout",  # a dictionary word that would split into "take out"
        "another",
        "beliving",  # a misspelt word that splits into words no opt-out is made of
        "goodmorning",
    ],
)
def test_a_real_word_or_a_run_of_everyday_words_is_not_split(word):
    reading = read_through(word)
    assert reading is None or " " not in reading


def test_a_pattern_word_with_an_ending_is_no_run_on():
    assert read_through("unenrolled") == "unenroll"  # not "unenrol led"


@pytest.mark.parametrize(("typed", "meant"), [("5top", "stop"), ("s7op", "stop"), ("tx7", "txt")])
def test_a_short_word_with_a_look_alike_digit_is_read_as_the_word_it_spells(typed, meant):
    assert read_through(typed) == meant


@pytest.mark.parametrize("word", ["5pm", "3rd", "10am", "b4", "2day", "gr8"])
def test_numbers_with_units_and_sms_spellings_are_no_look_alikes(word):
    assert read_through(word) is None


def test_a_typo_nearer_a_real_word_than_an_opt_out_word_means_the_real_word():
    assert read_through("textung") == "texting"
    assert read_through("teasting") != "texting"  # "testing" is nearer


@pytest.mark.parametrize(
    "text",
    ["Bro 5top", "Dude, lave me alone.", "do not seend me anything else", "takemeoff😤"],
)
def test_a_mistyped_phrase_word_or_a_run_on_passes_the_batch_screen(detector: Detector, text):
    """The screen lets them through; the phrases and the model then decide."""
    assert detector.decide_many([text])[0] is not NO_DECISION
    assert detector.decide_many([text])[0] == detector.decide(text)
