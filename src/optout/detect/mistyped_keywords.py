"""A keyword typed the way people type it: a reply that is a keyword once the noise is read through.

Real opt-outs are often a keyword mistyped as the whole reply: a key off on the keyboard
("Sgop", "Qiut"), letters swapped ("Stpo"), dropped or doubled ("Sop", "Stoppp"), a digit
for a letter ("5TOP"), letters spaced out ("s-t-o-p"), a stray letter in front ("xSTOP"),
an inflection ("Stopped!"), hidden characters or look-alike letters from other scripts
("S\u200bTOP", Cyrillic "SТОР"), or a phone's effect note ("Stop (sent with Slam Effect)").
The same reading serves the keywords an account declares ("Reply LEAVE4GOOD to stop").

A reply reads as a keyword when, with the noise removed, every word left is that keyword
within a small weighted edit budget: one edit for keywords of up to six letters, two
from seven on. A substitution counts as one edit only between neighbouring keys on a
QWERTY keyboard or look-alike characters (5 and s, 0 and o); another costs two. Real
English and Spanish words that sit within the budget ("stoop", "quite", "and", "spot")
are never read as keywords: :mod:`.typo_word_lists` derives that list from word
frequency dictionaries.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate, chain

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from optout.detect.keywords import KEYWORDS
from optout.detect.reactions import EFFECT_NOTE
from optout.detect.sms_spellings import SMS_SPELLINGS
from optout.domain import Action, Decision, Family, Trigger

STANDARD_OPT_OUT_KEYWORDS: tuple[str, ...] = tuple(
    dict.fromkeys(
        re.sub(r"\W", "", k) for k, action in KEYWORDS.items() if action is Action.OPT_OUT
    )
)
"""The standard opt-out keywords, written as this reading compares them (no spaces)."""
MAX_READ_CHARS = 40
MAX_KEYWORD_FORM = 16
"""The most characters of several words run together that may still be a keyword ("opt out")."""
"""A reply longer than this is not read as a keyword, mistyped or not."""
INFLECTIONS: dict[str, str] = {
    **dict.fromkeys(["stopped", "stopping", "stops", "stopit"], "stop"),
    **dict.fromkeys(["quits", "quitting", "quitted"], "quit"),
    **dict.fromkeys(["cancelled", "canceled", "cancelling", "canceling", "cancels"], "cancel"),
    **dict.fromkeys(["unsubscribed", "unsubscribing", "unsubscribes", "unsub"], "unsubscribe"),
    **dict.fromkeys(["revoked", "revoking"], "revoke"),
    **dict.fromkeys(["optedout", "optingout"], "optout"),
}
"""Forms of a keyword that mean the keyword when sent alone ("Stopped!", "Unsubscribing")."""
SLIPS_MEANT_ALONE = {"stoop": "stop", "atop": "stop"}
"""Real words one slip from a keyword that, as the whole reply to a mass text, are the
keyword: nobody answers one with "Stoop" or "Atop" (STOP slipped or autocorrected, each
written by blind authors, never sent alone in the real SMS). Elsewhere they mean themselves
("the front stoop")."""
SLIPS_OF_A_NAMED_KEYWORD = {"quite": "QUIT"}
"""Real words one slip from a keyword that are the keyword as the whole reply to a text that
names it: "Quite" after "Reply QUIT to stop" (blind authors wrote it twice so), though alone it
agrees ("Quite.", a hard negative of probe3)."""


def slip_of_a_named_keyword(text: str, prompt: str) -> KeywordReading | None:
    """Return the keyword a one-word reply slipped from, where the answered text names it."""
    if len(text) > MAX_READ_CHARS or "?" in text:
        return None
    words = _words(text)
    keyword = SLIPS_OF_A_NAMED_KEYWORD.get(words[0]) if len(words) == 1 else None
    if keyword is None or re.search(rf"\b{keyword}\b", prompt) is None:
        return None
    typed = text.strip()
    start = text.index(typed[0]) if typed else 0
    return KeywordReading(keyword, typed, (start, start + len(typed)))


FILLERS = frozenset(
    "please pls plz plox pleas pleasee now thanks thank you thx ty tq asap already "
    "ok okay k immediately right away me us por favor gracias all "
    "bro bruh dude man sis omg ugh seriously srsly fr period exclamation point so also just".split()
)
"""Words that may stand beside a keyword without changing it ("stop please stop", "bro stop",
"Stop period" as dictation types it, "So STOP.", "also stop")."""
_LOOK_ALIKES = {"0": "o", "1": "il", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g"}
LOOK_ALIKE_LETTERS = {digit: letters[0] for digit, letters in _LOOK_ALIKES.items()}
"""The letter a digit inside a word most often stands for ("c0ntact", "5top")."""
_SOUND_ALIKES = {"c": "sk", "s": "c", "k": "c"}
"""Letters spelled for the sound of another ("cansel", "kancel")."""
_KEY_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_ROW_SHIFT = (0.0, 0.5, 0.75, 1.25)
"""How far each keyboard row sits to the right of the one above, in keys."""
_WORD = re.compile(r"[^\W_]+")
_RUN = re.compile(r"(.)\1+", re.DOTALL)
_REACH = 2
"""Two plain edits: the most any weighted reading within budget can be."""
_SPOKEN = {"optout": "opt out"}
"""How a keyword is named in a reason where its compared form differs."""
OPPOSITES = ("subscribe", "resubscribe", "unstop", "start", "restart", "info", "help")
"""Words that ask for the opposite, or for help: a slip that is as near one of these as
to an opt-out keyword ("subscribe", two letters from "unsubscribe") is not read as one."""


@dataclass(frozen=True, slots=True)
class KeywordReading:
    """A reply read as a keyword: the keyword, and the words as they were typed."""

    keyword: str
    typed: str
    span: tuple[int, int]
    declared: bool = False

    def decision(self) -> Decision:
        """Return the keyword opt-out this reading stands for, highlighting what was typed."""
        how = "declared by the sender" if self.declared else f"typed {self.typed}"
        if self.declared and self.typed.upper() != self.keyword:
            how = f"declared by the sender, typed {self.typed}"
        reason = f"keyword {self.keyword} ({how})"
        return Decision(
            Action.OPT_OUT, Trigger.KEYWORD, None, 1.0, reason, self.span, Family.KEYWORD
        )


def read_keyword(text: str, declared: Sequence[str] = ()) -> KeywordReading | None:
    """Return the opt-out keyword ``text`` reads as once its noise is removed, if any.

    ``declared`` are the keywords the account or the message being answered declared, in
    any case and spacing ("LEAVE4GOOD", "leave 4 good").
    """
    if len(text) > MAX_READ_CHARS:
        return None
    offset = 0
    if (corrected := _STARRED_CORRECTION.match(text)) is not None:
        offset = corrected.start("meant")  # "Shop\n*stop": the slip, then what was meant
        text = corrected.group("meant")
    words = _words(text)
    if not words or len(words) > 12:
        return None
    targets = {form: k for k in declared if (form := compact(k))}
    targets.update(  # "LEAVE" for LEAVE4GOOD: the word before the number says it
        (head.group(), k)
        for k in declared
        if (head := _DECLARED_HEAD.match(compact(k))) is not None and head.group() not in targets
    )
    if all(word.isdigit() for word in words) and "".join(words) not in targets:
        return None  # a number is a keyword only when it is the one declared ("Reply 99")
    keyword = _keyword_of(words, targets)
    if keyword is None and targets:
        keyword = _declared_with_fillers(text, targets)
    if keyword is None or ("?" in text and not SLIPS_MEANT_ALONE.keys().isdisjoint(words)):
        return None  # "Stoop?" asks about a stoop
    original = targets.get(keyword)
    kept = EFFECT_NOTE.sub("", text)
    start = offset + len(kept) - len(kept.lstrip())
    typed = kept.strip()
    name = original or _SPOKEN.get(keyword, keyword)
    return KeywordReading(name.upper(), typed, (start, start + len(typed)), original is not None)


SENDER_CODE = re.compile(
    r"(?:s+t+o+p+|q+u+i+t+|e+n+d+|leave|remove|cancel|unsub|unsubscribe|optout|exit|drop)"
    r"(?:[24](?:end|good|ever|quit|stop|now|all|out|real|life|me)?|4ever|forever|(?:to|for)(?:good|ever|real))"
)
"""The shape of a keyword a sender makes up ("LEAVE4GOOD", "STOP2END", "remove4ever"), read
off a reply's compact form when no text declares one."""


def sender_code_decision(text: str) -> Decision | None:
    """Return the opt-out of a reply that is a keyword of a sender's own making, by its shape.

    Without the text it answers, "Leave4good" still names a sender's keyword: an opt-out
    verb and a number run together, as no other reply is written. No text declared it, so
    it is an auto opt-out, which the account holder can undo, not a keyword opt-out.
    """
    if len(text) > MAX_KEYWORD_FORM * 2:
        return None
    if SENDER_CODE.fullmatch(compact(EFFECT_NOTE.sub("", text))) is None:
        return None
    start = len(text) - len(text.lstrip())
    span = (start, len(text.rstrip()))
    reason = f'{Family.OPT_OUT}: "{text[span[0] : span[1]]}", a sender\'s own keyword by its shape'
    return Decision(Action.OPT_OUT, Trigger.AUTO, None, 1.0, reason, span, Family.OPT_OUT)


def compact(keyword: str) -> str:
    """Return a keyword as this reading compares it: letters and digits, lower case."""
    return "".join(_WORD.findall(fold(keyword)))


def fold(text: str) -> str:
    """Return ``text`` case-folded, without accents, invisible characters or look-alike letters."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = (
        _latin(char) for char in decomposed if unicodedata.category(char) not in ("Mn", "Me", "Cf")
    )
    return unicodedata.normalize("NFKC", "".join(kept)).casefold()


_STARRED_CORRECTION = re.compile(r"\W*\w+\W*\s\*(?P<meant>\w+)\W*$")
"""A one-word reply corrected in a second message the way texters do: "Shop *stop"."""
_DECLARED_HEAD = re.compile(r"[a-z]{4,}(?=[0-9])")
"""The word a declared keyword opens with before a number ("leave" of "leave4good")."""
_DOLLAR_FOR_S = re.compile(r"\$(?=[a-z])")
"""A dollar sign typed for the S it looks like ("$top")."""


def _tokens(text: str) -> list[str]:
    """Return the folded words of a reply, without a phone's effect note."""
    if text.isascii():
        lowered = text.lower()
        if "$" in lowered:
            lowered = _DOLLAR_FOR_S.sub("s", lowered)
        if "sent with" in lowered or "enviado con" in lowered:  # as every effect note opens
            lowered = EFFECT_NOTE.sub("", lowered)
        return _WORD.findall(lowered)
    return _WORD.findall(fold(EFFECT_NOTE.sub("", text)))


_REWRITTEN = re.compile(r"\$|sent with|enviado con")
"""What :func:`_tokens` rewrites in a lower-cased ASCII reply before reading its words."""
_NON_WORD = bytes(c for c in range(128) if not chr(c).isalnum() and chr(c) != "\n")
_SPACED = bytes.maketrans(_NON_WORD, b" " * len(_NON_WORD))
"""Every ASCII byte but a letter, a digit or a line break becomes a space."""


def _tokens_of_each(texts: Sequence[str]) -> Iterator[list[str]]:
    """Yield :func:`_tokens` of each reply, the plain ASCII ones read in one batch pass.

    Lower-cased and split with byte operations, a batch costs a fraction of a regex call
    per reply; a reply in another script or with a piece that :func:`_tokens` rewrites is
    read alone, and every reply is when one holds a line break, the batch's separator.
    Each reply's words are made as they are asked for, so a batch's lists are not all
    alive at once for the garbage collector to walk.
    """
    plain = [text for text in texts if text.isascii()]
    lowered = "\n".join(plain).lower()
    spaced = lowered.encode("ascii").translate(_SPACED).decode("ascii").split("\n")
    if len(spaced) != len(plain):
        yield from map(_tokens, texts)
        return
    rewritten = _rewritten(lowered, spaced)
    lines = enumerate(spaced)
    for text in texts:
        if not text.isascii():
            yield _tokens(text)
            continue
        position, line = next(lines)
        yield _tokens(text) if position in rewritten else line.split()


def _rewritten(lowered: str, lines: list[str]) -> set[int]:
    """Return which lines of ``lowered`` hold a piece :func:`_tokens` rewrites (``lines``:
    the same lines, as long)."""
    found = [match.start() for match in _REWRITTEN.finditer(lowered)]
    if not found:
        return set()
    ends = list(accumulate(len(line) + 1 for line in lines))
    return {bisect_right(ends, start) for start in found}


def _words(text: str) -> list[str]:
    """Return the words of a reply without effect note, fillers or spacing between letters."""
    words = _tokens(text)
    if len(words) > 1 and all(len(word) == 1 for word in words):
        return ["".join(words)]  # "s t o p", "s-t-o-p"
    return _without_fillers(words)


def _declared_with_fillers(text: str, declared: dict[str, str]) -> str | None:
    """Return the declared keyword a reply spells with a filler's words ("No thanks." for
    NOTHANKS), if it does; a standard keyword is read without them."""
    joined = "".join(_tokens(text))
    if len(joined) > MAX_KEYWORD_FORM:
        return None
    keyword = _read_word(joined, declared)
    return keyword if keyword in declared else None


def _keyword_of(words: list[str], declared: dict[str, str]) -> str | None:
    """Return the one keyword every word (or all of them run together) reads as, if any."""
    if len(words) == 1:
        return _read_word(words[0], declared)
    if len("".join(words)) <= MAX_KEYWORD_FORM:
        joined = _read_word("".join(words), declared)
        if joined is not None:
            return joined
    first = _read_word(words[0], declared)
    if first is None or any(_read_word(word, declared) != first for word in words[1:]):
        return None
    return first


def _read_word(word: str, declared: dict[str, str]) -> str | None:
    """Return the keyword one typed word reads as, if any."""
    if not declared:
        return _read_standard_word(word)
    return _read_word_as(word, declared)


@lru_cache(maxsize=65_536)
def _read_standard_word(word: str) -> str | None:
    """Return the standard keyword one typed word reads as, remembered: words repeat."""
    return _read_word_as(word, {})


def _read_word_as(word: str, declared: dict[str, str]) -> str | None:
    """Return the keyword one typed word reads as among the standard and ``declared`` ones."""
    if word in INFLECTIONS:
        return INFLECTIONS[word]
    if word in SLIPS_MEANT_ALONE:
        return SLIPS_MEANT_ALONE[word]
    if word in STANDARD_OPT_OUT_KEYWORDS or word in declared:
        return word
    if SMS_SPELLINGS.get(word) in declared:
        return SMS_SPELLINGS[word]  # "enuf" for ENOUGH
    if word in real_words_near_keywords() or word.isdigit():
        return None
    candidates = (*STANDARD_OPT_OUT_KEYWORDS, *declared)
    choices = [*_standard_runs(), *map(_runs_as_one, declared)]
    if (
        process.extractOne(_runs_as_one(word), choices, scorer=OSA.distance, score_cutoff=_REACH)
        is None
    ):
        return None  # nothing within two plain edits: no weighted reading can be in budget
    best = min(candidates, key=lambda keyword: edit_cost(word, keyword))
    cost = edit_cost(word, best)
    if cost > edit_budget(best) or any(
        (to_other := edit_cost(word, other)) < cost
        or (to_other == cost and not word[0] == best[0] != other[0])
        for other in OPPOSITES
    ):
        return None  # as near an opposite, unless only the keyword shares its first letter
    return best


def edit_budget(keyword: str) -> int:
    """Return how many weighted edits a typed form of ``keyword`` may carry."""
    return 1 if len(keyword) <= 6 else 2


@lru_cache(maxsize=65_536)
def edit_cost(typed: str, keyword: str) -> int:
    """Return the weighted edit cost from ``keyword`` to ``typed`` (runs of a letter as one)."""
    typed, keyword = _runs_as_one(typed), _runs_as_one(keyword)
    budget = edit_budget(keyword)
    distance = OSA.distance(typed, keyword, score_cutoff=budget + 1)
    if distance > budget and _letter_moved(typed, keyword):
        return budget  # "sopt": one letter typed late is one slip, though two plain edits
    if distance > budget:
        return distance
    if len(keyword) <= 3 and len(typed) < len(keyword):
        return budget + 1  # "en", "nd": too little of a three-letter word is left
    if Levenshtein.distance(typed, keyword) > distance:
        return distance  # a swap of two letters ("stpo") is one edit
    cost = 0
    for operation in Levenshtein.editops(keyword, typed):
        if operation.tag != "replace":
            cost += 1
        else:
            cost += 1 if _near(keyword[operation.src_pos], typed[operation.dest_pos]) else 2
    return cost


def _letter_moved(typed: str, keyword: str) -> bool:
    """Return whether ``typed`` is ``keyword`` with one letter typed elsewhere ("sopt", "stpo").

    The first letter must stand: the other orders of a short keyword's letters are mostly
    words ("spot", "post", "tops"), which the real-word list then leaves alone.
    """
    if len(typed) != len(keyword) or len(keyword) < 4 or typed[0] != keyword[0]:
        return False
    return any(
        typed == keyword[:i] + keyword[i + 1 : j + 1] + keyword[i] + keyword[j + 1 :]
        or typed == keyword[:i] + keyword[j] + keyword[i:j] + keyword[j + 1 :]
        for i in range(1, len(keyword))
        for j in range(i + 1, len(keyword))
    )


@cache
def _standard_runs() -> tuple[str, ...]:
    """Return the standard opt-out keywords with each run of a letter written once."""
    return tuple(_runs_as_one(keyword) for keyword in STANDARD_OPT_OUT_KEYWORDS)


def _runs_as_one(word: str) -> str:
    """Return ``word`` with each run of one character written once ("stoppp" -> "stop")."""
    return _RUN.sub(r"\1", word)


def keyword_suspects(texts: Sequence[str]) -> list[int]:
    """Return the positions of the replies that may read as a standard keyword.

    A cheap look for a batch: a reply can read as one only if one of its words, or its
    words run together (with or without fillers), is within the keyword's budget in plain
    edits (a weighted edit costs at least a plain one), or is one of its forms. The
    distances of all distinct words are found in one vectorised call; :func:`read_keyword`
    then reads the few suspects.
    """
    forms_of = list(map(_forms, _tokens_of_each(texts)))
    forms = set(chain.from_iterable(forms_of))
    new = list(forms.difference(_form_seen))
    near = forms.intersection(_near_forms).union(_near_of(new) if new else ())
    return [position for position, forms in enumerate(forms_of) if not near.isdisjoint(forms)]


_FORM_CACHE_LIMIT = 200_000
_form_seen: set[str] = set()
_near_forms: set[str] = {*INFLECTIONS, *SLIPS_MEANT_ALONE}
"""Forms read before, and those of them near a keyword: replies repeat their words."""


def _near_of(forms: list[str]) -> set[str]:
    """Return the new forms near a keyword, read in one vectorised call, and remember them.

    A form is filed as near before it is marked seen, so that another thread that finds it
    seen finds it filed; past the bound, new forms are read each time they come.
    """
    runs = [_runs_as_one(form) for form in forms]
    targets = _standard_runs()
    budgets = np.array([edit_budget(keyword) for keyword in STANDARD_OPT_OUT_KEYWORDS])
    distances = process.cdist(runs, targets, scorer=OSA.distance, score_cutoff=_REACH)
    distances = np.asarray(distances).reshape(len(runs), len(targets))
    within = (distances <= budgets).any(axis=1)
    near = {forms[index] for index in np.flatnonzero(within).tolist()}
    near.update(form for form in forms if SENDER_CODE.fullmatch(form))
    one_past = np.flatnonzero(~within & (distances == budgets + 1).any(axis=1)).tolist()
    near.update(  # "sopt": a letter typed late, two plain edits but one slip
        forms[index]
        for index in one_past
        if any(_letter_moved(runs[index], target) for target in targets)
    )
    if len(_form_seen) < _FORM_CACHE_LIMIT:
        _near_forms.update(near)
        _form_seen.update(forms)
    return near


def _forms(words: list[str]) -> tuple[str, ...]:
    """Return the forms :func:`read_keyword` may read a reply's words as, fillers aside.

    A tuple of strings: the garbage collector stops tracking it, where a batch's lists
    would be walked by every collection until the batch is done.
    """
    joined = "".join(words)
    if len(joined) == len(words) > 1:
        return (joined,)  # "s t o p": every word a letter
    kept = words
    if not FILLERS.isdisjoint(words):
        kept = _without_fillers(words)
        joined = "".join(kept)
    return (*kept, joined) if len(kept) > 1 and len(joined) <= MAX_KEYWORD_FORM else tuple(kept)


def _without_fillers(words: list[str]) -> list[str]:
    """Return the words that are not fillers."""
    return [word for word in words if word not in FILLERS]


def _near(expected: str, typed: str) -> bool:
    """Return whether ``typed`` is an easy slip for ``expected``: a key beside or a look-alike."""
    return (
        typed in _LOOK_ALIKES.get(expected, "")
        or expected in _LOOK_ALIKES.get(typed, "")
        or (typed in keys_beside().get(expected, ""))
        or typed in _SOUND_ALIKES.get(expected, "")
    )


@cache
def keys_beside() -> dict[str, str]:
    """Return the keys around each key of a QWERTY keyboard."""
    places = {
        key: (row, column + _ROW_SHIFT[row])
        for row, keys in enumerate(_KEY_ROWS)
        for column, key in enumerate(keys)
    }
    return {
        key: "".join(
            other
            for other, (row2, x2) in places.items()
            if other != key and abs(row - row2) <= 1 and abs(x - x2) <= 1.0
        )
        for key, (row, x) in places.items()
    }


@lru_cache(maxsize=4096)
def _latin(char: str) -> str:
    """Return the Latin letter or digit ``char`` looks like, if it is from another script."""
    if char.isascii() or not char.isalpha():
        return char
    name = unicodedata.name(char, "")
    if name.startswith("LATIN"):
        return char
    from confusable_homoglyphs import confusables  # loaded only for replies in other scripts

    found = confusables.is_confusable(char, preferred_aliases=["latin"], greedy=True) or []
    for entry in found:
        for glyph in entry["homoglyphs"]:
            if glyph["c"].isascii() and glyph["c"].isalnum():
                return str(glyph["c"])
    return char


@cache
def real_words_near_keywords() -> frozenset[str]:
    """Return the real words that sit within the edit budget of a keyword (derived, shipped)."""
    source = resources.files("optout.detect").joinpath("data/real_words_near_keywords.json")
    return frozenset(json.loads(source.read_text(encoding="utf-8"))["words"])
