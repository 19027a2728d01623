"""Derive the real words that sit within a keyword's typo budget, so they are never read as one.

"stoop", "quite", "spot" and "and" are one slip from STOP, QUIT or END, but they are words
people mean. The list is read off the English and Spanish word-frequency dictionaries of
pyspellchecker (every word used at least once in a million), and shipped as JSON, so the
detector needs no dictionary at run time::

    python -m optout.detect.keyword_neighbours          # rewrite the shipped list
    python -m optout.detect.keyword_neighbours --check  # fail if it is out of date
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from optout.detect.mistyped_keywords import (
    INFLECTIONS,
    STANDARD_OPT_OUT_KEYWORDS,
    edit_budget,
    edit_cost,
)

LANGUAGES = ("en", "es")
MIN_FREQUENCY = 1e-6
"""A dictionary word used at least this often (share of all words) is a real word."""
SHIPPED = Path(__file__).with_name("data") / "real_words_near_keywords.json"


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


def main(argv: list[str]) -> int:
    """Write the derived list, or with ``--check`` compare it with the shipped one."""
    derived = json.dumps(derive(), indent=1, ensure_ascii=False) + "\n"
    if "--check" in argv:
        if SHIPPED.read_text(encoding="utf-8") != derived:
            sys.stderr.write(
                f"{SHIPPED} is out of date: run python -m optout.detect.keyword_neighbours\n"
            )
            return 1
        return 0
    SHIPPED.write_text(derived, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
