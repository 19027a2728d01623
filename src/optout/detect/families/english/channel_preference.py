"""Channel preference: reach me another way, not by text ("email only", "don't text, call me").

A reply asking for email, mail or calls instead of texts withdraws consent to texts. Asking
for one thing by email ("email me the form") or no texts for a while ("don't text me right
now, I'm driving") is not this family: see the guards' "another channel for now".
"""

from __future__ import annotations

from optout.detect.families.english.words import DO_NOT, PLEASE
from optout.domain import Family

OTHER_CHANNEL = r"(?:e-?mail|emails|mail|snail mail|letters?|post|calls?|phone calls?|phone)"
"""A way of reaching someone that is not a text."""
TEXT_NOUN = r"(?:texts?|txts?|texting|txting|sms|text messages?|msgs?|messages)"

FAMILY = Family.CHANNEL_PREFERENCE
STRONG = [
    (
        r"\b(?:mail|email|e-mail|call|letters?)(?: (?:me|us|stuff|things|it|instead|only))*\W+(?:but |and )?"
        r"(?:don'?t|dont|do not|no|never) (?:text|txt|sms)\b(?! (?:me )?(?:back|first))"
    ),
    r"\b(?:landline|home phone|email|e-mail|mail) only\b",
    (
        r"\b(?:i|we) only want (?:the )?(?:e-?mails?|calls?|mail|letters?)\b[^.!?]{0,40}?,? not "
        r"(?:the )?(?:texts?|txts?|text messages?|sms)\b"
    ),
    r"\b(?:e-?mail|mail|letters?|snail mail|post|phone calls?|calls?) only\b(?! (?:if|when|for (?:the|this|that)))",
    r"\bonly (?:contact|reach|message|email|e-mail) (?:me|us) (?:by|via|through|thru|on|at) (?:e-?mail|mail|phone|my email)\b",
    rf"\b{DO_NOT} (?:text|txt|sms|message|msg)(?: me| us)?\W+(?:\w+ ){{0,3}}?(?:e-?mail|mail|call|phone|ring) (?:me|us)\b",
    rf"\bno {TEXT_NOUN}(?: {PLEASE})?\W+(?:\w+ ){{0,3}}?(?:e-?mail|mail|call|phone) (?:me|us|only|instead)\b",
    r"\b(?:switch|move|change|put) (?:me|us|my (?:account|number|contact)) (?:over )?to (?:e-?mail|mail|calls?)(?: only| instead)?\b",
    rf"\b(?:e-?mail|mail|call|contact|reach) (?:me|us) (?:\w+ ){{0,2}}?instead of (?:texting|txting|{TEXT_NOUN}|text(?:ing)? (?:me|us))\b",
    # the other channel named, and texts ruled out ("email me there, not by text")
    (
        rf"\b(?:e-?mail|mail|portal|app|paper|call|phone call|letters?)\b[^.!?]{{0,40}}\bnot (?:by |via |"
        rf"through |thru |on |to |with )?(?:{TEXT_NOUN}|my (?:cell|phone|mobile|cell phone)|"
        rf"this (?:number|phone|cell|one))\b"
    ),
    (
        rf"\b(?:to|on|at|through|via) (?:my |the )?(?:\w+ )?(?:e-?mail|mail|landline|home phone) "
        rf"instead of (?:texting|txting|{TEXT_NOUN}|this number|my cell)\b"
    ),
    r"\b(?:text|txt|message|contact) my (?:\w+'?s? )?(?:phone|cell|number) instead\b",
    (
        r"\bonly (?:e-?mail|mail|calls?|phone calls?|letters?)(?: from now on| going forward| "
        r"please| pls| thx| thanks)*\W*$"
    ),
    rf"^no (?:{TEXT_NOUN})\W+(?:e-?mail|mail|calls?)(?: (?:is|are|only|instead|works|please|pls)\b|\W*$)",
    # the other channel named, then texts ruled out in a sentence of their own ("send a letter. Not texts.")
    rf"\b(?:e-?mail|mail|letters?|post|call|calls)\b[^.!?]{{0,30}}[.!]+ not (?:by |via |through )?{TEXT_NOUN}\W*$",
    rf"\b{OTHER_CHANNEL} (?:is|are) (?:fine|ok|okay|good)\W+(?:but )?(?:{TEXT_NOUN}) (?:is|are)(?: not|n'?t)\b",
    (
        rf"\b(?:send|sent|mail|email|e-mail)\b[^.!?]{{0,40}}\b(?:e-?mail|mail|letters?|post)\b[^.!?]{{0,15}}"
        rf"\binstead of (?:texting|txting|{TEXT_NOUN})\b"
    ),
    rf"\b(?:by|via|through|thru|over|in) (?:e-?mail|mail|the mail|letters?|post|paper|phone) instead of (?:an? )?{TEXT_NOUN}\b",
    rf"\b{DO_NOT} (?:do |conduct )?(?:business|banking|anything like this) (?:over|by|via|thru|through) {TEXT_NOUN}\b",
]
WEAK = [
    rf"\binstead of (?:texting|txting|{TEXT_NOUN}|my (?:cell|phone|mobile|cell phone))\b",
    rf"\bno need (?:for|of) (?:the |these |any |more |ur |your |all the )?{TEXT_NOUN}\b",
    rf"\b{TEXT_NOUN} (?:is|are|isn'?t|aren'?t) (?:not )?(?:good|ok|okay|great|working) for (?:me|us)\b",
    r"\b(?:e-?mail|mail|call) (?:me|us) instead\b",
    r"\b(?:prefer|rather (?:get|have|receive|you)?) (?:an? )?(?:e-?mails?|mail|letters?|calls?|phone calls?|to be called|to be emailed)\b",
    r"\b(?:by|via|through) (?:e-?mail|mail|phone) (?:only|instead|from now on)\b",
    rf"\b{OTHER_CHANNEL} (?:is|works|would be) (?:much )?better (?:than|then) (?:a )?{TEXT_NOUN}",
    r"\b(?:i )?(?:hate|don'?t|dont|do not|can'?t|cant) (?:do |read |check )?(?:text|texts|texting|txt|txting)\b.{0,20}\b(?:call|e-?mail|mail) (?:me|us)\b",
]
EXAMPLES = (
    "email only pls, no more txts",
    "dont text me. call me if u need something",
    "please email me instead of texting this number",
)
