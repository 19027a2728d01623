"""The cheap first look: does an ASCII reply contain any opt-out vocabulary at all?

Most replies ("ok", "see you at 5") contain none of the words an opt-out is made of, so
they are answered with the shared "none" decision without normalising them or running
the model. The vocabulary covers every phrase family, keyword and Spanish phrase, the
"I'm not who you think" ways of saying wrong person, and one-letter typos of the core
words ("stoop", "wrng"); a reply without any of it is not an opt-out by definition.

A reply is split into words and each distinct word is classified once and remembered,
which is several times faster than searching every reply with one large regex.
"""

from __future__ import annotations

import re

_WORD_STEMS = (
    # stop, remove, unsubscribe, opt out, consent, cancel
    r"stop|stp|sotp|stah|quit$|quits$|quitt|ceas|halt|discontinu|nomore|remov|remv|rmv|"
    r"delet|eras|unsub|unsuscr|unlist|unfollow|opt$|opt-|optout|opted|opting|revok|withdr|rescind|r"
    r"etract|consent|"
    r"permission|authori[sz]|cancel|disable|pause|"
    # texting and contact
    r"text(?!book)|txt|msg|messag|mesag|sms|spam|notific|alerts?$|marketing|promo|ads$|advert|"
    r"robot|contact|dnc$|lists?$|listed|database|directory|"
    # wrong number or person, moved, died
    r"wrong|incorrect|number|numbr|nmbr|nobody|noone|moved|passed|died|deceas|dead$|retired|"
    r"hospice|resign|revoc|unwanted|murio|fallec|"
    # hostility
    r"fuck|f\*|fck|fuk|fk$|screw|bugger|scam|harass|lawsuit|lawyer|attorney|sue$|"
    r"report|fcc|ftc|tcpa|block|gtfo|gttfo|stfu|wtf$|"
    # Spanish, unaccented
    r"numero|equivoc|envi[ae]|mand[ae]|escrib|baja$|alto$|parar$|basta|deten|lista|quit[ae]n|quitam"
    r"e|quitar|"
    r"sacam|saquen|saque|borr[ae]|elimin|mensaj|desuscrib|molest|llam|nadie|ningun|dej[ae]n?me"
)
_PHRASES = """
    no: more, one$, body, longer, mas, quiero, conozco, soy, vive, sigan, me$, es$, trabajo,
        mr$, ms$, mrs$, dr$, kids, children, child, contact
    end: these, this, the, all, your, ur, them
    take tk takke tkae: me, us, my, this, back
    get: me, us, my, lost, out of, off this, off your, off ur, off the
    drop lose forget purge: me, us, my, this
    never: sign, subscri, agree, ask, call, been, ben, work, appl, heard, shop, made, text,
        tet, contact, gave, consent, attend, regist, enrol, had, signed, ever, again, get
    didn't didnt: sign, subscri, agree, ask, consent
    not: me$, her$, him$, interested, call, phone, ring, a$, an$, the$, your$, ur$, who$,
        that$, for me, 4 me,
        meant, on staff, on your, on ur, enrolled, registered, associated, whoever, employed,
        interested in, send, be contacted, get these, get any
    don't dont: call, phone, ring, know any, know a$, know an$, know who, know him, know her,
        have a$, have an$, have any, have kids, have children, work$, wrk, go to, live$,
        belong, attend, use this, want these, want to get, want any, send
    doesn't doesnt: live, work, go to, use, have this, attend, belong
    i'm im: not$, no longer
    there's theres: no$
    there: is no, are no
    texted typed gave given: the wrong, wrong, you a fake, u a fake, to you by, to u by
    have: no kids, no children, no child, only had
    changed: their number, his number, her number
    late: mother, father, husband, wife, mom, dad, son, daughter, grand, brother, sister
    calling leave lv: me, us
    hit: me up, us up
    reach: out
    rather: not
    belongs: to
    that: name
    this: phone, cell, isn't, isnt, is not, aint, ain't, is a new, used to, msg, message,
        wasn't, was my
    live lives: here
    new: owner, phone
    who: the, tf, is this, are you, r u, u think, you think, that is
    go: to hell, away
    piss pss buzz: off
    eat: shit
    want: out$, off$
    count: me out
    taken: off
    turn: these off, this off, them off, it off, off$
    update: your, ur
    old: information, info, number
    used: to be
    laid: off
    para: de
    aqui aca: no
    ya yo: no$
"""
_CORE_WORDS = (
    "stop remove number wrong person unsubscribe contact text texts texting message "
    "messages delete cancel list spam permission consent leave alone"
).split()
_REAL_WORDS = frozenset(
    "top sop sto step shop stoop tex tet ext next test sent sext list lis lust last lost "
    "remote remover rove move mover lease tease pease peace lave leve lone lane alien "
    "persons prison pearson person's contacts contract messy message's delete deleted "
    "canal candle cancel clancy quite quiet quilt wring wong wrung ring rong spa spam's "
    "sam pam numbers umber lumber nuber".split()
)
_TRIGGER_WORD = re.compile(rf"(?:{_WORD_STEMS})")
_SPACES = str.maketrans(
    {chr(c): " " for c in range(128) if not (chr(c).isalnum() or chr(c) in "'*#")}
)
_CACHE_LIMIT = 200_000
_known: dict[str, bool | tuple[str, ...]] = {}


def _phrase_heads(table: str) -> dict[str, tuple[str, ...]]:
    """Parse the ``head head: follower, follower`` table; ``$`` marks the end of a word."""
    heads: dict[str, tuple[str, ...]] = {}
    for entry in re.split(r"\n(?=    \S)", table.strip("\n")):
        names, _, followers = entry.partition(":")
        parsed = tuple(
            f.strip().replace("$", " ")
            for f in followers.replace("\n", " ").split(",")
            if f.strip()
        )
        heads.update(dict.fromkeys(names.split(), parsed))
    return heads


def _typos(words: list[str]) -> frozenset[str]:
    """Return every one-letter drop, swap or doubling of ``words`` that is not a real word."""
    found = set()
    for word in words:
        for i in range(len(word)):
            found.add(word[:i] + word[i + 1 :])
            found.add(word[:i] + word[i] + word[i:])
            if i + 1 < len(word):
                found.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return frozenset(t for t in found if len(t) > 3 and t not in _REAL_WORDS) - set(words)


_HEADS = _phrase_heads(_PHRASES)
_TYPO_WORDS = _typos(_CORE_WORDS)


def is_candidate(lowered: str) -> bool:
    """Return whether a lower-cased reply contains opt-out vocabulary."""
    words = lowered.translate(_SPACES).split()
    for index, word in enumerate(words):
        kind = _known.get(word)
        if kind is None:
            kind = _classify(word)
        if kind is True:
            return True
        if kind and (" ".join(words[index + 1 : index + 4]) + " ").startswith(kind):
            return True
    return False


def _classify(word: str) -> bool | tuple[str, ...]:
    """Return True for trigger vocabulary, the required followers for a phrase head."""
    kind = _TRIGGER_WORD.match(word) is not None or word in _TYPO_WORDS or _HEADS.get(word, False)
    if len(_known) < _CACHE_LIMIT:  # bounded: a long-running service sees endless new words
        _known[word] = kind
    return kind
