"""CSV lines a spreadsheet opens as text: no cell of ours runs as a formula.

A spreadsheet runs a cell as a formula when it starts with ``=``, ``+``, ``-`` or ``@``, and
it looks past what it does not show: spaces (NBSP included), zero-width and other format
characters (a BOM), control characters, full-width forms (``＝``) and, in a CSV file, the
quotes its reader takes away. A file opened in a
locale whose separator is ``;`` (or read as tab-separated) splits a cell at that character,
so each piece after a separator is a cell start too. Every such start that leads to a
formula character gets a ``'`` in front, which spreadsheets read as "text"; every cell is
quoted. A phone number in E.164 (``+12025550100``), in the number column only, is data,
not a formula, and is written as it is.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Sequence

FORMULA_STARTS = frozenset("=+-@")
SEPARATORS = re.compile(r"([,;\t\r\n])")
HIDDEN_CATEGORY_CLASSES = "CZ"
"""Other (control, format, unassigned, private use) and separators: nothing a reader sees."""
E164 = re.compile(r"\+[0-9]{1,15}")


def csv_line(values: Sequence[str | None], *, number: str | None = None) -> str:
    """Return one CSV line, every cell quoted and none a formula; ``number`` comes first."""
    cells = [neutral_cell(value) for value in values]
    if number is not None:
        cells.insert(0, number_cell(number))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL).writerow(cells)
    return buffer.getvalue()


def number_cell(number: str) -> str:
    """Return a phone number as written: E.164 is data; anything else is neutralised."""
    return number if E164.fullmatch(number) else neutral_cell(number)


def neutral_cell(value: str | None) -> str:
    """Return ``value`` with a ``'`` before every cell start that would open a formula."""
    if not value:
        return ""
    pieces = SEPARATORS.split(value)  # text, separator, text, …
    return "".join(
        "'" + piece if index % 2 == 0 and _opens_formula(piece) else piece
        for index, piece in enumerate(pieces)
    )


def _opens_formula(text: str) -> bool:
    """Return whether the first character a spreadsheet would act on starts a formula."""
    for character in text:
        # A quote is eaten by whichever CSV reading the spreadsheet makes of the line.
        if character == '"' or unicodedata.category(character)[0] in HIDDEN_CATEGORY_CLASSES:
            continue
        return unicodedata.normalize("NFKC", character)[:1] in FORMULA_STARTS
    return False
