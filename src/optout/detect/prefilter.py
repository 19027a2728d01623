"""The cheap first look: does an ASCII reply contain any opt-out vocabulary at all?

Most replies ("ok", "see you at 5") contain none of the words an opt-out is made of, so
they are answered with the shared "none" decision without normalising them or running
the model. The vocabulary covers every phrase family, keyword and Spanish phrase, the
"I'm not who you think" ways of saying wrong person, and one-letter typos of the core
words ("stoop", "wrng"); a reply without any of it is not an opt-out by definition.

A reply is split into words; each distinct word is classified once and remembered, so
most replies are answered by two set operations, several times faster than searching
every reply with one large regex.
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
    r"wrong|incorrect|number|numbr|nmbr|nobody|noone|moved|died|deceas|retired|"
    r"hospice|resign|revoc|unwanted|unsolicit|murio|fallec|"
    # hostility
    r"fuck|f\*|fck|fuk|fk$|screw|bugger|scam|harass|lawsuit|lawyer|attorney|sue$|"
    r"fcc|ftc|tcpa|gtfo|gttfo|stfu|wtf$|"
    # Spanish, unaccented
    r"numero|equivoc|envi[ae]|mand[ae]|escrib|baja$|alto$|parar$|basta|deten|lista|quit[ae]n|quitam"
    r"e|quitar|"
    r"sacam|saquen|saque|borr[ae]|elimin|mensaj|desuscrib|molest|llam|nadie|ningun|dej[ae]n?me"
)
_PHRASES = """
    no: more, one$, body, longer, mas, quiero, conozco, soy, vive, sigan, me$, es$, trabajo,
        mr$, ms$, mrs$, dr$, kids, children, child, contact, tengo
    end: these, this, the, all, your, ur, them
    take tk takke tkae: me, us, my, this, back
    get: me, us, my, lost, out of, off this, off your, off ur, off the, the hell, the fuck,
        tf out
    drop lose forget purge: me, us, my, this
    never: done, did business, sign, subscri, agree, ask, call, been, ben, work, appl,
        heard, shop, made, text, tet, contact, gave, consent, attend, regist, enrol, had,
        signed, ever, again, get
    didn't didnt: sign, subscri, agree, ask, consent
    not: me$, her$, him$, interested, related, sure who, call, phone, ring, a$, an$, the$,
        your$, ur$, who$, that$, for me, 4 me,
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
    report reported reporting: you, this, u, your, ur, to, as
    block blocked blocking: this, your, ur, you, u, the
    passed: away, on, in$, last, recently, earlier
    someone somebody: else$
    confused mixed mistaken: with, me, us, up, identity
    hasn't hasnt haven't havent: had, used
    reached: at this, on this
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
    "messages delete cancel list spam permission consent leave alone take these want receive"
).split()
_REAL_WORDS = frozenset(
    "top sop sto step shop stoop tex tet ext next test sent sext list lis lust last lost "
    "remote remover rove move mover lease tease pease peace lave leve lone lane alien "
    "persons prison pearson person's contacts contract messy message's delete deleted "
    "canal candle cancel clancy quite quiet quilt wring wong wrung ring rong spa spam's "
    "sam pam numbers umber lumber nuber".split()
)
_TRIGGER_WORD = re.compile(rf"(?:{_WORD_STEMS})")
_SPACES = bytes.maketrans(
    bytes(c for c in range(256) if not (chr(c).isalnum() or chr(c) in "'*#\x00")),
    b" " * sum(1 for c in range(256) if not (chr(c).isalnum() or chr(c) in "'*#\x00")),
)
"""Every byte but ASCII letters, digits, ' * # and NUL becomes a space (bytes are fast)."""


def _words_of(lowered: str) -> str:
    """Return ``lowered`` with everything but word characters turned into spaces."""
    return lowered.encode("ascii", "replace").translate(_SPACES).decode("ascii")


_CACHE_LIMIT = 200_000
_seen: set[str] = set()
_triggers: set[str] = set()


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
_heads = frozenset(_HEADS)
_TYPO_WORDS = _typos(_CORE_WORDS)


_SEPARATOR = "\x00"
_KEYWORD_WORDS = frozenset(
    "stop end cancel unsubscribe quit stopall revoke optout opt start unstop help info".split()
)


def needs_a_look(texts: list[str]) -> list[bool]:
    """Return, for each reply, whether it may be anything but a plain "none".

    All replies are folded in one pass; a reply needs a closer look when it is not ASCII,
    holds a word never seen before, a word of a standard keyword, or opt-out vocabulary.
    The checks run as C-level ``map`` calls over all replies at once; only replies holding
    the head of a trigger phrase ("take", "no") are looked at one by one.
    """
    blob = _SEPARATOR.join(texts)
    if not texts or blob.count(_SEPARATOR) != len(texts) - 1:
        return [True] * len(texts)  # a reply holds the separator itself: look at them all
    words = list(map(str.split, _words_of(blob.lower()).split(_SEPARATOR)))
    loud = _triggers | _KEYWORD_WORDS
    quiet = map(all, zip(map(str.isascii, texts), map(_seen.issuperset, words), strict=True))
    quiet = map(all, zip(quiet, map(loud.isdisjoint, words), strict=True))
    return [
        not calm or (not headless and _holds_phrase(reply))
        for calm, headless, reply in zip(quiet, map(_heads.isdisjoint, words), words, strict=True)
    ]


def is_candidate(lowered: str) -> bool:
    """Return whether a lower-cased reply contains opt-out vocabulary."""
    words = _words_of(lowered).split()
    for word in set(words) - _seen:
        _classify(word)
    if not _triggers.isdisjoint(words):
        return True
    return not _heads.isdisjoint(words) and _holds_phrase(words)


def _holds_phrase(words: list[str]) -> bool:
    """Return whether a phrase head is followed by one of its required words."""
    for head in _heads.intersection(words):
        position = -1
        while (position := _next(words, head, position + 1)) >= 0:
            following = " ".join(words[position + 1 : position + 4]) + " "
            if following.startswith(_HEADS[head]):
                return True
    return False


def _next(words: list[str], word: str, start: int) -> int:
    """Return the next position of ``word`` in ``words`` from ``start``, or -1."""
    try:
        return words.index(word, start)
    except ValueError:
        return -1


def _classify(word: str) -> None:
    """Remember whether ``word`` is trigger vocabulary, the head of a phrase, or neither."""
    if len(_seen) >= _CACHE_LIMIT:  # bounded: a long-running service sees endless new words
        _seen.clear()
        _triggers.clear()
    _seen.add(word)
    if _TRIGGER_WORD.match(word) is not None or word in _TYPO_WORDS:
        _triggers.add(word)
