"""People's verdicts on replies as training examples: the lines ``optout feedback export`` writes.

Each line is a JSON object ``{"body", "prompt", "decision", "human_label", "family", "at"}``;
``human_label`` (``opt_out`` or ``not_opt_out``) is what is trained on, ``body`` the reply.
A verdict is a real reply a person judged, rarer and worth more than a written training
line, so each joins the training split :data:`FEEDBACK_COPIES` times, in one
cross-validation group with every verdict on the same words.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from optout.detect.labels import Label, LabelledReply
from optout.exceptions import InvalidInput

HUMAN_LABELS = {"opt_out": Label.OUT, "not_opt_out": Label.NONE}
FEEDBACK_COPIES = 3
"""How many training lines one verdict weighs; more than one, or the words only it holds
would fall under the vectoriser's ``min_df`` and be dropped."""


def parse_feedback(content: str, *, source: str) -> list[LabelledReply]:
    """Return the verdicts in ``content`` (JSON lines), or say which line is wrong and how."""
    return [
        _verdict(line, number, source)
        for number, line in enumerate(content.split("\n"), start=1)
        if line.strip()
    ]


def _verdict(line: str, number: int, source: str) -> LabelledReply:
    """Return the labelled reply on one line of feedback."""
    where = f"{source} line {number}"
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise InvalidInput(f"{where}: not valid JSON: {error.msg}") from None
    if not isinstance(item, dict) or not isinstance(item.get("body"), str):
        raise InvalidInput(f'{where}: a feedback line is a JSON object with a "body" string')
    human = item.get("human_label")
    label = HUMAN_LABELS.get(human) if isinstance(human, str) else None
    if label is None:
        raise InvalidInput(
            f"{where}: human_label is {human!r}; "
            "use opt_out or not_opt_out, as 'optout feedback export' writes"
        )
    prompt = item.get("prompt")
    return LabelledReply(label, item["body"], number, prompt if isinstance(prompt, str) else None)


def training_lines(
    verdicts: Sequence[LabelledReply],
) -> tuple[list[LabelledReply], list[str]]:
    """Return the verdicts as training replies (each :data:`FEEDBACK_COPIES` times) and groups."""
    replies = [verdict for verdict in verdicts for _ in range(FEEDBACK_COPIES)]
    groups = [f"feedback:{reply.text.casefold().strip()}" for reply in replies]
    return replies, groups
