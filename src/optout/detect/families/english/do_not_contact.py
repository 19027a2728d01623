"""Do not contact: "do not text me again", "never message this number", "don't contact me"."""

from __future__ import annotations

from optout.detect.families.english.words import DO_NOT
from optout.domain import Family

FAMILY = Family.DO_NOT_CONTACT
STRONG = [
    (
        rf"\b(?:{DO_NOT}|(?:do not|don'?t|dont) (?:you|u)) (?:ever )?(?:text|txt|texting|message|msg|"
        rf"msging|messaging|contact|sms|send|reach out to|hit up|call or text|text or call|"
        rf"call and text|call n text|call/text|call or txt|email or text) (?:me|us|this number|"
        rf"this #|my number|my phone|this phone|here)(?!\w)"
    ),
    (
        rf"\b{DO_NOT} (?:ever )?(?:text|txt|message|msg|contact) (?:me |us |this number )?(?:again|"
        rf"anymore|any more|ever again)"
    ),
    r"\b(?:do not|don'?t|dont) (?:want|wish|like) to be (?:contacted|texted|messaged)",
    r"\b(?:do not|dont|don'?t) (?:call|contact|text|disturb) (?:list|registry)(?!\w)",
    r"\bdnc\b",
    (
        r"\b(?:do not|don'?t|dont|never) (?:text|txt|call|email|contact)\W+(?:and |or |"
        r"n )?(?:do not |don'?t |dont |never )?(?:text|txt|call|email|contact)\b"
    ),
    (
        r"\b(?:do not|don'?t|dont|never) (?:ever )?(?:reach out|reah out|recah out|contact|text|"
        r"txt|message|msg)(?: to)? (?:me |us )?(?:again|anymore|any more|ever)\b"
    ),
    r"\bcease (?:all )?(?:contact|communication|communications|texts|messages)\b",
    (
        r"\b(?:want|request|like|need) no (?:further|more) (?:contact|communications?|texts|"
        r"messages)\b"
    ),
    rf"\b{DO_NOT} (?:send|text|txt) (?:me )?(?:anything|nothing) (?:else|more|further|again)\b",
    r"\bnot (?:to )?be (?:contacted|texted|messaged)\b",
    r"\b(?:do not|don'?t|dont) use my (?:number|#|phone|info|information)\b",
    r"\bnever gave (?:you|u|y'?all|your \w+) (?:my|this) (?:number|#)",
    r"\bnot for marketing\b",
    r"\b(?:do not|don'?t|dont) (?:text|txt|message|msg|contact|call) it\b",
]
WEAK = [
    rf"\b{DO_NOT} (?:ever )?(?:call|phone|ring|contact|text|txt|message|msg) (?:me|us)(?!\w)",
    r"\bno (?:more )?contact\b",
    r"\b(?:refrain|abstain) from (?:contacting|texting|messaging|sending|calling)\b",
    (
        r"\b(?:no|not) (?:further |more )?(?:contact|calls|texts|txts|emails),? (?:no|not|"
        r"or) (?:texts|txts|calls|contact|emails)\b"
    ),
    r"\b(?:no further|no more) contact\b",
    r"\bflag (?:me|my number|this number) as\b",
    (
        r"\b(?:don'?t|dont|do not) (?:bother|try) (?:texting|messaging|contacting|to reach|"
        r"to contact|reaching)\b"
    ),
    r"\b(?:hear|hearing) from (?:you|u|y'?all) (?:again|ever)\b",
    r"\bforget (?:you|u) (?:ever )?had (?:this|my)\b",
    r"\b(?:don'?t|dont|do not) (?:add|put|send) (?:my|this) (?:number|#) (?:to|on|in)\b",
    r"\b(?:may|can|should) not (?:text|contact|message|msg) (?:me|this|my)\b",
    r"\bunder no circumstances\b",
    (
        r"\b(?:don'?t|dont|do not) (?:contact|text|message|msg) my (?:\w+ )?(?:mother|father|mom|"
        r"dad|child|son|daughter|kid|husband|wife|grandmother|grandfather)\b"
    ),
]
EXAMPLES = (
    "not interested anymore don't message me ✋😡😡",
    "hello team, don't send me any more messages!!! bye.",
    "do not text me for any reason",
)
