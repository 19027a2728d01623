"""Wrong number and wrong person: the number changed hands, or the contact is gone.

Said to a sender, "wrong number" means it is texting the wrong person; so do "I'm not a
patient there", "this isn't Karen", "she moved" and "he passed away". The contact's own
mistake ("oops, wrong number, I meant to text my sister") is a guard, not this family.
"""

from __future__ import annotations

from optout.detect.patterns import Strength, phrases

S, W = Strength.STRONG, Strength.WEAK

PERSON = r"(?:he|she|they|him|her|them|\w+)"
NUMBER = r"(?:number|numbr|num|#|phone(?: number)?|cell(?: number)?|mobile)"
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
            rf"\b{WRONG} (?:number|numbr|nmbr|nmubr|nubmer|num|no|#|phone number|cell|person|"
            r"persn|prson|guy|girl|"
            r"lady|man|dude|contact|recipient|individual|peron)(?!\w)",
            rf"\b(?:not|isn'?t|isnt|is not|aint|ain'?t) (?:the )?(?:right|correct) (?:{NUMBER}|"
            r"person)",
            r"\b(?:no one|noone|nobody|no body|no-one|no person|there'?s no \w+|there is no \w+) "
            r"(?:\w+ ){0,2}?(?:by|named|with|called|of) (?:that|this|the) name\b",
            r"\bno \w+ (?:here|at this number|lives here)(?!\w)",
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
            rf"\b{I_AM} not (?:a |an |the |your |ur |their |his |her )?(?:\w+ )?{ROLE}\b",
            rf"\b{I_AM} not (?:on staff|enrolled|registered|associated|who|whoever|the one|"
            r"that person|this person|\w+ (?:you|u) (?:think|want|are looking))",
            r"\b(?:not|isn'?t|is not|wasn'?t|was not|aint) (?:meant |intended )?(?:for|4) me\b",
            r"\bnot associated (?:with|w/)",
            r"\b(?:i|we|he|she|they) (?:don'?t|dont|do not|doesn'?t|doesnt|does not) (?:go to|"
            r"attend|work (?:at|for|there|here)|belong to|live in|live at|shop at|work there|"
            r"bank with|have an account) ",
            r"\b(?:i|we) (?:don'?t|dont|do not) have (?:a|an|any) (?:child|children|kids?|son|"
            r"daughter|student|account|appointment|membership|policy|car|pet|dog|cat)(?!\w)"
            r"(?! (?:today|tomorrow|tonight|this|next|on|at \d))",
            r"\b(?:i'?ve|i have|i|ive) never (?:been|ben) (?:a |an )?(?:patient|customer|member|"
            r"client|student|employee|parent)",
            r"\b(?:i'?ve|i have|i|ive) never (?:worked for|applied|heard of|shopped|made an? "
            r"(?:appointment|appointmnt|appt|order|account)|signed up|registered|enrolled|"
            r"attended|donated)",
            r"\b(?:you|u) have (?:my |the )?(?:old|wrong|outdated) (?:information|info|number|"
            r"contact)",
            rf"\bused to be (?:my |his |her |\w+'s )?(?:\w+'s )?{NUMBER}",
            r"\b(?:bought|got) (?:this|the|a) (?:phone|number) used\b",
            r"\b(?:ya no|yo no) (?:soy|trabajo|vive|vivo|es|estudio|tengo)(?!\w)",
            r"\bnadie (?:con ese nombre|se llama|vive|aqui)|\bno hay (?:ningun|ninguna|nadie)",
        ],
    ),
    *phrases(
        "wrong person",
        W,
        [
            r"\b(?:this|it|that) (?:is not|isn'?t|isnt|aint|ain'?t|'?s not) \w+$",
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
