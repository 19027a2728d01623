"""Help requests in other words get the help decision; help with anything else does not."""

from __future__ import annotations

import pytest

from optout.domain import Action

ASKS_FOR_HELP = [
    "help pls",
    "Need help",
    "what is this? help",
    "need help with these texts",
    "Info please",
    "what are these messages? info",
    "Hi, it's Tom from the choir. Need help please. Thanks!",
    "could I get some information",
    "Help pls - Marta",
    "help, who is this?",
    "ayuda por favor",
    "Information about these alerts please",
    "¿Ayuda?",
    "Necesito información",
]
OTHER_HELP = [
    "Can you help me move on Saturday?",
    "I need info on the field trip",
    "thanks for the help with the fundraiser!",
    "I need help with my homework tonight",
    "more info on the picnic soon",
    "please help. my car broke down",
]


@pytest.mark.parametrize("text", ASKS_FOR_HELP)
def test_a_request_for_help_with_the_messages_gets_the_help_decision(detector, text):
    decision = detector.decide(text)
    assert decision.action is Action.HELP, decision
    start, end = decision.span
    assert text[start:end].lower() in decision.reason.lower()
    assert not text[start].isspace()
    assert detector.decide_many([text]) == [decision]


@pytest.mark.parametrize("text", OTHER_HELP)
def test_help_with_something_else_is_not_a_help_request(detector, text):
    assert detector.decide(text).action is Action.NONE


def test_an_opt_out_beside_a_help_word_still_opts_out(detector):
    assert detector.decide("stop texting me, I don't need help").action is Action.OPT_OUT


@pytest.mark.parametrize(
    ("text", "highlighted"),
    [
        ("Help please.", "Help please"),  # no opt-out vocabulary: the quick path
        ("need help with these texts!", "help with these texts"),  # a candidate
        ("Um, iNFO?", "Um, iNFO"),
        ("ayuda?!", "ayuda"),
    ],
)
def test_a_help_request_is_highlighted_without_its_closing_punctuation(detector, text, highlighted):
    decision = detector.decide(text)
    start, end = decision.span
    assert (decision.action, text[start:end]) == (Action.HELP, highlighted)
