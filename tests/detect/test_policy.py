"""Exclusions: numbers only, a recent UNSTOP, a reply over 200 characters; auto opt-outs only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from optout.detect.policy import auto_opt_out_exclusion, is_numbers_only
from optout.domain import Action, Exclusion, Trigger

NOW = datetime(2026, 9, 15, 12, 0, tzinfo=UTC)
AUTO_OPT_OUT = "please take me off your texting list"


@pytest.mark.parametrize("text", ["12", "555-0100", "(555) 010 0199", " 4 . 2 ", "1,000,000"])
def test_digits_with_spaces_or_punctuation_are_numbers_only(text):
    assert is_numbers_only(text)


@pytest.mark.parametrize("text", ["", "  ", "...", "2 please", "stop 2", "C"])
def test_anything_else_is_not_numbers_only(text):
    assert not is_numbers_only(text)


def test_numbers_only_comes_first():
    exclusion = auto_opt_out_exclusion("123", last_unstop_at=NOW, now=NOW)
    assert exclusion is Exclusion.NUMBERS_ONLY


def test_auto_opt_out_applies_without_exclusions(detector):
    decision = detector.decide(AUTO_OPT_OUT)
    assert (decision.action, decision.trigger, decision.exclusion) == (
        Action.OPT_OUT,
        Trigger.AUTO,
        None,
    )


def _padded(length: int) -> str:
    """Return the auto opt-out followed by filler up to ``length`` characters."""
    text = AUTO_OPT_OUT + ". "
    return text + "x" * (length - len(text))


def test_200_characters_still_counts(detector):
    decision = detector.decide(_padded(200))
    assert decision.action is Action.OPT_OUT


def test_201_characters_is_too_long(detector):
    decision = detector.decide(_padded(201))
    assert (decision.action, decision.trigger, decision.exclusion) == (
        Action.NONE,
        Trigger.AUTO,
        Exclusion.TOO_LONG,
    )
    assert decision.reason and decision.span


def test_unstop_a_month_ago_shields_an_auto_opt_out(detector):
    decision = detector.decide(AUTO_OPT_OUT, last_unstop_at=NOW - timedelta(days=31), now=NOW)
    assert (decision.action, decision.exclusion) == (Action.NONE, Exclusion.RECENT_UNSTOP)


def test_unstop_seven_months_ago_does_not(detector):
    decision = detector.decide(AUTO_OPT_OUT, last_unstop_at=NOW - timedelta(days=213), now=NOW)
    assert (decision.action, decision.exclusion) == (Action.OPT_OUT, None)


def test_unstop_exactly_six_months_before_still_shields():
    exclusion = auto_opt_out_exclusion(
        AUTO_OPT_OUT, last_unstop_at=datetime(2026, 3, 15, 12, 0, tzinfo=UTC), now=NOW
    )
    assert exclusion is Exclusion.RECENT_UNSTOP


def test_now_defaults_to_the_clock_in_the_unstop_timezone():
    recent = datetime.now(UTC) - timedelta(days=2)
    assert auto_opt_out_exclusion(AUTO_OPT_OUT, last_unstop_at=recent, now=None)
    naive = datetime.now() - timedelta(days=2)
    assert auto_opt_out_exclusion(AUTO_OPT_OUT, last_unstop_at=naive, now=None)


@pytest.mark.parametrize("text", ["STOP", "unsubscribe", "Stop all", "x" * 0 + "STOP!!"])
def test_keyword_opt_outs_are_never_excluded(detector, text):
    decision = detector.decide(text, last_unstop_at=NOW - timedelta(days=1), now=NOW)
    assert (decision.action, decision.exclusion) == (Action.OPT_OUT, None)


def test_long_keyword_message_is_not_a_keyword_but_keyword_is_never_too_long(detector):
    text = "STOP" + " " * 250
    decision = detector.decide(text)
    assert (decision.action, decision.trigger, decision.exclusion) == (
        Action.OPT_OUT,
        Trigger.KEYWORD,
        None,
    )


def test_decide_many_takes_per_reply_times(detector):
    texts = [AUTO_OPT_OUT, AUTO_OPT_OUT]
    unstops = [NOW - timedelta(days=5), None]
    decisions = detector.decide_many(texts, last_unstop_at=unstops, now=[NOW, NOW])
    assert [d.exclusion for d in decisions] == [Exclusion.RECENT_UNSTOP, None]
