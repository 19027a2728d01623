"""Typos read through: the one reading of a mistyped word, and mending them so phrases still match.

People type fast: "pls dont teext me", "remoove my numbr", "how do i sotp thsee", "pls dlete
my c0ntact", "unsubscirbe". :func:`read_through` says which word a typed word stands for:

- a word one swap of neighbouring letters, or one dropped or doubled inner letter, away from
  the short words below (and not itself a common word): :func:`misspellings` makes a word's
  typos, :func:`typo_table` files them under the words they misspell; a shorter word with a
  look-alike digit is read as the word of the patterns it spells ("5top", "tx7");
- else, a word of five letters or more within the keyword reading's typo budget
  (:func:`.mistyped_keywords.edit_cost`: one weighted edit, two from seven letters, keys
  beside each other and look-alike digits cheap) of an opt-out word of the phrase patterns,
  with the same first letter. The targets and the words left as typed (every spelling the
  patterns use, and real words near a target: "remote", "stoop") are derived from the
  patterns and dictionaries by :mod:`.typo_word_lists`;
- else, a run-on of five letters or more typed without spaces ("takemeoff", "donttextme",
  "wrongnumberbro") that :func:`split_run_on` reads as two or more words of the patterns,
  common dictionary words or SMS words. Dictionary words that would split so ("another",
  "takeout") are left as typed.

The screen (:mod:`.screen`) counts a typo of its vocabulary as vocabulary; the phrase search
sees the mended text, and every match is mapped back to the reply as typed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from optout.detect.mistyped_keywords import LOOK_ALIKE_LETTERS, edit_budget, edit_cost, keys_beside
from optout.detect.sms_spellings import SMS_SPELLINGS

ENGLISH_VOCABULARY = """
    dont stop stopped stopping opting text texts texting texted message messages messaging
    remove removed number contact contacted contacting unsubscribe please want wanna wrong
    person receive receiving getting anymore these take sending send list consent revoke
    permission leave alone delete longer interested calling bothering never signed moved
    passed away died
    phone anything again sign someone nobody named harassing spam reminders alerts updates
    newsletter subscription cancel mailing database system records contacts
    unregister deregister unfollow unenroll disenroll unjoin withdraw deactivate terminate
    disconnect unlink block blocking harassment unsub quit msgs optout reach opt out
""".split()
SPANISH_VOCABULARY = """
    quiero recibir mensajes numero equivocado equivocada quitenme dejen manden envien
    escriban lista mandar enviar molesten persona
""".split()
VOCABULARY = ENGLISH_VOCABULARY + SPANISH_VOCABULARY
"""The short words the mender reads typos of; Spanish verbs end in many ways ("mande",
"manden"), so only their inner letters are read as typos."""
COMMON_WORDS = frozenset(
    """dot aloe ded did ided lave lisa lit loner pease sed sam sin singed sop stoop thee wat wong
    txt txts txted txting stp texs tet pone agin sing""".split()
)
"""Misspellings that are words in their own right, or spellings the patterns already know."""
_WORD = re.compile(r"[a-z0-9]+")
SHORTEST_READ = 5
"""Shorter words are read through only by the short words' table: too many real words and
SMS spellings sit one edit from a four-letter word ("ext", "tex", "alot")."""
_LOOK_ALIKES = str.maketrans(LOOK_ALIKE_LETTERS)
SpanMap = Callable[[int, int], tuple[int, int]]


def misspellings(word: str, *, ends: bool = False, slips: bool = False) -> set[str]:
    """Return ``word`` with two neighbouring letters swapped, or an inner letter dropped or doubled.

    ``ends``: the first and last letters may be dropped or doubled too ("top", "sstop").
    ``slips``: any letter may be typed as a key beside it on a QWERTY keyboard ("atop").
    """
    found = {word[:k] + word[k + 1] + word[k] + word[k + 2 :] for k in range(len(word) - 1)}
    edited = range(len(word)) if ends else range(1, len(word) - 1)
    found.update(word[:k] + word[k + 1 :] for k in edited)
    found.update(word[:k] + word[k] + word[k:] for k in edited)
    if slips:
        beside = keys_beside()
        for k, letter in enumerate(word):
            found.update(word[:k] + key + word[k + 1 :] for key in beside.get(letter, ""))
    return found - {word}


def typo_table(
    words: Iterable[str],
    *,
    real_words: frozenset[str],
    shortest: int = 1,
    ends: bool = False,
    slips: bool = False,
) -> dict[str, str]:
    """Return each misspelling of ``words`` with the word it stands for (the first listed wins).

    A misspelling that is one of ``words`` or a ``real_words`` word, or is shorter than
    ``shortest`` letters, is left out; ``ends`` and ``slips`` are :func:`misspellings`'s.
    """
    words = list(words)
    table: dict[str, str] = {}
    for word in words:
        for typo in misspellings(word, ends=ends, slips=slips):
            table.setdefault(typo, word)
    known = real_words.union(words)
    return {
        typo: word for typo, word in table.items() if len(typo) >= shortest and typo not in known
    }


@cache
def corrections() -> dict[str, str]:
    """Return each recognised misspelling with the word it stands for (built once).

    Every one-letter typo of the short words, at either end and as a key beside the right
    one too ("ddont", "rext", "sto"), unless it is a dictionary word ("top", "atop").
    """
    english = typo_table(
        ENGLISH_VOCABULARY, real_words=real_words(), shortest=3, ends=True, slips=True
    )
    return typo_table(SPANISH_VOCABULARY, real_words=real_words()) | english


@cache
def real_words() -> frozenset[str]:
    """Return the words a typo table leaves out: dictionary words near the short words."""
    return COMMON_WORDS.union(typo_vocabulary().real_words_near)


class TypoVocabulary(NamedTuple):
    """The derived word lists of the typo reading (see :mod:`.typo_word_lists`)."""

    targets: tuple[str, ...]
    """Opt-out words a longer typo is read as."""
    left_as_typed: frozenset[str]
    """Spellings the patterns use, real words near a target and real words a run-on split
    would cut: never read as another word."""
    run_on_words: frozenset[str]
    """The words of the patterns a run-on is split into ("take", "me", "off")."""
    real_words_near: tuple[str, ...]
    """Dictionary words one typo from a target or a short word ("remote", "top"): they mean
    themselves, and a typo nearer one of them means it ("teasting")."""
    opt_out_words: frozenset[str]
    """The words opt-outs are made of: a run-on holding none is not read ("beliving")."""
    rare_phrase_texts: frozenset[str]
    """The texts the phrases open with or hold that chat rarely holds ("see you in court"):
    the screen keeps a reply with one (:func:`.screen.rare_phrase_texts`)."""


@cache
def typo_vocabulary() -> TypoVocabulary:
    """Return the shipped word lists, read once."""
    source = resources.files("optout.detect").joinpath("data/typo_vocabulary.json")
    lists = json.loads(source.read_text(encoding="utf-8"))
    return TypoVocabulary(
        tuple(lists["targets"]),
        frozenset(lists["left_as_typed"]),
        frozenset(lists["run_on_words"]),
        tuple(lists["real_words_near"]),
        frozenset(lists["opt_out_words"]),
        frozenset(lists.get("rare_phrase_texts", ())),  # none before the lists are written
    )


READ_CACHE_SIZE = 200_000
"""Typed words whose reading is remembered, and words remembered as meaning themselves."""


_HELD_KEY = re.compile(r"(.)\1{2,}")
"""A letter typed three times or more ("stopppp", "pleeease"): a key held, not a typo."""
SHORTEST_HELD = 4
"""The fewest letters of a word :func:`read_through` reads through a held key ("stop" from
"stopppp"); the screen would take a drawn-out "nooooo" or "meeee" for a phrase's word. The
mender reads those too (:func:`_drawn_out`), so the phrases and the model see "no", "me"."""


def _held_read(held: str) -> str | None:
    """Return what a word typed with a held key reads as, once the held letters are one."""
    return held if held in typo_vocabulary().left_as_typed else read_through(held)


def _drawn_out(word: str) -> str | None:
    """Return a short word drawn out by a held key as the word ("nooooo": "no"), else None."""
    if _HELD_KEY.search(word) is None:
        return None
    return _held_read(_HELD_KEY.sub(r"\1", word))


@lru_cache(maxsize=READ_CACHE_SIZE)
def read_through(word: str) -> str | None:
    """Return the word a lower-cased typed word stands for, or None if it means itself."""
    if _HELD_KEY.search(word) is not None:
        held = _HELD_KEY.sub(r"\1", word)
        if len(held) < SHORTEST_HELD:
            return None  # "nooooo", "meeee": a short word drawn out is said, not mistyped
        return _held_read(held)
    fixed = corrections().get(word)
    if fixed is None and len(word) < SHORTEST_READ and not word.isalpha():
        fixed = _short_look_alike_read(word)
    elif fixed is None and len(word) >= SHORTEST_READ:
        fixed = _longer_word_read(word)
        if fixed is None and len(word) >= SHORTEST_RUN_ON and word.isalpha():
            vocabulary = typo_vocabulary()
            if word not in vocabulary.left_as_typed and not _inflected(word, vocabulary):
                fixed = _run_on_read(word, vocabulary)
    return fixed


def _run_on_read(word: str, vocabulary: TypoVocabulary) -> str | None:
    """Return a run-on's words if one of them is an opt-out word ("take me off"), else None.

    A misspelled long word often splits into words too ("beliving": "be living"); only a
    split holding a word that opt-outs are made of is read.
    """
    split = split_run_on(word, vocabulary.run_on_words)
    if split is None or vocabulary.opt_out_words.isdisjoint(split.split()):
        return None
    return split


_QUANTITY = re.compile(r"\d+[a-z]{0,2}$")
"""A number with a unit or an ending ("5pm", "3rd", "10k"): no look-alike of a word."""


def _short_look_alike_read(word: str) -> str | None:
    """Return the word a short word with look-alike digits spells ("5top", "tx7"), or None.

    Only a word of the patterns or of the short words' table counts: "b4" and "2day" are
    SMS spellings, not look-alikes.
    """
    letters = word.translate(_LOOK_ALIKES)
    if len(word) < 3 or letters == word or not letters.isalpha() or _QUANTITY.match(word):
        return None
    if letters in typo_vocabulary().left_as_typed:
        return letters
    return corrections().get(letters)


def _longer_word_read(word: str) -> str | None:
    """Return the opt-out word a longer typed word is a typo of, or None (one reading per word)."""
    if len(word) < SHORTEST_READ or word.isdigit():
        return None
    letters = word.translate(_LOOK_ALIKES)  # "c0ntact": digits in a word read as letters
    vocabulary = typo_vocabulary()
    if not letters.isalpha() or letters in vocabulary.left_as_typed:
        return letters if letters != word and letters in vocabulary.targets else None
    target = fuzzy_target(letters, vocabulary.targets)
    if target is None or _nearer_real_word(letters, target, vocabulary):
        return None
    return target


def _nearer_real_word(word: str, target: str, vocabulary: TypoVocabulary) -> bool:
    """Return whether a dictionary word is nearer ``word`` than ``target`` is ("teasting")."""
    distance = OSA.distance(word, target)
    nearer = process.extractOne(
        word, vocabulary.real_words_near, scorer=OSA.distance, score_cutoff=distance - 1
    )
    return nearer is not None


SHORTEST_RUN_ON = 5
"""The fewest letters of a run-on that is read ("meoff"): shorter ones are few, and the
patterns or the screen know them."""
SHORT_RUN_ON_WORDS = frozenset("i u me my im no to be it of on up us ur is do go".split())
"""The only words under three letters a run-on is split into: the patterns spell many more
short fragments ("th", "nt"), and splitting into them would read any long word."""
_WORD_ENDINGS = ("s", "es", "d", "ed", "ing", "er", "ers", "ly")
"""Endings that make another form of a word ("unenrolled", "stoppers"), not a run-on."""


def _inflected(word: str, vocabulary: TypoVocabulary) -> bool:
    """Return whether ``word`` is a word of the patterns inflected ("unenrolled"): no run-on."""
    for ending in _WORD_ENDINGS:
        stem = word.removesuffix(ending)
        if stem != word and (
            stem in vocabulary.left_as_typed or stem[:-1] in vocabulary.left_as_typed
        ):
            return True
    return False


SMS_RUN_ON_WORDS = frozenset("thx bro lol omg asap rn ty pls plz tho".split())
"""Words of a run-on that are no dictionary words ("plsstopthx", "wrongnumberbro")."""
_LONGEST_RUN_ON_WORD = 16


def split_run_on(word: str, words: frozenset[str]) -> str | None:
    """Return a run-on as the fewest ``words`` it is made of, spaced ("take me off"), or None.

    Every letter must belong to a word, and there must be two words at least.
    """
    fewest: list[tuple[int, int] | None] = [(0, 0)] + [None] * len(word)  # (count, start)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST_RUN_ON_WORD), end):
            before = fewest[start]
            if before is None or word[start:end] not in words:
                continue
            current = fewest[end]
            if current is None or before[0] + 1 < current[0]:
                fewest[end] = (before[0] + 1, start)
    if (last := fewest[-1]) is None or last[0] < 2:
        return None
    pieces, end = [], len(word)
    while end:
        step = fewest[end]
        assert step is not None  # every position on the way back was reached
        pieces.append(word[step[1] : end])
        end = step[1]
    return " ".join(reversed(pieces))


_meant_as_typed: set[str] = set()
"""Words read before that stand for no other word (bounded like :func:`read_through`'s cache)."""


def fuzzy_target(word: str, targets: Sequence[str]) -> str | None:
    """Return the target ``word`` is a typo of: the cheapest, nearest in length, then first.

    The first letter must be right: people rarely mistype it, and a word that opens
    differently is usually another word ("arent", not "parent").
    """
    near = process.extract(word, targets, scorer=OSA.distance, score_cutoff=2, limit=None)
    readings = [
        (cost, abs(len(target) - len(word)), target)
        for target, _, _ in near
        if target[0] == word[0] and (cost := edit_cost(word, target)) <= edit_budget(target)
    ]
    return min(readings)[2] if readings else None


_PRONOUNS = "u|you|ur|your|me|us|him|her|them|my|the|this|that|these|those"
_SENDING = (
    "(?:sending|texting|txting|textin|txtin|messaging|msging|msgin|bugging|contacting|calling|"
    "emailing|spamming)"
)
"""The gerunds of sending that follow a slipped "stop" or "quit" ("stoop msgin me")."""
_STOPPED_OBJECTS = "(?:it|this|these|them|that|please|pls|plz|now|already)"
_ASKING_BEFORE = r"(?<=\bplease )|(?<=\bpls )|(?<=\bplz )|(?<=\bjust )|(?<=\bso )"
"""The words before a slip that is read only at a request's start ("pls quite texting me")."""
SPELLED_OUT_WORDS = frozenset("stop end quit cancel remove unsubscribe optout".split())
"""Words a reply may spell out letter by letter in a longer message ("S T O P", "s-t-o-p")."""
_BESIDE = {
    "4": (re.compile(rf"(?<![\w'#])4(?= (?:{_PRONOUNS}|good|ever)\b)"), "for"),
    "2": (
        re.compile(
            rf"(?<![\w'#])2(?= (?:{_PRONOUNS}|text|txt|call|contact|message|msg|reach|be)\b)"
        ),
        "to",
    ),
    "r": (
        re.compile(
            r"(?:(?<=\bu )|(?<=\byou )|(?<=\bwe )|(?<=\bthey ))r(?![\w'])"
            r"|(?<![\w'])r(?= (?:u|you)\b)"
        ),
        "are",
    ),
    "#": (re.compile(r"(?<=[a-z] )#(?![\w#])"), "number"),
    "stoop": (
        re.compile(
            rf"(?<![\w'])(?<!\bthe )(?<!\ba )(?<!\bfront )(?<!\bmy )(?<!\bour )(?<!\btheir )"
            rf"stoop(?= (?:{_SENDING}|{_STOPPED_OBJECTS})\b)"
        ),
        "stop",
    ),
    "top": (re.compile(rf"(?:^|{_ASKING_BEFORE})top(?= {_SENDING}\b)"), "stop"),
    "sop": (re.compile(rf"(?:^|{_ASKING_BEFORE})sop(?= {_SENDING}\b)"), "stop"),
    "step": (re.compile(rf"(?:^|{_ASKING_BEFORE})step(?= {_SENDING}\b)"), "stop"),
    "dint": (
        re.compile(
            r"(?:^|(?<=\bi )|(?<=\bplease )|(?<=\bpls )|(?<=\bplz ))dint(?= (?:text|txt|"
            r"message|msg|call|contact|send|email)\b)"
        ),
        "dont",
    ),
    "lost": (
        re.compile(
            r"(?:(?<=\boff the )|(?<=\boff your )|(?<=\boff ur )|(?<=\boff this )|"
            r"(?<=\bfrom the )|(?<=\bfrom your )|(?<=\bfrom ur )|(?<=\bfrom this ))lost(?![\w'])"
            r"(?! (?:and|my|in|on|at|of|for)\b)"
        ),
        "list",
    ),
    "un": (re.compile(r"(?<![\w'])un[^\w ]* ?subscribe(?!\w)"), "unsubscribe"),
    "two": (
        re.compile(
            r"(?:(?<=\btold you )|(?<=\btold u )|(?<=\basked you )|(?<=\basked u )|"
            r"(?<=\bsaid )|(?<=\bneed you )|(?<=\bneed u ))two(?= (?:stop|quit|remove|take|not|"
            r"leave|delete)\b)"
        ),
        "to",
    ),
    "ready": (
        re.compile(
            r"(?<![\w'])all ready(?= (?:told|said|asked|replied|sent|texted|unsubscribed|did|"
            r"opted)\b)"
        ),
        "already",
    ),
    "tax": (
        re.compile(
            r"(?:(?<=\bdon't )|(?<=\bdont )|(?<=\bdo not )|(?<=\bnever ))"
            r"tax(?= (?:me|us) (?:anymore|any more|again|no more)\b)"
        ),
        "text",
    ),
    "del": (
        re.compile(
            r"(?:^|(?<=\bpls )|(?<=\bplz )|(?<=\bplease ))"
            r"del(?= (?:my|this) (?:#|number|num|info)(?!\w))"
        ),
        "delete",
    ),
    "taxing": (
        re.compile(r"(?:(?<=\bstop )|(?<=\bquit )|(?<=\bkeep ))taxing(?= (?:me|us)\b)"),
        "texting",
    ),
    "quite": (re.compile(rf"(?:^|{_ASKING_BEFORE})quite(?= {_SENDING}\b)"), "quit"),
    "quiet": (re.compile(rf"(?:^|{_ASKING_BEFORE})quiet(?= {_SENDING} (?:me|us)\b)"), "quit"),
    "know": (
        re.compile(
            r"(?:^|(?<=\bplease )|(?<=\bpls )|(?<=\bplz ))know(?= more (?:texts?|txts?|messages?|"
            r"msgs?|texting|messaging)\b)"
        ),
        "no",
    ),
    "tex": (
        re.compile(
            r"(?:(?<=\bstop )|(?<=\bquit )|(?<=\bdont )|(?<=\bdon't ))tex (?:in|ting|thing)\b"
        ),
        "texting",
    ),
}
"""The numbers and letters that stand for words only beside others ("4 u", "2 me", "u r",
"my #"), real words slipped where only another fits ("stoop sending me these", "quite
texting me", "please step texting me", "quiet calling me"), dictation's homophones ("dont tax
me anymore", "stop taxing me", "know more texts", "stop tex in"), each sought only in a
reply that holds it, and the words they stand for."""
_BESIDE_WORDS = frozenset(_BESIDE) - {"#"}
"""The words of :data:`_BESIDE`, found in a reply by one set intersection."""
_SPELLED_OUT_WORD = re.compile(
    rf"(?<![\w'])(?:{'|'.join('[ .-]'.join(word) for word in SPELLED_OUT_WORDS)})(?![\w'])"
)
"""A word spelled out letter by letter ("S-T-O-P")."""
_LETTERS_APART = re.compile(r"(?<![\w'])[a-z][ .-][a-z][ .-][a-z](?![\w'])")
"""Three letters typed apart: the opening of a word spelled out."""


def _edits_beside(canonical: str, words: list[str]) -> dict[int, tuple[int, str]]:
    """Return where a spelling read beside other words is, with its end and the words it means.

    Each pattern of :data:`_BESIDE` is sought only in a reply that holds its word, and a
    spelled-out word only where three letters stand apart: most replies hold none.
    """
    edits: dict[int, tuple[int, str]] = {}
    held = _BESIDE_WORDS.intersection(words)
    if "#" in canonical:
        held = held | {"#"}
    for word in filter(held.__contains__, _BESIDE) if held else ():
        pattern, meant = _BESIDE[word]
        edits.update((m.start(), (m.end(), meant)) for m in pattern.finditer(canonical))
    letters = [word for word in words if len(word) == 1]
    if len(letters) >= 3 and _LETTERS_APART.search(canonical) is not None:
        for match in _SPELLED_OUT_WORD.finditer(canonical):
            edits[match.start()] = (match.end(), re.sub("[ .-]", "", match.group()))
    return edits


@lru_cache(maxsize=READ_CACHE_SIZE)
def _word_read(word: str) -> str | None:
    """Return what one typed word reads as: through its typo, a held key, or its SMS spelling."""
    return read_through(word) or _drawn_out(word) or SMS_SPELLINGS.get(word)


def _inside_a_word(canonical: str, start: int, end: int) -> bool:
    """Return whether an apostrophe joins the word at ``start:end`` to another ("i'm", "y'all")."""
    return (start > 0 and canonical[start - 1] == "'") or canonical[end : end + 1] == "'"


def mend(canonical: str) -> tuple[str, SpanMap] | None:
    """Return the reply with its typos and SMS spellings read and a map of spans back, or None.

    A word is read through its typo (:func:`read_through`), else as the word its SMS
    spelling stands for ("u" as "you", "4 u" as "for you").
    """
    words = _WORD.findall(canonical)
    beside = _edits_beside(canonical, words)
    readings = {}
    for word in set(words).difference(_meant_as_typed):
        fixed = _word_read(word)
        if fixed is not None:
            readings[word] = fixed
        elif len(_meant_as_typed) < READ_CACHE_SIZE:  # bounded: a service sees endless words
            _meant_as_typed.add(word)
    if not beside and not readings:
        return None  # most replies: every word was read before and means itself
    edits = []
    covered = -1  # the end of a word spelled out letter by letter, whose letters are read
    for match in _WORD.finditer(canonical):
        start, end = match.span()
        if start < covered:
            continue
        if start in beside:
            covered, meant = beside[start]
            edits.append((start, covered, meant))
        elif (fixed := readings.get(word := match.group())) is not None:
            if word not in SMS_SPELLINGS or not _inside_a_word(canonical, start, end):
                edits.append((start, end, fixed))
    taken = {start for start, _, _ in edits}
    edits += [(start, end, word) for start, (end, word) in beside.items() if start not in taken]
    edits.sort()  # "#" is no word of the reading: its edit joins the others here
    if not edits:
        return None
    pieces, moves, position, shift = [], [], 0, 0
    for start, end, word in edits:
        pieces += [canonical[position:start], word]
        moves.append((start + shift, start + shift + len(word), start, end))
        shift += len(word) - (end - start)
        position = end
    pieces.append(canonical[position:])
    return "".join(pieces), lambda start, end: (_back(moves, start, 0), _back(moves, end, 1))


def _back(moves: list[tuple[int, int, int, int]], offset: int, side: int) -> int:
    """Return where a mended-text offset falls in the original text."""
    shift = 0
    for new_start, new_end, old_start, old_end in moves:
        if offset < new_start or (offset == new_start and side == 1):
            break
        if offset < new_end or (offset == new_end and side == 1):
            return old_start if side == 0 else old_end
        shift = old_end - new_end
    return offset + shift
