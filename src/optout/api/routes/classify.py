"""``POST /v1/classify``: decide replies without storing them, for platforms keeping a ledger."""

from __future__ import annotations

from fastapi import APIRouter, Request

from optout.api.deps import AccountDep
from optout.api.schemas import ClassifyIn, ClassifyOut, DecisionOut
from optout.detect import Detector
from optout.domain import ReplyContext

router = APIRouter(prefix="/v1", tags=["classify"])


@router.post("/classify")
def post_classify(body: ClassifyIn, request: Request, account: AccountDep) -> ClassifyOut:
    """Return the decision for each of up to 1,000 replies; nothing is stored or changed.

    Each reply may carry the text it answers (``prompt``): its declared keyword ("Reply
    LEAVE4GOOD to stop") and greeting ("Hi Tamara") inform the decision, as do the
    ``keywords`` given here and the account's own opt-out keywords.
    """
    detector: Detector = request.app.state.detector
    declared = tuple(body.keywords) + account.declared_keywords
    contexts = [
        ReplyContext(reply.prompt, declared) if reply.prompt or declared else None
        for reply in body.replies
    ]
    decisions = detector.decide_many([reply.body for reply in body.replies], contexts=contexts)
    return ClassifyOut(decisions=[DecisionOut.of(decision) for decision in decisions])
