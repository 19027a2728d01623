"""Stop texting: "stop texting me", "no more texts please", "I don't want these anymore"."""

from __future__ import annotations

from optout.detect.families.english.words import AFTER, DO_NOT, NOT, PLEASE, POLITE_END, STOP, TEXTS
from optout.domain import Family

FAMILY = Family.STOP_TEXTING
STRONG = [
    # texting autocorrected to testing ("STOP TESTING ME"), a way people declare no texts
    r"\bstop (?:testing|tezting|tecting) (?:me|us)\b",
    rf"\b(?:i|we) (?:don'?t|dont|do not) do (?:{TEXTS})\b",
    rf"\b(?:i'?m|im|i am|we'?re) (?:going to |gonna |gunna )?pass(?:ing)? on (?:these|the|your|ur|all) (?:\w+ )?{TEXTS}",
    # a stop already sent and not heeded ("I pressed stop but they keep coming")
    (
        r"\b(?:i|we|and|&)(?: already| have| already have| did| even| keep| kept| have been)? "
        r"(?:pressed|sent|replied|texted|typed|wrote|said|say|sayin|saying|put|answered|"
        r"responded|hit|typing|texting|txting|replying|sending|writing) (?:the )?['\"]?stop\b"
        r"(?! (?:by|at|in)\b)"
    ),
    r"\bhelp me (?:get off|stop) (?:this|these|the list|them|the texts)\b",
    # texting declared unwelcome ("texting me is not ok")
    (
        rf"\b(?:texting|txting|messaging|{TEXTS}) (?:me|us|to me|to this number) (?:is|are) "
        rf"(?:not|never|n'?t) (?:ok|okay|cool|acceptable|allowed|legal|appropriate|welcome)\b"
    ),
    rf"^(?:{PLEASE} )?stop (?:sending|texting|txting|messaging|msging)(?=\W*(?:$|[,.!;-]))",
    rf"(?:^|[.!?] ){PLEASE}\W+no more{POLITE_END}",
    # said the way a second language says it ("not more write to me", "I am not need more messages")
    r"\b(?:to )?not more (?:write|send|text|message|contact)\w* (?:to )?(?:me|us)\b",
    (
        r"\b(?:i am|i'?m|im|i) not (?:need|want|like) (?:more |any more |anymore |these |this |your |"
        r"the )?(?:messages?|texts?|msgs?|sms)\b"
    ),
    (
        r"(?:^|[.!?,] )(?:please |pls |plz )?stop (?:send|sent|text|txt|message|msg|write)(?: (?:me|us|"
        r"to me|messages?|msgs?|texts?))?(?=\W*(?:$|[.!?,]))"
    ),
    # stopped once already ("STOPPED this last month, why am I getting it again")
    (
        r"\b(?:i )?stopped (?:this|these|them|it|the texts|the messages|you|u|y'?all|you guys|u guys) "
        r"(?:already|before|last|a while|twice|\d+ times|(?:\w+ )?(?:weeks|months|days) ago)\b"
    ),
    # told before ("I told you last week to stop")
    (
        r"\b(?:i|we)(?: already| have| already have|'ve)? told (?:you|u|y'?all|ya|you guys|u guys) "
        r"(?:\w+ ){0,3}?to stop(?:\W*$|[.!,]| (?:texting|txting|messaging|sending|contacting))"
    ),
    # a sentence of its own asking to stop sending ("Now plz stop sending them daily.")
    (
        rf"(?:^|[.!?] |\b(?:so|and|but) )(?:now |so |just |ok |okay )?(?:{PLEASE} )?stop (?:sending|texting|txting|messaging|"
        rf"msging)(?: (?:me|us|them|these|this|those|it))?(?: (?:daily|every day|so much|so often|"
        rf"all the time|anymore|any more|now))?(?=\W*(?:$|[.!?]))"
    ),
    r"\b(?:please|pls|plz) (?:don'?t|dont|do not) send (?:me |us )?(?:any ?more|more)\b",
    # a request already made, unheeded ("I've asked nicely twice")
    (
        r"\b(?:i'?ve|i have|i) (?:already )?asked (?:you |u |y'?all )?(?:nicely |politely )?"
        r"(?:twice|\d+ times|(?:two|three|four|five|several|multiple|many) times|before|already)\b"
    ),
    # asked to stop asking for money or votes ("stop begging me for donations")
    (
        r"\bstop (?:begging|asking|hounding|soliciting|badgering|hassling|pestering|bugging) "
        r"(?:me|us|her|him|them|my (?:\w+ )?(?:mom|mother|dad|father|grandma|grandmother|grandpa|"
        r"grandfather|husband|wife|parents)) for (?:money|donations?|cash|funds|contributions?|"
        r"votes?|support|\$)"
    ),
    r"\bstop (?:begging|soliciting|hounding|badgering)(?!\w)",
    # wanting the messages to end, politely ("I'd really like these messages to end")
    (
        r"\b(?:like|want|need|wish|love|prefer) (?:for )?(?:these|the|your|ur|all (?:these|the|"
        r"your|ur)) (?:\w+ )?(?:texts?|txts?|messages?|msgs?|reminders?|alerts?|updates?|"
        r"notifications?) to (?:end|stop|cease|be stopped|go away)\b"
    ),
    (
        rf"\b{STOP}\b(?: \w+){{0,2}}? (?:{TEXTS}|sending|contacting|harassing|hitting (?:me|"
        rf"us) up)\b(?: \w+)? ?{AFTER}"
    ),
    (
        rf"\b{STOP} (?:sending|texting|txting|messaging|msging) (?:me |us )?(?:these|this|your|ur|"
        rf"those|the|all|stuff|crap|shit|junk|things|\w+ (?:stuff|crap|shit|junk|things|garbage))(?!\w)"
    ),
    rf"\bend (?:these|this|all|your|ur|the) (?:\w+ )?{TEXTS}",
    rf"^end (?:{TEXTS})\b",
    (
        rf"^(?:{PLEASE} )?(?:stop|stp|stpo|stahp|stopp)(?:\W+(?:{PLEASE}|now|immediately|asap|"
        rf"thanks?|thank you|thank u|thanx|thx|ty|right now|already|sending|texting|messaging))+$"
    ),
    rf"^{PLEASE} (?:stop|stp|stpo|stahp|stopp)$",
    (
        rf"^(?:{PLEASE} )?(?:end|cancel|quit|stopall|stop all)(?:\W+(?:{PLEASE}|now|thanks?|"
        rf"thank you|thank u|thanx|thx|ty))+$"
    ),
    (
        r"^(?:(?:hi|hello|yo|ok)\W+)?(?:sotp|stpo|stopp+|sttop|stahp|tsop|sopt|stp)\W*(?:thanks?|"
        r"thank you|thank u|thanx|thx|ty|please|pls|plz)?(?: so much)?$"
    ),
    (
        rf"\b{NOT} (?:want|wanna|wish|need|like) (?:to (?:get|receive|recieve|be getting|"
        rf"keep getting|keep receiving) )?(?:any |these |this |your |ur |the |more |any more |"
        rf"anymore |further |future )*{TEXTS}"
    ),
    rf"\bno (?:more|further) {TEXTS}",
    (
        r"\b(?:no longer|don'?t|dont|do not) (?:want|wish|need) (?:to )?(?:receive|recieve|"
        r"get) (?:these|this|your|ur|them|any)"
    ),
    r"\bcease and desist\b",
    r"\b(?:sop|stop) (?:texting|txting|messaging|msging|the (?:msgs|texts|messages))\b",
    (
        r"\b(?:ask|asking|request|requesting) (?:that )?(?:you |u |y'?all )?(?:not|"
        r"never|no longer) (?:contact|text|message|txt|msg)"
    ),
    (
        r"\b(?:want|asking that|ask that|request that|need) (?:the|these|your|"
        r"all) (?:\w+ )?(?:texts|messages|txts|msgs) (?:to )?stop\b"
    ),
    r"^no (?:text|txt|message|msg|contact) me\b|\bend (?:my|the|this) subscription\b",
    rf"(?<=[,.;] )no (?:more )?{TEXTS}\W*$",
    rf"\b{STOP} (?:the|these|those|all|your|ur|this|that) (?:\w+ ){{0,2}}?{TEXTS}",
    (
        rf"\b{STOP} (?:getting|receiving|recieving) (?:these|this|them|your|ur|{TEXTS}|"
        rf"\w+ from (?:you|u|ur|your))"
    ),
    (
        rf"\b{DO_NOT} (?:send|sed|snd) (?:me|us) (?:anything|any|more|these|this|reminders|texts|"
        rf"messages|stuff|things|nothing)"
    ),
    (
        r"\bturn (?:these|this|them|the texts?|the messages?|(?:the |these )?(?:text |"
        r"txt )?(?:alerts|notifications)) off(?!\w)"
    ),
    (
        r"\bturn off (?:these|this|all (?:these|this|of (?:these|this|them|it))|(?:the|your|ur|all|"
        r"my) (?:\w+ )?(?:texts?|txts?|messages?|msgs?|alerts?|notifications?|reminders?|updates|"
        r"sms)|text|txt)(?!\w)"
    ),
    (
        rf"\b(?:disable|deactivate|pause|mute|silence|cancel|cacel|cancle|"
        rf"cancl) (?:\w+ ){{0,2}}?{TEXTS}"
    ),
    rf"\b{TEXTS} (?:are|r|is) (?:unwanted|annoying|spam|harassment|not wanted|unsolicited)",
    rf"^no (?:more )?{TEXTS}(?: {PLEASE}| thanks?| thank you| thx)*$",
    rf"\bno (?:more |further )?(?:\w+ ){{0,2}}?{TEXTS} (?:{PLEASE}|for me)",
    rf"\bno (?:more|further) (?:of )?(?:these|this|them|(?:\w+ ){{0,2}}?{TEXTS})",
    r"\bno longer interested\b",
    rf"\bnot interested in (?:these|this|your|ur|the|any) (?:\w+ )?{TEXTS}",
    (
        r"^(?:please stop|pls stop|plz stop|i said stop|stop)(?:\W+(?:this is|i'?m|im|i am|i said|"
        r"i asked|i'?ve|enough|thanks|thank you)\b|\W*$)"
    ),
    (
        r"\b(?:i said|i'?ve asked (?:you )?to|i asked (?:you )?to|told (?:you|u)(?: \w+)? to|"
        r"what part of) stop\b"
    ),
    r"\bcan (?:u|you) (?:not|stop|quit) (?:txt|text|texting|txting|message|messaging|contact|msg)",
    (
        rf"\b(?:enough|knock it off|done|stop|stp|stahp|quit) (?:with|w/|w) (?:the|these|your|ur|all) "
        rf"(?:\w+ ){{0,2}}{TEXTS}"
    ),
    # a count of the texts, then "enough." ("you've texted me 40 times this month. enough.")
    (
        r"\b(?:texted|txted|messaged|contacted|texting|messaging) (?:me|us) (?:\w+ ){0,3}?times\b"
        r"[^.!?]{0,30}[.!?]+ *enough(?: already| is enough)?\W*$"
    ),
    r"\b(?:stop|quit) (?:blowing|blowig) up my (?:phone|cell)\b",
    (
        r"\bdon'?t you dare (?:text|txt|message|msg|contact)|\b(?:some|a lot of) nerve (?:texting|"
        r"messaging|contacting)"
    ),
    rf"\bsick (?:and tired )?of (?:your|these|the|ur|all these|all the) (?:\w+ )?{TEXTS}",
    rf"\bno ?(?:one|body) asked for (?:your|these|ur|the) (?:\w+ )?{TEXTS}",
    r"\bif (?:you|u) (?:text|txt|message|msg|contact) (?:me|us) (?:one more time|ever again)",
    (
        r"(?:^(?:(?:no|nope|nah)\W+)?|[.!?,:;]\s*|\b(?:interested|number|already|hell|heck|ugh|"
        r"just|seriously|please|pls|"
        r"plz|omg|god|sake|ffs|christ|wtf|lord)\W+)(?:stop|stpo|stp)(?: (?:already|now|it|please|"
        r"pls|plz|ok|okay))?\W*$"
    ),
    r"\b(?:have to|gotta|need to|do i) (?:say|tell you|ask you) (?:to )?stop\b",
    (
        r"\bif (?:you|u) (?:would |could |can |will )?(?:stop|stopped|quit) (?:texting|messaging|"
        r"contacting|sending|txting)"
    ),
    r"\bmake (?:these|them|the texts|the messages|your texts) stop\b",
    (
        rf"\b{STOP} (?:this|the|your|ur|all this|with the|with this) (?:crap|junk|garbage|bs|"
        rf"nonsense|bullshit|shit|sh?\*+t|spam)(?!\w)"
    ),
    (
        r"\b(?:text|txt|message|msg|contact) me again (?:and|&|n) |\bif (?:you|u) (?:text|txt|"
        r"message|msg|contact) me again\b"
    ),
    (
        r"\bcancel (?:my|the|this) (?:sms|text|txt|texting|message) (?:subscription|alerts|"
        r"service|notifications)"
    ),
    rf"\bno (?:more )?{TEXTS} {PLEASE}",
    r"\b(?:i said|i'?ve asked (?:you )?to|i asked (?:you )?to) stop\b",
    (
        rf"\b(?:prefer|rather) not (?:to )?(?:receive|get|be sent|have) (?:(?:any )?(?:\w+ )?{TEXTS}|"
        rf"these|them|those)\b"
    ),
    rf"\bcount (?:me|us) out of (?:these|the|your|ur|all|this|any) (?:\w+ )?{TEXTS}",
    # the asks for money themselves ("quit asking for $5 every day", "stop begging")
    (
        r"\b(?:stop|quit|enough|cease|no more|done with|sick of|tired of) (?:with )?(?:the )?"
        r"(?:asking|begging|hitting me up|pestering|hounding|harassing)(?: (?:me|us))?"
        r"(?: (?:for|about))? (?:(?:more|your|ur|the|any) )?(?:money|cash|donations?|dollars|"
        r"\$\s?\d*|\d+ dollars|\d+ bucks|funds|contributions?|a dime)(?!\w)"
    ),
    r"\b(?:stop|quit|enough|no more|enough with) (?:the )?(?:panhandling|guilt trips?|guilt tripping)",
    r"\b(?:don'?t|dont|do not|never) ask (?:me )?(?:for )?(?:money|donations?|\$|a dime)",
    (
        rf"\b(?:stop|enough|quit|done|cut it out)(?: it)? with (?:the|these|those|your|ur|all the|all "
        rf"these|all your) (?:[\w'$]+ ){{0,3}}?{TEXTS}\b"
    ),
    rf"\b(?:i'?m|im|i am) (?:good|fine|ok|okay|set) on (?:the |your |ur )?{TEXTS}",
    # wanting the texts ended, in other words ("i need them to stop", "make them quit")
    (
        r"\b(?:i|we) (?:need|want) (?:them|these|this|it|the texts|the messages|you|u|y'?all) "
        r"(?:to stop|to end|ended|stopped|gone|turned off|to go away)\b"
    ),
    r"\b(?:gonna|going to|have to|got to|gotta) need (?:you|u|y'?all) to stop\b",
    r"\bmake (?:them|these|the texts|the messages|these texts) (?:stop|quit|end|go away)\b",
    (
        rf"\b(?:get|have) (?:these|the|your|ur|all these|all the) (?:\w+ )?{TEXTS} "
        rf"(?:stopped|ended|turned off|cancell?ed|canceled|removed|blocked)\b"
    ),
    rf"\b(?:set|change|update) my (?:\w+ )?(?:settings|preferences?) to (?:none|no {TEXTS})",
    rf"\bnot more {TEXTS}",
    (
        rf"\bwhy (?:am i|do i|are you|r u|are u) still (?:getting|receiving|sending|texting)(?: me)? "
        rf"(?:these|this|them|your|ur|{TEXTS})\b"
    ),
    # the texts to end, said about oneself ("I really need these to end", "i cant keep getting
    # these", "I won't be needing these anymore", "we dont need the daycare texts anymore")
    (
        r"\b(?:need|want|would like) (?:these|them|the texts|the messages|your texts|ur texts) to "
        r"(?:end|stop)\b"
    ),
    (
        r"\b(?:can'?t|cannot|can not) keep getting (?:these|them|your|ur|this|the)\b"
        r"(?! (?:\w+ )?(?:wrong|right|mixed|confused|done|correct|lost)\b)"
    ),
    (
        r"\b(?:won'?t|wont|will not|not going to|am not going to|im not going to|i'm not going to) "
        r"(?:be )?need(?:ing)? (?:these|them|the (?:texts|messages|updates|reminders|alerts)|"
        r"your (?:texts|messages|updates|reminders))\b"
    ),
    (
        r"\b(?:don'?t|dont|do not|no longer) need (?:the |these |your |ur )?(?:\w+ )?(?:texts|"
        r"messages|msgs|reminders|updates|alerts|bulletins?|newsletters?|notifications)(?: \w+)? "
        r"(?:anymore|any more)\b"
    ),
    r"\bno need to keep (?:me|us|this number|my number) on (?:the|your|ur|this) (?:\w+ )?list\b",
    (
        r"\b(?:please|pls|plz|kindly) (?:do not|don'?t|dont) (?:write|text|message|contact) (?:to )?"
        r"(?:me|us|her|him) (?:anymore|any more|again)\b"
    ),
    r"\b(?:i am|i'?m|im) begging(?: (?:you|u|y'?all))?\W+(?:please |pls )?no more\b",
    # no need for the texts ("I already switched insurance, no need to text me anymore")
    (
        r"\bno (?:need|reason) (?:for (?:you|u|y'?all) )?to (?:text|txt|message|msg|contact|send|"
        r"keep texting|keep sending|keep messaging) (?:me|us) (?:anymore|any more|again|ever again|"
        r"no more)\b"
    ),
    # someone else's texts, stopped ("please stop sending his appointment reminders")
    (
        rf"\bstop (?:sending|texting) (?:his|her|their) (?:\w+ )?(?:reminders?|{TEXTS}|alerts?|"
        rf"notifications?|updates)\b"
    ),
    # the keyword sent before, in vain ("how many times do i have to type REMOVEME")
    (
        r"\bhow many (?:more )?times (?:do|must|should|will|did) (?:i|we) (?:have to |need to |gotta "
        r"|got to )?(?:type|send|reply|write|respond|text (?:stop|it|that|back stop))\b"
    ),
    (
        r"\bwhy (?:am i|are we|is my (?:number|#|name)) still on (?:this|your|ur|the)\b"
        r"(?:(?: \w+)? (?:list|group|chain|thread|thing)\b|\W*$)"
    ),
    (
        r"\bwhy (?:are you|r u|are u|are y'?all|r y'?all|is (?:this|this number|this company)) still "
        r"(?:texting|txting|messaging|msging|contacting) (?:me|us)\b"
        r"(?! (?:about|back|for|to|at|on|re|with|lol|lmao|haha)\b)"
    ),
    r"\bstop to (?:send|sending|message|text|texting|write|writing|contact)\b",
    r"\balready (?:say|said|told you|tell you|typed|type|sent|send|replied|wrote|write) stop\b",
    rf"\b(?:i'?ll|i will|ill|i'?m gonna|im gonna) pass on (?:any )?(?:future|more|further|these|the) {TEXTS}",
    rf"^(?:{PLEASE} )?end (?:these|them|this|all (?:these|this|of (?:these|this|them|it)))\b",
    # a whole reply that asks for no more, or for it to stop, in two or three words
    rf"^(?:(?:omg|ugh|ok|okay|seriously|god|jeez|geez|jesus|oh my god|dude|bro|man) )?(?:{PLEASE} )?(?:no more|enough already|ok enough|cut it out|knock it off)(?:{POLITE_END}|\W*$)",
    # the request worded as a favour ("I'd appreciate not getting the weekly texts anymore")
    (
        r"\b(?:i'?d|i would|we'?d|we would|would) (?:really |greatly )?appreciate (?:not|no longer|"
        rf"no more) (?:getting|receiving|being sent) (?:\w+ ){{0,3}}?{TEXTS}"
    ),
    rf"\bthere'?s no (?:need|reason) for (?:the |any |these |those |more |further )?(?:\w+ )?{TEXTS}",
]
WEAK = [
    r"^(?:stop|stp|stpo|stahp|stopp)(?!\w)",
    rf"\b{STOP} (?:it|this|these|now)(?!\w)",
    r"\bstop (?:calling|bothering|bugging|pestering|contacting)(?!\w)",
    r"\bno more\b",
    r"\bstop sending (?:them|these|those|this|it)\b",
    r"\bmake (?:it|them|this|these) stop\W*$",
    r"\bmake it (?:go away|stop)\b",
    r"\bwhy (?:am i|do i|are you|r u|are u|is this) still (?:getting|receiving|sending|texting)\b",
    (
        r"\bunfollow|\bcancel (?:these|this|the|my|all) (?:\w+ )?(?:texts?|messages?|alerts?|"
        r"subscription|notifications?)"
    ),
    (
        rf"\b(?:these|the|your|ur|all|all these|all the) (?:\w+ )?{TEXTS} (?:must|need to|needs to|"
        rf"have to|has to|should|to|can|could|will) (?:stop|end|cease|quit)\b"
    ),
    (
        r"\b(?:i'?d|i would|i) (?:prefer|rather|like|appreciate it if|appreciate if) (?:you |u |"
        r"it if you |if you )?(?:stop|stopped|not|quit|cease|didn'?t|did not)\b"
    ),
    (
        r"\b(?:no longer|don'?t|dont|do not) (?:want|wish|need|like)(?: to (?:get|receive|have|"
        r"see))? (?:these|this|them|your|ur|any more|more)\b"
    ),
    rf"\b(?:decline|refuse|reject) (?:any |all |these |further |future |more )*(?:\w+ )?{TEXTS}",
    (
        rf"\b(?:pack it in|give it a rest|give (?:the|these|your|ur) (?:\w+ )?{TEXTS} a rest|"
        rf"knock it off|cut it out|lay off)\b"
    ),
    r"\bnot interested in (?:receiving|getting|any|more|further)\b",
    (
        r"\b(?:don'?t|dont|do not|no) (?:keep |continue )?(?:texting|messaging|message|text|send|"
        r"sending)(?: \w+)? (?:me|us)\b"
    ),
    (
        r"\b(?:end|cease|stop|halt|discontinue) (?:all )?(?:communication|communications|contact|"
        r"messaging|texting)\b"
    ),
    (
        r"\b(?:asking|told|tell|asked) (?:you |u )?(?:to )?stop\b|\btimes? (?:asking|i'?ve asked|"
        r"i asked)\b"
    ),
    r"\b(?:i'?m|im|i am) done (?:with|w/|w) (?:these|this|the|your|ur)\b",
    rf"\b(?:i'?ll|i will) pass on (?:the|these|your|ur) {TEXTS}",
    rf"\b{TEXTS} (?:stop|end|off)(?:ped)? (?:now|please|pls|plz|asap|today)\b",
    rf"\b(?:shut|switch|turn) (?:off|down) (?:the |these |my |your |ur |all )?(?:\w+ )?{TEXTS}",
    r"\b(?:stop|quit) (?:nagging|stalking|spamming|texting|messaging) (?:me|my)\b",
    r"\bthe word stop\b|\bwhat part of\b",
    (
        rf"\b(?:sick|tired) (?:and tired )?of (?:you|u|y'?all|your|ur|these|this|the|all|getting|"
        rf"receiving)(?: \w+)? (?:{TEXTS}|texting|txting|messaging|spam)\b"
    ),
    (
        rf"\b{TEXTS} (?:(?:are|r|is) (?:not|no longer)|aren'?t|arent|isn'?t|isnt) (?:welcome|"
        rf"wanted|needed|appreciated)\b"
    ),
    (
        r"\b(?:never|don'?t|dont|do not) send (?:me |us )?(?:anything|another|any more|anymore|"
        r"more|nothing)(?: \w+){0,3}? (?:again|this number|to this|to me)\b"
    ),
    r"\b(?:never|don'?t|dont|do not) hit (?:me|us) up (?:again|anymore|any more|no more|ever)\b",
    (
        r"\bstop\W+(?:i|we) (?:already|just) (?:voted|donated|paid|gave|signed|registered|replied|"
        r"answered|unsubscribed)\b"
    ),
]
EXAMPLES = (
    "I'D LIKE TO DEACTIVATE THESE TEXT ALERTS.",
    "stop texting me at night.",
    "does replying stop sctually stop these",
    "stop begging me for money every single day",
    "id really like all these msgs to end tbh",
)
