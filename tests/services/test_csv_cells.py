"""The opt-outs export opens in a spreadsheet as text: no cell runs as a formula.

Checked with property tests over any text in the free-text columns (reason, actor, note),
read back as a comma-separated file and as a ``;``- or tab-separated one (a spreadsheet in
another locale), with the characters spreadsheets look past mixed in.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from optout.domain import EventSource
from optout.services.ledger import OptOutItem
from optout.services.ledger_csv import export_line

HIDDEN = [" ", "\u00a0", "\u200b", "\ufeff", "\u2028", "\t", "\r", "\n", "\u3000", "\u00ad"]
FORMULA = ["=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", ";", ",", '"', "'"]
TRICKY = st.lists(st.sampled_from([*HIDDEN, *FORMULA, "a", "1", "cmd|' /C calc'!A0"])).map("".join)
TEXT = st.one_of(TRICKY, st.text(), st.none())


def _item(reason: str | None, actor: str, note: str | None) -> OptOutItem:
    return OptOutItem(
        number="+12025550100",
        source=EventSource.MANUAL,
        at=datetime(2026, 12, 7, tzinfo=UTC),
        reason=reason,
        actor=actor,
        note=note,
        contact_id=1,
        message_id=None,
    )


def _runs_as_formula(cell: str) -> bool:
    """Return whether a spreadsheet would run ``cell``: its first visible character decides."""
    visible = "".join(c for c in cell if unicodedata.category(c)[0] not in "CZ")
    return unicodedata.normalize("NFKC", visible)[:1] in {"=", "+", "-", "@"}


def _cells(line: str, delimiter: str) -> list[str]:
    rows = csv.reader(io.StringIO(line, newline=""), delimiter=delimiter)
    return [cell for row in rows for cell in row]


@settings(deadline=None)  # a loaded CI machine must not turn slowness into failure
@given(reason=TEXT, actor=TRICKY, note=TEXT)
def test_no_free_text_cell_runs_as_a_formula(reason, actor, note):
    cells = _cells(export_line(_item(reason, actor, note)), ",")
    assert cells[0] == "+12025550100"
    for written, given_text in zip(cells[3:], [reason, actor, note], strict=True):
        assert not _runs_as_formula(written)
        assert written.replace("'", "") == (given_text or "").replace("'", "")


@pytest.mark.parametrize("delimiter", [";", "\t"])
@settings(deadline=None)
@given(reason=TEXT, actor=TRICKY, note=TEXT)
def test_no_cell_runs_as_a_formula_where_another_separator_splits_it(
    delimiter, reason, actor, note
):
    line = export_line(_item(reason, actor, note))
    # The first cell starts with the number, which is ours.
    assert not any(_runs_as_formula(cell) for cell in _cells(line, delimiter)[1:])


@pytest.mark.parametrize(
    "text",
    [
        " =1+1",
        "\u00a0=1+1",
        "\u200b=1+1",
        "\ufeff=1+1",
        "\uff1d1+1",
        "x;=1+1",
        '=HYPERLINK("http://x")',
        "@SUM(A1)",
    ],
)
def test_each_trick_the_red_team_found_is_neutralised(text):
    line = export_line(_item(text, "user:ana@maple.test", None))
    assert line.count('"') >= 12, "every cell is quoted"
    for delimiter in (",", ";"):
        assert not any(_runs_as_formula(cell) for cell in _cells(line, delimiter)[1:])
