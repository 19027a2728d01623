"""Training on people's verdicts: the feedback lines, their errors, and what they teach."""

from __future__ import annotations

import json

import pytest
from tests.detect.test_model import _replies

from optout.detect.feedback import FEEDBACK_COPIES, parse_feedback, training_lines
from optout.detect.labels import Label
from optout.detect.model import IntentModel
from optout.detect.normalize import normalize
from optout.detect.train import ExportedModel, train_intent_model, training_document
from optout.exceptions import InvalidInput

MISREAD = "pls take us out of the group chat thing"
"""An opt-out the shipped model reads as ordinary chat."""


def _line(body: str, human_label: str = "opt_out") -> str:
    verdict = {
        "body": body,
        "prompt": "Maple St: flu shots Saturday",
        "decision": "none",
        "human_label": human_label,
        "family": None,
        "at": "2026-12-07T10:00:00+00:00",
    }
    return json.dumps(verdict)


def _probability(model: IntentModel, text: str) -> float:
    normalized = normalize(text).text
    return float(model.probability(training_document(normalized)[0]))


def _loaded(exported: ExportedModel) -> IntentModel:
    return IntentModel.from_bytes(exported.config, exported.arrays)


def test_a_verdict_moves_the_model_toward_the_human_label():
    assert _probability(IntentModel.shipped(), MISREAD) < 0.5, (
        "the shipped model reads this opt-out right now: pick a reply it gets wrong"
    )
    verdicts = parse_feedback(
        _line(MISREAD) + "\n" + _line("ok see you then", "not_opt_out"), source="f"
    )
    extra, groups = training_lines(verdicts)
    base = _replies(120)  # a small training split: trained on in a second
    before = _loaded(train_intent_model(base, folds=3))
    after = _loaded(
        train_intent_model(base + extra, groups=[f"c{r.line}" for r in base] + groups, folds=3)
    )
    assert _probability(after, MISREAD) > _probability(before, MISREAD) + 0.1


def test_each_verdict_weighs_several_lines_in_one_group():
    verdicts = parse_feedback(_line("Remove me") + "\n\n" + _line("remove me "), source="f")
    replies, groups = training_lines(verdicts)
    assert len(replies) == 2 * FEEDBACK_COPIES
    assert {reply.label for reply in replies} == {Label.OUT}
    assert len(set(groups)) == 1  # the same words, typed twice, never straddle two folds
    assert verdicts[0].prompt == "Maple St: flu shots Saturday"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "feedback.jsonl line 2: not valid JSON"),
        ('["a list"]', 'feedback.jsonl line 2: a feedback line is a JSON object with a "body"'),
        ('{"human_label": "opt_out"}', 'line 2: a feedback line is a JSON object with a "body"'),
        ('{"body": "hi", "human_label": "maybe"}', "line 2: human_label is 'maybe'; use opt_out"),
        ('{"body": "hi", "human_label": ["opt_out"]}', "line 2: human_label is ['opt_out']"),
    ],
)
def test_a_malformed_line_is_named_with_what_is_wrong(line, message):
    with pytest.raises(InvalidInput, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_feedback(_line("stop") + "\n" + line + "\n", source="feedback.jsonl")
