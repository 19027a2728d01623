"""Asks how to opt out: "how do I unsubscribe", "how do I make these stop"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.HOW_TO_OPT_OUT
STRONG = [
    (
        r"\bhow (?:do|can|would|should|does|could) (?:i|we|you|u|one|"
        r"someone) (?:\w+ ){0,2}?(?:opt[- ]?out|unsubscribe|unsub|stop (?:these|this|getting|"
        r"receiving|the|your|ur|all|them)|get (?:off|removed)|be removed|remove (?:myself|me|"
        r"my number)|turn (?:these|this|them|it)(?: \w+)? off|cancel (?:these|this|the) (?:texts?|"
        r"messages?|alerts?)|make (?:this|these|them|the texts?|the messages?|(?:these|the|your|ur|"
        r"all these|all the) (?:texts?|messages?|msgs?|alerts?|reminders?|notifications?)) stop|"
        r"get rid of (?:these|this|them|the) (?:texts?|messages?|alerts?)|block (?:these|this|"
        r"them|the) (?:texts?|messages?)|get (?:you|u|y'?all|these|them|this|it|the texts) to (?:stop|quit|end)|"
        r"leave (?:this|the) (?:group|list|chat|thread)|get out of (?:this|these|the) (?:list|"
        r"group|texts?)|end (?:them|these|this|the texts))"
    ),
    r"\b(?:text|reply|write|type) (?:back )?(?:here )?to (?:end|stop) (?:them|these|this|the texts)\b",
    (
        r"\b(?:is there|any) (?:a |any )?way (?:to|i can|for me to) (?:get removed|be removed|"
        r"unsubscribe|unsub|opt out|get off|stop (?:these|this|getting|receiving|the|them))"
    ),
    r"\b(?:stop|opt[- ]?out|unsubscribe) (?:word|code|keyword|command)\b",
    r"\bwhere (?:do|can|would|should) (?:i|we) (?:go to )?(?:unsubscribe|unsub|opt out)",
    r"\b(?:can|could|may) (?:i|we) (?:please )?(?:get off|be removed|get removed|be taken off)\b",
    (
        r"\bhow (?:to|2) (?:opt[- ]?out|unsubscribe|unsub|stop (?:these|this|getting|receiving|"
        r"your|ur|the)|get off|be removed)"
    ),
    (
        r"\bwhat (?:do|should|can|must) (?:i|we) (?:do|reply|text|send|say|"
        r"type) (?:\w+ ){0,2}?(?:to )?(?:be removed|get removed|stop|opt out|unsubscribe|get off|"
        r"make (?:it|these|this) stop)"
    ),
    (
        r"\bwhat'?s the (?:code|word|keyword|command|number) (?:\w+ )?(?:to )?(?:stop|sop|opt out|"
        r"unsubscribe|cancel|end)"
    ),
    (
        r"\b(?:can|could|may) (?:i|we) (?:please )?(?:opt out|unsubscribe|stop (?:getting|"
        r"receiving|these|this|them|the|your))"
    ),
    r"\bhow (?:do|can) (?:i|we) (?:get|be) (?:removed|remoevd|taken off|off)",
]
WEAK: list[str] = []
EXAMPLES = (
    "how do i stop the alerts",
    "how do you turn this off",
    "how do u turn this off",
)
