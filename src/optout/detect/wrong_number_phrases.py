"""Wrong number and wrong person: the number changed hands, or the contact is gone.

Said to a sender, "wrong number" means it is texting the wrong person; so do "I'm not a
patient there", "this isn't Karen", "she moved" and "he passed away". The contact's own
mistake ("oops, wrong number, I meant to text my sister") is a guard, not this family.
"""

from __future__ import annotations

from optout.detect.patterns import Strength, phrases

S, W = Strength.STRONG, Strength.WEAK

EVERYDAY_COMPLEMENT = (
    r"(?:funny|fair|right|true|real|fun|good|bad|ok|okay|working|over|happening|necessary|"
    r"possible|normal|easy|hard|cool|nice|enough|worth|done|finished|ready|open|closed|free|"
    r"cheap|bad|great|serious|helpful|clear|correct|like|about|what|how|why|when|where|my|"
    r"your|ur|our|the|a|an|that|too|so|very|really|even|just|yet|new|broken|loading|"
    r"funny anymore|going|gonna|happening|allowed|urgent|important|fine|safe|mine|yours|"
    r"sorry|sure|coming|mad|angry|upset|kidding|joking|lying|hungry|tired|sleepy|sick|home|"
    r"there|here|in|at|on|with|from|into|asking|saying|talking|complaining|afraid|scared|"
    r"worried|busy|free|late|early|alone|alright|well|bothered|impressed|surprised|ready|"
    r"will|gonna|going to|able|allowed|that|this|it|you|u|him|her|them|sorry|yet|anymore)"
)
"""Words that follow "this isn't" in everyday talk, where a name would say wrong person."""
PERSON = r"(?:he|she|they|(?:my|our|his|her|their) \w+)"
NUMBER = r"(?:number|numbr|num|#|phone(?: number)?|cell(?: number)?|mobile)"
EVERYDAY_AFTER_NOT = (
    "sure|yet|really|now|today|tonight|tmr|tomorrow|bad|much|quite|that|this|me|you|u|it|at|"
    "in|on|for|to|so|too|very|even|all|the|a|an|my|your|ur|going|coming|working|done|ready|"
    "free|home|here|there|ok|okay|well|good|sick|hungry|tired|mad|angry|sorry|again|nw|sold|"
    "available|possible|allowed|needed|enough|exactly|always|necessarily|conform|confirm|"
    "confirmed|certain|likely|true|right|wrong|funny|fair|mine|them|him|her|us|yours|ours|his|"
    "hers|theirs|over|fun|cool|nice|late|early|busy|anymore|yet|cheap|big|long|lie|joking|kidding"
)
"""Words after "not" that make everyday talk ("not sure", "not now"), never a name."""

I_AM = r"(?:i'?m|im|i am|i'?m no longer|im no longer|i am no longer|i'?m not even)"
ROLE = (
    r"(?:patient|parent|member|customer|client|student|employee|guardian|mom|dad|mother|"
    r"father|volunteer|voter|resident|tenant|subscriber|intended recipient|person|guy|girl|"
    r"lady|man|woman|contact|donor|athlete|player|congregant|parishioner|family)"
)
WRONG = r"(?:wrong|wrng|wrnog|wronng|wroong|worng|rwong|wron|incorrect)"

WRONG_NUMBER = [
    *phrases(
        "wrong number",
        S,
        [
            rf"\b{WRONG} (?:number|numbr|nmbr|nmubr|nubmer|num|no|#|phone number|cell)(?!\w)",
            rf"(?:\b(?:you'?ve|you have|u have|you got|u got|got the|have the|texting the|texted "
            rf"the|this is the|sent to the)|^|^\w+\W+|^sorry\W+) {{0,1}}{WRONG} (?:person|"
            r"persn|prson|guy|girl|"
            r"lady|man|dude|contact|recipient|individual|peron)(?!\w)",
            rf"\b(?:not|isn'?t|isnt|is not|aint|ain'?t) (?:the )?(?:right|correct) (?:{NUMBER}|"
            r"person)",
            r"\b(?:no one|noone|nobody|no body|no-one|no person|there'?s no \w+|there is no \w+) "
            r"(?:\w+ ){0,2}?(?:by|named|with|called|of) (?:that|this|the) name\b",
            r"\bno (?!one |body |1 |ones |problem|worries|worry|way |signal|parking|service|wifi|"
            r"reception|power|water|food|snow|rain|school|class|work|room|space|place|time|"
            r"traffic|line|queue|rush|hurry|cell|phone|network|bars|internet|coverage)"
            r"\w+(?<!ers)(?<!ies) (?:here|at"
            r" this "
            r"number|lives here)(?!\w)",
            rf"\b(?:this|that|it) (?:is not|isn'?t|isnt|aint|ain'?t|is no longer|isnt longer|'?s "
            rf"not) (?:\w+'?s|his|her|their|the) (?:\w+ )?{NUMBER}",
            rf"\b{PERSON} (?:no longer|don'?t|doesn'?t|does not|do not|dont|doesnt) (?:have|has|"
            rf"own|use|uses|using) (?:this|that|the) {NUMBER}",
            rf"\b{PERSON} (?:no longer|doesn'?t|does not|don'?t|dont|doesnt) (?:live|lives|"
            r"work|works|stay|stays) (?:here|there|at this)",
            rf"\b(?:this|my) {NUMBER} (?:was|has been|got|is) (?:recently |just )?(?:reassigned|"
            r"recycled|reissued|transferred|ported|given to me|new to me)",
            r"\b(?:number|phone) changed hands\b|\bnew owner of this\b|\bi'?m the new owner\b",
            rf"\bno longer (?:at|using|has|have|uses|with) this {NUMBER}",
            rf"\b{PERSON} (?:moved|passed away|died) (?:\w+ ){{0,5}}?(?:this|the|that) {NUMBER}",
            rf"\b(?:not|isn'?t|isnt) (?:his|her|their|\w+'s) {NUMBER} (?:anymore|any more)",
            r"\b(?:i|we) (?:just )?(?:got|have had|received|was given|was assigned) this "
            r"(?:number|phone)",
        ],
    ),
    *phrases(
        "wrong person",
        S,
        [
            rf"\b{I_AM} not (?:a |an |the |your |ur |their |his |her )?"
            rf"(?!(?:morning|night|people|party|cat|dog|math|sports|phone|texting|beach|city)\b)"
            rf"(?:\w+ )?{ROLE}\b",
            rf"\b{I_AM} not (?:on staff|enrolled|registered|associated|who|whoever|the one|"
            r"that person|this person|\w+ (?:you|u) (?:think|want|are looking))",
            r"\b(?:not|isn'?t|is not|wasn'?t|was not|aint) (?:meant|intended|emant|ment) (?:for|4) "
            r"me(?!\w)",
            r"\b(?:text|message|msg|txt)s? (?:is|was|are|were)(?:n'?t| not) (?:for|4) me\b",
            r"\bnot associated (?:with|w/)",
            r"\b(?:i|we|he|she|they) (?:don'?t|dont|do not|doesn'?t|doesnt|does not) (?:go to|"
            r"attend|work (?:at|for|there|here)|belong to|live in|live at|shop at|work there|"
            r"bank with|have an account)(?!\w)",
            r"\b(?:doesn'?t|does not|no longer) (?:live|lives|work|works) (?:here|there|at this)\b",
            rf"\b{WRONG} (?:person|pesron|persn|prson|family|guy|girl)\W*(?:sorry|now|thanks?|ty|"
            r"thx)?\W*$",
            r"\bmoved\b.{0,40}\b(?:update (?:your|ur)|remove|stop|not at this|no longer)",
            r"\b(?:i|we) (?:don'?t|dont|do not) have (?:a|an|any) (?:child|children|kids?|son|"
            r"daughter|student|account|appointment|membership|policy|car|pet|dog|cat)(?!\w)"
            r"(?! (?:today|tomorrow|tonight|this|next|on|at \d))",
            r"(?:^|\b(?:i'?ve|i have|i|ive) )never (?:been|ben) (?:a |an )?(?:patient|customer|memb"
            r"er|"
            r"client|student|employee|parent)",
            r"\b(?:i'?ve|i have|i|ive) never (?:worked for|applied|heard of|shopped|made an? "
            r"(?:appointment|appointmnt|appt|order|account)|signed up|registered|enrolled|"
            r"attended|donated)",
            r"\b(?:you|u) have (?:my |the )?(?:old|wrong|outdated) (?:information|info|number|"
            r"contact)",
            rf"\bused to be (?:my |his |her |\w+'s )?(?:\w+'s )?{NUMBER}",
            r"\b(?:bought|got) (?:this|the|a) (?:phone|number) used\b",
            r"\b(?:ya no|yo no) (?:soy|trabajo|vive|vivo|es|estudio|tengo)(?!\w)",
            r"\b(?:this|it) (?:is not|isn'?t|isnt|aint) (?:the )?\w+ (?:family|residence|household|"
            r"house|home|office)(?!\w)",
            r"\bno (?:one|body|person) (?:named|by the name(?: of)?) \w+",
            r"\b(?:there'?s no|there is no|no) (?:(?:mr|ms|mrs|dr|miss)\.? \w+ (?:here|at this "
            r"(?:number|#|phone)|lives here)|\w+ (?:at this (?:number|#|phone)|lives here))(?!\w)",
            r"^wrong(?: \w+| sorry)?$|^sorry wrong$",
            r"\b(?:have|got) (?:my|this) (?:number|#|phone|cell) by mistake\b",
            r"\b(?:no ?one|nobody|no body) (?:here |in this (?:house|home) |at this (?:number|#) )?"
            r"(?:named|by the name|is named)",
            r"\b(?:we|i) (?:don'?t|dont|do not) have (?:anyone|anybody|someone|a person) (?:named|"
            r"called|by|here)",
            r"^(?:this is|it'?s|i'?m|im) \w+,? not \w+\W*$",
            r"\bmy name(?:'?s| is)? (?:is not|isn'?t|isnt|aint|ain'?t|not) (?!sure\b)\w+",
            r"\b(?:i'?m|im|i am) not (?:mr|ms|mrs|miss|dr)\.? \w+",
            r"\b(?:he|she|they|(?:my|our|his|her) (?!phone|battery|car|computer|laptop)\w+) "
            r"(?:died|passed away|passed on|has passed|"
            r"is deceased|passed)(?: (?:away|on))?(?: (?:last|in|a|this|two|few|recently|years?|"
            r"months?|weeks?)(?: \w+){0,2})?\W*$",
            r"\b(?:died|passed away|passed on|deceased)\b.{0,40}\b(?:remove|update|stop|won'?t "
            r"need|take (?:him|her|them) off)",
            r"\bmoved (?:away|out)\b.{0,40}\b(?:update|remove|stop|not at this|no longer)",
            r"\b(?:texted|typed|dialed|got|have) (?:the )?(?:wrong|wrng) (?:phone|cell|line)",
            r"\btyped (?:the |my |this )?(?:number|#) wrong\b",
            r"\bgave (?:you|u) (?:a |the )?(?:fake|wrong|bad) (?:number|#)",
            r"\b(?:person|he|she|they) (?:changed|switched) (?:their|his|her) (?:number|#|phone)"
            r"(?!.*\?)",
            r"\b(?:number|#|phone) (?:was|has been|got) (?:reassigned|recycled|given to (?:you|u|"
            r"me) by mistake|reissued)",
            r"\bonly had (?:this|the) (?:number|#|phone)",
            r"\b(?:i|we) (?:have|has) no (?:kids|children|child|son|daughter|grandchildren|"
            r"grandkids)(?!\w)",
            r"\b(?:my|our) (?:kid|child|son|daughter|\w+) (?:doesn'?t|does not|dont|don'?t|no "
            r"longer) (?:go|goes|attend|attends) (?:to )?(?:your|ur|that|the|school)",
            r"\b(?:i|we) (?:no longer|don'?t|dont|do not) work (?:for|at|with) (?:you|u|your|ur)",
            r"\b(?:i'?ve|i have|i|ive) never worked (?:there|here)\b",
            r"\b(?:i|i'?ve|i have) (?:resigned|retired|quit|left)(?: (?:in|last|from|years|a|"
            r"months|\d)|\W*$)",
            r"\b(?:is|was|has been) deceased\b|\bmy late \w+'?s (?:phone|number|#|cell)",
            r"\b(?:murio|fallecio|fallecida|fallecido|se murio)(?!\w)",
            r"\bnadie (?:con ese nombre|se llama|vive|aqui)|\bno hay (?:ningun|ninguna|nadie)",
            r"\b(?:confused|mixed up|mistaken|mixing) (?:me |us )?(?:up )?(?:with|for) (?:someone|"
            r"somebody|some one|another person) else\b",
            r"\b(?:you'?re|you are|ur|u r|u are) (?:looking for|trying to reach|trying to text|afte"
            r"r|"
            r"thinking of|texting) (?:someone|somebody|some one) else\b",
            r"\b(?:this|my|the) (?:number|phone|cell|#) (?:belongs|is registered) to (?:someone|"
            r"somebody) else\b",
            r"\b(?:you|u) (?:have|got|'ve got|ve got) (?:the )?wrong (?!idea|impression|end|way|one"
            r"|day|time|date|address|size)\w+\W*$",
            r"\b(?:you|u) must have (?:an? |the )?(?:old|outdated|wrong) (?:number|#|contact)",
            r"\b(?:i'?ve|i have|ive|we'?ve|we have) never (?:been to "
            r"(?:your|ur|that|this|the \w+ (?:office|clinic|church|school|store))|"
            r"done business|been a "
            r"(?:customer|client|patient|member)|had an? account|used your)\b(?![^.!]*\?)",
            r"\b(?:never|not) (?:done|did) (?:any )?business with (?:you|u|your)",
            r"\b(?:he|she|they|\w+) (?:is|are|'s|'re) no longer with us\b",
            r"\b(?:he|she|they|(?:my|our) \w+) passed (?:in|last|this|a few|two|three|earlier|"
            r"recently|back in)\b(?! (?:the|his|her|their|my|your|a|an) (?:test|exam|class|course|"
            r"ball|course))",
            r"\b(?:he|she|they)(?:'s|'re| is| are) (?:deceased|dead|gone|no longer alive)\b",
            r"\bthis (?:was|used to be) (?:his|her|their|my late \w+'?s?) (?:phone|number|cell|#)",
            r"\bthe person (?:you'?re|you are|u r|you) (?:\w+ )?(?:looking for|trying to reach|"
            r"want|texting|after) (?:is gone|is not|isn'?t|doesn'?t|does not|no longer|passed|"
            r"died)",
            r"\b(?:doesn'?t|does not|no longer|don'?t) belong(?:s)? to \w+",
            r"\b(?:can'?t|cannot|can not) be reached (?:at|on) this\b|\b(?:isn'?t|is not|not) "
            r"reachable (?:at|on) this\b",
            r"\b(?:gave up|got rid of|gave away|changed) (?:this|that|the) (?:number|phone|#)\b",
            r"\b(?:hasn'?t|has not|haven'?t|have not|hadn'?t) (?:had|used) (?:this|that|the) "
            r"(?:number|phone|#|cell)",
            r"\bnot \w+'s (?:phone|number|cell|#)\b|^(?:this is )?(?:a )?(?:business|work|personal)"
            r" "
            r"(?:line|cell|phone|number),? not \w+'?s?\b",
            r"\b(?:not sure|no idea|idk|don'?t know|dont know) who (?:you'?re|you are|ur|u r|u are)"
            r" "
            r"(?:looking for|trying to reach|texting|after|trying to text)",
            r"\b(?:i'?m|im|i am|we'?re|we are) not related to\b",
            r"\b(?:i|we) (?:don'?t|dont|do not) have (?:any )?(?:grandchildren|grandkids|kids|"
            r"children) (?:at|in|attending|enrolled)\b",
            r"\b(?:doesn'?t|does not|no longer|don'?t) (?:go|goes|attend|attends) (?:to )?(?:school"
            r"|"
            r"class|church)? ?(?:there|here)\b",
            r"\b(?:he|she|they) (?:has |have )?moved (?:away|overseas|abroad|out of (?:state|the "
            r"country|town))(?=\W*$| (?:last|years|a |in |\d))",
            r"\bno ?(?:one|body) (?:here|in this (?:house|household|family)) (?:has|is|goes|attends"
            r"|"
            r"works|by)\b",
            r"\b(?:texting|messaging|texted|text) (?:me )?(?:for|about) (?:someone|somebody) (?:nam"
            r"ed|"
            r"called)\b",
            r"\b(?:no longer|not) (?:employed|working) (?:here|there|with us|at (?:this|your))\b",
            r"\b(?:this is|that'?s|you have|you'?ve got|u have) the wrong (?:phone|cell|line)\b",
            r"\b(?:previous|prior|old|former) owner (?:of (?:this|the|my) (?:number|phone|#)|must h"
            r"ave|"
            r"had (?:this|the))",
            r"\bnever had an? (?:appointment|appt|account|order) (?:with|at) (?:you|your|u|ur)\b",
            r"\bmistaken identity\b|\b(?:i'?m|im|i am) not (?:the|that) \w+ (?:you'?re|you are|"
            r"u r|ur|you) (?:looking for|after|want|thinking of)",
            r"\bnot (?:the|that) (?:guy|girl|person|lady|man|woman|one) (?:you'?re|you are|u r|ur|"
            r"you) (?:looking for|after|want|thinking of|trying to reach)",
            r"\b(?:no (?:clue|idea)|idk|don'?t know) who (?:this|that|it) (?:is )?(?:meant|"
            r"intended) for\b",
            r"\b(?:i'?m|im|i am) not (?:your|ur|a|an) (?:customer|client|patient|member)\b",
        ],
    ),
    *phrases(
        "wrong person",
        W,
        [
            r"\b(?:this|it|that) (?:is not|isn'?t|isnt|aint|ain'?t|'?s not) "
            rf"(?!{EVERYDAY_COMPLEMENT}(?!\w))\w+(?: \w+)?$",
            r"\b(?:i'?m|im|i am|it'?s|its) not (?:her|him|them|me)(?!\w)",
            rf"^(?:(?:nope|no|sorry|um|uh|lol),? )?not (?!(?:{EVERYDAY_AFTER_NOT})$)[a-z]+"
            r"(?: lol| sorry| here)?$",
            r"\b(?:who|whoever) (?:you'?re|you are|ur|u r) looking for\b",
            r"\b(?:i|we) (?:don'?t|dont|do not) know (?:any|a|an|who) ",
            r"\b(?:he|she|they) (?:quit|retired|left|was laid off|got laid off|no longer works?)",
            r"\b(?:update|fix|correct) (?:your|ur) (?:records|files|list|contacts|system|info)",
            r"\b(?:no|not) (?:longer )?(?:a )?(?:patient|member|customer|employee|student)(?!\w)",
        ],
    ),
    *phrases(
        "wrong number",
        W,
        [
            rf"\b{PERSON} (?:passed away|passed on|died|is deceased|is dead|has passed|"
            r"is no longer with us|passed last)",
            rf"\b{PERSON} (?:has |have )?(?:moved|moved out|moved away)(?!\w)",
            r"\bwho (?:the )?(?:fuck |hell |heck |f |tf )?(?:is this|are you|is dis|r u)(?!\w)",
            r"\b(?:i|we) (?:don'?t|dont|do not) know (?:any(?:one|body)?|a|who|this|that) ",
            r"\bnew number\b",
        ],
    ),
]
