"""Derive the word lists that reading through typos needs, so real words are never "mended".

"stoop", "quite", "spot" and "and" are one slip from STOP, QUIT or END, but they are words
people mean. The list is read off the English and Spanish word-frequency dictionaries of
pyspellchecker (every word used at least once in a million), and shipped as JSON, so the
detector needs no dictionary at run time.

The same dictionaries give the typo reading of the phrase words (:func:`.typos.read_through`)
its lists, shipped as ``typo_vocabulary.json``:

- ``targets``: the opt-out words worth mending a longer typo to (every dictionary word of the
  families' patterns that the screen counts as vocabulary, and the mender's own words, of
  five letters or more);
- ``left_as_typed``: every spelling the patterns use, every dictionary word within a typo of
  a target ("remote" is one key from "remove" but means itself), and every dictionary word
  that would split into the patterns' words as a run-on does ("takeout" is not "take out");
- ``run_on_words``: the words a run-on is split into;
- ``real_words_near``: the dictionary words near a target or one typo from a short word
  ("top" is one letter from "stop"), which the typo tables leave out;
- ``opt_out_words``: the words opt-outs are made of (a run-on that holds none is not split);
- ``rare_phrase_texts``: the texts the phrases open with or hold
  (:func:`.screen.phrase_texts_in_book`) whose chance in chat, the product of their words'
  shares, is below ``RARE_TEXT_CHANCE`` ("see you in court", "under no circumstances", not
  "i don't" or "call me"): the screen keeps a reply that holds one. A text in another script
  ("退订") is rare in chat written in Latin letters: every one of two characters or more is
  kept.

A changed pattern may change every list, so ``--check`` fails until they are written again::

    python -m optout.detect.typo_word_lists          # rewrite the shipped lists
    python -m optout.detect.typo_word_lists --check  # fail if it is out of date
"""

from __future__ import annotations

import bisect
import json
import math
import re
import sys
import unicodedata
from functools import cache
from pathlib import Path

from optout.detect.mistyped_keywords import (
    INFLECTIONS,
    STANDARD_OPT_OUT_KEYWORDS,
    edit_budget,
    edit_cost,
)

LANGUAGES = ("en", "es", "pt")
MIN_FREQUENCY = 1e-6
"""A dictionary word used at least this often (share of all words) is a real word."""
SHIPPED = Path(__file__).with_name("data") / "real_words_near_keywords.json"
TYPO_VOCABULARY = Path(__file__).with_name("data") / "typo_vocabulary.json"
RARE_FREQUENCY = 1e-7
"""A dictionary word used this often is left as typed, however near an opt-out word it is."""
RARE_TEXT_CHANCE = 1e-8
"""A phrase's text whose words' shares multiply to less than this is rare in chat. Measured on
the 49k real SMS, the screen then reads 70 replies more (1e-9 would leave out 1,500 texts
and read 24 more; texts of two words and six letters would read 1,949 more)."""
COMMON_WORD_SHARE = 1e-3
"""The share taken for a contraction or a word of three letters the dictionary lacks ("u",
"lol", "i'm"): chat is full of them."""
COMMON_FREQUENCY = 1e-5
"""A dictionary word used this often may be a word of a run-on ("stopsendingmestuff")."""


def derive() -> dict[str, object]:
    """Return the list of real words near a keyword, with where it was read from."""
    from spellchecker import SpellChecker  # a build-time dependency only

    near: set[str] = set()
    for language in LANGUAGES:
        frequency = SpellChecker(language=language).word_frequency
        for word, count in frequency.dictionary.items():
            if count / frequency.total_words < MIN_FREQUENCY or not word.isalnum():
                continue
            if word in INFLECTIONS or word in STANDARD_OPT_OUT_KEYWORDS:
                continue
            if any(edit_cost(word, k) <= edit_budget(k) for k in STANDARD_OPT_OUT_KEYWORDS):
                near.add(word)
    return {
        "source": f"pyspellchecker {'+'.join(LANGUAGES)}, frequency >= {MIN_FREQUENCY}",
        "words": sorted(near),
    }


def derive_typo_vocabulary() -> dict[str, object]:
    """Return the words a typo is mended to, and the words always left as typed."""
    from spellchecker import SpellChecker  # build-time dependencies only

    from optout.detect.typos import (
        SHORT_RUN_ON_WORDS,
        SHORTEST_READ,
        SHORTEST_RUN_ON,
        SMS_RUN_ON_WORDS,
        VOCABULARY,
        fuzzy_target,
        misspellings,
        split_run_on,
    )

    dictionary: dict[str, float] = {}
    for language in LANGUAGES:
        frequency = SpellChecker(language=language).word_frequency
        for word, count in frequency.dictionary.items():
            folded = _ascii_fold(word)
            share = count / frequency.total_words
            dictionary[folded] = max(share, dictionary.get(folded, 0.0))
    spelled = _pattern_words() | set(VOCABULARY)
    targets = sorted(
        word
        for word in spelled
        if len(word) >= 5 and (word in VOCABULARY or (word in dictionary and _screened(word)))
    )
    real = [
        w
        for w, share in dictionary.items()
        if share >= RARE_FREQUENCY and w.isalpha() and len(w) >= SHORTEST_READ
    ]
    near = {w for w in real if w not in spelled and fuzzy_target(w, targets) is not None}
    short_real = {
        typo
        for word in VOCABULARY
        for typo in misspellings(word, ends=True, slips=True)
        if dictionary.get(typo, 0.0) >= RARE_FREQUENCY
    }
    common = {w for w, share in dictionary.items() if share >= COMMON_FREQUENCY}
    pieces = frozenset(
        w
        for w in spelled | common | SMS_RUN_ON_WORDS
        if w.isalpha() and (len(w) >= 3 or w in SHORT_RUN_ON_WORDS or w in SMS_RUN_ON_WORDS)
    )
    split = {
        w
        for w in real
        if len(w) >= SHORTEST_RUN_ON and w not in spelled and split_run_on(w, pieces) is not None
    }
    return {
        "source": f"phrase patterns; pyspellchecker {'+'.join(LANGUAGES)} >= {RARE_FREQUENCY}",
        "targets": targets,
        "left_as_typed": sorted(spelled | near | split),
        "run_on_words": sorted(pieces),
        "real_words_near": sorted(near | short_real),
        "opt_out_words": sorted(
            {w for w in spelled if _screened(w)}.union(VOCABULARY, _keyword_words())
        ),
        "rare_phrase_texts": _rare_phrase_texts(dictionary),
    }


def _rare_phrase_texts(dictionary: dict[str, float]) -> list[str]:
    """Return the phrases' texts whose chance in chat is below ``RARE_TEXT_CHANCE``."""
    from optout.detect.screen import phrase_texts_in_book
    from optout.detect.sms_spellings import SMS_SPELLINGS

    ordered = sorted(dictionary)

    @cache
    def opening_share(fragment: str) -> float:
        """The share of the commonest word a text's last word may be the start of."""
        index, best = bisect.bisect_left(ordered, fragment), 0.0
        while index < len(ordered) and ordered[index].startswith(fragment):
            best = max(best, dictionary[ordered[index]])
            index += 1
        return best

    def share(word: str) -> float:
        if word in SMS_SPELLINGS:
            return max(
                dictionary.get(meant, RARE_FREQUENCY) for meant in SMS_SPELLINGS[word].split()
            )
        if word in dictionary:
            return dictionary[word]
        return COMMON_WORD_SHARE if "'" in word or len(word) <= 3 else RARE_FREQUENCY

    def chance(text: str) -> float:
        *words, last = text.split()
        return math.prod(map(share, words)) * (opening_share(last) or share(last))

    return sorted(
        text
        for text in phrase_texts_in_book()
        if (len(text) >= 2 if not text.isascii() else chance(text) < RARE_TEXT_CHANCE)
    )


def _keyword_words() -> set[str]:
    """Return the words of the standard keywords, lower-cased ("stop", "opt", "out")."""
    from optout.detect.keywords import KEYWORDS

    return {word for keyword in KEYWORDS for word in keyword.split()}


def _pattern_words() -> set[str]:
    """Return every word the phrase patterns' required and opening texts spell."""
    from optout.detect.phrase_texts import opening_texts, required_text
    from optout.detect.phrasebook import PHRASES

    words: set[str] = set()
    for phrase in PHRASES:
        for text in (*required_text(phrase.regex), *(opening_texts(phrase.regex) or ())):
            words.update(re.findall("[a-z]+", text))
    return words


def _screened(word: str) -> bool:
    """Return whether the screen counts ``word`` as opt-out vocabulary on its own.

    By its stems only: the screen's typo table is made with the lists derived here.
    """
    from optout.detect.screen import has_trigger_stem

    return has_trigger_stem(word)


def _ascii_fold(word: str) -> str:
    """Return ``word`` without accents, as the detector folds replies ("número" -> "numero")."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")


def _render(derived: dict[str, object]) -> str:
    return json.dumps(derived, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    """Write the derived lists, or with ``--check`` compare them with the shipped ones."""
    lists = {SHIPPED: derive, TYPO_VOCABULARY: derive_typo_vocabulary}
    stale = [path for path, build in lists.items() if _stale(path, _render(build()), argv)]
    for path in stale:
        sys.stderr.write(f"{path} is out of date: run python -m optout.detect.typo_word_lists\n")
    return 1 if stale else 0


def _stale(path: Path, derived: str, argv: list[str]) -> bool:
    """Return whether ``path`` differs from ``derived``; without ``--check``, write it instead."""
    if "--check" in argv:
        return not path.exists() or path.read_text(encoding="utf-8") != derived
    path.write_text(derived, encoding="utf-8")
    return False


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
