"""Standard keywords: whole-message matches after normalisation, never excluded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from optout.domain import Action, Trigger

OPT_OUT_FORMS = [
    "STOP",
    "stop",
    "Stop.",
    "STOP!!",
    "  stop  ",
    "stop 🛑",
    "🛑 Stop",
    "ＳＴＯＰ",
    "'stop'",
    "“Stop”",
    "*STOP*",
    "Stop stop stop",
    "end",
    "Cancel",
    "UNSUBSCRIBE",
    "quit!",
    "StopAll",
    "stop all",
    "STOP   ALL",
    "revoke",
    "optout",
    "opt out",
    "Opt-Out",
]


@pytest.mark.parametrize("text", OPT_OUT_FORMS)
def test_opt_out_keyword_in_any_form(detector, text):
    decision = detector.decide(text)
    assert (decision.action, decision.trigger) == (Action.OPT_OUT, Trigger.KEYWORD)
    assert decision.exclusion is None
    start, end = decision.span
    assert text[start:end].strip()


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("START", Action.OPT_IN),
        ("unstop.", Action.OPT_IN),
        ("Help", Action.HELP),
        ("INFO?", Action.HELP),
        ("ｈｅｌｐ", Action.HELP),
    ],
)
def test_opt_in_and_help_keywords(detector, text, action):
    assert detector.decide(text).action is action


def test_keyword_span_points_at_the_word(detector):
    text = '  "Stop." '
    start, end = detector.decide(text).span
    assert text[start:end] == "Stop"


@pytest.mark.parametrize("text", ["please stop texting me", "end it", "stop by at 5"])
def test_more_than_the_keyword_is_not_a_keyword(detector, text):
    assert detector.decide(text).trigger is not Trigger.KEYWORD


def test_keyword_opt_out_is_never_excluded(detector):
    now = datetime(2026, 6, 1, tzinfo=UTC)
    decision = detector.decide("STOP", last_unstop_at=now - timedelta(days=3), now=now)
    assert decision.action is Action.OPT_OUT
    assert decision.exclusion is None
