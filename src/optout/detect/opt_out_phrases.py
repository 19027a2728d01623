"""English opt-out phrase families, SMS spellings and common typos included.

Fragments in capitals are shared vocabulary; the families are what ``reason`` prints.
"""

from __future__ import annotations

from optout.detect.patterns import Strength, phrases

S, W = Strength.STRONG, Strength.WEAK

PLEASE = r"(?:please|pls|plz|plse|pleas|plez|pl[sz]e?|kindly)"
NOT = r"(?:do not|don'?t|dont|do n'?t|dnt|didn'?t|did not|never)"
ME = (
    r"(?:me|us|my (?:phone |cell |mobile )?(?:number|numbr|num|no|#|name|info|information|"
    r"details|contact(?: info)?)|this (?:number|numbr|num|#|phone(?: number)?|cell))"
)
TEXTS = (
    r"(?:reminders?|updates|requests|devotionals?|newsletters?|surveys?|texts?|txts?|texting|txting"
    r"|textin|txtin|text messages?|msgs?|msging|messages?|"
    r"messaging|mesages?|sms|spam|spamming|notifications?|alerts?|marketing|promos?|"
    r"promotions?|ads|advertisements?|robotexts?|mass texts?)"
)
LIST = (
    r"(?:lists?|mailing list|database|db|system|contacts?|records?|directory|files?|"
    r"registry|roster|texts?|txts?|msgs?|messages?|sms|alerts?|notifications?|numbers?)"
)
STOP = r"(?:stop|stp|stpo|sotp|stahp|stopp|quit|cease|halt|discontinue|no more|enough)"
AFTER = (
    r"(?:me|us|to me|to us|to this number|here|anymore|any more|again|now|already|"
    r"immediately|asap|please|pls|plz|thanks?|thank you|thank u|thanku|thanx|thx|ty|$)"
)

REMOVE = [
    *phrases(
        "remove from list",
        S,
        [
            rf"\b(?:remove|remve|remov|rmv|delete|erase|take|tk|get|drop|scratch|strike|pull|cross|"
            rf"wipe|scrub) {ME} (?:off|of|from|out of|outta|off of|out) (?:\w+ ){{0,3}}?{LIST}\b",
            r"\b(?:take|get|remove) (?:me|us|my number|this number) (?:off of|out of|outta|out|off)"
            r" "
            r"(?:this|here)(?: (?:list|group|thread|chat|thing|text|please|pls|plz|now))?\W*$",
            rf"\b(?:need|want|like|wanna) (?:to be |to get )?off (?:of )?(?:this|your|ur|the|these)"
            rf" "
            rf"(?:\w+ )?{LIST}",
            r"\b(?:delete|remove|erase) (?:this|my) contact\b",
            r"(?<!n't )(?<!dont )(?<!not )\b(?:take|tk|get) (?:me|us|this number|my number|my #|thi"
            r"s #) (?:off|out)(?: (?:too|"
            r"please|pls|plz|now|asap|thanks?|thx|ty|already|of (?:this|it)))*(?=\W*(?:$|[,.!;]))",
            r"(?<!n't )(?<!dont )(?<!not )\b(?:take|get|remove) (?:my|our|this|his|her|\w+'s) (?:\w"
            r"+'s )?(?:number|#|cell|"
            r"phone number|info) (?:off|out)\b",
            rf"^(?:{PLEASE} )?(?:remove|rmv|take|delete|drop)(?: me| us)? (?:off|from) (?:the |your"
            rf" |"
            rf"ur |this )?{LIST}\b",
            r"(?<!n't )(?<!dont )(?<!not )\b(?:take|get) (?:my|this|our) (?:number|info|information"
            r"|details|contact info|#) "
            r"(?:off|out)\b",
            rf"\b(?:don'?t|do not|dont|no longer) (?:want|wish|need) to be on (?:this|your|ur|any|"
            rf"these|the (?:text|txt|sms|mailing|contact|texting)) (?:\w+ )?{LIST}",
            rf"\b(?:remove|remve|remov|rmv|delete|erase|unlist) {ME}(?: {PLEASE}| now| asap|"
            r"| immediately| right now| thanks?| thank you| thx| ty)*$",
            r"\b(?:lose|delete|erase|forget) (?:my|this) (?:number|numbr|#|num)(?!\w)",
            rf"\b(?:want|would like|(?:i|we)'?d like|wanna|need|wish) (?:to )?(?:be )?(?:removed|ta"
            rf"ken off|"
            rf"unsubscribed|opted out|off (?:this|your|ur|the|these) {LIST})",
            r"\b(?:remove|take|get|delete) (?:me|us|my number) (?:off|from) (?:here|this)(?!\w)",
            r"\b(?:purge|remove|remve|delete|erase|wipe|scrub) (?:my|all my|our) (?:contact )?(?:in"
            r"fo|"
            r"information|details|data|number|#)(?!\w)",
            r"\b(?:my )?(?:info|information|number|#|details|data) (?:removed|deleted|taken off|"
            r"erased|purged)\b",
            r"^(?:\w+ )?off (?:the|your|ur|this|that) (?:\w+ )?list\b|\bdelete me\b",
            r"\b(?:drop|rmv|remove|remve|remov|delete|erase|lose|pull|wipe|scrub|scratch) (?:both )"
            r"?"
            r"(?:my|our|this|hi"
            r"s|her|\w+'s) "
            r"(?:\w+'s )?(?:number|#|num|numbr|phone number|cell)(?!\w)",
            rf"^(?:{PLEASE} )?(?:remove|rmv|remve|remov) me\b|\b{PLEASE} (?:remove|rmv|remve|remov)"
            rf" "
            r"me\b",
            rf"^(?:{PLEASE} )?(?:remove|rmv|remve|remov|unsub|delete)(?: {PLEASE}| me| us| now| "
            r"asap| thanks?| thank you| thx| ty)*$",
            r"\b(?:be|get|getting|been) (?:taken|removed) (?:off|from)(?!\w)",
            r"\bget (?:me |us )?(?:out of|off) (?:this|the|your|ur) (?:group|list|chat|thread|"
            r"text|txt)",
        ],
    ),
    *phrases(
        "unsubscribe",
        S,
        [r"\b(?:unsubscribe|unsubcribe|unsubscibe|unsuscribe|unsubscrib|unsubsribe|unsub)\b"],
    ),
]

STOP_TEXTING = [
    *phrases(
        "stop texting",
        S,
        [
            rf"\b{STOP}\b(?: \w+){{0,2}}? (?:{TEXTS}|sending|contacting|harassing|"
            rf"hitting (?:me|us) up)\b(?: \w+)? ?{AFTER}",
            rf"\b{STOP} (?:sending|texting|txting|messaging|msging) (?:me |us )?(?:these|this|"
            r"your|ur|those|the|all|stuff|crap|shit|junk|things)(?!\w)",
            rf"\bend (?:these|this|all|your|ur|the) (?:\w+ )?{TEXTS}",
            rf"^(?:{PLEASE} )?(?:stop|stp|stpo|stahp|stopp)(?:\W+(?:{PLEASE}|now|immediately|asap|"
            r"thanks?|thank you|thank u|thanx|thx|ty|right now|already|sending|texting|messaging))+"
            r"$",
            rf"^{PLEASE} (?:stop|stp|stpo|stahp|stopp)$",
            # a keyword said politely is still the keyword's request
            rf"^(?:{PLEASE} )?(?:end|cancel|quit|stopall|stop all)(?:\W+(?:{PLEASE}|now|thanks?|"
            r"thank you|thank u|thanx|thx|ty))+$",
            r"^(?:(?:hi|hello|yo|ok)\W+)?(?:sotp|stpo|stopp+|sttop|stahp|tsop|sopt|stp)\W*(?:thanks"
            r"?|"
            r"thank you|thank u|thanx|thx|ty|please|pls|plz)?(?: so much)?$",
            rf"\b{NOT} (?:want|wanna|wish|need|like) (?:to (?:get|receive|recieve|be "
            rf"getting|keep getting|keep receiving) )?(?:any |these |this |your |ur |the |more |"
            rf"any more |anymore |further |future )*{TEXTS}",
            rf"\bno (?:more|further) {TEXTS}",
            r"\b(?:no longer|don'?t|dont|do not) (?:want|wish|need) (?:to )?(?:receive|"
            r"recieve|get) (?:these|this|your|ur|them|any)",
            r"\bcease and desist\b",
            r"\b(?:sop|stop) (?:texting|txting|messaging|msging|the (?:msgs|texts|messages)"
            r")\b",
            r"\b(?:ask|asking|request|requesting) (?:that )?(?:you |u |y'?all )?(?:not|never) "
            r"(?:contact|text|message|txt|msg)",
            r"\b(?:want|asking that|ask that|request that|need) (?:the|these|your|all) (?:\w+ )?"
            r"(?:texts|messages|txts|msgs) (?:to )?stop\b",
            r"^no (?:text|txt|message|msg|contact) me\b|\bend (?:my|the|this) subscription\b",
            rf"(?<=[,.;] )no (?:more )?{TEXTS}\W*$",
            rf"\b{STOP} (?:the|these|those|all|your|ur|this|that) (?:\w+ ){{0,2}}?{TEXTS}",
            rf"\b{STOP} (?:getting|receiving|recieving) (?:these|this|them|your|ur|{TEXTS}|\w+ "
            r"from (?:you|u|ur|your))",
            rf"\b{NOT} (?:send|sed|snd) (?:me|us) (?:anything|any|more|these|this|reminders|"
            r"texts|messages|stuff|things|nothing)",
            r"\bturn (?:these|this|them|the texts?|the messages?|(?:the |these )?(?:text |txt )?"
            r"(?:alerts|notifications)) off(?!\w)",
            r"\bturn off (?:these|this|the|all|your|ur|text|txt|my)(?!\w)",
            rf"\b(?:disable|deactivate|pause|mute|silence|cancel|cacel|cancle|cancl) (?:\w+ ){{0,"
            rf"2}}?"
            rf"{TEXTS}",
            rf"\b{TEXTS} (?:are|r|is) (?:unwanted|annoying|spam|harassment|not wanted|unsolicited)",
            rf"^no (?:more )?{TEXTS}(?: {PLEASE}| thanks?| thank you| thx)*$",
            rf"\bno (?:more |further )?(?:\w+ ){{0,2}}?{TEXTS} (?:{PLEASE}|for me)",
            rf"\bno (?:more|further) (?:of )?(?:these|this|them|(?:\w+ ){{0,2}}?{TEXTS})",
            r"\bno longer interested\b",
            rf"\bnot interested in (?:these|this|your|ur|the|any) (?:\w+ )?{TEXTS}",
            r"^(?:please stop|pls stop|plz stop|i said stop|stop)(?:\W+(?:this is|i'?m|im|i am|"
            r"i said|i asked|i'?ve|enough|thanks|thank you)\b|\W*$)",
            r"\b(?:i said|i'?ve asked (?:you )?to|i asked (?:you )?to|told (?:you|u)(?: \w+)? to|"
            r"what part of) stop\b",
            r"\bcan (?:u|you) (?:not|stop|quit) (?:txt|text|texting|txting|message|messaging|"
            r"contact|msg)",
            rf"\b(?:enough|knock it off|done) (?:with|w/|w) (?:the|these|your|ur|all) (?:\w+ )?"
            rf"{TEXTS}",
            r"\b(?:stop|quit) (?:blowing|blowig) up my (?:phone|cell)\b",
            r"\bdon'?t you dare (?:text|txt|message|msg|contact)|\b(?:some|a lot of) nerve "
            r"(?:texting|messaging|contacting)",
            rf"\bsick (?:and tired )?of (?:your|these|the|ur|all these|all the) (?:\w+ )?{TEXTS}",
            rf"\bno ?(?:one|body) asked for (?:your|these|ur|the) (?:\w+ )?{TEXTS}",
            r"\bif (?:you|u) (?:text|txt|message|msg|contact) (?:me|us) (?:one more time|ever again"
            r")",
            r"(?:^|[.!?,:;]\s*|\b(?:interested|number|already|hell|heck|ugh|just|seriously|please|p"
            r"ls|plz|"
            r"omg|god|sake|ffs|christ|wtf|lord)\W+)(?:stop|stpo|stp)(?: (?:already|now|it|please|pl"
            r"s|plz|ok|okay))?\W*$",
            r"\b(?:have to|gotta|need to|do i) (?:say|tell you|ask you) (?:to )?stop\b",
            r"\bif (?:you|u) (?:would |could |can |will )?(?:stop|stopped|quit) (?:texting|"
            r"messaging|contacting|sending|txting)",
            r"\bmake (?:these|them|the texts|the messages|your texts) stop\b",
            rf"\b{STOP} (?:this|the|your|ur|all this|with the|with this) (?:crap|junk|garbage|bs|"
            r"nonsense|bullshit|shit|spam)\b",
            r"\b(?:text|txt|message|msg|contact) me again (?:and|&|n) |\bif (?:you|u) (?:text|txt|"
            r"message|msg|contact) me again\b",
            r"\bcancel (?:my|the|this) (?:sms|text|txt|texting|message) (?:subscription|alerts|"
            r"service|notifications)",
            rf"\b{STOP} (?:the|these|those|all|your|ur|this|that) (?:\w+ ){{0,2}}?{TEXTS}",
            rf"\b{TEXTS} (?:are|r|is) (?:unwanted|annoying|spam|harassment|not wanted|unsolicited)",
            rf"^no (?:more )?{TEXTS}(?: {PLEASE}| thanks?| thank you| thx)*$",
            rf"\bno (?:more )?{TEXTS} {PLEASE}",
            rf"\bnot interested in (?:these|this|your|ur|the|any) (?:\w+ )?{TEXTS}",
            r"\b(?:i said|i'?ve asked (?:you )?to|i asked (?:you )?to) stop\b",
        ],
    ),
    *phrases(
        "stop texting",
        W,
        [
            r"^(?:stop|stp|stpo|stahp|stopp)(?!\w)",
            rf"\b{STOP} (?:it|this|these|now)(?!\w)",
            r"\bstop (?:calling|bothering|bugging|pestering|contacting)(?!\w)",
            r"\bno more\b",
            r"\bunfollow|\bcancel (?:these|this|the|my|all) (?:\w+ )?(?:texts?|messages?|"
            r"alerts?|subscription|notifications?)",
        ],
    ),
]

DO_NOT_CONTACT = [
    *phrases(
        "do not contact",
        S,
        [
            rf"\b(?:{NOT}|(?:do not|don'?t|dont) (?:you|u)) (?:ever )?(?:text|txt|texting|"
            r"message|msg|msging|messaging|contact|sms|"
            r"send|reach out to|hit up|call or text|text or call|call and text|call n text|"
            r"call/text|call or txt|email or text) (?:me|us|this number|this #|my number|"
            r"my phone|this phone|here)(?!\w)",
            rf"\b{NOT} (?:ever )?(?:text|txt|message|msg|contact) (?:me |us |this number )?"
            r"(?:again|anymore|any more|ever again)",
            r"\b(?:do not|don'?t|dont) (?:want|wish|like) to be (?:contacted|texted|messaged)",
            r"\b(?:do not|dont|don'?t) (?:call|contact|text|disturb) (?:list|registry)(?!\w)",
            r"\bdnc\b",
            r"\b(?:do not|don'?t|dont|never) (?:text|txt|call|email|contact)\W+(?:and |or |n )?"
            r"(?:do not |don'?t |dont |never )?(?:text|txt|call|email|contact)\b",
            r"\b(?:do not|don'?t|dont|never) (?:ever )?(?:reach out|reah out|recah out|contact|"
            r"text|txt|message|msg)(?: to)? (?:me |us )?(?:again|anymore|any more|ever)\b",
            r"\bcease (?:all )?(?:contact|communication|communications|texts|messages)\b",
            r"\b(?:want|request|like|need) no (?:further|more) (?:contact|communications?|texts|"
            r"messages)\b",
            rf"\b{NOT} (?:send|text|txt) (?:me )?(?:anything|nothing) "
            r"(?:else|more|further|again)\b",
            r"\bnot (?:to )?be (?:contacted|texted|messaged)\b",
            r"\b(?:do not|don'?t|dont) use my (?:number|#|phone|info|information)\b",
            r"\bnever gave (?:you|u|y'?all|your \w+) (?:my|this) (?:number|#)",
            r"\bnot for marketing\b",
            r"\b(?:do not|don'?t|dont) (?:text|txt|message|msg|contact|call) it\b",
        ],
    ),
    *phrases(
        "do not contact",
        W,
        [
            rf"\b{NOT} (?:ever )?(?:call|phone|ring|contact|text|txt|message|msg) (?:me|us)(?!\w)",
            r"\bno (?:more )?contact\b",
        ],
    ),
]
