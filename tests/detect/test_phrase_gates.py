"""Gated phrase search finds exactly what searching every pattern finds."""

from __future__ import annotations

from importlib import resources

from hypothesis import given, settings
from hypothesis import strategies as st

from optout.detect.normalize import normalize
from optout.detect.patterns import NO_EVIDENCE, PhraseMatch, Strength, phrases
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


def test_replies_of_any_shape_find_the_same(every_pattern):
    # words opening with ' * # or _, characters outside ASCII, lone surrogates, a pattern's
    # opening text inside another word ("piano stop texting me"): the automaton reads
    # the reply as it is, so each finds what a full search finds
    replies = [
        "please 'stop texting' me", "i said *stop texting me*", "wrong # sorry",
        "ok _ remove me from this list", "#1 stop texting me", "stop texting me ü",
        "numero equivocado, ya no vive aqui 🙂", "stop texting me", "piano stop texting me",
        "\ud800 stop texting me \udfff", "número equivocado",
    ]  # fmt: skip
    for canonical in replies:
        found = BOOK.evidence(canonical)
        assert found == every_pattern(canonical), canonical
        assert found.strong or found.weak, canonical  # each holds an opt-out phrase


def test_a_reply_without_any_patterns_text_has_no_evidence(every_pattern):
    for canonical in ["", "ok", "see you at 5", "👍"]:
        assert BOOK.evidence(canonical) == every_pattern(canonical)
        assert not (BOOK.evidence(canonical).strong or BOOK.evidence(canonical).weak)


def test_a_pattern_without_a_required_text_is_found_from_the_first_reply():
    # no text every match must hold can be read off r"^\w+$": the book tries it in every
    # reply, the first one it reads included
    book = PhraseBook(phrases("one word", Strength.WEAK, [r"^\w+$"]))
    assert book.evidence("hello").weak == (PhraseMatch("one word", Strength.WEAK, 0, 5),)
    assert book.evidence("hello there") == NO_EVIDENCE
