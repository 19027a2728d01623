"""The screen: could this reply be an opt-out? A cheap first look before any other reading.

Most replies ("ok", "see you at 5") contain none of the words an opt-out is made of, so
they are answered with the shared "none" decision without normalising them or running
the model. The vocabulary (:mod:`.screen_vocabulary`) covers every phrase family,
keyword and Spanish phrase, the "I'm not who you think" ways of saying wrong person,
one-letter typos of the core words ("stpo", "wrng", "sgop"), and any longer word that
:func:`.typos.read_through` reads as a vocabulary word ("unsubscirbe", "c0ntact"). Beside it,
the texts the families' patterns open with or hold that chat rarely holds ("see you in
court", "under no circumstances"), read off the patterns (:func:`rare_phrase_texts`), keep a
reply too; a reply without any of it is not an opt-out by definition.

The question has one name, asked of three kinds of input:

- :func:`may_opt_out`: one lower-cased reply, split into words; each distinct word is
  classified once and remembered (:func:`may_opt_out_by_words` is that reading alone).
- :func:`which_may_opt_out`: a batch, joined and searched with one pattern compiled from
  the same vocabulary by RE2, whose automaton reads the whole batch in one linear pass,
  so only the replies it keeps cost a Python call. It also keeps a reply that is a
  standard keyword, asks for help or holds a stop sign: anything but a plain "none".
- :func:`may_opt_out_folded`: one reply folded as the batch folds it, read by the batch's
  pattern.

RE2 has no lookaround: the batch pattern consumes the character that ends a word instead
of peeking at it, and drops a stem's exception ("text" but not "textbook"), so it may
keep a few replies more than the word-by-word reading, which then lets them go.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator
from functools import cache
from itertools import compress, repeat
from typing import Protocol

import ahocorasick
import numpy as np
import re2

from optout.detect.automata import options, search_set
from optout.detect.families.english.words import (
    EVERYDAY_AFTER_NOT,
    LEAVE_INFLECTIONS,
    LEAVE_VERBS,
    ONE_WORD_REQUESTS,
)
from optout.detect.help_requests import HELP_WORDS
from optout.detect.keywords import KEYWORDS, STOP_SIGNS
from optout.detect.normalize import rough_fold
from optout.detect.patterns import Strength
from optout.detect.phrase_texts import openings_or_start, required_text, top_level_branches
from optout.detect.screen_vocabulary import CORE_WORDS, PHRASES, WORD_STEMS
from optout.detect.trie import trie
from optout.detect.typos import read_through, real_words, typo_table, typo_vocabulary
from optout.domain import Action

_TRIGGER_WORD = re.compile(rf"(?:{WORD_STEMS})")
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


def phrase_texts_in_book() -> frozenset[str]:
    """Return the texts the families' phrases open with or hold, read off their patterns.

    Every match of a pattern opens with one of its opening texts, or holds one of its
    required texts (:mod:`.phrase_texts`), written here as the screen reads a reply: words
    apart by single spaces. :mod:`.typo_word_lists` keeps those rare in chat
    (:func:`rare_phrase_texts`).
    """
    from optout.detect.phrasebook import PHRASES as BOOK  # the families, read on first use

    found: set[str] = set()
    for phrase in BOOK:
        if phrase.strength is Strength.GUARD:
            continue
        read = openings_or_start(phrase.regex)
        texts = set(required_text(phrase.regex)).union(*(read or ()))
        found.update(map(_as_screened, texts))
    return frozenset(text for text in found if text)


def _as_screened(text: str) -> str:
    """Return a phrase's text as the screen reads it: words apart by single spaces.

    A text in another script ("退订", "đung nhan tin") keeps its characters: the screen
    reads replies in other scripts as folded, not as ASCII words.
    """
    if not text.isascii():
        return " ".join(text.split())
    return _from_a_word(" ".join(_words_of(text).split()))


def _from_a_word(text: str) -> str:
    """Return a text from its first whole word ("'re no longer with us": "no longer with us")."""
    return text.partition(" ")[2] if text.startswith("'") else text


def rare_phrase_texts() -> frozenset[str]:
    """Return the phrases' texts rare in chat ("see you in court", "under no circumstances").

    A reply holding one is kept whatever the hand-kept vocabulary says, so a family's new
    phrase reaches the phrase search once ``python -m optout.detect.typo_word_lists`` has
    read it off the patterns (``make check`` fails until then).
    """
    return typo_vocabulary().rare_phrase_texts


@cache
def _rare_texts_automaton() -> ahocorasick.Automaton:
    """Return an Aho-Corasick automaton of the ASCII :func:`rare_phrase_texts`, each after a space.

    Nearly 30,000 texts: RE2's automaton of them outgrew the memory it may take and fell back
    to a search a hundred times slower, where Aho-Corasick reads them all in one pass. A text
    may end inside a word (a pattern's literal run stops where ``\\w*`` begins), so only its
    start must be a word's start, which the space before it says.
    """
    automaton = ahocorasick.Automaton()
    for text in rare_phrase_texts():
        if text.isascii():
            automaton.add_word(f" {text}", len(text) + 1)
    automaton.make_automaton()
    return automaton


_SPACE = ord(" ")


def _holds_rare_text(single_spaced: str) -> bool:
    """Return whether words apart by single spaces, a space first, hold a rare text."""
    return next(_rare_texts_automaton().iter(single_spaced), None) is not None


def _rare_text_starts(words: bytes) -> list[int]:
    """Return where a phrase's rare text starts in words (on the space before it).

    The words are read single-spaced, as the texts are written; each start found is mapped
    back to its place in ``words``.
    """
    characters = np.frombuffer(words, dtype=np.uint8)
    spaces = characters == _SPACE
    kept = np.ones(len(characters), dtype=bool)
    kept[1:] = ~(spaces[1:] & spaces[:-1])  # the first space of a run stands for it
    places = np.flatnonzero(kept)
    single_spaced = characters[kept].tobytes().decode("latin-1")
    return [
        int(places[end - length + 1]) for end, length in _rare_texts_automaton().iter(single_spaced)
    ]


@cache
def _foreign_automaton() -> ahocorasick.Automaton:
    """Return an Aho-Corasick automaton of the phrases' texts in other scripts ("退订")."""
    automaton = ahocorasick.Automaton()
    for text in rare_phrase_texts():
        if not text.isascii():
            automaton.add_word(text, len(text))
    automaton.make_automaton()
    return automaton


def holds_foreign_text(folded: str) -> bool:
    """Return whether a folded reply holds a phrase's text in another script ("不要再发了")."""
    return next(_foreign_automaton().iter(folded), None) is not None


_HEADS = _phrase_heads(PHRASES)
_heads = frozenset(_HEADS)
_PHRASE_WORDS = _heads.union(
    *(follower.split() for followers in _HEADS.values() for follower in followers)
)
"""Every word of the phrase table: a reply with one of them mistyped is read word by word."""
_TYPO_WORDS = frozenset(
    typo_table(CORE_WORDS, real_words=real_words(), shortest=3, ends=True, slips=True)
)
"""One-letter typos of the core words, keyboard slips included ("stpo", "wrng", "sgop"), made
as the mender makes its own (:func:`.typos.corrections`), leaving the same real words out."""


_SEPARATOR = "\x00"
_WORD_END = r"[ \x00]"
"""What ends a word in the batch pattern (consumed: only whether a reply matches counts)."""
_NOT_WORD = "[^a-z0-9]"
"""What follows a keyword word in the batch pattern; the batch's last reply ends in NUL."""
_EXCEPTION = re.compile(r"\(\?![a-z]+\)")
"""A stem's lookahead exception ("text(?!book)"), which the batch pattern drops."""
_KEYWORD_FORMS = trie([" +".join(map(re.escape, re.split("[ -]", kw))) for kw in KEYWORDS])
_KEYWORD_REPLY = rf"\x00[ '*#]*(?:(?:{_KEYWORD_FORMS})[ '*#]*)+\x00"
"""A whole reply that is a standard keyword, perhaps repeated, once folded ("'STOP!!'",
"opt-out", "stop, stop"); anywhere else a keyword's word ("see you at the end") is no
vocabulary unless it is one in its own right ("stop")."""
_STOP_SIGN = re.compile(f"[{''.join(sorted(STOP_SIGNS))}]")
"""The stop-sign emoji that alone ask to stop."""


def which_may_opt_out(texts: list[str]) -> list[int]:
    """Return the positions of the replies that may be anything but a plain "none".

    A reply is kept when it holds a word of a standard keyword, a stop sign,
    or what :func:`may_opt_out` looks for, once folded as the detector folds it. All
    replies are joined, folded to words with byte operations and searched with one
    RE2 pattern, so its automaton does the work and the 90% of replies without
    such words cost no Python call at all; replies that are not ASCII are searched again
    after one accent-and-width fold of them all.
    """
    if any(map(operator.contains, texts, repeat(_SEPARATOR))):
        return list(range(len(texts)))  # a reply holds the separator itself: look at all
    loud = set(_matched(texts))
    others = list(compress(range(len(texts)), map(operator.not_, map(str.isascii, texts))))
    folded = rough_fold(_SEPARATOR.join(texts[position] for position in others))
    replies = folded.split(_SEPARATOR) if others else []
    if len(replies) != len(others):
        return sorted(loud.union(others))
    loud.update(others[index] for index in _matched(replies))
    loud.update(others[index] for index, reply in enumerate(replies) if _STOP_SIGN.search(reply))
    loud.update(others[index] for index, reply in enumerate(replies) if holds_foreign_text(reply))
    return sorted(loud)


def may_opt_out_folded(folded: str) -> bool:
    """Return whether one reply, folded as :func:`which_may_opt_out` folds it, may opt out.

    The batch's reading for a single reply: the same pattern and the same stop signs.
    """
    joined = _joined([folded])
    if _batch_pattern().search(joined) is not None:
        return True
    if _mistyped_vocabulary_starts(joined.translate(_GAPS)):
        return True
    if _rare_text_starts(joined):
        return True
    return _STOP_SIGN.search(folded) is not None or holds_foreign_text(folded)


_JOINT = _SEPARATOR * 2 + " "
"""What opens each reply in a joined batch. Every word then follows a space, the literal
the screen seeks; the separator is doubled because a match may consume the one that ends
its reply, and the next reply's shape still needs the one that opens it."""


def _joined(texts: list[str]) -> bytes:
    """Return the replies joined as the screen reads them, folded to words with byte operations."""
    padded = _JOINT + _JOINT.join(texts) + _SEPARATOR
    return padded.encode("ascii", "replace").lower().translate(_SPACES)


def _matched(texts: list[str]) -> set[int]:
    """Return the positions of the replies in which the screen finds vocabulary or a shape."""
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    ends = np.cumsum(lengths + len(_JOINT))  # where each reply's stretch of the batch ends
    # a match starts on the space before its word, or on the separator before its reply
    joined = _joined(texts)
    starts = [match.start() for match in _batch_pattern().finditer(joined)]
    starts += _mistyped_vocabulary_starts(joined.translate(_GAPS))
    starts += _rare_text_starts(joined)
    found = np.fromiter(starts, dtype=np.int64, count=len(starts))
    return set(np.searchsorted(ends, found, side="right").tolist())


_GAPS = bytes.maketrans(b"'*#\x00", b"    ")
"""What else splits the batch into plain words for the typo reading."""
_read_words: set[bytes] = set()
_mistyped_words: set[bytes] = set()


def _mistyped_vocabulary_starts(words_only: bytes) -> list[int]:
    """Return where the batch holds a longer word that is a typo of vocabulary ("unsubscirbe").

    Typos of words of five letters and more are too many to list in the batch pattern, so
    each distinct word is read through once (:func:`.typos.read_through`) and remembered;
    the few typos found are then sought in the batch.
    """
    words = set(words_only.split())
    new = words - _read_words
    typed = {word for word in new if _reads_as_vocabulary_or_phrase(word.decode("ascii"))}
    if new and len(_read_words) < _CACHE_LIMIT:  # bounded: past it, new words are read each time
        _mistyped_words.update(typed)  # filed before marked read, for the other threads
        _read_words.update(new)
    typed.update(words & _mistyped_words)
    if not typed:
        return []
    sought = re2.compile(b" (?:" + b"|".join(sorted(typed)) + b") ", options())
    return [match.start() for match in sought.finditer(words_only + b" ")]


def _reads_as_vocabulary(word: str) -> bool:
    """Return whether a word that the vocabulary misses reads as some of it.

    A typo of a trigger word ("unsubscirbe", "5top"), or a run-on whose words, read as a
    reply of their own, may opt out ("leavemealone", "takemeoff").
    """
    if word.isdigit() or is_trigger_word(word):
        return False  # the batch pattern finds it as typed
    fixed = read_through(word)
    if fixed is None:
        return False
    return is_trigger_word(fixed) if " " not in fixed else may_opt_out_by_words(fixed)


def _reads_as_vocabulary_or_phrase(word: str) -> bool:
    """Return whether a word reads as vocabulary or as a phrase's word ("lave", "seend").

    A reply with a mistyped phrase word is read word by word, where the phrase decides.
    """
    return _reads_as_vocabulary(word) or read_through(word) in _PHRASE_WORDS


def is_trigger_word(word: str) -> bool:
    """Return whether ``word`` alone makes a reply a candidate (a trigger stem or a listed typo)."""
    return has_trigger_stem(word) or word in _TYPO_WORDS


def has_trigger_stem(word: str) -> bool:
    """Return whether ``word`` opens with a trigger stem ("unsub", "remov"), typos aside."""
    return _TRIGGER_WORD.match(word) is not None


OPENING_KEYWORDS = frozenset(
    word for word, action in KEYWORDS.items() if action is Action.OPT_OUT and " " not in word
)
"""Opt-out keywords that open a keyword-led reply ("End. way too many texts", "quit, I can't
afford it"): the detector reads one as opt-out evidence, so a reply opening with one passes."""
_OPENING_WORDS = OPENING_KEYWORDS.union(
    ONE_WORD_REQUESTS,
    LEAVE_VERBS,
    (verb + end for verb in LEAVE_VERBS for end in LEAVE_INFLECTIONS),
)
"""Words a reply that may opt out can open with: those keywords, and the words that as the
whole reply ask to leave ("EXIT", "out pls", "unregister me", "withdrawing")."""
_SHAPE_TEMPLATES = (
    r"\x00 +(?:{opening}){word_end}",
    r"\x00 +(?:(?:nope|sorry|um|hi|hey|no) +)?not +{everyday}[a-z']+(?: +[a-z0-9']+){{0,2}} *"
    r"{reply_end}",
    r" not +{everyday_last}[a-z']+ *{reply_end}",
    r" no +[a-z0-9']+ +(?:here|in this|at this|named|by that|in my){word_end}",
    r" not +[a-z]+'s +(?:phone|number|cell|#|num){word_end}",
    r" (?:idk|no idea|dont know|don't know|never heard of) +who +[a-z']+ +is{word_end}",
)
"""Shapes of a whole reply that may opt out without vocabulary: one opening with an opt-out
keyword, and those that say "wrong person" with a name in them ("not Mike", "I'm Carla, not
Karla", "no Kevin here", "not Tom's phone", "idk who Sofia is"), since names are no
vocabulary. The first two open on the separator before a reply, the others on the space
before a word."""
_OPENING = trie(sorted(_OPENING_WORDS))
_EXACT = {
    "opening": _OPENING,
    "everyday": f"(?!(?:{EVERYDAY_AFTER_NOT})(?![a-z]))",
    "everyday_last": f"(?!(?:{EVERYDAY_AFTER_NOT}) *\\x00)",
    "reply_end": r"(?=\x00)",
    "word_end": "(?![a-z])",
}
_LOOSE = {
    "opening": _OPENING,
    "everyday": "",
    "everyday_last": "",
    "reply_end": r"\x00",
    "word_end": "[^a-z]",
}
"""The shapes as the batch pattern seeks them: RE2 has no lookaround, so the everyday words
are not ruled out ("not sure" is kept for a closer look) and the ends are consumed."""
_SHAPES = tuple(re.compile(shape.format(**_EXACT).encode("ascii")) for shape in _SHAPE_TEMPLATES)
_SHAPE_WORDS = frozenset({"not", "no", "who"})
"""A word every shape but the first holds."""


class _Found(Protocol):
    """A match of the batch pattern: only where it starts is read."""

    def start(self) -> int: ...


class _BatchPattern(Protocol):
    """The compiled batch pattern (RE2)."""

    def finditer(self, text: bytes) -> Iterator[_Found]: ...

    def search(self, text: bytes) -> _Found | None: ...


@cache
def _batch_pattern() -> _BatchPattern:
    """Return the RE2 pattern finding the vocabulary and shapes of a reply that may opt out.

    Built on first use: trigger stems, typos as whole words, help words, phrase heads
    followed by their required words, the shapes of a reply naming someone else, loosened
    (see ``_LOOSE``), and of a reply that is a standard keyword. RE2 turns
    the alternation into an automaton, so the batch is read once however many branches
    there are (their common openings are still merged, which keeps the automaton small).
    """
    stems = top_level_branches(_EXCEPTION.sub("", WORD_STEMS))
    branches = [stem.replace("$", _WORD_END) for stem in stems]
    branches += [re.escape(word) + _WORD_END for word in _TYPO_WORDS]
    help_words = trie([re.escape(word) for word in HELP_WORDS])  # help asked for anywhere
    branches.append(f"['*#]*(?:{help_words}){_NOT_WORD}")
    for head, followers in _HEADS.items():
        after = [_follower_pattern(follower) for follower in followers]
        branches.append(re.escape(head) + " +(?:" + trie(after) + ")")
    shapes = [shape.format(**_LOOSE) for shape in _SHAPE_TEMPLATES] + [_KEYWORD_REPLY]
    source = "|".join([f" (?:{trie(branches)})", *shapes]).encode("ascii")
    compiled: _BatchPattern = re2.compile(source, options())
    return compiled


def _follower_pattern(follower: str) -> str:
    """Return the pattern of a phrase's required words ("off this", "me " for ``me$``)."""
    words = follower.split()
    pattern = " +".join(map(re.escape, words))
    return pattern + _WORD_END if follower.endswith(" ") else pattern


_WORD_BREAK = "[^a-z0-9'*#\\x00]"
"""What separates words as :func:`_words_of` reads them (any byte of a non-ASCII character too)."""


@cache
def _holds_trigger_word() -> Callable[[str], list[int] | None]:
    """Return a test whether a reply holds a trigger word, in one pass of an RE2 set.

    The same words :func:`_classify` files as triggers, but for the stems with an exception
    ("text" but not "textbook"), which RE2 cannot say and :func:`may_opt_out_by_words` then reads.
    """
    end = f"(?:{_WORD_BREAK}|$)"
    stems = [stem for stem in top_level_branches(WORD_STEMS) if "(?" not in stem]
    words = [stem.replace("$", end) for stem in stems]
    words += [re.escape(word) + end for word in _TYPO_WORDS]
    return search_set([f"(?:^|{_WORD_BREAK})(?:{trie(words)})".encode("ascii")])


def may_opt_out(lowered: str) -> bool:
    """Return whether a lower-cased reply contains opt-out vocabulary."""
    if _holds_trigger_word()(lowered) is not None:
        return True  # most such replies: one pass of an automaton finds a trigger word
    if not lowered.isascii() and holds_foreign_text(lowered):
        return True
    return may_opt_out_by_words(lowered)


def may_opt_out_by_words(lowered: str) -> bool:
    """Return whether a lower-cased reply contains opt-out vocabulary, read word by word."""
    words = _words_of(lowered).split()
    # _seen is read first: a word marked seen is filed already
    if not _seen.issuperset(words) and any(map(_classify, set(words).difference(_seen))):
        return True
    if not _triggers.isdisjoint(words):
        return True
    if not _heads.isdisjoint(words) and _holds_phrase(words):
        return True
    if _holds_rare_text(f" {' '.join(words)} "):
        return True
    read = " ".join([read_through(word) or word for word in words]).split()
    if read != words and not _heads.isdisjoint(read) and _holds_phrase(read):
        return True  # a phrase with a typo: "lave me alone", "nevrr heard of"
    if (words and words[0] in _OPENING_WORDS) or (read and read[0] in _OPENING_WORDS):
        return True  # a keyword-led reply or a one-word request (the first shape), typos too
    if _SHAPE_WORDS.isdisjoint(words):
        return False  # every other shape holds one of them
    shaped = f"{_SEPARATOR} {' '.join(words)}{_SEPARATOR}".encode("ascii", "replace")
    return any(shape.search(shaped) is not None for shape in _SHAPES)


def _holds_phrase(words: list[str]) -> bool:
    """Return whether a phrase head is followed by one of its required words.

    A follower is read in the three words after its head, as the table writes them.
    """
    return _phrase_pattern().search(f" {' '.join(words)} ") is not None


_FOLLOWER_WORDS = 3
"""How many words after a phrase head its follower is read in."""


@cache
def _phrase_pattern() -> re.Pattern[str]:
    """Return the pattern of a head and a follower in words apart by single spaces.

    One pass of a pattern whose heads and followers share their openings, built on first
    use, instead of a look at each place a head occurs.
    """
    branches = [
        _literal(head) + " (?:" + trie([_literal(f) for f in followers if _fits(f)]) + ")"
        for head, followers in _HEADS.items()
        if any(map(_fits, followers))
    ]
    return re.compile(" (?:" + trie(branches) + ")")


def _fits(follower: str) -> bool:
    """Return whether a follower fits in the words read after its head."""
    return follower.rstrip(" ").count(" ") < _FOLLOWER_WORDS


def _literal(text: str) -> str:
    """Return the pattern of a text as written, its spaces kept plain for :func:`.trie`."""
    return " ".join(map(re.escape, text.split(" ")))


def _classify(word: str) -> bool:
    """Return whether ``word`` is trigger vocabulary, and remember it while there is room.

    A word is marked seen only after it is filed, and nothing is ever forgotten: another
    thread that finds a word seen finds it filed too. Past the bound (a long-running
    service sees endless new words) a new word is read again each time it comes.
    """
    trigger = is_trigger_word(word) or _reads_as_vocabulary(word)
    if len(_seen) < _CACHE_LIMIT:
        if trigger:
            _triggers.add(word)
        _seen.add(word)
    return trigger
