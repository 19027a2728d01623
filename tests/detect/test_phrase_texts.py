"""The texts read off a phrase pattern hold for every match of it."""

from __future__ import annotations

import re
from importlib import resources

from optout.detect.normalize import normalize
from optout.detect.phrase_texts import opening_texts, openings_or_start, starts_anchored
from optout.detect.phrasebook import PHRASES


def _corpus() -> list[str]:
    folder = resources.files("optout.detect").joinpath("corpus")
    lines = folder.joinpath("train.tsv").read_text("utf-8").split("\n")
    return [normalize(line.partition("\t")[2]).text for line in lines if line]


def test_opening_texts_are_read_off_the_parsed_pattern():
    assert opening_texts(re.compile(r"\b(?:i|we) (?:don't|do not) want")) == {
        "i don't want", "i do not want", "we don't want", "we do not want",
    }  # fmt: skip
    assert opening_texts(re.compile(r"ab?c")) == {"abc", "ac"}
    assert opening_texts(re.compile(r"(?:x|y)+z")) == {"x", "y"}  # the repeat ends them
    assert opening_texts(re.compile(r"^(?:\w+ )?no")) is None  # may open with any word
    assert opening_texts(re.compile(r"stop", re.IGNORECASE)) is None
    assert opening_texts(re.compile(r"(?i:stop) now")) is None


def test_a_pattern_that_may_open_the_reply_is_read_with_its_other_openings():
    read = openings_or_start(re.compile(r"(?:^|[.!?] )(?:please )?remove me"))
    assert read is not None
    anywhere, at_start = read
    assert at_start == {"remove me", "please remove me"}
    assert {". remove me", "! please remove me"} <= anywhere and "remove me" not in anywhere
    assert openings_or_start(re.compile(r"(?:^|\w+ )no")) is None  # may open with any word


def test_a_pattern_is_anchored_when_every_branch_starts_at_the_start():
    assert starts_anchored(re.compile(r"^stop"))
    assert starts_anchored(re.compile(r"^(?:hi )?stop|^quit"))
    assert starts_anchored(re.compile(r"(?:^no more)"))
    assert not starts_anchored(re.compile(r"^stop|quit"))  # one branch may start anywhere
    assert not starts_anchored(re.compile(r"(?:^|, )stop"))
    assert not starts_anchored(re.compile(r"^stop", re.MULTILINE))  # after any newline too


def test_every_match_of_an_anchored_phrase_starts_the_reply():
    corpus = _corpus()
    for phrase in (p for p in PHRASES if starts_anchored(p.regex)):
        for canonical in corpus:
            match = phrase.regex.search(canonical)
            assert match is None or match.start() == 0, (phrase.family, canonical)


def test_every_match_of_every_phrase_starts_with_one_of_its_opening_texts():
    corpus = _corpus()
    for phrase in PHRASES:
        starts = tuple(opening_texts(phrase.regex) or ())
        for canonical in corpus if starts else ():
            for match in phrase.regex.finditer(canonical):
                assert match.group().startswith(starts), (phrase.family, canonical)
