"""Consent withdrawn: "I revoke my consent", "you do not have my permission to text me"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.CONSENT_WITHDRAWN
STRONG = [
    (
        r"\b(?:revoke|revoking|revoked|withdraw|withdrawing|withdrew|rescind|rescinding|retract|"
        r"cancel|cancelling|canceling|pull|remove) (?:my |all |any |the )?(?:consent|permission|"
        r"authori[sz]ation|opt[- ]?in)"
    ),
    (
        r"\b(?:do not|don'?t|dont|no longer|never) (?:consent|gave (?:my )?(?:consent|permission)|"
        r"give (?:my )?(?:consent|permission)|authori[sz]e)"
        # money, not messages ("I never authorized a monthly gift")
        r"(?!d? (?:a|an|the|any|that|this|these|those|my|your|ur) (?:\w+ )?(?:charges?|payments?|"
        r"gifts?|donations?|transactions?|withdrawals?|purchases?|subscriptions?|renewals?|"
        r"debits?|pledges?)\b)"
    ),
    r"\b(?:don'?t|do not|dont) have my (?:consent|permission)",
    (
        r"\b(?:consent|permission|authori[sz]ation|opt[- ]?in) (?:is |has been |is hereby |"
        r"hereby )?(?:withdrawn|revoked|rescinded|denied|cancel+ed)\b"
    ),
    (
        r"\b(?:consent|permission|authori[sz]ation|opt[- ]?in)\b[^.!?]{0,40}?\b(?:it'?s|its|it is|"
        r"that'?s|is) (?:hereby |now )?(?:withdrawn|revoked|rescinded|cancel+ed)\b"
    ),
    (
        r"\b(?:did not|didn'?t|didnt|never) (?:give|gave|grant|granted) (?:you |u |anyone |"
        r"y'?all )?(?:my )?(?:consent|permission)"
    ),
    r"\b(?:you|u) (?:do not|don'?t|dont|no longer) have (?:my |any )?(?:consent|permission)",
    (
        r"\b(?:take|takke|tkae|taking) back (?:my |any |all |the )?(?:\w+ )?(?:consent|cnsent|"
        r"permission|permision)"
    ),
    (
        r"\b(?:never|didn'?t|did not|didnt) (?:sign(?:ed)? up|subscribe|subscribed|opt(?:ed)? ?in|"
        r"consent|agree|agreed|ask|asked) (?:for|to|4) (?:this|these|that|any|your|ur|receive|get|"
        r"texts?|messages?)"
    ),
    # said on its own ("I didnt opt in", "i never subscribed")
    r"\b(?:never|didn'?t|did not|didnt) (?:subscribed?|opt(?:ed)? ?in|opt(?:ed)?-in)\b(?! (?:for|to|on|at|with) (?:the|a|an|my|our|his|her)\b)",
]
WEAK: list[str] = []
EXAMPLES = (
    "I do not consent to receiving xts.",
    "Morning! You don't have permission to use my number?! - Mr. Johnson",
    "you no longer have my permission to txt me",
)
