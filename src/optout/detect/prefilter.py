"""The cheap first look: does an ASCII reply contain any opt-out vocabulary at all?

Most replies ("ok", "see you at 5") contain none of the words an opt-out is made of, so
they are answered with the shared "none" decision without normalising them or running
the model. The vocabulary covers every phrase family, keyword and Spanish phrase, the
"I'm not who you think" ways of saying wrong person, and one-letter typos of the core
words ("stoop", "wrng"); a reply without any of it is not an opt-out by definition.

One reply (:func:`is_candidate`) is split into words; each distinct word is classified
once and remembered. A batch (:func:`needs_a_look`) is joined and searched with one
pattern compiled from the same vocabulary, merged into a trie of literal openings, so the
C regex engine screens every reply and only the candidates cost a Python call.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_right
from functools import cache, partial
from itertools import accumulate, chain, compress, repeat

from optout.detect.normalize import rough_fold

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
    r"sacam|saquen|saque|borr[ae]|elimin|mensaj|desuscrib|molest|llam|nadie|ningun|dej[ae]n?me|"
    r"permiso|vayan|suscrip|reported$|scam$|sue$|"
    # leaving a list or program in other words
    r"delist|unenrol|disenrol|unregist|deregist|deactivat|terminat|exclud|annoy|pester|roster|recycl|wipe|bothering|"
    r"nuisance|garbage|outreach|landline|handset|lwayer|reprot|mute$|ping$|"
    r"faintest|remuv|denunci|acoso|desus|escri|bajen|dejen$|conn?ozco|cliente|paciente"
)
_PHRASES = """
    no: more, one$, body, longer, mas, quiero, conozco, soy, vive, sigan, me$, es$, trabajo,
        mr$, ms$, mrs$, dr$, kids, children, child, contact, tengo
    end: these, this, the, all, your, ur, them
    take tk takke tkae: me, us, my, this, back
    get: bent, me, us, my, lost, out of, off this, off your, off ur, off the, the hell, the fuck,
        tf out
    drop lose forget purge: me, us, my, this, dead
    never: done, did business, sign, subscri, agree, ask, call, been, ben, work, appl,
        heard, shop, made, text, tet, contact, gave, consent, attend, regist, enrol, had,
        signed, ever, again, get
    didn't didnt: sign, subscri, agree, ask, consent
    not: me$, her$, him$, interested, related, sure who, call, phone, ring, a$, an$, the$,
        your$, ur$, who$, that$, for me, 4 me,
        meant, on staff, on your, on ur, enrolled, registered, associated, whoever, employed,
        interested in, send, be contacted, get these, get any
    don't dont: have grand, call, phone, ring, know any, know a$, know an$, know who,
        know him, know her,
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
    previous prior former: owner
    who: the, tf, is this, are you, r u, u think, you think, that is
    go: to hell, away, f$, fuck, screw, f*
    kiss: my ass, my arse, my butt
    die: in a fire
    sick: of, and tired
    dare: text, message, contact
    nerve: texting, messaging
    piss pss buzz: off
    report reported reporting: you, this, u, your, ur, to, as
    block blocked blocking: this, your, ur, you, u, the
    passed: away, on, in$, last, recently, earlier
    person: you, your, u$
    have: my number, my #, this number, this #
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
    me: out$, off$, outta
    i'm im: out$, done, outta
    knock: it off, off
    cut: it out, me$, us$, my
    give: it a rest
    gave: you my, u my, your, ur
    how: did you get, did u get, did you find, did u find, did you guys
    bother: me, us, someone, somebody
    getting: off
    hear: from you again, from u again, from y'all again, from your company, from ur company
    stay: away, off, the hell
    eff: off
    never: stayed, ordered, played, bank, volunteer, schedul, bought, used, visited, purchas,
        donat, joined, vot, went, lived, owned, rent, book, been, shop
    business: line, number, phone, cell
    different: person, guy, lady, girl, man, woman, number, #
    no: idea who, clue who
    this: mobile, line, landline
    he she they: passed, died, is deceased, no longer
    exit: this, the, these
    be: in touch
    of: touch
    as: junk
    my: name's, name is, name isnt, name isn't, details, dad's gone, mom has, phone alone,
        # alone, number alone
    name's: not
    leave: my
    get: in touch, in tocuh, the f, off my
    back: off, the hell off
    keep: ur garbage, your garbage, ur crap, your crap, ur junk, your junk
    bin: my
    shut: this off, off, it off, these off
    i'm im: a landline, calling my
    who: invited, innvited
    you've youve: reached, got a, got the
    want need: the other, some other
    must: want
    have: no connection, nothing to do, no account, no wish, no idea who
    nope: not
    ths tihs: isnt, isn't, is not
    that's thats: not my, not me
    aren't arent: the
    isn't isnt: me$
    never: met, seen, taken, heard, neevr
    lost: my husband, my wife, my mom, my dad, my son, my daughter
    dot: want, txt, text, msg, contact
    not: tet, tet me
    don't dont dnt: tet, tet me, be in touch, get in, include, ping, use my, hav kids, want these
    sop stoop: sending, texting, bothering, blowing, messaging
    no1: named, here
    why: am i getting, do i keep, do you keep, do u keep, are you texting, r u texting,
        are you messaging, you texting, u texting
    part: of this, of these, of your, of ur
    mom dad mother father husband wife son daughter brother sister grandma grandpa: passed
    aqui aca: no
    ya yo: no$
"""
_CORE_WORDS = (
    "stop remove number wrong person unsubscribe contact text texts texting message "
    "messages delete cancel list spam permission consent leave alone take these want receive "
    "block blocking bothering harassment opt unsub quit unenroll removed msgs optout"
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
        for name in names.split():  # a head listed twice keeps the followers of both
            heads[name] = heads.get(name, ()) + parsed
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
_WORD_END = r"(?=[ \x00])"
_STOP_SIGN = re.compile("[\U0001f6d1\u26d4]")
"""The stop-sign emoji that alone ask to stop (as the detector's ``STOP_SIGNS``)."""
_LITERAL_HEAD = re.compile(r"[a-z0-9' ]*")


def needs_a_look(texts: list[str]) -> list[int]:
    """Return the positions of the replies that may be anything but a plain "none".

    A reply needs a closer look when it holds a word of a standard keyword, a stop sign,
    or what :func:`is_candidate` looks for, once folded as the detector folds it. All
    replies are joined, folded to words with byte operations and searched with one
    compiled pattern, so the C regex engine does the work and the 90% of replies without
    such words cost no Python call at all; replies that are not ASCII are searched again
    after one accent-and-width fold of them all.
    """
    if any(map(operator.contains, texts, repeat(_SEPARATOR))):
        return list(range(len(texts)))  # a reply holds the separator itself: look at all
    loud = set(_screened(texts))
    others = list(compress(range(len(texts)), map(operator.not_, map(str.isascii, texts))))
    folded = rough_fold(_SEPARATOR.join(texts[position] for position in others))
    replies = folded.split(_SEPARATOR) if others else []
    if len(replies) != len(others):
        return sorted(loud.union(others))
    loud.update(others[index] for index in _screened(replies))
    loud.update(others[index] for index, reply in enumerate(replies) if _STOP_SIGN.search(reply))
    return sorted(loud)


def _screened(texts: list[str]) -> set[int]:
    """Return the positions of the replies in which the screen pattern finds something."""
    joint = _SEPARATOR + " "  # every word then follows a space, the literal the screen seeks
    padded = joint + joint.join(texts) + _SEPARATOR
    folded = padded.encode("ascii", "replace").lower().translate(_SPACES)
    starts = list(accumulate(map(len(joint).__add__, map(len, texts)), initial=0))
    # a match starts on the space before its word, or on the separator before its reply
    matches = chain(_screen().finditer(folded), *(shape.finditer(folded) for shape in _SHAPES))
    found = map(partial(bisect_right, starts), map(re.Match.start, matches))
    return {position - 1 for position in found}


_EVERYDAY_AFTER_NOT = (
    b"sure|yet|really|now|today|tonight|tmr|tomorrow|bad|much|quite|that|this|me|you|u|it|at|"
    b"in|on|for|to|so|too|very|even|all|the|a|an|my|your|ur|going|coming|working|done|ready|"
    b"free|home|here|there|ok|okay|well|good|sick|hungry|tired|mad|angry|sorry|again|nw|sold|"
    b"available|possible|allowed|needed|enough|exactly|always|necessarily|conform|confirm|"
    b"confirmed|certain|likely|true|right|wrong|funny|fair|mine"
)
"""Words after "not" that make everyday talk ("not sure", "not now"), never a name."""
_SHAPES = (
    re.compile(
        rb"\x00 +(?:(?:nope|sorry|um|hi|hey|no) +)?not +(?!(?:"
        + _EVERYDAY_AFTER_NOT
        + rb")(?![a-z]))"
        rb"[a-z']+(?: +[a-z0-9']+){0,2} *(?=\x00)"
    ),
    re.compile(rb" not +(?!(?:" + _EVERYDAY_AFTER_NOT + rb") *\x00)[a-z']+ *(?=\x00)"),
    re.compile(rb" no +[a-z']+ +(?:here|in this|at this|named|by that|in my)(?![a-z])"),
)
"""Shapes of a whole reply that say "wrong person" with a name in them ("not Mike",
"I'm Carla, not Karla", "no Kevin here"): names are no vocabulary, so the shape is. Each
pattern opens with a literal, which the regex engine seeks far faster than an alternation."""


@cache
def _screen() -> re.Pattern[bytes]:
    """Return the pattern finding, after a space, anything a reply needs a look for.

    Built on first use from the vocabulary: trigger stems, typos as whole words, keyword
    words whatever punctuation surrounds them, phrase heads followed by their required
    words. Branches are merged on
    their literal openings into a trie, so each word start is tried against a few
    letters instead of hundreds of alternatives.
    """
    stems = re.split(r"\|(?![^()]*\))", _WORD_STEMS)  # top-level branches only
    branches = [stem.replace("$", _WORD_END) for stem in stems]
    branches += [re.escape(word) + _WORD_END for word in _TYPO_WORDS]
    branches += [re.escape(word) + "(?![a-z0-9])" for word in _KEYWORD_WORDS]
    keywords = _trie([re.escape(word) for word in _KEYWORD_WORDS])
    branches.append(f"['*#]+(?:{keywords})(?![a-z0-9])")  # "'stop'" is the keyword too
    for head, followers in _HEADS.items():
        after = [_follower_pattern(follower) for follower in followers]
        branches.append(re.escape(head) + " +(?:" + _trie(after) + ")")
    return re.compile(b" (?:" + _trie(branches).encode("ascii") + b")")


def _follower_pattern(follower: str) -> str:
    """Return the pattern of a phrase's required words ("off this", "me " for ``me$``)."""
    words = follower.split()
    pattern = " +".join(map(re.escape, words))
    return pattern + _WORD_END if follower.endswith(" ") else pattern


def _trie(branches: list[str]) -> str:
    """Return an alternation of ``branches`` with their common literal openings merged."""
    groups: dict[str, list[str]] = {}
    rest: list[str] = []
    for branch in branches:
        literal = _LITERAL_HEAD.match(branch).group()  # type: ignore[union-attr]
        quantified = branch[len(literal) : len(literal) + 1] in ("?", "*", "+", "{")
        if not literal or (len(literal) == 1 and quantified):
            rest.append(branch)
        else:
            groups.setdefault(branch[0], []).append(branch[1:])
    merged = [re.escape(first) + _group(tails) for first, tails in groups.items()]
    return "|".join(merged + rest)


def _group(tails: list[str]) -> str:
    """Return the pattern for what may follow a shared first character."""
    if "" in tails:
        return "(?:" + _trie([tail for tail in tails if tail]) + ")?" if len(tails) > 1 else ""
    return "(?:" + _trie(tails) + ")" if len(tails) > 1 else tails[0]


def is_candidate(lowered: str) -> bool:
    """Return whether a lower-cased reply contains opt-out vocabulary."""
    words = _words_of(lowered).split()
    if not _seen.issuperset(words):
        for word in set(words) - _seen:
            _classify(word)
    if not _triggers.isdisjoint(words):
        return True
    if not _heads.isdisjoint(words) and _holds_phrase(words):
        return True
    if "not" not in words and "no" not in words:
        return False  # every shape holds one of them
    shaped = f"{_SEPARATOR} {' '.join(words)}{_SEPARATOR}".encode("ascii", "replace")
    return any(shape.search(shaped) is not None for shape in _SHAPES)


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
