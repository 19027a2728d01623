"""How a reply's decision is kept: the columns of ``messages`` and ``opt_events`` it fills.

The one mapping between :class:`~optout.domain.Decision` and its stored columns, both ways:
a column added for a decision is added here, and every writer and reader of inbound replies
follows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from optout.domain import NO_DECISION, Action, Decision, Exclusion, Family, Trigger

EVENT_DECISION_COLUMNS = ("reason", "confidence", "family")
"""The decision's columns a ledger event keeps beside the message's."""


def decision_columns(decision: Decision) -> dict[str, Any]:
    """Return the ``messages`` columns that keep ``decision``."""
    span_start, span_end = decision.span or (None, None)
    return {
        "action": decision.action.value,
        "trigger": decision.trigger.value if decision.trigger else None,
        "exclusion": decision.exclusion.value if decision.exclusion else None,
        "confidence": decision.confidence,
        "reason": decision.reason,
        "span_start": span_start,
        "span_end": span_end,
        "family": decision.family.value if decision.family else None,
    }


def event_decision_columns(decision: Decision | None) -> dict[str, Any]:
    """Return the ``opt_events`` columns that keep the decision behind an event (or none)."""
    if decision is None:
        return dict.fromkeys(EVENT_DECISION_COLUMNS)
    columns = decision_columns(decision)
    return {name: columns[name] for name in EVENT_DECISION_COLUMNS}


def stored_decision(columns: Mapping[str, Any]) -> Decision:
    """Return the decision a stored message's columns keep."""
    start, end = columns["span_start"], columns["span_end"]
    return Decision(
        Action(columns["action"] or Action.NONE),
        Trigger(columns["trigger"]) if columns["trigger"] else None,
        Exclusion(columns["exclusion"]) if columns["exclusion"] else None,
        columns["confidence"] if columns["confidence"] is not None else 1.0,
        columns["reason"] or "",
        None if start is None or end is None else (start, end),
        Family(columns["family"]) if columns["family"] else None,
    )


DECISION_COLUMNS = tuple(decision_columns(NO_DECISION))
"""The ``messages`` columns that keep a decision."""
