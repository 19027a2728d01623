"""The detector under hostile text: whatever a stranger texts, it answers and never raises.

Random Unicode (control characters, lone surrogates and combining marks, bidi marks, emoji),
empty and 1 MB messages; spans stay inside the text; a standard keyword is recognised
whatever its case, the whitespace and punctuation around it.
"""

from __future__ import annotations

import functools
import json
import random
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from optout.detect import Detector
from optout.domain import Action, Decision, Exclusion, Trigger

DETECTOR = Detector()
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)

OPT_OUT_KEYWORDS = ["stop", "end", "cancel", "unsubscribe", "quit", "stopall", "revoke", "opt out"]
OPT_IN_KEYWORDS = ["start", "unstop"]
HELP_KEYWORDS = ["help", "info"]
KEYWORDS = OPT_OUT_KEYWORDS + OPT_IN_KEYWORDS + HELP_KEYWORDS

# Every code point, lone surrogates included: a JSON "\ud800" escape decodes to one.
ANY_CHARACTER = st.characters(codec=None, exclude_categories=())
HOSTILE_PIECES = st.sampled_from(
    [
        "\x00", "\x07", "\x1b[31m", "\r\n", "\u0301", "\u0338", "\u200b", "\u200d", "\u200e",
        "\u200f", "\u202e", "\u2066", "\ufeff", "\ufffd", "\ud83d", "\U0001f6d1", "\U0001f44d",
        "\U0001f1fa\U0001f1f8", "\u0627\u0644\u063a", "\u4e0d\u8981", "STOP", "remove me",
        "wrong number", "UNSTOP", "0", "123 456", "%s", "{0}", "\\", "'; DROP TABLE--",
    ]
)  # fmt: skip
HOSTILE_TEXT = st.one_of(
    st.text(ANY_CHARACTER, max_size=300),
    st.lists(st.one_of(HOSTILE_PIECES, st.text(ANY_CHARACTER, max_size=5)), max_size=40).map(
        "".join
    ),
)
SURROUNDING = st.text(alphabet=" \t\r\n.!?,;:*'\"", max_size=6)
INVISIBLE = st.text(alphabet="\u200b\u200e\u200f\ufeff", min_size=1, max_size=3)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _assert_well_formed(decision: Decision, text: str) -> None:
    assert isinstance(decision.action, Action)
    assert decision.trigger is None or isinstance(decision.trigger, Trigger)
    assert decision.exclusion is None or isinstance(decision.exclusion, Exclusion)
    assert 0.0 <= decision.confidence <= 1.0
    if decision.exclusion is not None:
        assert decision.action is Action.NONE, "an excluded opt-out must not opt the sender out"
    if decision.span is not None:
        start, end = decision.span
        assert 0 <= start <= end <= len(text), f"span {decision.span} outside {len(text)} chars"
    json.dumps(decision.to_dict())


def _random_case(draw: st.DrawFn, word: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    return "".join(c.upper() if flip else c for c, flip in zip(word, flips, strict=True))


@st.composite
def keyword_variants(draw: st.DrawFn) -> tuple[str, str]:
    """Return a keyword and the same keyword in random case, spacing and punctuation."""
    keyword = draw(st.sampled_from(KEYWORDS))
    inner_space = draw(st.sampled_from([" ", "  ", "\t", " \n "]))
    cased = _random_case(draw, keyword).replace(" ", inner_space)
    return keyword, draw(SURROUNDING) + cased + draw(SURROUNDING)


@FUZZ
@given(text=HOSTILE_TEXT)
def test_decide_never_raises_and_keeps_spans_in_bounds(text: str) -> None:
    _assert_well_formed(DETECTOR.decide(text), text)


@FUZZ
@given(text=HOSTILE_TEXT, days_ago=st.integers(min_value=-400, max_value=4000))
def test_decide_with_any_unstop_time_never_raises(text: str, days_ago: int) -> None:
    last_unstop_at = NOW - timedelta(days=days_ago)
    _assert_well_formed(DETECTOR.decide(text, last_unstop_at=last_unstop_at, now=NOW), text)


@settings(max_examples=50, deadline=None)
@given(texts=st.lists(HOSTILE_TEXT, max_size=8))
def test_decide_many_agrees_with_decide(texts: list[str]) -> None:
    assert DETECTOR.decide_many(texts) == [DETECTOR.decide(text) for text in texts]


@FUZZ
@given(variant=keyword_variants())
def test_keyword_decision_ignores_case_spacing_and_punctuation(variant: tuple[str, str]) -> None:
    keyword, text = variant
    bare, varied = DETECTOR.decide(keyword), DETECTOR.decide(text)
    assert (varied.action, varied.trigger) == (bare.action, bare.trigger), repr(text)
    _assert_well_formed(varied, text)


@FUZZ
@given(keyword=st.sampled_from(OPT_OUT_KEYWORDS), before=INVISIBLE, after=INVISIBLE)
def test_opt_out_keyword_survives_invisible_marks(keyword: str, before: str, after: str) -> None:
    decision = DETECTOR.decide(before + keyword.upper() + after)
    assert (decision.action, decision.trigger) == (Action.OPT_OUT, Trigger.KEYWORD)


@pytest.mark.parametrize("keyword", OPT_OUT_KEYWORDS)
def test_opt_out_keyword_is_never_shielded_by_a_recent_unstop(keyword: str) -> None:
    decision = DETECTOR.decide(f" {keyword.upper()}! ", last_unstop_at=NOW, now=NOW)
    assert (decision.action, decision.trigger, decision.exclusion) == (
        Action.OPT_OUT,
        Trigger.KEYWORD,
        None,
    )


@pytest.mark.parametrize(
    "text",
    ["", " ", "\x00", "\u0301", "\u0301\u0301\u0301", "\u200f\u202e", "\ud800", "\U0001f600" * 50],
    ids=["empty", "space", "nul", "lone-mark", "marks", "bidi", "lone-surrogate", "emoji"],
)
def test_degenerate_text_is_not_an_opt_out(text: str) -> None:
    decision = DETECTOR.decide(text)
    assert decision.action is Action.NONE
    _assert_well_formed(decision, text)


@functools.cache
def _megabyte_texts() -> dict[str, str]:
    rng = random.Random(5)
    alphabet = [chr(c) for c in range(0x20, 0x3000) if not 0xD800 <= c < 0xE000]
    return {
        "random-unicode": "".join(rng.choices(alphabet, k=1_000_000)),
        "one-word": "a" * 1_000_000,
        "spaces": " " * 1_000_000,
        "marks": "\u0301" * 1_000_000,
        "stop-repeated": "stop " * 200_000,
        "intent-at-end": "x " * 499_990 + "remove me",
    }


@pytest.mark.parametrize("name", list(_megabyte_texts()))
def test_one_megabyte_message_is_answered_and_never_auto_opts_out(name: str) -> None:
    text = _megabyte_texts()[name]
    decision = DETECTOR.decide(text)
    _assert_well_formed(decision, text)
    assert not (decision.opts_out and decision.trigger is Trigger.AUTO), (
        "a message over 200 characters must not auto opt out"
    )
