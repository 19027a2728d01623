"""Hostile demand: the texts are unwelcome, said angrily ("leave me alone", "quit spamming
me", swearing at the sender)."""

from __future__ import annotations

from optout.detect.families.english.words import TEXTS
from optout.domain import Family

FAMILY = Family.HOSTILE
STRONG = [
    r"\bmy (?:number|#|num|info|contact)\b[^.]{0,30}?\b(?:lose|delete|erase|forget|burn|trash) it\b",
    # a threat over the next text ("if I get one more text from you people")
    (
        r"\bif (?:i|we) (?:get|receive|see) (?:one|1|another|any)(?: more)? (?:texts?|txts?|"
        r"messages?|msgs?|of these|of them|of your texts)\b"
    ),
    r"\bone more (?:texts?|txts?|messages?|msgs?) (?:and|&|n)\b",
    r"\bget (?:this|these|ur|your|the) (?:crap|junk|shit|garbage|spam|bs|stuff) off my (?:phone|cell)\b",
    r"\bforget (?:you|u) ever had (?:it|this|my|the)\b",
    r"\b(?:please|pls|plz) make (?:it|them|these|this|the texts) (?:end|stop)\b",
    (
        r"\breport(?:ing|ed)? (?:you|this|this number|u|your number) (?:to (?:the )?(?:fcc|ftc|"
        r"attorney general|authorities|police|carrier|better business bureau)|as spam|for (?:spam|"
        r"harassment))"
    ),
    r"\b(?:fcc|ftc|tcpa)(?!\w)",
    r"\bleave (?:my|this) (?:phone|number|#|cell|cell phone|inbox) (?:the hell |tf )?alone\b",
    r"\bgo away\W+go away\b",  # said over and over
    r"\bsee (?:you|u|ya|y'?all|you guys|u guys) in court\b",  # a legal threat
    r"^(?:no more|stop|enough)\W+(?:i mean it|i'?m serious|i am serious|seriously)\b",
    r"\bshut (?:up|it) (?:with|about) (?:these|all these|this|all this|the texts|your texts|ur texts)\b",
    (
        r"\b(?:fuck|fuckin|fucking|f\*+|fck|fcking|fkn|damn|goddamn|stupid|"
        r"effing) (?:\w+ )?(?:texts|messages|spam|spammers?|robot|bots?|robotexts?)(?!\w)"
    ),
    (
        r"\bleave (?:me|us) (?:the (?:fuck|f\*+k|hell|heck) |tf |the f |"
        r"f\*+ing )?alone\b.*\b(?:text|txt|msg|message|number)"
    ),
    r"\bdej[ae]n?me (?:en paz|tranquil[oa])|\bvayan?se al (?:diablo|carajo|demonio)",
    r"\bget (?:the (?:hell|fuck|heck|f) |tf )?out of my (?:phone|inbox|texts|life|face)\b",
    (
        r"\b(?:fuck|f\*+k|screw|damn) (?:you|u|off)(?: \w+){0,2} (?:your|ur|these|this|"
        r"the) (?:texts?|messages?|spam|crap|shit|bs)\b"
    ),
    (
        r"\b(?:stop|quit)\b.{0,30}\bor (?:i'?ll|i will|ill|i'?m gonna) (?:call the (?:police|"
        r"cops)|report|sue|block|contact (?:the|my))"
    ),
    r"\bno ?(?:one|body) wants (?:your|ur|these|this|the) (?:\w+ )?(?:texts?|messages?|spam)",
    r"\b(?:is|are) unsolicited\b|^unsolicited\b",
    r"\breport(?:ed|ing)? (?:\w+ )?to (?:my|the) (?:carrier|provider|phone company|fcc|ftc)",
    (
        r"^(?:you'?re |you are |u r |ur |you have been |you'?ve been )?(?:reported|"
        r"blocked and reported|reported and blocked)\W*$"
    ),
    (
        r"\b(?:i'?ll|i will|i'?m going to) sue(?: (?:you|u|y'?all|your company))?\W*$|"
        r"\b(?:calling|call|contacting|contact) (?:my|a) (?:lawyer|attorney)\b"
    ),
    r"^(?:this is |this is a |its a |it'?s a |total )?scam\W*$",
    r"\bthis is harassment\b|\bblocked and reported\b|\breported and blocked\b",
    (
        r"\b(?:i will|i'?ll|gonna|going to|i am going to|i'?m going to) report (?:you|u|"
        r"this number|your number|this)\b(?! (?:back|to (?:the )?(?:coach|teacher|office|front)))"
    ),
    r"\b(?:shove|stick|take) (?:your|ur) (?:texts|messages|spam|crap)\b",
    # sent to hell with what the sender sells ("go to hell with your loans")
    r"\bgo to hell (?:with|and take) (?:your|ur|these|this|those|all (?:your|ur|these|this)) \w+",
    (
        r"\b(?:lay off|knock it off|cut it out|give it a rest)(?: with| w/| on)? (?:the|these|"
        r"your|ur|all) (?:\w+ )?(?:texts?|messages?|msgs?|txts?)\b"
    ),
    (
        r"(?<!might )(?<!will )(?<!'ll )(?<!to )(?<!can )(?<!not )(?<!we )(?<!i )(?<!they )(?<!you )(?<!u )(?<!'t )(?<!always )(?<!easily )(?<!just )(?<!and )\b(?:gtfo|"
        r"gttfo|get lost|buzz off|piss off|pss off|bugger off|screw off|leave me be|leeave me be|"
        r"(?:quit|stop) (?:bugging|pestering|harassing) me)\b(?!.*\b(?:lol|lmao|haha\w*|hehe\w*|"
        r"xd)\b)"
    ),
    (
        r"\b(?:sue|lawyer|attorney|report) (?:\w+ ){0,3}?if (?:you|u) (?:\w+ )?(?:text|txt|texxt|"
        r"message|msg|contact) (?:me|us) again\b"
    ),
]
WEAK = [
    (
        r"\b(?:f\*+k|f\*+ck|f\*+|fuck|fck|fuk|screw|fk) (?:off|you|u|outta here|yourself|"
        r"urself)(?!\w)"
    ),
    (
        r"\b(?:leave|lv|leae|lave|leeave|leavve) (?:me|us) (?:the (?:fuck|f\*+k|hell|heck) |tf |"
        r"the f |f\*+ing )?(?:alone|alon|alne)(?!\w)"
    ),
    r"\b(?:gtfo|gttfo|stfu|buzz off|pss off)(?!\w)",
    r"\b(?:go to hell|piss off|bugger off|get lost|eat shit|go away|screw off|f off)(?!\w)",
    (
        r"\bgo (?:f|fuck|f\*+k|f\*+ck|fk|screw) (?:yourself|urself|off)\b|\bfuck (?:right )?off\b|"
        r"\bget bent\b|\bkiss my (?:ass|arse|butt)\b|\bdrop dead\b|\bdie in a fire\b"
    ),
    (
        r"\b(?:spam|spammer|spamming|scam|scammer|harass\w*|lawsuit|lawyer|attorney)(?!\w)|"
        r"\b(?:will|i'?ll|gonna|going to|to|and|or|should|could|can) sue\b"
    ),
    r"\bblock(?:ed|ing)? (?:this|your|ur|you|u|the)(?!\w)",
    (
        r"\b(?:stay|keep) (?:the hell |tf |the fuck )?(?:out of|away from|off) (?:my|"
        r"this) (?:phone|number|cell|inbox|life)\b"
    ),
    rf"\bkeep (?:your|ur) (?:\w+ )?{TEXTS} to (?:yourself|urself|yourselves)\b",
    r"\b(?:report|reporting|reported|flag|flagging|filing) (?:this|you|u|a complaint)\b",
    r"\b(?:legal action|small claims|file a complaint|my carrier|police)\b",
    r"\b(?:find|go bother|go pester|go text) (?:someone|somebody) else\b",
    r"\b(?:eff|rack|bugger|naff|sod) off\b",
    r"\b(?:one more time|one more text) and\b",
    r"\bnobody asked (?:4|for) (?:ur|your|these|the)\b",
    (
        r"\bstop\W+(?:you'?re|youre|ur|u r|you are|u are) (?:driving me|annoying|bothering|"
        r"harassing|getting on my nerves|pestering|so annoying)\b"
    ),
    r"\bback off\b",
]
EXAMPLES = (
    "piss off and leave me alone.",
    "go f yourself and quit bugging me",
    "fuck off with this",
)
