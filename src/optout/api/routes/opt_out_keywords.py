"""``/v1/opt-out-keywords``: the account's own opt-out keywords beside the standard ones.

A reply that is one of them, however typed ("Leave5Good" for LEAVE4GOOD), is a keyword
opt-out that only the contact can undo, as Twilio's Advanced Opt-Out allows.
"""

from __future__ import annotations

from fastapi import APIRouter

from optout.api.deps import AccountDep, SessionDep
from optout.api.schemas import OptOutKeywordsIn, OptOutKeywordsOut
from optout.services.accounts import set_opt_out_keywords

router = APIRouter(prefix="/v1", tags=["opt-out keywords"])


@router.get("/opt-out-keywords")
def get_opt_out_keywords(account: AccountDep) -> OptOutKeywordsOut:
    """Return the account's own opt-out keywords."""
    return OptOutKeywordsOut(keywords=list(account.declared_keywords))


@router.put("/opt-out-keywords")
def put_opt_out_keywords(
    body: OptOutKeywordsIn, account: AccountDep, session: SessionDep
) -> OptOutKeywordsOut:
    """Replace the account's own opt-out keywords (at most 20; standard ones are refused)."""
    keywords = set_opt_out_keywords(session, account=account, replace=body.keywords)
    return OptOutKeywordsOut(keywords=list(keywords))
