"""The phrase book: openings read off a pattern hold, and screened search finds the same."""

from __future__ import annotations

import re
from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

from optout.detect.normalize import normalize
from optout.detect.patterns import opening_texts
from optout.detect.phrase_gates import PhraseBook
from optout.detect.phrasebook import PHRASES, ScreenedBook

BOOK = ScreenedBook(PHRASES)


def _corpus() -> list[str]:
    folder = resources.files("optout.detect").joinpath("corpus")
    lines = folder.joinpath("train.tsv").read_text("utf-8").split("\n")
    return [normalize(line.partition("\t")[2]).text for line in lines if line]


def test_openings_are_read_off_the_pattern():
    assert opening_texts(re.compile(r"\b(?:i|we) (?:don't|do not) want")) == {
        "i don't want", "i do not want", "we don't want", "we do not want",
    }  # fmt: skip
    assert opening_texts(re.compile(r"ab?c")) == {"abc", "ac"}
    assert opening_texts(re.compile(r"(?:x|y)+z")) == {"x", "y"}  # the repeat ends them
    assert opening_texts(re.compile(r"^(?:\w+ )?no")) is None  # may open with any word
    assert opening_texts(re.compile(r"stop", re.IGNORECASE)) is None
    assert opening_texts(re.compile(r"(?i:stop) now")) is None


def test_every_match_of_every_phrase_starts_with_one_of_its_openings():
    corpus = _corpus()
    for phrase in PHRASES:
        openings = tuple(opening_texts(phrase.regex) or ())
        for canonical in corpus if openings else ():
            for match in phrase.regex.finditer(canonical):
                assert match.group().startswith(openings), (phrase.family, canonical)


def test_screened_search_matches_a_full_search_on_the_corpus(every_pattern):
    for canonical in _corpus()[:2000]:
        assert BOOK.evidence(canonical) == every_pattern(canonical), canonical


def test_the_trie_gate_finds_the_texts_the_plain_gate_finds():
    plain = PhraseBook(PHRASES)
    gated = sorted(plain._gated)
    replies = _corpus()[:2000] + [" ".join(gated[i : i + 3]) for i in range(len(gated))]
    for canonical in replies:
        assert BOOK._gate(canonical) == plain._gate(canonical), canonical


WORDS = st.sampled_from(
    "i im i'm not no stop texting me please remove wrong number my this is the list don't "
    "never text u ur lol cancel appointment bus who you have sorry oops meant baja numero "
    "equivocado quitenme de la lista take off want more do".split()
)


@settings(deadline=None)  # a loaded CI machine must not turn slowness into failure
@given(st.lists(WORDS, max_size=12))
def test_screened_search_matches_a_full_search_on_random_phrases(every_pattern, words):
    canonical = normalize(" ".join(words)).text
    assert BOOK.evidence(canonical) == every_pattern(canonical)
