"""Opt-out families beyond "stop": how-to, opt me out, consent, hostility."""

from __future__ import annotations

from optout.detect.patterns import Strength, phrases

S, W = Strength.STRONG, Strength.WEAK

HOW_TO = phrases(
    "asks how to opt out",
    S,
    [
        r"\bhow (?:do|can|would|should|does|could) (?:i|we|you|u|one|someone) (?:\w+ ){0,2}?"
        r"(?:opt[- ]?out|unsubscribe|unsub|stop (?:these|this|getting|receiving|the|your|ur|"
        r"all|them)|get (?:off|removed)|be removed|remove (?:myself|me|my number)|"
        r"turn (?:these|this|them|it) off|cancel (?:these|this|the) (?:texts?|messages?|alerts?)|"
        r"make (?:this|these|them|the texts?|the messages?) stop|get rid of (?:these|this|them|"
        r"the) (?:texts?|messages?|alerts?)|block (?:these|this|them|the) (?:texts?|messages?)|"
        r"get (?:you|u|y'?all|these|them|the texts) to stop|leave (?:this|the) (?:group|list|chat|"
        r"thread)|get out of (?:this|these|the) (?:list|group|texts?))",
        r"\b(?:is there|any) (?:a |any )?way (?:to|i can|for me to) (?:get removed|be removed|"
        r"unsubscribe|unsub|opt out|get off|stop (?:these|this|getting|receiving|the|them))",
        r"\b(?:stop|opt[- ]?out|unsubscribe) (?:word|code|keyword|command)\b",
        r"\bwhere (?:do|can|would|should) (?:i|we) (?:go to )?(?:unsubscribe|unsub|opt out)",
        r"\b(?:can|could|may) (?:i|we) (?:please )?(?:get off|be removed|get removed|be taken "
        r"off)\b",
        r"\bhow (?:to|2) (?:opt[- ]?out|unsubscribe|unsub|stop (?:these|this|getting|receiving|"
        r"your|ur|the)|get off|be removed)",
        r"\bwhat (?:do|should|can|must) (?:i|we) (?:do|reply|text|send|say|type) (?:\w+ ){0,2}?"
        r"(?:to )?(?:be removed|get removed|stop|opt out|unsubscribe|get off|make (?:it|these|this)"
        r" "
        r"stop)",
        r"\bwhat'?s the (?:code|word|keyword|command|number) (?:\w+ )?(?:to )?(?:stop|sop|opt out|"
        r"unsubscribe|cancel|end)",
        r"\b(?:can|could|may) (?:i|we) (?:please )?(?:opt out|unsubscribe|stop (?:getting|"
        r"receiving|these|this|them|the|your))",
        r"\bhow (?:do|can) (?:i|we) (?:get|be) (?:removed|remoevd|taken off|off)",
    ],
)

OPT_ME_OUT = phrases(
    "opt out",
    S,
    [
        r"\bopt (?:me|us|my number|this number|me and my \w+) (?:out|outta)(?!\w)",
        r"\bopt(?:ing|ed)?[- ]?out\b",
    ],
)

CONSENT = phrases(
    "consent withdrawn",
    S,
    [
        r"\b(?:revoke|revoking|revoked|withdraw|withdrawing|withdrew|rescind|rescinding|retract|"
        r"cancel|cancelling|canceling|pull|remove) (?:my |all |any |the )?(?:consent|permission|"
        r"authori[sz]ation|opt[- ]?in)",
        r"\b(?:do not|don'?t|dont|no longer|never) (?:consent|gave (?:my )?(?:consent|"
        r"permission)|give (?:my )?(?:consent|permission)|authori[sz]e)",
        r"\b(?:don'?t|do not|dont) have my (?:consent|permission)",
        r"\b(?:consent|permission|authori[sz]ation|opt[- ]?in) (?:is |has been |is hereby |hereby )"
        r"?"
        r"(?:withdrawn|revoked|rescinded|denied|cancel+ed)\b",
        r"\b(?:did not|didn'?t|didnt|never) (?:give|gave|grant|granted) (?:you |u |anyone |y'?all )"
        r"?"
        r"(?:my )?(?:consent|permission)",
        r"\b(?:you|u) (?:do not|don'?t|dont|no longer) have (?:my |any )?(?:consent|permission)",
        r"\b(?:take|takke|tkae|taking) back (?:my |any |all |the )?(?:\w+ )?(?:consent|cnsent|"
        r"permission|permision)",
        r"\b(?:never|didn'?t|did not|didnt) (?:sign(?:ed)? up|subscribe|subscribed|opt(?:ed)? ?in|"
        r"consent|agree|agreed|ask|asked) (?:for|to|4) (?:this|these|that|any|your|ur|receive|"
        r"get|texts?|messages?)",
    ],
)

HOSTILE = [
    *phrases(
        "hostile demand",
        S,
        [
            r"\breport(?:ing|ed)? (?:you|this|this number|u|your number) (?:to (?:the )?(?:fcc|"
            r"ftc|attorney general|authorities|police|carrier|better business bureau)|as spam|"
            r"for (?:spam|harassment))",
            r"\b(?:fcc|ftc|tcpa)(?!\w)",
            r"\b(?:fuck|fuckin|fucking|f\*+|fck|fcking|fkn|damn|goddamn|stupid|effing) (?:\w+ )?"
            r"(?:texts|messages|spam|spammers?|robot|bots?|robotexts?)(?!\w)",
            r"\bleave (?:me|us) (?:the (?:fuck|f\*+k|hell|heck) |tf |the f |f\*+ing )?alone\b.*"
            r"\b(?:text|txt|msg|message|number)",
            r"\bdej[ae]n?me (?:en paz|tranquil[oa])|\bvayan?se al (?:diablo|carajo|demonio)",
            r"\bget (?:the (?:hell|fuck|heck|f) |tf )?out of my (?:phone|inbox|texts|life|face)\b",
            r"\b(?:fuck|f\*+k|screw|damn) (?:you|u|off)(?: \w+){0,2} (?:your|ur|these|this|the) "
            r"(?:texts?|messages?|spam|crap|shit|bs)\b",
            r"\b(?:stop|quit)\b.{0,30}\bor (?:i'?ll|i will|ill|i'?m gonna) (?:call the (?:police|"
            r"cops)|report|sue|block|contact (?:the|my))",
            r"\bno ?(?:one|body) wants (?:your|ur|these|this|the) (?:\w+ )?(?:texts?|messages?|spam"
            r")",
            r"\b(?:is|are) unsolicited\b|^unsolicited\b",
            r"\breport(?:ed|ing)? (?:\w+ )?to (?:my|the) (?:carrier|provider|phone company|"
            r"fcc|ftc)",
            r"^(?:you'?re |you are |u r |ur |you have been |you'?ve been )?(?:reported|blocked and "
            r"reported|reported and blocked)\W*$",
            r"\b(?:i'?ll|i will|i'?m going to) sue(?: (?:you|u|y'?all|your company))?\W*$|\b(?:call"
            r"ing|call|contacting|"
            r"contact) (?:my|a) (?:lawyer|attorney)\b",
            r"^(?:this is |this is a |its a |it'?s a |total )?scam\W*$",
            r"\bthis is harassment\b|\bblocked and reported\b|\breported and blocked\b",
            r"\b(?:i will|i'?ll|gonna|going to|i am going to|i'?m going to) report (?:you|u|this "
            r"number|your number|this)\b(?! (?:back|to (?:the )?(?:coach|teacher|office|front)))",
            r"\b(?:shove|stick|take) (?:your|ur) (?:texts|messages|spam|crap)\b",
            r"\b(?:lay off|knock it off|cut it out|give it a rest)(?: with| w/| on)? (?:the|these|"
            r"your|ur|all) (?:\w+ )?(?:texts?|messages?|msgs?|txts?)\b",
            r"(?<!might )(?<!will )(?<!'ll )(?<!to )(?<!can )(?<!not )(?<!we )(?<!i )(?<!they )"
            r"(?<!you )(?<!u )(?<!'t )(?<!always )(?<!easily )(?<!just )(?<!and )"
            r"\b(?:gtfo|gttfo|get lost|buzz off|piss off|pss off|bugger off|screw off|leave me be|"
            r"leeave me be|(?:quit|stop) (?:bugging|pestering|harassing) me)\b"
            r"(?!.*\b(?:lol|lmao|haha\w*|hehe\w*|xd)\b)",
            r"\b(?:sue|lawyer|attorney|report) (?:\w+ ){0,3}?if (?:you|u) (?:\w+ )?(?:text|txt|texx"
            r"t|"
            r"message|msg|contact) (?:me|us) again\b",
        ],
    ),
    *phrases(
        "hostile demand",
        W,
        [
            r"\b(?:f\*+k|f\*+ck|f\*+|fuck|fck|fuk|screw|fk) (?:off|you|u|outta here|yourself|urself"
            r")"
            r"(?!\w)",
            r"\b(?:leave|lv|leae|lave|leeave|leavve) (?:me|us) (?:the (?:fuck|f\*+k|hell|heck) |"
            r"tf |the f |f\*+ing )?(?:alone|alon|alne)(?!\w)",
            r"\b(?:gtfo|gttfo|stfu|buzz off|pss off)(?!\w)",
            r"\b(?:go to hell|piss off|bugger off|get lost|eat shit|go away|screw off|f off)(?!\w)",
            r"\bgo (?:f|fuck|f\*+k|f\*+ck|fk|screw) (?:yourself|urself|off)\b|\bfuck (?:right )?off"
            r"\b|"
            r"\bget bent\b|\bkiss my (?:ass|arse|butt)\b|\bdrop dead\b|\bdie in a fire\b",
            r"\b(?:spam|spammer|spamming|scam|scammer|harass\w*|lawsuit|lawyer|attorney)(?!\w)|"
            r"\b(?:will|i'?ll|gonna|going to|to|and|or|should|could|can) sue\b",  # not "Hi Sue"
            r"\bblock(?:ed|ing)? (?:this|your|ur|you|u|the)(?!\w)",
        ],
    ),
]
