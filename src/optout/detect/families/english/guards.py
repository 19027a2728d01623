"""Guards: English hard negatives, where opt-out words are used in another sense.

A strong phrase that a guard overlaps does not opt out on its own ("cancel my appointment",
"the bus stop"); a separate request in the same reply still does. Each guard is listed
under the sense it recognises, which a vetoed reply's reason names."""

from __future__ import annotations

from optout.detect.patterns import KEEPS_THE_TEXTS

BOOKINGS = (
    r"(?:appointment|appointments|appt|appts|apt|order|orders|event|events|shift|shifts|"
    r"monthly|recurring|"
    r"reservation|reservations|booking|bookings|meeting|class|classes|session|sessions|visit|"
    r"delivery|(?<!guilt )trip|ride|lesson|lessons|membership|plan|payment|autopay|game|practice|party|"
    r"dinner|lunch|interview|consultation|cleaning|tour|flight|hotel|tickets?|cita|pedido|"
    r"reserva|turno|subscription box|date|call|plans|lease|contract|policy|account|card|check)"
)
OTHER_OBJECT = (
    r"(?:fee|fees|charge|charges|item|items|photo|photos|pic|pics|picture|post|comment|tag|"
    r"file|app|account|card|payment|appointment|order|son|daughter|kid|kids|child|children|"
    r"husband|wife|student|dog|cat|car|mom|dad|mother|father|brother|sister|friend|guest|"
    r"stitches|cast|battery|tire|virus|stain)"
)
GAP = r"(?:(?!(?:text|txt|messag|msg|sms|contact|call)\w*)\w+ )"
"""A filler word between a verb and its object that is not about texting."""
NEW_CLAUSE = r"(?:i|we|he|she|they|i'm|im|or|and|because|bc|cuz|since)"
"""Words that open a new clause after a verb: "Stop I cancelled my membership" says why it
stops, it cancels nothing."""
LONG_AGO = (
    r"(?:in (?:19|20)\d\d|in (?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b|(?:\w+ )?"
    r"(?:years?|months?|yrs?) ago|last (?:year|month|spring|summer|fall|winter)|a (?:while|year|"
    r"long time) ago|long ago)"
)
"""A time well past: a membership "cancelled in January" ended a relation, it books nothing."""
KIN = r"(?:son|daughter|kid|kids|child|children|husband|wife|student|mom|dad|guest|friend)"

AMONG_FRIENDS = "joking among friends"
"""The sense of a laugh ("lol", "haha"): banter between friends, which a reply to a mass text
is not; a reply known to answer one is read without it."""

GUARDS = {
    AMONG_FRIENDS: [
        r"\b(?:lol|lols|lolz|lulz|lmao|rofl|haha\w*|hehe\w*|hahaha\w*|lah|lor|leh|xd)\b",
        r"(?:^|\s)[:;]-?[)pd(](?!\w)",
    ],
    "everyday talk, not opting out": [
        (
            r"\b(?:don'?t|dont|dun|do not|never|won'?t|wont|pls don'?t) (?:ever |just )?leave (?:me|"
            r"us) alone\b"
        ),
        r"\bif (?:i'?m|im|i am) not (?:wrong|mistaken)\b",
        # someone else to stop something ("somebody has to stop these tariffs")
        (
            r"\b(?:has to|have to|gotta|got to|needs? to|must|should|will|gonna) (?:stop|end|cancel) "
            r"(?:these|this|the|those|all this|all these) (?!(?:texts?|txts?|messages?|msgs?|"
            r"texting|messaging|spam|alerts?|notifications?|reminders?)\b)\w+"
        ),
        # a slogan: the war, the steal, student debt
        (
            r"^(?:stop|end|cancel) (?:the |all )?(?:war|wars|steal|fed|debt|student debt|student loans?|"
            r"medical debt|tariffs?|genocide|violence|gun violence|hate|taxes|tax hikes?|corruption|"
            r"filibuster|shutdown|occupation|bombing|deportations?|raids?)\b"
        ),
        r"^(?:unsubscribe|unsub|stop|quit|cancel)\?+ (?:why would (?:i|we)|no way|never|hell no|lol no)\b",
        # a time the texts should end by, not a stop ("can we end the texts at 9pm")
        (
            r"\b(?:end|stop) (?:the |your |ur )?(?:texts?|txts?|messages?|msgs?) (?:at|after|before|by) "
            r"(?:\d|noon|midnight)"
        ),
        # reaching someone else ("been trying to reach him all day"), not the sender
        (
            r"\btrying to (?:reach|call|get hold of|get ahold of|contact|get through to|text) (?:him|"
            r"her|them|my \w+|\w+'s)\b"
        ),
        # asking what the keyword does, not sending it ("what happens if i text stop")
        (
            r"\bwhat (?:does|will|would) (?:replying |reply |texting |typing |sending )?\W?(?:stop|"
            r"end|quit|cancel)\W? do\b.*|\bwill (?:it|that|this|stop|replying stop) (?:also )?"
            r"(?:cancel|stop|end|remove)\b[^?]*\?"
        ),
        (
            r"\bwhat (?:happens|would happen|will happen) (?:if|when) (?:i|we|u|you) (?:text|txt|"
            r"reply|respond|send|type|write)(?: back)?(?: with)? \W?(?:stop|end|quit|cancel)\b"
        ),
        (
            r"\b(?:rather|prefer|want|wanna) not (?:to )?(?:text|txt|call|message|msg|contact|bother) "
            r"(?:him|her|them|my|his|their|that guy|that girl)\b"
        ),
        (
            r"^(?:(?:omg|omfg|oh my god|oh my gosh|ok|okay) )?stop(?: it)?\W+(?:this is|that'?s|it'?s|"
            r"ur|you'?re|you are|u r|u are|you guys are|u guys are|y'?all are|this was|that was|"
            r"they'?re|theyre|these are|this (?:deal|price|sale|offer) is) (?:the best|so (?:good|"
            r"cute|funny|sweet|exciting|happy|proud|beautiful|precious)|insane|crazy|unreal|"
            r"amazing|awesome|great|hilarious|incredible|adorable|too (?:good|cute|funny|kind|sweet)|"
            r"making me (?:blush|laugh|cry|smile)|killing me)"
        ),
        # a keyword said laughing or moved ("stop it i'm dying", "stop, you'll make me cry")
        (
            r"^(?:stop|quit)(?: it)?\W+(?:(?:i'?m|im) (?:dying|crying|blushing|screaming|so proud|"
            r"so happy|so excited|literally crying|in tears|tearing up|sobbing)|i can'?t even|"
            r"you'?ll make me (?:cry|blush)|you'?re making me (?:blush|laugh|cry|smile))"
        ),
        r"\b(?:i|we) (?:don'?t|dont|do not) (?:wanna|want to) (?:spam|flood|bother|disturb)\b",
        (
            r"\b(?:i|we|he|she|they|it|won'?t|wont|will|might|may|could|gonna|to|not|don'?t|dont|"
            r"never|always|easily) (?:get|got|getting) lost\b"
        ),
        (
            r"\bmake (?!(?:the |these |those |your |ur |all )?(?:texts?|txts?|messages?|msgs?|them|"
            r"it)\b)(?:\w+ ){1,3}go away\b"
        ),
        (
            r"\b(?:why|how come) (?:\w+ ){0,2}?(?:didn'?t|didnt|did not) (?:text|txt|message|msg|call|"
            r"contact|reply)\b"
        ),
        r"\b(?:has|have|did|when did|where did) (?:he|she|they|\w+) (?:moved|move)\b",
        (
            r"^(?:\w+\W+)?(?:do|does|did|can|could|would) (?:you|u|ya|anyone|someone) (?:have|got|"
            r"know|send|give|share) (?:me )?(?:his|her|their|the|a|an|ur|your|that|"
            r"this)? ?(?:new )?(?:number|#|contact|email|address|phone)\b"
        ),
        (
            r"\bget lost in\b|\bstop (?:the |my |your )?(?:phone|app|alarm|tv|car|dog|baby|"
            r"kids?) from\b"
        ),
        (
            r"\b(?:text|message|msg|call|it|that|line|video|reply) (?:was|got|gets|has been|"
            r"is) cut off\b"
        ),
        (
            r"\b(?:phone|carrier|filter|app|iphone|android|email) (?:marked|flagged|filtered|"
            r"labell?ed|put|sent) (?:this|it|you|them|your \w+|ur \w+) (?:as |to |in |into )?(?:spam|"
            r"junk)\b"
        ),
        (
            r"^stop\W+(?:i'?m|im|i am|ur|you'?re) (?:crying|dying|dead|screaming|weak|laughing|"
            r"wheezing|blushing|killing me)"
        ),
        (
            r"\b(?:can|could|may|how do|how can) (?:i|we) (?:stop|pause|cancel|end) (?:the|my|our|"
            r"this) (?:\w+ )?(?:withdrawal|draft|autopay|auto-pay|payments?|deduction|deposit|billing|"
            r"debit|charges?|donations?|delivery|deliveries|subscription box)\b"
        ),
        (
            r"\b(?:i|we) (?:don'?t|dont|do not) (?:have|got) (?:the |a |his |her |their |your |"
            r"ur )?(?:number|#|contact)\b(?! (?:for|of) (?:\w+ )?(?:you|u)\b)"
        ),
    ],
    "appointment or order, not the texts": [
        (
            rf"\b(?!(?:cancell?ed|canceled|ended|quit|dropped) {GAP}{{0,3}}?{BOOKINGS} {LONG_AGO})"
            rf"(?:cancel\w*|end|ending|(?:stop|stopping|quit)(?! sending)|resched\w*|call off|move|"
            rf"push back|change|drop|removed? (?:me )?from|taken off) "
            rf"(?!{NEW_CLAUSE} ){GAP}{{0,3}}?{BOOKINGS}(?!\w)(?! (?:\w+ )?(?:texts?|txts?|reminders?|"
            rf"alerts?|messages?|msgs?|notifications?))"
        ),
        rf"\b{BOOKINGS} (?:\w+ ){{0,2}}?(?:cancel\w*|end|ends|ended)(?!\w)",
        # the wrong goods sent ("stop sending the wrong size")
        r"\bstop (?:sending|shipping|mailing) (?:me )?(?:the |a )?wrong (?:\w+ )?(?:size|sizes|item|items|"
        r"order|orders|color|colour|product|thing|stuff|part|parts)\b",
        # money taken, not texts sent ("Stop charging my card")
        r"\b(?:stop|quit) (?:charging|billing|debiting|auto ?charging|withdrawing|taking money)\b",
        # sent somewhere to work, not sent texts ("quit sending me to that site")
        r"\b(?:stop|quit) sending (?:me|us|him|her) (?:out )?to (?:that|the|this|a|another|those) \w+",
    ],
    "a stop on a route, not opting out": [
        (
            r"\b\d+(?:st|nd|rd|th)? (?:more )?stops?\b(?! (?:txt|text|texting|txting|msg|msging|"
            r"messaging|sending|contacting|calling|bothering))"
        ),
        r"\b(?:one|two|three|1|2|3|few|couple) more stops?\b",
        r"^stop #?\d{3,}\b(?! (?:txt|text|texting|msg|messages))",
        (
            r"\b(?:bus|train|tram|subway|metro|next|last|first|rest|pit|truck|one|two|three|final|few|"
            r"couple|quick|short|brief|photo|tour|my|your|our) stops?\b"
        ),
        (
            r"\bstop(?:ping|ped)? (?:by|at|in|over|on by|off at|off in|for (?:gas|food|lunch|coffee)|"
            r"and (?:get|grab|pick|see|shop|chat|say))(?!\w)"
        ),
        r"\bstop (?:sign|signs|light|lights|watch|motion|gap|loss)\b",
        r"\bstopover\b|\bnon-?stop\b|\bbaja california\b",
    ],
    "keep going, not opting out": [
        (
            r"\b(?:can'?t|cant|cannot|couldn'?t|couldnt|won'?t|wont|never|don'?t|dont|do not|didn'?t|"
            r"didnt|not gonna|will not|shouldn'?t) (?:ever |just )?(?:stop|quit)(?!\w)"
        ),
        (
            r"\bstop (?:laughing|crying|smiling|thinking|worrying|eating|talking about|being|acting|"
            r"complaining|whining|playing|working|drinking|smoking|lying|making|apologi[sz]ing|it lol|"
            r"it haha|it lmao)(?!\w)"
        ),
        (
            r"\bquit(?:ting)? (?:my|his|her|the|smoking|drinking|vaping|job|team|school|college|gym|"
            r"work|playing)(?!\w)(?! (?:\w+ )?(?:texts?|txts?|messages?|msgs?|alerts?|reminders?|"
            r"sms)\b)"
        ),
        (
            r"\b(?:never|didn'?t|didnt|did not) (?:say|said|ask|asked|tell|told (?:you|u|"
            r"anyone)) (?:(?:you|u) )?(?:to )?(?:stop|sotp|stpo|end|cancel|quit|remove|unsubscribe)\b"
        ),
        r"^stop me if\b",
    ],
    "a message's own opt-out instructions, passed on": [
        (
            r"\bto stop receiving (?:sms |text |txt |email )?(?:sms|texts?|messages?|msgs?|alerts?)"
            r"(?: from \w+)?,? (?:visit|"
            r"reply|text|sms|send|click|go to|call|dial)\b"
        ),
        r"\bif (?:\w+ )?(?:stranger|not interested|you wish|u wish) to (?:stop receiving|unsub)",
        r"\bunsub(?:scribe)?: ",
    ],
    "opting out of something else": [
        r"\b(?:revoke|revoking|withdraw|cancel) (?:the |my |his |her |our |a )?permission slips?\b",
        (
            r"\b(?:opt(?:ing|ed|s)?[- ]?out|unsubscribe|unsubscribing|unsub) (?:\w+ )?(?:of|"
            r"from) (?:the |my |a |this |that |his |her |our )?(?!(?:\w+ ){0,3}(?:texts?|txts?|"
            r"messages?|msgs?|sms|list|alerts?|notifications?|mailing|reminders?|updates?|"
            r"marketing|promos?|promotions?|deals|offers|ads|coupons)(?!\w))(?!(?:these|this|them|it|everything|all|anything|you|u|ur|your|"
            r"here|whatever|wherever)(?!\w))\w+"
        ),
        (
            r"\b(?:take|get|put) (?:me|us|my \w+) (?:off|on) (?:the |your |ur |this )?(?:prayer|wait|"
            r"waiting|sign[- ]?up|volunteer|carpool|snack|supply|guest|sub|substitute|invite|birthday|"
            r"christmas|gift)(?: ?list)?\b(?! (?:chain |group )?(?:texts?|txts?|messages?|msgs?|alerts?))"
        ),
        r"\b(?:remove|delete|drop) (?:me|us|my name|our names?) from (?:the |your |ur )?prayer list\b",
        (
            r"\bremove (?:me|us|my \w+) from (?:the |this |my )?(?:\w+ ){0,2}?(?:slot|carpool|"
            r"waitlist|wait list|waiting list|"
            r"rotation|schedule|roster|team|committee|shift|lineup|game|event|trip|"
            r"class)\b(?! (?:text|txt|sms|alert|message|msg|list|notification))"
        ),
        r"\bremove (?:me|us) as (?:a |an |the )?\w+",
        (
            r"\b(?:take|remove|drop|move) (?:me|us|him|her|them|my \w+) (?:off|from) (?:the |this )?"
            r"(?:\w+ )?list,? (?:and|&) (?:add|put|move|sign|switch)\b"
        ),
        (
            r"\b(?:off|from) (?:the |this |my )?(?:\w+ ){0,2}list (?:for|4|on|until|till|this|next|"
            r"during) (?:the )?(?:\w+ )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            r"january|february|march|april|may|june|july|august|september|october|november|december|"
            r"easter|christmas|thanksgiving|week|weekend|month|summer|semester|term|today|tomorrow|"
            r"tonight)\b"
        ),
        r"\b(?:i'?m|im|i am) not the \w+\W+(?:i'?m|im|i am) (?:his|her|their|the)\b",
    ],
    "asking about the do not call list": [
        (
            r"\b(?:is|does|did|can) (?:the |that |a )?(?:national )?do not call (?:list|registry)"
            r"(?: even| really| actually)? (?:real|work|legit|exist|do anything|matter|help)\b"
        ),
    ],
    "someone else harassing": [
        (
            r"\b(?:the |that |my |a |an )?(?:last|other|previous|old|former|another) (?:\w+ ){0,2}"
            r"(?:was|were|kept|has been|have been|is|are) (?:harass|bother|spamm|stalk|hound)\w*"
        ),
    ],
    "removing someone else": [
        (
            rf"\b(?:take|get|remove|delete) (?:his|her|their|(?:my|our) {KIN}'?s?) (?:name|info) "
            rf"(?:off|from)\b"
        ),
        r"\bremove (?:him|her|them) as (?:a |an |the )?(?:authorized|secondary|additional) \w+",
    ],
    "removing something else": [
        (
            r"\bstop (?:sending|mailing) (?:me )?(?:the |my |a |those |these )?(?:paper |printed )?"
            r"(?:bills?|statements?|invoices?|catalogs?|catalogues?|letters?|mail|flyers?|folders?)\b"
        ),
        (
            rf"\b(?:remove|removing|delete|take off|taking off|drop|waive|erase|cancel) (?:the|a|an|"
            rf"that|this|those|these|his|her|their|our|my) (?:\w+ )?{OTHER_OBJECT}\b(?!'?s? (?:number|"
            rf"#|cell|phone|info|contact))"
        ),
        (
            rf"\b(?:remove|take|drop|get|delete|erase|unsubscribe|unsub) (?:my|our|his|"
            rf"her) {KIN} (?:off|from)(?!\w)"
        ),
    ],
    KEEPS_THE_TEXTS: [
        (
            r"(?<!need to )(?<!reason to )(?<!n't )(?<!dont )(?<!not )"
            r"\b(?:keep|leave) (?:me|us|my number|this number) on (?:the |your |ur |this |that )?"
            r"(?:\w+ )?(?:list|texts|text list|updates|alerts|messages)\b"
        ),
        r"\bkeep (?:the|these|your|ur) (?:\w+ )?(?:texts|reminders|messages|alerts|updates) coming\b",
        (
            r"\b(?:i'?m|im|i am|we'?re|we are) not (?:going to |gonna )?(?:opting out|unsubscribing|"
            r"opt out|unsubscribe)\b"
        ),
        (
            r"\b(?:please |pls |plz )?(?:don'?t|dont|do not) (?:take|remove) (?:me|us|my number) "
            r"(?:off|from)\b"
        ),
        (
            r"\b(?:i|we) (?:still (?:need|want|use|read)|rely on|depend on|count on) (?:the|these|"
            r"your|ur|them|those)\b(?:(?: \w+)? (?:texts|alerts|reminders|updates|messages)\b)?"
            r"(?! (?:to stop|to end|but|though|tho)\b)"
        ),
        r"\beveryone else (?:stays|can stay|should stay|is staying) on\b",
        r"\b(?:but |and )?keep mine\b|\binstead of mine\b",
    ],
    "a wrong detail, not a wrong number": [
        (
            r"\b(?:has|have|had|got) (?:the )?wrong (?:phone )?(?:number|#) (?:for|on file|listed|"
            r"in (?:the|your) system)"
        ),
        r"\b(?:old|previous) number (?:and|,) (?:use|add|text|update)",
        (
            r"\b(?:remove|delete|fix|update|correct|change|replace) the (?:old |wrong |"
            r"incorrect )(?:phone |cell )?(?:number|#) (?:from|on|in|for)\b"
        ),
        (
            r"\bwrong (?:date|time|day|address|addr|location|place|link|amount|email|e-mail|room|item|"
            r"size|order|price|bill|invoice|total|charge|year|month|one|info|information|spelling|zip|"
            r"account|card|color|colour|model|version|file|attachment|photo|pic|picture|key|password|"
            r"code|pin|way|side|bus|train|door|floor|building|office|department|store|street|house|"
            r"apartment|unit)(?!\w)"
        ),
    ],
    "the sender's own mistake": [
        (
            r"^\W*(?:stop|end|cancel|quit)\W+(?:(?:oops|sorry|sry|lol|no|wait) )*(?:i mean|i meant|"
            r"meant to (?:say|type|hit|press|send)) (?:to )?(?:confirm|yes|y|c|start|ok|okay|keep)\b"
        ),
        r"\bwrong (?:button|key)\b",
        (
            r"\b(?:i|oops|oopsie|whoops|woops|sorry) (?:\w+ )?(?:hit|dialed|dialled|texted|typed|"
            r"tapped|picked|clicked|messaged) (?:the )?wrong (?:number|#|person|chat|contact|num)\b"
        ),
        (
            r"\b(?:oops|oopsie|whoops|woops|my bad|my mistake|sorry|perdon|ignore (?:that|this|"
            r"the last|my last|previous|the previous|"
            r"my previous)(?: \w+)?)\W+(?:\w+ )?wrong (?:number|#|person|chat|num|"
            r"numero)(?!\w)(?=.*\b(?:meant|was for|were for|for my|era para|sent|ignore|disregard|"
            r"thought)\b)"
        ),
        (
            r"\b(?:oops|oopsie|whoops|woops|my bad|my mistake|ignore (?:that|this|the last|my last|"
            r"previous|the previous|my previous)(?: \w+)?)\W+(?:\w+\W+){0,2}?(?:wrong|wroong|wrng|"
            r"rwong|worng|wronng) (?:number|#|person|chat|num)(?!\w)"
        ),
        (
            r"\b(?:wrong|numero equivocado)\W+(?:\w+\W+){0,3}?(?:i )?(?:meant|was meant|era para|"
            r"was for|that was for|supposed)\b"
        ),
        (
            r"\b(?:oops|oopsie|whoops|woops|my bad|my mistake|sorry about that|ignore (?:that|this|"
            r"the last|my last|previous|the previous|my previous)|"
            r"(?<!n't )(?<!not )(?<!nt )(?<!is )(?<!be )(?<!are )(?<!was )(?<!you )(?<!u )"
            r"(?<!they )meant (?:to|for)|"
            r"(?<!sure this )(?<!sure it )(?<!think this )(?<!think it )was (?:meant|supposed) (?:for|to go to)|"
            r"was trying to (?:text|reach|message|send)|"
            r"disregard (?:that|this|my|the))(?!\w)"
        ),
        (
            r"\b(?:i|we) (?:sent|texted|messaged|dialed|dialled|typed|put|gave|wrote|called|had|"
            r"stored|saved|added|entered|used) (?:\w+ ){0,3}?(?:the )?wrong\b"
        ),
        r"\bwrong (?:chat|thread|convo|conversation|group|text|window|person sorry)(?!\w)",
        r"\bsent (?:that|this|it|you) (?:to )?(?:the )?wrong\b",
        # or another's ("mum texted the wrong number again")
        (
            r"\b(?:he|she|they|mum|mom|dad|my \w+|someone|somebody) (?:texted|txted|called|sent|"
            r"dialed|dialled|messaged|rang|rung) (?:\w+ )?(?:the |a )?wrong (?:number|#|person)"
        ),
        r"\bdelete (?:that|this|my) (?:last )?(?:msg|message|text|txt)\b",
        r"\b(?:i'?m|im|i am) not the one (?:\w+ing|who)\b",
        (
            r"\b(?:wrong|wrng|rwong|worng) (?:number|#|person)\W+(?:\w+\W+){0,4}?(?:i )?(?:meant|"
            r"was meant|was for|that was for|supposed)\b"
        ),
        r"\b(?:is|was)(?: not|n'?t) (?:a |the )?wrong (?:number|#|person)",
        r"\bwrong (?:number|#)\?+ no\b|\b(?:this|it) is the right (?:one|number|#)\b",
        r"\bnot (?:a |the )?(?:wrong|wrng) (?:number|#|person)(?!\w)",
        (
            r"\b(?:oops|oopsie|whoops|my bad|sorry|never ?mind|nvm|ignore (?:me|that|"
            r"this))\W+(?:(?!(?:you|u|ya|y'?all)\b)\w+\W+){0,3}?(?:sent|texted|messaged|"
            r"txted)(?: (?:this|that|it))? (?:to )?(?:the |a )?(?:wrong|wrng) (?:number|#|person|chat|"
            r"num)\b"
        ),
        (
            r"(?<!you )(?<!u )(?<!you probably )\bmeant (?:that|this|it|the \w+) (?:for|"
            r"to go to) (?:someone|somebody|my|a|another)\b"
        ),
    ],
    "a late relative's affairs, asked about": [
        (
            r"\b(?:died|passed|deceased)\b.{0,60}?\b(?:(?:am i|are we|is (?:my|the) (?:family|estate)) "
            r"(?:\w+ )?(?:responsible|liable)|(?:can|could|may|how do|how can) (?:i|we) (?:transfer|"
            r"keep|use|claim|get|move|close|access) (?:his|her|their))\b"
        ),
    ],
    "a relative takes the message": [
        r"\bnot \w+,? but (?:i'?ll|ill|i will|i can|will) (?:tell|let|pass|give|show|remind)\b",
        (
            r"(?:\bis|'?s) my \w+\W+(?:\w+\W+){0,3}?(?:i'?ll|ill|i will|will|i can) (?:tell|let|pass|"
            r"give|show|remind)\b"
        ),
        (
            r"\bnot \w+\b.{0,60}?\b(?:(?:this is|i'?m|im|i am|it'?s|its|just) )?(?:his|her|their) "
            r"(?:mom|mother|mum|dad|father|sister|brother|wife|husband|grandma|grandmother|grandpa|"
            r"grandfather|aunt|uncle|daughter|son|partner|girlfriend|boyfriend)\b"
            r"(?!.*\b(?:passed|died|deceased|no longer|moved|doesn'?t live|remove|stop|take (?:him|her|"
            r"them|it) off|wrong number|new number|changed|switched|got a new|my (?:number|phone|cell)|"
            r"mine)\b)"
        ),
    ],
    "texting is welcome": [
        (
            r"(?<!n't )(?<!not )(?<!dont )(?<!never )(?<!longer )(?<!ever )(?<!stop )\b(?:contact|"
            r"reach|message) me (?:by|via|through|thru) (?:text|txt|sms)"
        ),
        (
            r"\b(?:don'?t|dont|do not) (?:send|snd|mail) (?:me )?(?:any )?(?:emails?|e-mails?|"
            r"letters?|mail|paper|cartas|calls?|voicemails?|postcards?)\b"
        ),
        (
            r"\b(?:don'?t|do not|dont) (?:contact|call|text|email) (?:me )?(?:on |at )?my (?:work|"
            r"home|office|old|other) (?:number|phone|#|line|email)"
        ),
        (
            r"\b(?:don'?t|do not|dont) (?:contact|call|text|email) me (?:on|at) (?:my|the) (?:work|"
            r"home|office|job|desk|school)\b(?=.*\b(?:use|try|on|at) (?:my|the) (?:cell|mobile|other))"
        ),
        (
            r"\b(?:emails?|calls?|voicemails?)\W+(?:\w+ ){0,2}?(?:texts?|txts?) (?:are|r|is) (?:fine|"
            r"ok|okay|better|good|great|preferred|enough|plenty)"
        ),
        # the texts sent to this number instead of another ("stop sending them to my husband's
        # phone, send them to me here")
        (
            r"\bstop (?:sending|texting) (?:my|the|our|his|her) (?:\w+ )?(?:reminders?|texts?|txts?|"
            r"messages?|alerts?) to (?:my|his|her|their) (?:\w+ )?(?:phone|number|cell|#)\b(?=.*\b(?:to me|"
            r"this number|me instead|here)\b)"
        ),
        # another channel stopped, the texts kept ("stop sending me emails, texts are fine")
        (
            r"\b(?:stop|quit|cancel|no more|unsubscribe|unsub) (?:\w+ ){0,3}?(?:emails?|e-mails?|"
            r"calls?|voicemails?|mail|letters|mailers)\b.{0,30}?\b(?:texts?|txts?|texting) (?:are|"
            r"r|is) (?:fine|ok|okay|better|good|great|preferred|enough|plenty)\b"
        ),
        (
            r"\b(?:unsubscribe|unsub|remove|take) (?:me |us )?(?:off |from )?(?:the |your |ur )?"
            r"(?:emails?|e-mails?|mailing list|mail|calls?|newsletter)\W+(?:but )?not (?:from )?"
            r"(?:the )?(?:texts?|txts?|sms)\b"
        ),
        (
            r"\b(?:don'?t|do not|dont|pls dont|please don'?t) (?:text|txt|send) (?:me )?(?:the|your|"
            r"ur|a|my) (?!(?:texts?|messages?|msgs?|txts?|reminders?|alerts?|phone|number|cell|"
            r"#)(?!\w))\w+"
        ),
        (
            r"(?<!cancel )(?<!stop )(?<!end )(?<!unsubscribe )(?<!unsub )(?<!remove )(?<!no )"
            r"\b(?:text|txt|texting|texts|message|msg)(?:ing)? (?:only|is (?:fine|better|ok|okay|best|"
            r"preferred|good)|me instead|instead|works better)(?!\w)"
        ),
    ],
    "wants to stay subscribed": [
        (
            r"\b(?:i'?m|im|i am) not (?:going to|gonna) (?:unsubscribe|unsub|opt out)\b|"
            r"\bi (?:won'?t|wont|will not) (?:unsubscribe|unsub|opt out)\b"
        ),
        # the texts liked, something else cancelled ("not the texts, i like the texts")
        (
            r"\bnot the (?:texts?|txts?|messages?|msgs?|alerts?)\W+(?:\w+ ){0,2}?i (?:like|love|"
            r"enjoy|want|need|read) (?:the|these|your|ur|them)\b"
        ),
        (
            r"\b(?:keep|stay|leave|put|add|get|sign|want to stay) (?:me |us |my number )?(?:on|"
            r"back on|in|to|onto|back onto) (?:the |your |ur |this |that |my )?(?:list|texts|updates|"
            r"alerts|messages|notifications|mailing list|subscription)(?!\w)"
        ),
        (
            r"(?<!if u )(?<!if you )\b(?:don'?t|do not|dont|never|didn'?t mean to|did not mean to|didnt mean to) (?:remove|"
            r"unsubscribe|unsub|opt (?:me )?out|take me off|delete me|cancel me|drop me|turn (?:them|"
            r"it|these|those|the \w+) off)(?!\w)"
        ),
        (
            r"\b(?:why|how come) (?:did |do |have )?(?:you|u|y'?all) (?:stop|stopped|quit) (?:texting|"
            r"messaging|sending|calling|replying)\b"
        ),
        (
            r"\b(?:you|u) (?:didn'?t|didnt|never|don'?t|dont) (?:text|txt|message|msg|call|"
            r"reply)(?: (?:me|us))? (?:back|first)\b"
        ),
        (
            r"\bstill (?:text|txt|message|msg|contact|send) (?:me|us)\b|"
            r"\bkeep the (?:\w+ )?(?:reminders|texts|messages|alerts|updates) (?:coming|going)?\b"
        ),
        (
            r"\b(?:accidentally|by accident|by mistake|mistakenly) (?:unsubscribed|opted out|stopped|"
            r"texted stop|sent stop|replied stop|hit stop)(?!\w)"
        ),
        r"\b(?:sent|texted|replied|said|typed) stop by (?:accident|mistake)(?!\w)",
        (
            r"\b(?:unsubscribed|opted out|stopped (?:the )?(?:texts|messages)|texted stop|sent stop|"
            r"replied stop|hit stop|hit unsubscribe)(?: \w+){0,4}? (?:by (?:accident|mistake)|"
            r"accidentally|mistakenly|on accident)(?!\w)"
        ),
        (
            r"\b(?:resubscribe|re-subscribe|(?<!on )(?<!un )subscribe me|(?<!someone )(?<!somebody )(?<!who )sign me (?:back )?up|"
            r"(?<!didn't )(?<!didnt )(?<!never )(?<!not )opt (?:me )?(?:back )?in|add me back|unstop|undo|subscribe (?:this|my) (?:number|phone)|"
            r"start (?:sending|texting) (?:me )?again|turn (?:them|it|these) back on|"
            r"(?<!n't )(?<!dont )(?<!do not )(?<!never )want to (?:keep|continue) (?:getting|"
            r"receiving))(?!\w)"
        ),
        r"\b(?:why|how come) (?:\w+ ){0,2}?(?:stop(?:ped)?|not) (?:getting|receiving)(?!\w)",
        r"\b(?:i|we) stopped (?:getting|receiving)(?!\w)",
        (
            r"\b(?:receive|get|getting|receiving|start sending me) (?:the |your |ur )?(?:texts?|"
            r"messages?|msgs?|txts?|alerts?|reminders?) again\b"
        ),
        r"\bnever asked to be (?:removed|unsubscribed|taken off)\b",
        (
            r"\b(?:didn'?t|didnt|did not|never) (?:unsubscribe|unsub|opt(?:ed)? (?:me )?out|"
            r"unsubscribed|ask(?:ed)? to be removed)\b|\bundo (?:my |the )?(?:unsubscribe|opt[- ]?out|"
            r"removal|stop)\b"
        ),
        (
            r"\b(?:i|we) (?:opted out|unsubscribed|stopped|texted stop|"
            r"replied stop)\b.{0,60}?\b(?:but|and now|now) (?:i |we )?(?:want|need|would like|'d like|"
            r"miss)\b"
        ),
        (
            r"\b(?:don'?t|dont|do not|no) (?:call|calls|phone)(?: me)?\W+(?:just |only |pls |"
            r"please )?(?:text|txt)s?(?:\W*$| (?:me|only|works|is|are|instead|please|pls|ok|okay|fine|"
            r"better|preferred)\b(?! (?:and|or|&)))"
        ),
        r"\b(?:don'?t|do not|dont) want to (?:stop|quit) (?:getting|receiving)\b",
        r"\bopt (?:me )?(?:back|bak|bck) in\b|\bsub?s?c?ri?[bi]?r?be? me to\b",
    ],
    "another channel for now, not opting out": [
        r"\b(?:don'?t|dont|do not|no|can'?t|cant|cannot) (?:text|txt)(?: me)? (?:right now|rn|now|at the moment|atm|while i'?m|while im|till|until|tonight|today|this (?:morning|afternoon|evening|week))\b",
        r"\b(?:e-?mail|send|mail) (?:me|us) (?:the|a|an|that|those|your|this|my) (?:\w+ )?(?:forms?|link|info|details|receipts?|invoices?|documents?|files?|copy|pdf|flyer|schedule|photos?|pics?|agenda|minutes|report)\b",
    ],
}
