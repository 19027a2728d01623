"""Gated phrase search finds exactly what searching every pattern finds."""

from __future__ import annotations

from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

from optout.detect.normalize import normalize
from optout.detect.phrase_gates import PhraseBook
from optout.detect.phrasebook import PHRASES

BOOK = PhraseBook(PHRASES)


def test_gated_search_matches_a_full_search_on_the_corpus(every_pattern):
    folder = resources.files("optout.detect").joinpath("corpus")
    lines = folder.joinpath("train.tsv").read_text("utf-8").split("\n")[:4000]
    for line in lines:
        canonical = normalize(line.partition("\t")[2]).text
        assert BOOK.evidence(canonical) == every_pattern(canonical), canonical


WORDS = st.sampled_from(
    "i im i'm not no stop texting me please remove wrong number my this is the list don't "
    "never text u ur lol cancel appointment bus who you have sorry oops meant baja numero "
    "equivocado quitenme de la lista take off want more do".split()
)


@settings(deadline=None)
@given(st.lists(WORDS, max_size=12))
def test_gated_search_matches_a_full_search_on_random_phrases(every_pattern, words):
    canonical = normalize(" ".join(words)).text
    assert BOOK.evidence(canonical) == every_pattern(canonical)
