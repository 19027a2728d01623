"""Wrong number: the sender has the wrong number ("wrong number", "you have the wrong #").

The contact's own mistake ("oops, wrong number, I meant my sister") is a guard."""

from __future__ import annotations

from optout.detect.families.english.words import KIN, NUMBER, PERSON, WRONG, YOU
from optout.domain import Family

FAMILY = Family.WRONG_NUMBER
STRONG = [
    # sent here in error ("I believe this message was sent to me by mistake")
    (
        r"\b(?:sent|texted|came|went) to (?:me|this number|this #|my (?:phone|number|cell)) "
        r"(?:by mistake|in error|by accident|accidentally|mistakenly|on accident)\b"
    ),
    r"\b(?:message|text|msg|txt) (?:was|were) sent (?:by mistake|in error|by accident)\b",
    rf"\b{WRONG} (?:number|numbr|nmbr|nmubr|nubmer|num|no|#|phone number|cell)(?!\w)",
    (
        rf"(?:\b(?:you'?ve|you have|u have|you got|u got|got the|have the|texting the|texted the|"
        rf"this is the|sent to the)|^|^\w+\W+|^sorry\W+) {{0,1}}{WRONG} (?:person|persn|prson|guy|"
        rf"girl|lady|man|dude|contact|recipient|individual|peron)(?!\w)"
    ),
    rf"\b(?:not|isn'?t|isnt|is not|aint|ain'?t) (?:the )?(?:right|correct) (?:{NUMBER}|person)",
    (
        r"\b(?:no one|noone|nobody|no body|no-one|no person|there'?s no \w+|"
        r"there is no \w+) (?:\w+ ){0,2}?(?:by|named|with|called|of) (?:that|this|the) name\b"
    ),
    (
        r"\bno (?!one |body |1 |ones |problem|worries|worry|way |signal|parking|service|wifi|"
        r"reception|power|water|food|snow|rain|school|class|work|room|space|place|time|traffic|"
        r"line|queue|rush|hurry|cell|phone|network|bars|internet|"
        r"coverage)\w+(?<!ers)(?<!ies) (?:here|at this number|lives here)(?!\w)"
    ),
    (
        rf"\b(?:this|that|it) (?:is not|isn'?t|isnt|aint|ain'?t|is no longer|isnt longer|"
        rf"'?s not) (?:\w+'?s|his|her|their|the) (?:\w+ )?{NUMBER}"
    ),
    (
        rf"\b{PERSON} (?:no longer|don'?t|doesn'?t|does not|do not|dont|doesnt) (?:have|has|own|"
        rf"use|uses|using) (?:this|that|the) {NUMBER}"
    ),
    (
        rf"\b{PERSON} (?:no longer|doesn'?t|does not|don'?t|dont|doesnt) (?:live|lives|work|works|"
        rf"stay|stays) (?:here|there|at this)"
    ),
    (
        rf"\b(?:this|my) {NUMBER} (?:was|has been|got|is) (?:recently |just )?(?:reassigned|"
        rf"recycled|reissued|transferred|ported|given to me|new to me)"
    ),
    r"\b(?:number|phone) changed hands\b|\bnew owner of this\b|\bi'?m the new owner\b",
    rf"\bno longer (?:at|using|has|have|uses|with) this {NUMBER}",
    rf"\b{PERSON} (?:moved|passed away|died) (?:\w+ ){{0,5}}?(?:this|the|that) {NUMBER}",
    rf"\b(?:not|isn'?t|isnt) (?:his|her|their|\w+'s) {NUMBER} (?:anymore|any more)",
    r"\b(?:i|we) (?:just )?(?:got|have had|received|was given|was assigned) this (?:number|phone)",
]
WEAK = [
    (
        rf"\b{PERSON} (?:passed away|passed on|died|is deceased|is dead|has passed|"
        rf"is no longer with us|passed last)"
    ),
    rf"\b{PERSON} (?:has |have )?(?:moved|moved out|moved away)(?!\w)",
    r"\bwho (?:the )?(?:fuck |hell |heck |f |tf )?(?:is this|are you|is dis|r u)(?!\w)",
    r"\b(?:i|we) (?:don'?t|dont|do not) know (?:any(?:one|body)?|a|who|this|that) ",
    r"\bnew number\b",
    r"\b(?:old|outdated|out of date|wrong) (?:number|#|info|information|contact)\b",
    r"\b(?:information|info|records?|contact) (?:is|are) (?:outdated|out of date|old)\b",
    rf"\b{KIN} (?:has |have |had )?(?:died|passed)\b|\bpassed away\b",
    r"\b(?:no longer|not) (?:living|alive|with us|at this number|at this #|reachable)\b",
    r"\bnot at (?:this|that) (?:number|#)\b",
    (
        r"\b(?:recycled|reassigned) (?:number|#|phone)\b|\b(?:number|#|phone) (?:was|is|got|"
        r"has been) (?:recycled|reassigned)"
    ),
    (
        r"\b(?:never|not) (?:been )?(?:a |an )?(?:member|customer|client|patient|student|voter|"
        r"volunteer|parent|guardian)s?\b"
    ),
    rf"\bi'?ve never \w+ (?:anything |any\w* )?(?:with|w/|at|in|for|from|to) {YOU}\b",
    (
        rf"\bi (?:never|have never|haven'?t ever) \w+ (?:anything |any\w* )?(?:with|w/|at|from|in|"
        rf"for) {YOU}\b"
    ),
    (
        rf"\b(?:don'?t|dont|do not|never) (?:work|worked|volunteer|volunteered|bank|shop|"
        rf"go) (?:for|4|at|with|to) {YOU}\b"
    ),
    (
        r"\b(?:don'?t|dont|do not) have (?:any )?(?:kids|children|students|a child|a kid|"
        r"any)\b.{0,30}\b(?:school|class|program|district)"
    ),
    (
        r"\b(?:this|it) is (?:a |my )?(?:business|work|personal|office|landline|company) (?:line|"
        r"phone|number|cell)\b"
    ),
    (
        r"\b(?:someone|somebody) (?:put|typed|entered|gave|wrote) (?:down )?(?:my|this|"
        r"the wrong) (?:number|#)"
    ),
    r"\b(?:got|have had|had|switched to|just got) (?:this|the) (?:number|#|phone)\b",
    r"\bgave (?:up|away) (?:this|the|that) (?:number|#)",
]
EXAMPLES = (
    "No one by the name of Karen Smith here.",
    "wrong numbr, dont know who this is",
    "u have tje wrong number 🙄🙏💀",
)
