"""Page cursors: one parser and one message for every list that pages by row id."""

from __future__ import annotations

import pytest

from optout.exceptions import InvalidInput
from optout.services.paging import BAD_CURSOR, row_cursor


def test_no_cursor_asks_for_the_first_page():
    assert row_cursor(None) is None
    assert row_cursor("") is None


def test_a_next_value_names_its_row():
    assert row_cursor("1234") == 1234


@pytest.mark.parametrize("after", ["-1", "12a", "1" * 19, "١٢", " 12"])
def test_anything_else_is_refused_with_the_same_message(after):
    with pytest.raises(InvalidInput) as raised:
        row_cursor(after)
    assert str(raised.value) == BAD_CURSOR
