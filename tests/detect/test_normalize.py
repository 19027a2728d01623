"""Normalisation: canonical text, and spans that always index the original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from optout.detect.keywords import match_keyword
from optout.detect.normalize import normalize

ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=80)


def test_folds_case_width_quotes_and_accents():
    assert normalize("  ‘Número’  EQUIVOCADO!! ").text == "numero' equivocado"
    assert normalize("ＳＴＯＰ 🛑").text == "stop"


def test_collapses_inner_whitespace_and_controls():
    assert normalize("stop\t\x00  all\n").text == "stop all"


def test_offsets_point_back_into_the_original():
    text = "Hi!  “Remove   me”"
    normal = normalize(text)
    start = normal.text.index("remove")
    span = normal.original_span(start, start + len("remove me"))
    assert text[span[0] : span[1]] == "Remove   me"


@settings(deadline=None)  # a loaded CI machine must not turn slowness into failure
@given(ANY_TEXT)
def test_normalisation_is_idempotent(text):
    once = normalize(text).text
    assert normalize(once).text == once


@settings(deadline=None)  # a loaded CI machine must not turn slowness into failure
@given(ANY_TEXT)
def test_spans_stay_inside_the_original(text):
    normal = normalize(text)
    assert len(normal.starts) == len(normal.ends) == len(normal.text)
    for start, end in zip(normal.starts, normal.ends, strict=True):
        assert 0 <= start < end <= len(text)
    low, high = normal.span
    assert 0 <= low <= high <= len(text)


@settings(deadline=None)  # a loaded CI machine must not turn slowness into failure
@given(
    st.sampled_from(["stop", "unsubscribe", "stop all", "opt out", "help", "start"]),
    st.text(" \t.!?,'\"*", max_size=4),
    st.text(" \t.!?,'\"*", max_size=4),
    st.booleans(),
)
def test_keyword_is_invariant_to_case_spacing_and_punctuation(word, before, after, upper):
    variant = before + (word.upper() if upper else word.title()) + after
    assert match_keyword(normalize(variant).text) == match_keyword(word)


@settings(deadline=None)  # a loaded CI machine must not turn slowness into failure
@given(ANY_TEXT)
def test_detector_never_crashes_and_spans_fit(text):
    from optout.detect import Detector

    decision = _detector(Detector).decide(text)
    if decision.span is not None:
        assert 0 <= decision.span[0] <= decision.span[1] <= len(text)


_shared: dict[str, object] = {}


def _detector(factory):
    """Return one detector for all examples (hypothesis dislikes function fixtures)."""
    if "detector" not in _shared:
        _shared["detector"] = factory()
    return _shared["detector"]
