"""Wrong person: the text is for someone who is not here ("not Karen", "I'm not a patient
there", "she moved", "he passed away")."""

from __future__ import annotations

from optout.detect.families.english.words import (
    EVERYDAY_AFTER_NOT,
    EVERYDAY_COMPLEMENT,
    I_AM,
    NUMBER,
    ROLE,
    WRONG,
    WRONG_DETAIL,
)
from optout.domain import Family

FAMILY = Family.WRONG_PERSON
STRONG = [
    (
        r"\b(?:my|our) (?:kids?|son|daughter|children|child|grandson|granddaughter|grandkids?|boy|"
        r"girl) (?:isn'?t|aren'?t|arent|isnt|is not|are not|doesn'?t|dont|don'?t|doesnt|does not|do "
        r"not) (?:in|on|play|plays|go|goes|attend|attends|part of|dance|swim|cheer)\b[^.!?]{0,30}?"
        r"\b(?:anymore|any more|no more)\b"
    ),
    r"\baged out\b",
    # no longer the customer, family or member the text is for
    r"\b(?:we|i) (?:sold|moved out of) (?:the|our|my) (?:house|home|condo|apartment|place|property)\b",
    (
        r"\b(?:we|i) (?:transferred|switched|moved|pulled) (?:the kids|our kids|my kids|my son|my "
        r"daughter|him|her|them|[a-z]+) (?:to|out of) (?:a |another |a different |a new )?(?:school|"
        r"district|program|daycare|team|pharmacy|clinic|doctor|dentist|provider|gym|church|"
        r"different school)\b"
    ),
    r"\b(?:we|i) transferred (?:the kids|our kids|my kids|my son|my daughter|him|her|them) to\b",
    (
        r"\bswitched (?:to )?(?:a )?(?:different|another|new) (?:pharmacy|clinic|doctor|dentist|"
        r"provider|gym|church|school|bank|company|carrier|team|store)\b"
    ),
    (
        r"\b(?:haven'?t|have not|havent|hasn'?t|has not|hasnt) been (?:a )?(?:patient|member|customer|"
        r"client|student) (?:there|here|with (?:you|u|y'?all)|at|of|since|in)\b"
    ),
    r"\b(?:not|no longer) (?:in|around|living in) (?:the|this|your|ur) area (?:anymore|any more|no more)\b",
    (
        r"\bnever heard of (?:this|that|your|ur|the|you|u|y'?all) ?(?:business|company|store|shop|"
        r"place|church|school|clinic|office|org|organi[sz]ation|group|campaign|candidate|team|"
        r"practice|pharmacy|bank|gym|program)?\W*$"
    ),
    r"^(?:nope,? |no,? )?(?:that'?s|thats|that is|this is|this isn'?t|this isnt) not me\W*$",
    r"\bwho ?ever (?:you|u) (?:think|thought) (?:this|i|it) (?:is|am)\b",
    # not who a campaign may text: under age, not a citizen or voter there, another state
    (
        r"^(?:(?:lol|lmao|bro|dude|um|uh|sorry|no|nope),? )?(?:i'?m|im|i am) (?:only |just )?"
        r"1[0-7](?: (?:years old|yrs old|yr old|yo|y/o))?\b(?! ?(?:min|mins|minutes?|mi|miles|km|"
        r"more|hours?|hrs?|secs?|seconds?|am|pm|%|dollars|bucks|k|x|th|st|nd|rd|minutes? away)\b)"
    ),
    r"(?:\b(?:i|we) |^)(?:can'?t|cant|cannot) (?:even )?vote\b",
    r"\bwrong (?:state|district|county|city|town|zip code|area code|country)\b(?! of)",
    r"\b(?:i'?m|im|i am) not (?:even )?(?:a citizen|american|a us citizen|old enough)\b",
    (
        r"\b(?:my|our) (?:son|daughter|kid|child|husband|wife|mother|father|mom|dad|grandmother|"
        r"grandfather|grandma|grandpa|brother|sister|tenant|roommate) (?:no longer|doesn'?t|does not|"
        r"doesnt) live(?:s)? (?:here|at home|with (?:me|us))\b"
    ),
    # left the place the texts are about ("we left that church 2 years ago", "quit that job")
    (
        r"(?:^|\b(?:we|i|he|she|they|i'?ve|we'?ve) )(?:left|quit) (?:that|the|this|your|ur) "
        r"(?:church|school|team|club|gym|job|company|practice|league|district|program|"
        r"congregation|parish|office|studio|daycare|group)\b"
    ),
    (
        r"\b(?:isn'?t|is not|isnt|aren'?t|are not|arent|not|am not|i'?m not) (?:enrolled|registered|"
        r"attending|a member|a student|a patient|employed|on the team)(?: \w+)? (?:anymore|any more|"
        r"no more)\b"
    ),
    (
        rf"\b{I_AM} not (?:a |an |the |your |ur |their |his |her )?(?!(?:morning|night|people|"
        rf"party|cat|dog|math|sports|phone|texting|beach|city)\b)(?:\w+ )?{ROLE}\b"
        rf"(?! (?:there |here |with (?:you|u) )?yet\b)"
    ),
    (
        rf"\b{I_AM} not (?:on staff|enrolled|registered|associated|who|whoever|the one|that person|"
        rf"this person|\w+ (?:you|u) (?:think|want|are looking))"
    ),
    (
        r"\b(?:not|isn'?t|is not|wasn'?t|was not|aint) (?:meant|intended|emant|ment) (?:for|"
        r"4) me(?!\w)"
    ),
    r"\b(?:text|message|msg|txt)s? (?:is|was|are|were)(?:n'?t| not) (?:for|4) me\b",
    r"\bnot associated (?:with|w/)",
    r"\bnot (?:even )?registered to vote (?:in|here|there|at)\b",
    (
        r"\b(?:transferred|moved|switched) (?:\w+ )?to (?:a )?(?:different|another|new|other) "
        r"(?:school|district|clinic|church|team|job|practice|doctor)\b"
    ),
    r"(?:^|[.!?,] )never (?:signed up|registered|enrolled|applied|worked (?:for|there)|shopped)\b",
    r"\b(?:passed away|died|passed)\b.{0,40}\bkept (?:the|his|her|their) (?:line|number|phone|#)",
    r"\bnever (?:donated|given|gave) (?:a (?:dime|cent|penny) )?(?:to|anything)\b",
    (
        r"\b(?:i|we|he|she|they) (?:don'?t|dont|do not|doesn'?t|doesnt|does not) (?:even )?(?:go to|attend|"
        r"work (?:at|for|there|here)|belong to|live in|live at|shop at|work there|bank with|"
        r"have an account)(?!\w)"
    ),
    r"\b(?:doesn'?t|does not|no longer) (?:live|lives|work|works) (?:here|there|at this)\b",
    r"\b(?:i|we) (?:don'?t|dont|do not) (?:even )?live (?:there|here)(?: anymore| any more| no more)\b",
    rf"\b{WRONG} (?:person|pesron|persn|prson|family|guy|girl)\W*(?:sorry|now|thanks?|ty|thx)?\W*$",
    r"\bmoved\b[^.!?]{0,40}\b(?:update (?:your|ur)|remove|stop|not at this|no longer)",
    (
        r"\b(?:i|we) (?:don'?t|dont|do not) have (?:a|an|any) (?:child|children|kids?|son|"
        r"daughter|student|account|appointment|membership|policy|car|pet|dog|"
        r"cat)(?!\w)(?! (?:today|tomorrow|tonight|this|next|on|at \d))"
    ),
    (
        r"(?:^|\b(?:i'?ve|i have|i|ive) )never (?:been|ben) (?:a |an )?(?:patient|customer|member|"
        r"client|student|employee|parent)"
    ),
    (
        r"\b(?:i'?ve|i have|i|ive) never (?:worked for|applied|heard of|shopped|"
        r"made an? (?:appointment|appointmnt|appt|order|account)|signed up|registered|enrolled|"
        r"attended|donated|joined (?:your|ur|this|that|the) \w+)"
    ),
    r"\b(?:you|u) have (?:my |the )?(?:old|wrong|outdated) (?:information|info|number|contact)",
    rf"\bused to be (?:my |his |her |\w+'s )?(?:\w+'s )?{NUMBER}",
    r"\b(?:bought|got) (?:this|the|a) (?:phone|number) used\b",
    (
        r"\b(?:this|it) (?:is not|isn'?t|isnt|aint) (?:the )?\w+ (?:family|residence|household|"
        r"house|home|office)(?!\w)"
    ),
    r"\bno (?:one|body|person) (?:named|by the name(?: of)?) \w+",
    (
        r"\b(?:there'?s no|there is no|no) (?:(?:mr|ms|mrs|dr|miss)\.? \w+ (?:here|"
        r"at this (?:number|#|phone)|lives here)|\w+ (?:at this (?:number|#|phone)|"
        r"lives here))(?!\w)"
    ),
    r"^wrong(?: \w+| sorry)?$|^sorry wrong$",
    r"\b(?:have|got) (?:my|this) (?:number|#|phone|cell) by mistake\b",
    (
        r"\b(?:no ?one|nobody|no body) (?:here |in this (?:house|home) |at this (?:number|"
        r"#) )?(?:named|by the name|is named)"
    ),
    (
        r"\b(?:we|i) (?:don'?t|dont|do not) have (?:anyone|anybody|someone|a person) (?:named|"
        r"called|by|here)"
    ),
    r"^(?:this is|it'?s|i'?m|im) \w+,? not \w+\W*$",
    r"\bmy name(?:'?s| is)? (?:is not|isn'?t|isnt|aint|ain'?t|not) (?!sure\b)\w+",
    r"\b(?:i'?m|im|i am) not (?:mr|ms|mrs|miss|dr)\.? \w+",
    (
        r"\b(?:he|she|they|(?:my|our|his|her) (?!phone|battery|car|computer|laptop)\w+) (?:died|"
        r"passed away|passed on|has passed|is deceased|passed)(?: (?:away|on))?(?: (?:last|in|a|"
        r"this|two|few|recently|years?|months?|weeks?)(?: \w+){0,2})?\W*$"
    ),
    (
        r"\b(?:died|passed away|passed on|deceased)\b.{0,40}\b(?:remove|update|stop|won'?t need|"
        r"take (?:him|her|them) off)"
    ),
    r"\bmoved (?:away|out)\b[^.!?]{0,40}\b(?:update|remove|stop|not at this|no longer)",
    r"\b(?:texted|typed|dialed|got|have) (?:the )?(?:wrong|wrng) (?:phone|cell|line)",
    r"\btyped (?:the |my |this )?(?:number|#) wrong\b",
    r"\bgave (?:you|u) (?:a |the )?(?:fake|wrong|bad) (?:number|#)",
    r"\b(?:person|he|she|they) (?:changed|switched) (?:their|his|her) (?:number|#|phone)(?!.*\?)",
    (
        r"\b(?:number|#|phone) (?:was|has been|got) (?:reassigned|recycled|given to (?:you|u|"
        r"me) by mistake|reissued)"
    ),
    r"\bonly had (?:this|the) (?:number|#|phone)",
    # the number was another's before ("this is Heather's old number", "brenda had it before me")
    (
        r"\bthis (?:is|was|used to be) (?:\w+'s|\w+s'|his|her|their|someone else'?s|somebody "
        r"else'?s) old (?:number|#|phone|cell|line)\b"
    ),
    r"\bhad (?:this|the|it|my)(?: number| #| phone| cell)? before me\b",
    r"^(?:that'?s |thats |that is |this is |its |it'?s )?not my name\W*$",
    # the sender's slip, named ("I think you meant to text someone else")
    (
        r"(?:(?<=\byou )|(?<=\bu )|(?<=\bya ))meant (?:to (?:text|txt|message|msg|send|reach|"
        r"contact) |(?:this|that|it) for )(?:someone|somebody|a different|another)\b"
    ),
    # a name denied, then the records to update ("Not darnell. pls update")
    (
        rf"^not (?!(?:{EVERYDAY_AFTER_NOT})\b)[a-z]+\W+(?:(?:please|pls|plz) )?(?:update|fix|"
        rf"correct|change)\b"
    ),
    (
        r"\b(?:i|we) (?:have|has) no (?:kids|children|child|son|daughter|grandchildren|"
        r"grandkids)(?!\w)"
    ),
    (
        r"\b(?:my|our) (?:kid|child|son|daughter|\w+) (?:doesn'?t|does not|dont|don'?t|"
        r"no longer) (?:go|goes|attend|attends) (?:to )?(?:your|ur|that|the|school)"
    ),
    r"\b(?:i|we) (?:no longer|don'?t|dont|do not) work (?:for|at|with) (?:you|u|your|ur)",
    r"\b(?:i'?ve|i have|i|ive) never worked (?:there|here)\b",
    (
        r"\b(?:i|i'?ve|i have) (?:resigned|retired|quit|left) (?:in (?:\d|(?:jan|feb|march|april|"
        r"may|june|july|aug|sept?|oct|nov|dec)\w*|the (?:spring|summer|fall|winter))|last|from|"
        r"years|a (?:while|year|few|couple|long)|months|\d)\b"
    ),
    r"^(?:i|i'?ve|i have) (?:resigned|retired|quit|left)\W*$",
    r"\b(?:is|was|has been) deceased\b|\bmy late \w+'?s (?:phone|number|#|cell)",
    r"\b(?:murio|fallecio|fallecida|fallecido|se murio)(?!\w)",
    (
        r"\b(?:confused|mixed up|mistaken|mixing) (?:me |us )?(?:up )?(?:with|for) (?:someone|"
        r"somebody|some one|another person) else\b"
    ),
    (
        r"\b(?:you'?re|you are|ur|u r|u are|you|u) (?:looking for|trying to reach|trying to text|after|"
        r"thinking of|texting|want|need|mean|meant|must mean|must want) (?:someone|somebody|some one) "
        r"else\b"
    ),
    (
        r"\b(?:this|my|the) (?:number|phone|cell|#) (?:belongs|is registered) to (?:someone|"
        r"somebody) else\b"
    ),
    (
        r"\b(?:you|u) (?:have|got|'ve got|ve got) (?:the )?wrong (?!idea|impression|end|way|one|"
        r"day|time|date|address|size)\w+\W*$"
    ),
    r"\b(?:you|u) must have (?:an? |the )?(?:old|outdated|wrong) (?:number|#|contact)",
    (
        r"(?:^|\b(?:i'?ve|i have|ive|we'?ve|we have) )never (?:been to (?:your|ur|that|this|"
        r"the \w+ (?:office|clinic|church|school|store))|done business|been a (?:customer|client|"
        r"patient|member)|had an? account|used your)\b(?![^.!]*\?)"
    ),
    r"\b(?:never|not) (?:done|did) (?:any )?business with (?:you|u|your)",
    r"\b(?:he|she|they|\w+) (?:is|are|'s|'re) no longer with us\b",
    (
        r"\b(?:he|she|they|(?:my|our) \w+) passed (?:in|last|this|a few|two|three|earlier|"
        r"recently|back in)\b(?! (?:the|his|her|their|my|your|a|an) (?:test|exam|class|course|"
        r"ball|course))"
    ),
    r"\b(?:he|she|they)(?:'s|'re| is| are) (?:deceased|dead|gone|no longer alive)\b",
    r"\bthis (?:was|used to be) (?:his|her|their|my late \w+'?s?) (?:phone|number|cell|#)",
    (
        r"\bthe person (?:you'?re|you are|u r|you) (?:\w+ )?(?:looking for|trying to reach|want|"
        r"texting|after) (?:is gone|is not|isn'?t|doesn'?t|does not|no longer|passed|died)"
    ),
    r"\b(?:doesn'?t|does not|no longer|don'?t) belong(?:s)? to \w+",
    (
        r"\b(?:can'?t|cannot|can not) be reached (?:at|on) this\b|\b(?:isn'?t|is not|"
        r"not) reachable (?:at|on) this\b"
    ),
    r"\b(?:gave up|got rid of|gave away|changed) (?:this|that|the) (?:number|phone|#)\b",
    (
        r"\b(?:hasn'?t|has not|haven'?t|have not|hadn'?t) (?:had|used) (?:this|that|"
        r"the) (?:number|phone|#|cell)"
    ),
    (
        r"\bnot \w+'s (?:phone|number|cell|#)\b|^(?:this is )?(?:a )?(?:business|work|"
        r"personal) (?:line|cell|phone|number),? not \w+'?s?\b"
    ),
    (
        r"\b(?:not sure|no idea|idk|don'?t know|dont know) who (?:you'?re|you are|ur|u r|"
        r"u are) (?:looking for|trying to reach|texting|after|trying to text)"
    ),
    r"\b(?:i'?m|im|i am|we'?re|we are) not related to\b",
    (
        r"\b(?:i|we) (?:don'?t|dont|do not) have (?:any )?(?:grandchildren|grandkids|kids|"
        r"children) (?:at|in|attending|enrolled)\b"
    ),
    (
        r"\b(?:(?:i|we|they|kids|children) (?:don'?t|dont|do not)|doesn'?t|does not|no longer) "
        r"(?:go|goes|attend|attends) (?:to )?(?:school|class|church)? ?(?:there|here)\b"
    ),
    (
        r"\b(?:he|she|they) (?:has |have )?moved (?:away|overseas|abroad|out of (?:state|"
        r"the country|town))(?=\W*$| (?:last|years|a |in |\d))"
    ),
    (
        r"\bno ?(?:one|body) (?:here|in this (?:house|household|family)) (?:has|is|goes|attends|"
        r"works|by)\b"
    ),
    (
        r"\b(?:texting|messaging|texted|text) (?:me )?(?:for|about) (?:someone|somebody) (?:named|"
        r"called)\b"
    ),
    r"\b(?:no longer|not) (?:employed|working) (?:here|there|with us|at (?:this|your))\b",
    r"\b(?:this is|that'?s|you have|you'?ve got|u have) the wrong (?:phone|cell|line)\b",
    (
        r"\b(?:previous|prior|old|former) owner (?:of (?:this|the|my) (?:number|phone|#)|"
        r"must have|had (?:this|the))"
    ),
    (
        r"\bnever had an? (?:appointment|appt|account|order|loan|policy|card|membership|"
        r"subscription) (?:with|at|from) (?:you|your|u|ur|y'?all)\b"
    ),
    # the text received, meant for another ("pretty sure this is meant for someone else")
    (
        r"\b(?:(?:pretty sure|i think|im sure|i'm sure) (?:this|it) (?:was|is)|(?:this|it|that|these|"
        r"ur text|your text|this text|this message|this msg) (?:is|are|was|must be|must have been|"
        r"is probably|was probably|is clearly|was clearly|is obviously)) "
        r"(?:meant|intended|ment) (?:for|4) (?:someone|somebody|some1|some one) else\b"
    ),
    # an account closed long ago ("closed my account w you guys in 2022")
    (
        r"\b(?:closed|cancell?ed|canceled|ended|terminated) (?:my|our|the) (?:account|membership|"
        r"subscription|policy|card|loan|service)s? (?:with (?:you|u|y'?all|your|ur)\w* |w/? (?:you|u)\w* |"
        r"there )?(?:(?:you |u )?guys )?(?:back )?(?:in (?:19|20)\d\d|(?:\d+|two|three|a few|several|many) "
        r"(?:years?|months?|yrs?) ago|a (?:year|while|long time) ago|long ago|last year|ages ago)\b"
    ),
    (
        r"\bmistaken identity\b|\b(?:i'?m|im|i am) not (?:the|that) \w+ (?:you'?re|you are|u r|ur|"
        r"you) (?:looking for|after|want|thinking of)"
    ),
    (
        r"\bnot (?:the|that) (?:guy|girl|person|lady|man|woman|one) (?:you'?re|you are|u r|ur|"
        r"you) (?:looking for|after|want|thinking of|trying to reach)"
    ),
    (
        r"\b(?:no (?:clue|idea)|idk|don'?t know) who (?:this|that|it) (?:is )?(?:meant|"
        r"intended) for\b"
    ),
    r"\b(?:i'?m|im|i am) not (?:your|ur|a|an) (?:customer|client|patient|member)\b(?! (?:there |here )?yet\b)",
    (
        r"\b(?:i'?m|im|i am|we'?re|we are) no longer (?:a |an )?(?:member|patient|customer|client|"
        r"student|employee|parent|volunteer|subscriber|donor|resident|tenant)s?\b"
    ),
    # a new number, and the name denied ("New number, not Paul")
    (
        rf"\bnew (?:number|phone|cell|#|num)\W+(?:\w+\W+){{0,3}}?not (?!(?:{EVERYDAY_AFTER_NOT})\b)"
        rf"[a-z]+\W*$"
    ),
]
WEAK = [
    r"\brelocated (?:to|out of) \w+",
    r"\bis my ex[- ]?(?:wife|husband|gf|bf|girlfriend|boyfriend|partner)\b",
    r"\b(?:we|i)(?: have|'ve)? moved (?:away|out of (?:state|town|the area|the country))\b",
    (
        rf"\b(?:this|it|that) (?:is not|isn'?t|isnt|aint|ain'?t|"
        rf"'?s not) (?!{EVERYDAY_COMPLEMENT}(?!\w))\w+(?: \w+)?$"
    ),
    r"\b(?:i'?m|im|i am|it'?s|its) not (?:her|him|them|me)(?!\w)",
    (
        rf"^(?:(?:nope|no|sorry|um|uh|lol),? )?not (?!(?:{EVERYDAY_AFTER_NOT})$)(?![a-z]+ing$)[a-z]+(?: lol|"
        rf" sorry| here)?$"
    ),
    r"\b(?:who|whoever) (?:you'?re|you are|ur|u r) looking for\b",
    r"\b(?:i|we) (?:don'?t|dont|do not) know (?:any|a|an|who) ",
    (
        r"\b(?:he|she|they) (?:quit|retired|was laid off|got laid off|no longer works?|left "
        r"(?:the|your|ur|that|this|our) (?:company|school|job|team|church|practice|firm|club|"
        r"group|district|office|program|area|state|country)|left (?:in \d|years|months|a while|"
        r"last))"
    ),
    r"\b(?:update|fix|correct) (?:your|ur) (?:records|files|list|contacts|system|info)",
    r"\b(?:no|not) (?:longer )?(?:a )?(?:patient|member|customer|employee|student)(?!\w)",
    (
        rf"\b(?:i'?m|im|i am|we'?re|we are|this is|this isn'?t|this isnt|"
        rf"this aint) not (?!{EVERYDAY_COMPLEMENT}(?!\w))(?:the right |a |an |"
        rf"the )?\w+(?:'s)?(?: \w+)?(?=\W*(?:$|[,.!?-]| sorry| thanks| ty| different| wrong))"
    ),
    rf"\bwrong (?!{WRONG_DETAIL}(?!\w))\w+(?=\W*(?:$|[,.!-]| sorry))",
    r"\b(?:you|u) (?:have|got|'ve got|ve got|'ve|ve|has) (?:the )?wrong \w+",
    (
        r"\bnot (?:the person |who )(?:you|u) (?:want|need|think|are looking|'re looking|"
        r"re looking|r looking|mean)"
    ),
    r"\b(?:no idea|no clue|idk|don'?t know|dont know|never heard of) who \w+(?: \w+)? is\b",
    r"\bnever heard of (?:a |an |anyone |anybody |someone )?(?:called |named )?\w+",
    r"\b(?:for|looking (?:4|for)|want|need|after|meant for) (?:someone|somebody) else\b",
    (
        r"\b(?:mixed up|confused|mistaken|mixing me up|confusing me) (?:me )?with (?:another|"
        r"a different|someone|somebody)"
    ),
    r"\b(?:you|u) (?:have|got|'ve got) me (?:mixed up|confused)",
    r"\bdifferent (?:person|number|#|guy|lady)\b",
    r"\b(?:isn'?t|is not|not) (?:mine|my name|hers|his)\b",
    (
        r"\b(?:don'?t|dont|do not) know (?:you|u|your contact|ur contact|who you are|who u are|"
        r"this person|that person)\b"
    ),
    (
        # a name, not a plural of people ("no Karen here", not "no teachers here today")
        r"\bno (?!more|longer|problem|worries|thanks|one|body|need|way|idea|clue)(?!\w+ers\b)\w+ "
        r"(?:here|at this)\b"
    ),
    (
        r"^(?:(?:sorry|hi|hey|um|nope)\W+)?not \w+(?:'s (?:phone|number|#|cell|mobile)|,? sorry|"
        r" here)\W*$|^sorry\W+not \w+\W*$"
    ),
]
EXAMPLES = (
    "i'm not enrolled at your school",
    "You've got the wrong Mr. Lee.",
    "Gerald passed away in the fall, please update ur list .",
)
