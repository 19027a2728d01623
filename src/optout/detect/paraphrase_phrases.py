"""Opt-out requests said in roundabout words: weak evidence the intent model weighs.

People rarely write "stop" or "wrong number" the same way twice: "the texts must end",
"I'd prefer you not contact me", "not who you want", "wrong Jessica, sorry", "I've never
banked with you". These shapes are too loose to opt a number out alone ("I'm not sure",
"my phone died"), so they are *weak*: they name the family for the reason shown to a
person and let the model, with its lower threshold for replies that have such evidence,
make the call.
"""

from __future__ import annotations

from optout.detect.opt_out_phrases import TEXTS
from optout.detect.patterns import Strength, phrases
from optout.detect.wrong_number_phrases import EVERYDAY_COMPLEMENT

W = Strength.WEAK

WRONG_DETAIL = (
    r"(?:date|time|day|address|link|amount|email|room|item|size|order|price|bill|total|year|"
    r"month|one|ones|info|way|side|bus|train|door|floor|building|office|store|street|house|"
    r"answer|idea|guess|button|key|file|photo|pic|picture|channel|turn|move|foot|place|"
    r"again|lol|haha|hahaha|again|too|already|so|and|but|or|is|was|with|about|of|in|on|at|to)"
)
KIN = (
    r"(?:he|she|they|who|person|husband|wife|mother|father|mom|dad|son|daughter|grandmother|"
    r"grandfather|grandma|grandpa|uncle|aunt|brother|sister|owner|tenant|partner)"
)
YOU = r"(?:you|u|your|ur|y'?all|you guys|your company|your office)"

WRONG_PERSON = phrases(
    "wrong person",
    W,
    [
        rf"\b(?:i'?m|im|i am|we'?re|we are|this is|this isn'?t|this isnt|this aint) not "
        rf"(?!{EVERYDAY_COMPLEMENT}(?!\w))(?:the right |a |an |the )?\w+(?:'s)?(?: \w+)?"
        r"(?=\W*(?:$|[,.!?-]| sorry| thanks| ty| different| wrong))",
        rf"\bwrong (?!{WRONG_DETAIL}(?!\w))\w+(?=\W*(?:$|[,.!-]| sorry))",
        r"\b(?:you|u) (?:have|got|'ve got|ve got|'ve|ve|has) (?:the )?wrong \w+",
        r"\bnot (?:the person |who )(?:you|u) (?:want|need|think|are looking|'re looking|re "
        r"looking|r looking|mean)",
        r"\b(?:no idea|no clue|idk|don'?t know|dont know|never heard of) who \w+(?: \w+)? is\b",
        r"\bnever heard of (?:a |an |anyone |anybody |someone )?(?:called |named )?\w+",
        r"\b(?:for|looking (?:4|for)|want|need|after|meant for) (?:someone|somebody) else\b",
        r"\b(?:mixed up|confused|mistaken|mixing me up|confusing me) (?:me )?with "
        r"(?:another|a different|someone|somebody)",
        r"\b(?:you|u) (?:have|got|'ve got) me (?:mixed up|confused)",
        r"\bdifferent (?:person|number|#|guy|lady)\b",
        r"\b(?:isn'?t|is not|not) (?:mine|my name|hers|his)\b",
        r"\b(?:don'?t|dont|do not) know (?:you|u|your contact|ur contact|who you are|who u are|"
        r"this person|that person)\b",
        r"\bno (?!more|longer|problem|worries|thanks|one|body|need|way|idea|clue)\w+ (?:here|at "
        r"this)\b",
        r"^(?:(?:sorry|hi|hey|um|nope)\W+)?not \w+(?:'s (?:phone|number|#|cell|mobile)|,? sorry|"
        r" here)\W*$|^sorry\W+not \w+\W*$",
    ],
)

WRONG_NUMBER = phrases(
    "wrong number",
    W,
    [
        r"\b(?:old|outdated|out of date|wrong) (?:number|#|info|information|contact)\b",
        r"\b(?:information|info|records?|contact) (?:is|are) (?:outdated|out of date|old)\b",
        rf"\b{KIN} (?:has |have |had )?(?:died|passed)\b|\bpassed away\b",
        r"\b(?:no longer|not) (?:living|alive|with us|at this number|at this #|reachable)\b",
        r"\bnot at (?:this|that) (?:number|#)\b",
        r"\b(?:recycled|reassigned) (?:number|#|phone)\b|\b(?:number|#|phone) (?:was|is|got|"
        r"has been) (?:recycled|reassigned)",
        r"\b(?:never|not) (?:been )?(?:a |an )?(?:member|customer|client|patient|student|voter|"
        r"volunteer|parent|guardian)s?\b",
        rf"\bi'?ve never \w+ (?:anything |any\w* )?(?:with|w/|at|in|for|from|to) {YOU}\b",
        rf"\bi (?:never|have never|haven'?t ever) \w+ (?:anything |any\w* )?(?:with|w/|at|from|"
        rf"in|for) {YOU}\b",
        rf"\b(?:don'?t|dont|do not|never) (?:work|worked|volunteer|volunteered|bank|shop|go) "
        rf"(?:for|4|at|with|to) {YOU}\b",
        r"\b(?:don'?t|dont|do not) have (?:any )?(?:kids|children|students|a child|a kid|any)\b"
        r".{0,30}\b(?:school|class|program|district)",
        r"\b(?:this|it) is (?:a |my )?(?:business|work|personal|office|landline|company) "
        r"(?:line|phone|number|cell)\b",
        r"\b(?:someone|somebody) (?:put|typed|entered|gave|wrote) (?:down )?(?:my|this|the "
        r"wrong) (?:number|#)",
        r"\b(?:got|have had|had|switched to|just got) (?:this|the) (?:number|#|phone)\b",
        r"\bgave (?:up|away) (?:this|the|that) (?:number|#)",
    ],
)

STOP_TEXTING = phrases(
    "stop texting",
    W,
    [
        rf"\b(?:these|the|your|ur|all|all these|all the) (?:\w+ )?{TEXTS} (?:must|need to|"
        r"needs to|have to|has to|should|to|can|could|will) (?:stop|end|cease|quit)\b",
        r"\b(?:i'?d|i would|i) (?:prefer|rather|like|appreciate it if|appreciate if) (?:you "
        r"|u |it if you |if you )?(?:stop|stopped|not|quit|cease|didn'?t|did not)\b",
        r"\b(?:no longer|don'?t|dont|do not) (?:want|wish|need|like)(?: to (?:get|receive|have|"
        r"see))? (?:these|this|them|your|ur|any more|more)\b",
        rf"\b(?:decline|refuse|reject) (?:any |all |these |further |future |more )*(?:\w+ )?"
        rf"{TEXTS}",
        rf"\b(?:pack it in|give it a rest|give (?:the|these|your|ur) (?:\w+ )?{TEXTS} a rest|"
        r"knock it off|cut it out|lay off)\b",
        r"\bnot interested in (?:receiving|getting|any|more|further)\b",
        r"\b(?:don'?t|dont|do not|no) (?:keep |continue )?(?:texting|messaging|message|text|"
        r"send|sending)(?: \w+)? (?:me|us)\b",
        r"\b(?:end|cease|stop|halt|discontinue) (?:all )?(?:communication|communications|"
        r"contact|messaging|texting)\b",
        r"\b(?:asking|told|tell|asked) (?:you |u )?(?:to )?stop\b|\btimes? (?:asking|i'?ve "
        r"asked|i asked)\b",
        r"\b(?:i'?m|im|i am) done (?:with|w/|w) (?:these|this|the|your|ur)\b",
        rf"\b(?:i'?ll|i will) pass on (?:the|these|your|ur) {TEXTS}",
        rf"\b{TEXTS} (?:stop|end|off)(?:ped)? (?:now|please|pls|plz|asap|today)\b",
        rf"\b(?:shut|switch|turn) (?:off|down) (?:the |these |my |your |ur |all )?(?:\w+ )?"
        rf"{TEXTS}",
        rf"\b(?:set|change) my (?:\w+ )?(?:settings|preferences?) to (?:none|no {TEXTS})",
        r"\b(?:stop|quit) (?:nagging|stalking|spamming|texting|messaging) (?:me|my)\b",
        r"\bthe word stop\b|\bwhat part of\b",
        rf"\b(?:sick|tired) (?:and tired )?of (?:you|u|y'?all|your|ur|these|this|the|all|getting|"
        rf"receiving)(?: \w+)? (?:{TEXTS}|texting|txting|messaging|spam)\b",
        rf"\b{TEXTS} (?:(?:are|r|is) (?:not|no longer)|aren'?t|arent|isn'?t|isnt) (?:welcome|"
        r"wanted|needed|appreciated)\b",
        r"\b(?:never|don'?t|dont|do not) send (?:me |us )?(?:anything|another|any more|anymore|"
        r"more|nothing)"
        r"(?: \w+){0,3}? (?:again|this number|to this|to me)\b",
        r"\b(?:never|don'?t|dont|do not) hit (?:me|us) up (?:again|anymore|any more|no more|"
        r"ever)\b",
        r"\bstop\W+(?:i|we) (?:already|just) (?:voted|donated|paid|gave|signed|registered|replied|"
        r"answered|unsubscribed)\b",
    ],
)

REMOVE = phrases(
    "remove from list",
    W,
    [
        r"\b(?:delist|unenroll|unenrol|disenroll|disenrol|deregister|unregister|exclude) "
        r"(?:me|us|my|this)\b",
        r"\b(?:get rid of|clear|cut|cross|kick|scratch|strike) (?:me|us|my|this) (?:\w+ )?"
        r"(?:off|out|from)\b",
        r"\b(?:want|wanna|need|like) (?:to be )?(?:off|out)(?: of (?:this|these|the|your|ur))?"
        r"\W*$",
        r"\b(?:removal|unsubscribe|opt[- ]?out) request\b|\brequest (?:removal|to be removed)\b",
        r"\b(?:my|our) (?:numbers? )?(?:has|have) been removed\b|\bbeen removed\b",
        r"\b(?:removing|remove|removed|drop|dropped) (?:my|our|both|me|us)\b",
        r"\bstop adding (?:me|my|us)\b",
        r"\b(?:exit|withdraw|sign|mark|unenroll) (?:me )?(?:out of|from|as) (?:the |these |your "
        r"|ur |this )?(?:\w+ )?(?:texts?|txts?|alerts?|program|list|group|unsubscribed|opted out)",
        r"\b(?:end|terminate|cancel) my (?:\w+ )?(?:enrollment|subscription|alerts|texts)\b",
        r"\b(?:deactivate|disable) (?:my|this|the|your|ur) (?:\w+ )?(?:subscription|alerts|texts|"
        r"txts|messages|notifications|enrollment)\b",
        r"\b(?:be|get|got|been) (?:dropped|deleted|removed|taken|struck|scratched|erased) (?:off |"
        r"out )?(?:of |from )(?:the|this|these|your|ur|tis|all|that)\b",
    ],
)

DO_NOT_CONTACT = phrases(
    "do not contact",
    W,
    [
        r"\b(?:refrain|abstain) from (?:contacting|texting|messaging|sending|calling)\b",
        r"\b(?:no|not) (?:further |more )?(?:contact|calls|texts|txts|emails),? (?:no|not|or) "
        r"(?:texts|txts|calls|contact|emails)\b",
        r"\b(?:no further|no more) contact\b",
        r"\bflag (?:me|my number|this number) as\b",
        r"\b(?:don'?t|dont|do not) (?:bother|try) (?:texting|messaging|contacting|to reach|to "
        r"contact|reaching)\b",
        r"\b(?:hear|hearing) from (?:you|u|y'?all) (?:again|ever)\b",
        r"\bforget (?:you|u) (?:ever )?had (?:this|my)\b",
        r"\b(?:don'?t|dont|do not) (?:add|put|send) (?:my|this) (?:number|#) (?:to|on|in)\b",
        r"\b(?:may|can|should) not (?:text|contact|message|msg) (?:me|this|my)\b",
        r"\bunder no circumstances\b",
        r"\b(?:don'?t|dont|do not) (?:contact|text|message|msg) my (?:\w+ )?(?:mother|father|mom|"
        r"dad|child|son|daughter|kid|husband|wife|grandmother|grandfather)\b",
    ],
)

HOSTILE = phrases(
    "hostile demand",
    W,
    [
        r"\b(?:stay|keep) (?:the hell |tf |the fuck )?(?:out of|away from|off) (?:my|this) "
        r"(?:phone|number|cell|inbox|life)\b",
        rf"\bkeep (?:your|ur) (?:\w+ )?{TEXTS} to (?:yourself|urself|yourselves)\b",
        r"\b(?:report|reporting|reported|flag|flagging|filing) (?:this|you|u|a complaint)\b",
        r"\b(?:legal action|small claims|file a complaint|my carrier|police)\b",
        r"\b(?:find|go bother|go pester|go text) (?:someone|somebody) else\b",
        r"\b(?:eff|rack|bugger|naff|sod) off\b",
        r"\b(?:one more time|one more text) and\b",
        r"\bnobody asked (?:4|for) (?:ur|your|these|the)\b",
        r"\bstop\W+(?:you'?re|youre|ur|u r|you are|u are) (?:driving me|annoying|bothering|"
        r"harassing|getting on my nerves|pestering|so annoying)\b",
        r"\bback off\b",
    ],
)
ROUNDABOUT = (*WRONG_PERSON, *WRONG_NUMBER, *STOP_TEXTING, *REMOVE, *DO_NOT_CONTACT, *HOSTILE)
"""Every roundabout phrase, in the order evidence is reported."""
