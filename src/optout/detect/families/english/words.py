"""Vocabulary the English patterns share: SMS spellings and common typos included."""

from __future__ import annotations

EVERYDAY_COMPLEMENT = (
    r"(?:funny|fair|right|true|real|fun|good|bad|ok|okay|working|over|happening|necessary|"
    r"possible|normal|easy|hard|cool|nice|enough|worth|done|finished|ready|open|closed|free|"
    r"cheap|bad|great|serious|helpful|clear|correct|like|about|what|how|why|when|where|my|"
    r"your|ur|our|the|a|an|that|too|so|very|really|even|just|yet|new|broken|loading|"
    r"funny anymore|going|gonna|happening|allowed|urgent|important|fine|safe|mine|yours|sorry|"
    r"sure|coming|mad|angry|upset|kidding|joking|lying|hungry|tired|sleepy|sick|home|there|"
    r"here|in|at|on|with|from|into|asking|saying|talking|complaining|afraid|scared|worried|"
    r"busy|free|late|early|alone|alright|well|bothered|impressed|surprised|ready|will|gonna|"
    r"going to|able|allowed|that|this|it|you|u|him|her|them|sorry|yet|anymore)"
)
"""Words that follow "this isn't" in everyday talk, where a name would say wrong person."""
PERSON = r"(?:he|she|they|(?:my|our|his|her|their) \w+)"
NUMBER = r"(?:number|numbr|num|#|phone(?: number)?|cell(?: number)?|mobile)"
EVERYDAY_AFTER_NOT = (
    r"sure|yet|really|now|today|tonight|tmr|tomorrow|bad|much|quite|that|this|me|you|u|it|at|"
    r"in|on|for|to|so|too|very|even|all|the|a|an|my|your|ur|going|coming|working|done|ready|"
    r"free|home|here|there|ok|okay|well|good|sick|hungry|tired|mad|angry|sorry|again|nw|sold|"
    r"available|possible|allowed|needed|enough|exactly|always|necessarily|conform|confirm|"
    r"confirmed|certain|likely|true|right|wrong|funny|fair|mine|them|him|her|us|yours|ours|"
    r"his|hers|theirs|over|fun|cool|nice|late|early|busy|anymore|yet|cheap|big|long|lie|"
    r"joking|kidding|reachable|active|connecting"
)
"""Words after "not" that make everyday talk ("not sure", "not now"), never a name."""
I_AM = r"(?:i'?m|im|i am|i'?m no longer|im no longer|i am no longer|i'?m not even)"
ROLE = (
    r"(?:patient|parent|member|customer|client|student|employee|guardian|mom|dad|mother|"
    r"father|volunteer|voter|resident|tenant|subscriber|intended recipient|person|guy|girl|"
    r"lady|man|woman|contact|donor|athlete|player|congregant|parishioner|family)"
)
WRONG = r"(?:wrong|wrng|wrnog|wronng|wroong|worng|rwong|wron|incorrect)"
PLEASE = r"(?:please|pls|plz|plse|pleas|plez|pl[sz]e?|kindly)"
POLITE_END = rf"(?:[,.!]* (?:{PLEASE}|thanks?|thank you|thx|ty))*$"
"""The end of a short request: please or thanks, as often as typed ("remove, pls, thx")."""
ONE_WORD_REQUESTS = (
    "exit", "exiting", "leaving", "out", "off", "halt", "desist", "block", "blocked", "enough",
    "enuf", "enuff",
)  # fmt: skip
"""Words that, as the whole reply, ask to leave a list though no law names them a keyword."""
LEAVE_VERBS = (
    "unregister", "deregister", "dereg", "unfollow", "unenroll", "unenrol", "disenroll",
    "disenrol", "unjoin", "withdraw", "deactivate", "terminate", "unsign", "disconnect",
    "unlink", "erase",
)  # fmt: skip
"""The ways apps and sign-up forms say leave; as the whole reply they ask it, perhaps as
what one is doing or has done ("unregister me", "withdrawing", "unenrolled")."""
LEAVE_INFLECTIONS = ("ing", "ed")
NOT = r"(?:do not|don'?t|dont|do n'?t|dnt|didn'?t|did not|never)"
"""Saying no to something, the past tense included ("I didn't want these")."""
DO_NOT = r"(?:do not|don'?t|dont|do n'?t|dnt|never)"
"""Asking not to do something: "didn't send me any" tells what happened, not what to do."""
ME = (
    r"(?:me|us|my (?:phone |cell |mobile )?(?:number|numbr|num|no|#|name|info|information|"
    r"details|contact(?: info)?)|this (?:number|numbr|num|#|phone(?: number)?|cell))"
)
TEXTS = (
    r"(?:reminders?|updates|requests|devotionals?|newsletters?|surveys?|texts?|txts?|texting|"
    r"txting|textin|txtin|text messages?|msgs?|msging|messages?|messaging|mesages?|sms|spam|"
    r"spamming|notifications?|alerts?|marketing|promos?|promotions?|ads|advertisements?|"
    r"robotexts?|mass texts?)"
)
LIST = (
    r"(?:lists?|mailing list|database|db|system|contacts?|records?|directory|files?|registry|"
    r"rolls?|donor list|"
    r"reminders?|updates|newsletters?|"
    r"roster|texts?|txts?|msgs?|messages?|sms|alerts?|notifications?|numbers?)"
)
STOP = r"(?:stop|stp|stpo|sotp|stahp|stopp|quit|cease|halt|discontinue|no more|enough)"
AFTER = (
    r"(?:me|us|to me|to us|to this number|here|anymore|any more|again|now|already|immediately|"
    r"asap|please|pls|plz|thanks?|thank you|thank u|thanku|thanx|thx|ty|$)"
)
WRONG_DETAIL = (
    r"(?:date|time|day|address|link|amount|email|room|item|size|order|price|bill|total|year|"
    r"month|one|ones|info|way|side|bus|train|door|floor|building|office|store|street|house|"
    r"answer|idea|guess|button|key|file|photo|pic|picture|channel|turn|move|foot|place|again|"
    r"lol|haha|hahaha|again|too|already|so|and|but|or|is|was|with|about|of|in|on|at|to)"
)
KIN = (
    r"(?:he|she|they|who|person|husband|wife|mother|father|mom|dad|son|daughter|grandmother|"
    r"grandfather|grandma|grandpa|uncle|aunt|brother|sister|owner|tenant|partner)"
)
YOU = r"(?:you|u|your|ur|y'?all|you guys|your company|your office)"
