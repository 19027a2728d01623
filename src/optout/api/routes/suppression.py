"""``POST /v1/suppression/check``: which of many numbers are opted out."""

from __future__ import annotations

from fastapi import APIRouter

from optout.api.deps import AccountDep, SessionDep
from optout.api.schemas import SuppressionIn, SuppressionOut
from optout.services.suppression import check_suppression

router = APIRouter(prefix="/v1", tags=["suppression"])


@router.post("/suppression/check")
def post_suppression_check(
    body: SuppressionIn, account: AccountDep, session: SessionDep
) -> SuppressionOut:
    """Return the opted-out ones among up to 500,000 numbers written in any format."""
    result = check_suppression(session, account=account, numbers=body.numbers)
    return SuppressionOut(opted_out=result.opted_out, invalid=result.invalid)
