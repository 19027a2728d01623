"""The batch path decides exactly as the one-reply path, and its screen misses nothing.

``decide_many`` screens a whole batch with one compiled pattern and answers most replies
with the shared "none" decision; these tests hold it to ``decide`` on every reply of the
training, held-out and supplement corpora and on generated texts built to trip the
screen (keywords in punctuation, separators inside replies, phrase heads at a reply's
end, non-ASCII forms, batch edges).
"""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime, timedelta
from importlib import resources

import pytest

from optout.detect import Detector
from optout.detect.help_requests import HELP_WORDS
from optout.detect.keywords import STOP_SIGNS, keyword_decision
from optout.detect.normalize import normalize, rough_fold
from optout.detect.phrase_texts import required_text
from optout.detect.phrasebook import PHRASES
from optout.detect.screen import may_opt_out, which_may_opt_out

_KEYWORD_FORMS = [
    "stop", "end", "cancel", "unsubscribe", "quit", "stopall", "stop all", "revoke",
    "optout", "opt out", "opt-out", "start", "unstop", "help", "info",
]  # fmt: skip
_WRAPPERS = ["", "'", '"', "*", "#", "(", "  ", "- ", "'*", "...", "\t", "🛑 "]


def _corpus() -> list[str]:
    texts = []
    folder = resources.files("optout.detect")
    for name in ("corpus/train.tsv", "corpus/heldout.tsv", "supplement/chat.tsv"):
        for line in folder.joinpath(name).read_text("utf-8").split("\n"):
            if line and not line.startswith("#"):
                texts.append(line.partition("\t")[2])
    return texts


def _tricky() -> list[str]:
    texts = []
    for keyword, before, after in itertools.product(_KEYWORD_FORMS, _WRAPPERS, _WRAPPERS):
        for form in (keyword, keyword.upper(), keyword.title(), f"{keyword}, {keyword}"):
            texts.append(f"{before}{form}{after.strip() if before == after else after}")
    texts += [
        "", " ", "\n", "ok", "ok\nstop", "stop\x00please", "\x00", "not me", "not  me",
        "no\tmore", "i'm not", "I'm NOT", "take\nme off", "wrong #", "wrng number",
        "stoop", "stpo", "f*ck off", "'stop", "stop'", "stop2quit", "STOP ALL!!",
        "ＳＴＯＰ", "ｓｔｏｐ ｐｌｅａｓｅ", "🛑", "🛑🛑", "⛔ ok", "número equivocado",
        "Quítenme de la lista", "BAJA", "no me envíe más mensajes", "don’t text me",
        "don`t text me", "remove me " * 30, "123-456", "1 2 3 stop", "stop 🛑",
        "please remove me", "u have the wrong person", "who is this", "new phone who dis",
        "see you at the bus stop", "can't stop laughing", "cancel my appointment",
        "this is not sarah's number", "Not Sarah's number", "she passed away",
        "my textbook", "textbooks stop", "not sure", "I'm not sure", "nope not now",
        "Not Mike", "not mike stop", "no Kevin here", "no kevin herebouts",
    ]  # fmt: skip
    return texts


@pytest.fixture(scope="module")
def replies() -> list[str]:
    return _corpus() + _tricky()


def test_decide_many_decides_each_reply_as_decide_does(detector: Detector, replies):
    batch = detector.decide_many(replies)
    for text, decision in zip(replies, batch, strict=True):
        assert decision == detector.decide(text), text


def test_a_reply_decides_alike_wherever_it_stands_in_a_batch(detector: Detector):
    tricky = _tricky()
    for text in tricky:
        alone = detector.decide(text)
        assert detector.decide_many([text, "ok"])[0] == alone, text
        assert detector.decide_many(["ok", text])[1] == alone, text


def test_a_reply_decides_alike_after_one_whose_match_reaches_its_end(detector: Detector):
    for text in _tricky():
        alone = detector.decide(text)
        for before in ("ok not bob", "not bob", "remove"):
            assert detector.decide_many([before, text])[1] == alone, (before, text)


def test_the_batch_screen_sees_a_reply_shape_right_after_another_reply():
    assert which_may_opt_out(["ok not bob", "not mike smith", "fine"]) == [0, 1]


def test_per_reply_times_are_applied_in_the_batch(detector: Detector):
    now = datetime(2026, 6, 1, tzinfo=UTC)
    texts = ["please remove me from this list", "ok", "stop texting me", "STOP"]
    unstops = [now - timedelta(days=3), None, None, now - timedelta(days=3)]
    moments = [now] * len(texts)
    batch = detector.decide_many(texts, last_unstop_at=unstops, now=moments)
    for text, unstop, decision in zip(texts, unstops, batch, strict=True):
        assert decision == detector.decide(text, last_unstop_at=unstop, now=now)


def test_the_batch_screen_keeps_every_reply_the_one_reply_screen_keeps(replies):
    looked = set(which_may_opt_out(replies))
    for position, text in enumerate(replies):
        folded = text.lower() if text.isascii() else rough_fold(text)
        words = set(re.findall(r"[a-z0-9]+", folded))
        needed = (
            may_opt_out(folded)
            or words & set(HELP_WORDS)
            or keyword_decision(normalize(text))
            or not STOP_SIGNS.isdisjoint(text)
        )
        if needed:
            assert position in looked, text


def test_the_batch_screen_passes_over_a_keyword_word_in_other_talk():
    replies = ["see you at the end", "what time does it start", "END", "'Start!'", "help me"]
    assert which_may_opt_out(replies) == [2, 3, 4]


def test_the_batch_screen_looks_at_every_reply_when_one_holds_its_separator():
    assert which_may_opt_out(["ok", "fine\x00thanks", "yes"]) == [0, 1, 2]
    assert which_may_opt_out([]) == []


def test_required_text_is_held_by_every_match():
    assert required_text(re.compile(r"\b(?:gtfo|get lost)\b")) == ("get lost", "gtfo")
    assert required_text(re.compile(r"you'?ve got")) == ("you've got", "youve got")
    assert required_text(re.compile(r"^\w+ no")) == (" no",)
    assert required_text(re.compile(r"^\w+$")) == ()
    assert required_text(re.compile(r"stop", re.IGNORECASE)) == ()
    assert required_text(re.compile(r"(?i:stop) now")) == (" now",)


def test_required_text_of_every_phrase_is_in_its_matches(replies):
    canonical = [" ".join(text.lower().split()) for text in replies]
    for phrase in PHRASES:
        required = required_text(phrase.regex)
        for text in canonical:
            if required and phrase.regex.search(text):
                assert any(piece in text for piece in required), (phrase.family, text)
