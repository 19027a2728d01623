"""Score the detector against labelled replies: recall, false positives, keyword exactness.

An auto opt-out kept back by an exclusion (a reply over 200 characters, say) still counts
as detected: the labels say what the sender meant, the exclusions are policy on top.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from optout.detect.detector import Detector
from optout.detect.labels import Label, LabelledReply
from optout.domain import Action, Decision, ReplyContext, Trigger

OUTCOMES = ("keyword", "auto", "excluded", "opt_in", "help", "none")
"""The columns of the confusion table: what the detector did with a reply."""


def outcome(decision: Decision) -> str:
    """Return the confusion-table column for a decision."""
    if decision.exclusion is not None:
        return "excluded"
    if decision.action is Action.OPT_OUT:
        return "keyword" if decision.trigger is Trigger.KEYWORD else "auto"
    return decision.action.value


def detects_opt_out(decision: Decision) -> bool:
    """Return whether the detector found opt-out intent, applied or excluded."""
    return decision.action is Action.OPT_OUT or decision.exclusion is not None


@dataclass(frozen=True, slots=True)
class Scored:
    """One labelled reply with the detector's decision."""

    reply: LabelledReply
    decision: Decision

    @property
    def wrong(self) -> bool:
        """Return whether the decision disagrees with the label on opting out."""
        return self.reply.label.opts_out != detects_opt_out(self.decision)


@dataclass(frozen=True)
class Evaluation:
    """The scores of a detector on a labelled file."""

    scored: list[Scored]
    confusion: dict[Label, Counter[str]] = field(default_factory=dict)

    def _count(self, *, positives: bool, detected: bool) -> int:
        return sum(
            1
            for s in self.scored
            if s.reply.label.opts_out is positives and detects_opt_out(s.decision) is detected
        )

    @property
    def recall(self) -> float:
        """Return the share of opt-out replies detected."""
        found, missed = (
            self._count(positives=True, detected=True),
            self._count(positives=True, detected=False),
        )
        return found / max(found + missed, 1)

    @property
    def false_positive_rate(self) -> float:
        """Return the share of other replies wrongly detected as opt-outs."""
        false, right = (
            self._count(positives=False, detected=True),
            self._count(positives=False, detected=False),
        )
        return false / max(false + right, 1)

    @property
    def keyword_exactness(self) -> float:
        """Return the share of replies whose keyword verdict agrees with the label.

        A ``KW`` reply must be a keyword opt-out, and a reply that asks for no opt-out must
        never be one. An ``AUTO`` reply may be either: one the labels called an opt-out in
        other words may also read as a keyword typed loosely ("unsubcribe me pls").
        """
        relevant = [s for s in self.scored if s.reply.label not in (Label.OUT, Label.AUTO)]
        exact = sum(
            1 for s in relevant if (s.reply.label is Label.KW) == (outcome(s.decision) == "keyword")
        )
        return exact / max(len(relevant), 1)

    @property
    def mistakes(self) -> list[Scored]:
        """Return the missed opt-outs and the false ones, in file order."""
        return [s for s in self.scored if s.wrong]


def evaluate(detector: Detector, replies: Sequence[LabelledReply]) -> Evaluation:
    """Return the detector's scores on ``replies`` (SKIP lines are not scored)."""
    kept = [reply for reply in replies if reply.label is not Label.SKIP]
    contexts = [ReplyContext(prompt=r.prompt) if r.prompt else None for r in kept]
    decisions = detector.decide_many([reply.text for reply in kept], contexts=contexts)
    scored = [Scored(reply, decision) for reply, decision in zip(kept, decisions, strict=True)]
    confusion: dict[Label, Counter[str]] = {}
    for item in scored:
        confusion.setdefault(item.reply.label, Counter())[outcome(item.decision)] += 1
    return Evaluation(scored, confusion)
