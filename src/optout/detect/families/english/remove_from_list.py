"""Remove from list: "take me off your list", "delete my number", "remove me"."""

from __future__ import annotations

from optout.detect.families.english.words import LIST, ME, PLEASE, POLITE_END
from optout.domain import Family

FAMILY = Family.REMOVE_FROM_LIST
STRONG = [
    # off the list for a while, or for good ("Please take me off for now", "let me off this
    # ride", "i need to be off this for real", "please let me go", "let this number go")
    r"\btake (?:me|us) off(?: (?:for now|for a while|for good|completely|please|pls|plz|asap))+\W*$",
    (
        r"\b(?:i|we) need (?:to be |to get )?off (?:(?:this|the|your|ur) (?:\w+ )?list|these|"
        r"this (?:for real|asap|now|please|pls|plz))\b"
    ),
    r"\blet (?:me|us) off (?:this|the|your|ur) (?!hook|bus|train|plane|boat|here)\w+",
    r"\b(?:please|pls|plz|just) let (?:me|us) (?:go|be)(?: (?:lol|pls|plz|please))?\W*$",
    r"\blet (?:this|my) (?:number|#) go\b",
    # the number named, then its removal ("where did you get my number please remove it")
    (
        r"\bmy (?:number|#|phone number|cell|cell number)\b[^.!?]{0,30}?\b(?:please |pls |plz |"
        r"just )?(?:remove|delete|erase) it(?: (?:please|pls|plz|now|asap))*\W*$"
    ),
    r"\b(?:i'?d|i would|id) (?:like|love|prefer) (?:to (?:get|be) )?off(?: (?:of )?(?:it|this|that|them))?\W*$",
    r"\bi want off\b",
    # someone the reply speaks for ("she has dementia ... remove her please")
    r"(?:^|[.!?,] )(?:please |pls |plz )?remove (?:her|him|them)(?: (?:please|pls|plz|now|asap|too))*\W*$",
    (
        rf"\bremove (?:this|that) (?:old |poor |little )?(?:lady|man|woman|guy|gal|person|grandma|"
        rf"grandpa|senior|fella) from (?:the|your|ur|this) (?:\w+ )?{LIST}\b"
    ),
    r"\boff (?:the|this|your|ur|all|any) (?:text|texting|sms|txt|textbot|phone) (?:list|group|alerts?)\b",
    # someone answering for another person ("take her off your texting list", "Remove him.")
    (
        rf"\b(?:remove|delete|take|drop|get) (?:him|her|them) (?:off|from|out of) (?:of )?(?:the |your "
        rf"|ur |this |all )?(?:\w+ )?{LIST}\b"
    ),
    rf"(?:^|[.!?] )(?:please |pls |plz |kindly )?(?:remove|delete) (?:him|her|them){POLITE_END}",
    r"\b(?:ask(?:ing)?|request(?:ing)?) (?:you|u) to (?:please )?(?:remove|delete|unsubscribe|take) (?:me|us)\b",
    # asking to be taken off a list by name ("I'd like to be dropped from your mailing list")
    (
        rf"\b(?:be|get|been|being) (?:dropped|deleted|removed|taken|struck|scratched|erased) (?:off |"
        rf"out )?(?:of |from )(?:the|this|these|your|ur|all|that) (?:\w+ )?(?!roster\b){LIST}\b"
    ),
    r"\b(?:mind|could you|can you|would you|pls|please|plz) (?:just )?removing (?:me|us)\b",
    (
        rf"\b(?:remove|remve|remov|rmv|delete|erase|take|taking|tk|get|getting|drop|scratch|strike|"
        rf"pull|cross|wipe|scrub) {ME} (?:off|of|from|out of|outta|off of|out) (?:\w+ ){{0,3}}?"
        rf"{LIST}\b"
    ),
    (
        r"\b(?:take|get|remove) (?:me|us|my number|this number) (?:off of|out of|outta|out|"
        r"off) (?:this|here)(?: (?:list|group|thread|chat|thing|text|please|pls|plz|now))?\W*$"
    ),
    (
        rf"\b(?:need|want|like|wanna) (?:to be |to get )?off (?:of )?(?:this|your|ur|the|"
        rf"these) (?:\w+ )?{LIST}"
    ),
    r"\b(?:delete|remove|erase) (?:this|my) contact\b",
    # a request closing a run-on ("... so pls remove", "im his wife. please take him off")
    (
        rf"\b(?:so|and|just|but|&) {PLEASE} (?:just )?(?:remove|rmv|remve|remov|delete)(?: me| us| it| this|"
        rf" my number)?(?: now)?{POLITE_END}"
    ),
    rf"(?:^|[.!?] )(?:{PLEASE} )?(?:take|remove) (?:him|her|them) off{POLITE_END}",
    rf"\b(?:take|get) (?:it|this|this number|this phone) off (?:of )?(?:your|ur|the|this) (?:\w+ ){{0,3}}?{LIST}",
    r"\b(?:remove|take|delete) be (?:from|off)\b",  # autocorrect's "be" for "me"
    # "of" for "off" closing the reply ("please take my name of")
    r"\b(?:take|get|remove) (?:me|us|my name|my number|my #|this number) of\W*$",
    (
        r"(?<!n't )(?<!dont )(?<!not )\b(?:take|tk|get) (?:me|us|this number|my number|my #|"
        r"this #) (?:off|out)(?: (?:too|please|pls|plz|now|asap|thanks?|thx|ty|already|lol|lmao|ok|"
        r"haha|of (?:this|"
        r"it)))*(?=\W*(?:$|[,.!;]))"
    ),
    (
        r"(?<!n't )(?<!dont )(?<!not )\b(?:take|get|remove) (?:my|our|this|his|her|"
        r"\w+'s) (?:\w+'s )?(?:number|#|cell|phone number|info|name) (?:off|out)\b"
    ),
    (
        rf"^(?:{PLEASE} )?(?:remove|rmv|take|delete|drop)(?: me| us)? (?:off|from) (?:the |your |"
        rf"ur |this )?{LIST}\b"
    ),
    (
        r"(?<!n't )(?<!dont )(?<!not )\b(?:take|get) (?:my|this|our) (?:number|info|information|"
        r"details|contact info|#) (?:off|out)\b"
    ),
    (
        rf"\b(?:don'?t|do not|dont|no longer) (?:want|wish|need) to be on (?:this|your|ur|any|"
        rf"these|the (?:text|txt|sms|mailing|contact|texting)) (?:\w+ )?{LIST}"
    ),
    (
        rf"\b(?:remove|remve|remov|rmv|delete|erase|unlist) {ME}(?: {PLEASE}| now| asap|"
        rf" immediately| right now| thanks?| thank you| thx| ty)*$"
    ),
    r"\b(?:lose|delete|erase|forget) (?:my|this) (?:number|numbr|#|num)(?!\w)",
    (
        rf"\b(?:want|would like|(?:i|we)'?d like|wanna|need|wish) (?:to )?(?:be )?(?:removed|"
        rf"taken off|unsubscribed|opted out|off (?:this|your|ur|the|these) {LIST})"
    ),
    r"\b(?:remove|take|get|delete) (?:me|us|my number) (?:off|from) (?:here|this)(?!\w)",
    (
        r"\b(?:purge|remove|remve|delete|erase|wipe|scrub) (?:my|all my|our) (?:contact )?(?:info|"
        r"information|details|data|number|#)(?!\w)"
    ),
    (
        r"\b(?:my )?(?:info|information|number|#|details|data) (?:removed|deleted|taken off|"
        r"erased|purged)\b"
    ),
    r"^(?:\w+ )?off (?:the|your|ur|this|that) (?:\w+ )?list\b|\bdelete me\b",
    (
        r"\b(?:drop|rmv|remove|remve|remov|delete|erase|lose|pull|wipe|scrub|"
        r"scratch) (?:both )?(?:my|our|this|his|her|\w+'s) (?:\w+'s )?(?:number|#|num|numbr|"
        r"phone number|cell)(?!\w)"
    ),
    rf"(?:^|[.!?;] )(?:{PLEASE} )?(?:remove|rmv|remve|remov) me\b|\b{PLEASE} (?:remove|rmv|remve|remov) me\b",
    (
        rf"^(?:{PLEASE} )?(?:remove|rmv|remve|remov|unsub|delete)(?:[,.!]* (?:{PLEASE}|me|us|now|"
        rf"asap|thanks?|thank you|thx|ty))*$"
    ),
    # a request to be removed as the reply's last clause ("no thank you, please remove")
    (
        rf"[,.!;?] ?(?:{PLEASE} )?(?:remove|rmv|remve|remov|delete)(?: me| us| it| this| my number)?"
        rf"(?: now)?(?: (?:lol|lmao|haha\w*))?{POLITE_END}"
    ),
    r"\b(?:appreciate|like|love) (?:being|to be|getting) (?:taken|removed|dropped) (?:off|out)\b",
    r"\b(?:be|get|getting|been) (?:taken|removed) (?:off|from)(?!\w)",
    r"\bget (?:me |us )?(?:out of|off) (?:this|the|your|ur) (?:group|list|chat|thread|text|txt)",
    r"\bremove (?:me|us|my number) from (?:whatever|wherever) (?:this|it) is\b",
    (
        r"\b(?:this|my) (?:number|#|num)\b.{0,40}?\b(?:want|need|would like) (?:it|this) (?:removed|"
        r"deleted|taken off)\b"
    ),
]
WEAK = [
    (
        r"\b(?:delist|unenroll|unenrol|disenroll|disenrol|deregister|unregister|exclude) (?:me|us|"
        r"my|this)\b"
    ),
    (
        r"\b(?:get rid of|clear|cut|cross|kick|scratch|strike) (?:me|us|my|this) (?:\w+ )?(?:off|"
        r"out|from)\b"
    ),
    r"\b(?:want|wanna|need|like) (?:to be )?(?:off|out)(?: of (?:this|these|the|your|ur))?\W*$",
    r"\b(?:removal|unsubscribe|opt[- ]?out) request\b|\brequest (?:removal|to be removed)\b",
    r"\b(?:my|our) (?:numbers? )?(?:has|have) been removed\b|\bbeen removed\b",
    r"\b(?:removing|remove|removed|drop|dropped) (?:my|our|both|me|us)\b",
    r"\bstop adding (?:me|my|us)\b",
    (
        r"\b(?:exit|withdraw|sign|mark|unenroll) (?:me )?(?:out of|from|as) (?:the |these |your |"
        r"ur |this )?(?:\w+ )?(?:texts?|txts?|alerts?|program|list|group|unsubscribed|opted out)"
    ),
    r"\b(?:end|terminate|cancel) my (?:\w+ )?(?:enrollment|subscription|alerts|texts)\b",
    (
        r"\b(?:deactivate|disable) (?:my|this|the|your|ur) (?:\w+ )?(?:subscription|alerts|texts|"
        r"txts|messages|notifications|enrollment)\b"
    ),
    (
        r"\b(?:be|get|got|been) (?:dropped|deleted|removed|taken|struck|scratched|erased) (?:off |"
        r"out )?(?:of |from )(?:the|this|these|your|ur|tis|all|that)\b"
    ),
]
EXAMPLES = (
    "no thank you, please remove",
    "ok so i'd like to be dropped from your mailing list.",
    "Please take me off. I've moved on. 😭✋🤬",
    "please delete my details",
)
