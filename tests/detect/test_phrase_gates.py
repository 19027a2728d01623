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


def test_replies_outside_the_one_search_scan_find_the_same(every_pattern):
    # an ASCII reply whose words all open with a letter or digit is scanned for pattern
    # openings in one search; a word opening with ' * # or _, or a character outside
    # ASCII, sends the reply down the word-by-word walk instead
    replies = [
        "please 'stop texting' me", "i said *stop texting me*", "wrong # sorry",
        "ok _ remove me from this list", "#1 stop texting me", "stop texting me ü",
        "numero equivocado, ya no vive aqui 🙂", "stop texting me",
    ]  # fmt: skip
    for canonical in replies:
        found = BOOK.evidence(canonical)
        assert found == every_pattern(canonical), canonical
        assert found.strong or found.weak, canonical  # each holds an opt-out phrase
