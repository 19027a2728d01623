"""Sender keys: the strict path and the fast path agree, and every sender has a key."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from optout.exceptions import InvalidPhoneNumber
from optout.numbers import (
    KeyKind,
    lookup_key,
    lookup_keys,
    lookup_lines,
    normalise,
    normalise_for_lookup,
    sender_key,
)

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


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("+44 (0)7911 123456", "+447911123456"),
        ("+4407911123456", "+447911123456"),
        ("+33 (0)6 12 34 56 78", "+33612345678"),
        ("+49 (0)151 23456789", "+4915123456789"),
    ],
)
def test_a_trunk_prefix_after_the_country_code_is_read_as_phonenumbers_reads_it(raw, key):
    assert normalise(raw) == key
    assert normalise_for_lookup(raw) == key


@pytest.mark.parametrize(
    ("raw", "key", "kind"),
    [
        ("+1 624 555 0123", "+16245550123", KeyKind.POSSIBLE),  # area codes newer than the
        ("(729) 555-0123", "+17295550123", KeyKind.POSSIBLE),  # number metadata
        ("898287", "898287", KeyKind.SHORT_CODE),
        ("whatsapp:+52 1 55 1234 5678", "+525512345678", KeyKind.VALID),  # old Mexican mobile
        ("447911123456", "+447911123456", KeyKind.VALID),  # a platform that drops the "+"
        ("MyBrand", "MYBRAND", KeyKind.SENDER_ID),
        ("My Brand", "MYBRAND", KeyKind.SENDER_ID),
    ],
)
def test_every_sender_has_a_key(raw, key, kind):
    assert sender_key(raw) == lookup_key(raw)
    assert (sender_key(raw).key, sender_key(raw).kind) == (key, kind)


@pytest.mark.parametrize("raw", ["", "   ", "whatsapp:", "( ) -", "\x00", ",;"])
def test_only_a_sender_with_nothing_in_it_has_no_key(raw):
    with pytest.raises(InvalidPhoneNumber, match="from"):
        sender_key(raw, field="from")
    assert lookup_key(raw) is None


@given(NANP)
def test_the_fast_path_agrees_with_phonenumbers(digits):
    try:
        strict = normalise(digits)
    except InvalidPhoneNumber:
        return
    assert normalise_for_lookup(digits) == strict
    assert normalise_for_lookup(strict) == strict


PHONE_LIKE = st.text(alphabet="+0123456789 ()-.", max_size=20)


@given(st.one_of(PHONE_LIKE, NANP, st.text(max_size=40)), st.sampled_from(["US", "GB", "DE"]))
def test_the_fast_path_gives_the_strict_key(text, region):
    try:
        strict = sender_key(text, region).key
    except InvalidPhoneNumber:
        strict = None
    found = lookup_key(text, region)
    assert (found.key if found else None) == strict


@given(
    st.lists(st.one_of(PHONE_LIKE, NANP, st.text(max_size=40)), max_size=20),
    st.sampled_from(["US", "GB", "DE"]),
)
def test_a_bulk_lookup_gives_each_key_one_lookup_gives(texts, region):
    found = lookup_keys(texts, region)
    one_by_one = [lookup_key(text, region) for text in texts]
    assert found.keys == [key.key if key else None for key in one_by_one]
    for index, key in enumerate(one_by_one):
        if index in found.others:
            assert found.others[index] == key
        else:  # a clean NANP number: no object, always a number to text
            assert key is not None and key.textable


NEARLY_NANP = st.builds(
    lambda prefix, digits, suffix: prefix + digits + suffix,
    st.sampled_from(["", "1", "+1", "+", "11", "2", " ", "a"]),
    st.text(alphabet="0123456789", min_size=9, max_size=11),
    st.sampled_from(["", "", "", "a", " "]),
)
"""Ten digits or about, after what may or may not be a NANP prefix: the block's fast path."""


@given(
    st.lists(st.one_of(NEARLY_NANP, PHONE_LIKE, NANP, st.text(max_size=40)), max_size=20),
    st.sampled_from(["US", "GB", "DE"]),
)
def test_a_block_of_lines_gives_each_key_one_lookup_gives(texts, region):
    lines = [text for text in texts if "\n" not in text and "\r" not in text]
    found = lookup_lines("".join(line + "\n" for line in lines).encode(), region)
    one_by_one = [(line, lookup_key(line, region)) for line in lines if line.strip()]
    assert sorted(found.keys.decode().splitlines()) == sorted(
        key.key for _, key in one_by_one if key
    )
    assert found.untextable == [
        (line, key) for line, key in one_by_one if not (key and key.textable)
    ]


def test_a_block_reads_windows_line_ends_and_skips_blank_lines():
    block = b"2025550123\r\n\r\n  \n+1 (303) 555-0100\r\nMyBrand\r\n"
    found = lookup_lines(block)
    assert sorted(found.keys.decode().splitlines()) == ["+12025550123", "+13035550100", "MYBRAND"]
    assert [line for line, _key in found.untextable] == ["MyBrand"]
