"""E.164 normalisation: the strict path and the fast path agree."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from optout.exceptions import InvalidPhoneNumber
from optout.numbers import normalise, normalise_for_lookup, normalise_many

NANP = st.builds(
    lambda area, exchange, line: f"{area}{exchange}{line:04d}",
    st.integers(201, 989).filter(lambda n: n % 100 != 11),
    st.integers(200, 999),
    st.integers(0, 9999),
)


@pytest.mark.parametrize(
    "raw",
    [
        "+12025550123",
        "2025550123",
        "(202) 555-0123",
        "202.555.0123",
        "1 202 555 0123",
        " +1-202-555-0123 ",
    ],
)
def test_us_formats_become_e164(raw):
    assert normalise(raw) == "+12025550123"
    assert normalise_for_lookup(raw) == "+12025550123"


def test_other_regions_and_default_region():
    assert normalise("+44 20 7183 8750") == "+442071838750"
    assert normalise("020 7183 8750", "GB") == "+442071838750"
    assert normalise_for_lookup("020 7183 8750", "GB") == "+442071838750"


@pytest.mark.parametrize("raw", ["", "hello", "555", "+1555", "12"])
def test_what_is_not_a_number_is_refused(raw):
    with pytest.raises(InvalidPhoneNumber, match="not a valid phone number"):
        normalise(raw)
    assert normalise_for_lookup(raw) is None


def test_normalise_many_keeps_order_and_splits_invalid():
    assert normalise_many(["2025550123", "x", "+13035550100"]) == (
        ["+12025550123", "+13035550100"],
        ["x"],
    )


@given(NANP)
def test_the_fast_path_agrees_with_phonenumbers(digits):
    try:
        strict = normalise(digits)
    except InvalidPhoneNumber:
        return
    assert normalise_for_lookup(digits) == strict
    assert normalise_for_lookup(strict) == strict


@given(st.text(max_size=40))
def test_lookup_never_raises(text):
    result = normalise_for_lookup(text)
    assert result is None or result.startswith("+")
