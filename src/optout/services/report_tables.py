"""The report's figures as tables: one shape for the API's JSON, the CSV files and the page.

A :class:`Table` has named columns and rows of plain values (text, whole numbers, shares
as fractions). :func:`report_table` builds the table one ``group_by`` asks for.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from optout.services import reports
from optout.services.reports import Period

Value = str | int | float | None
"""A cell: text, a whole number, a share as a fraction, or None for a share of nothing."""


class GroupBy(StrEnum):
    """The report's tables."""

    DAY = "day"
    SOURCE = "source"
    CAMPAIGN = "campaign"
    FAMILY = "family"
    QUALITY = "quality"
    QUALITY_OVER_TIME = "quality_over_time"


@dataclass(frozen=True, slots=True)
class Table:
    """A report table: column names and rows of values, in order."""

    group_by: GroupBy
    period: Period
    columns: list[str]
    rows: list[list[Value]]

    def records(self) -> list[dict[str, Value]]:
        """Return each row as a mapping of column name to value."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def csv_lines(self) -> Iterator[str]:
        """Yield the table as CSV text, header first."""
        header: list[Value] = list(self.columns)
        for row in [header, *self.rows]:
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerow([_cell(value) for value in row])
            yield buffer.getvalue()

    @property
    def filename(self) -> str:
        """Return a file name saying what the table holds and when."""
        return f"opt-outs-by-{self.group_by}-{self.period.first}-{self.period.last}.csv"


def _cell(value: Value) -> Value:
    """Keep spreadsheets from running a campaign name or family as a formula."""
    if isinstance(value, str) and value and value[0] in "=+-@\t\r":
        return "'" + value
    return value


def report_table(
    session: Session,
    *,
    account_id: int,
    period: Period,
    group_by: GroupBy,
) -> Table:
    """Return the report table ``group_by`` names, for one account and period."""
    columns: list[str]
    rows: list[list[Value]]
    if group_by is GroupBy.DAY:
        days = reports.opt_outs_by_day(session, account_id=account_id, period=period)
        columns = ["day", *(str(source) for source in reports.OPT_OUT_SOURCES)]
        columns += ["opt_outs", "opt_ins"]
        rows = [[d.day.isoformat(), *d.opt_outs.values(), d.total, d.opt_ins] for d in days]
    elif group_by is GroupBy.SOURCE:
        sources = reports.opt_outs_by_source(session, account_id=account_id, period=period)
        columns, rows = ["source", "opt_outs"], [[s.name, s.count] for s in sources]
    elif group_by is GroupBy.CAMPAIGN:
        campaigns = reports.opt_outs_by_campaign(session, account_id=account_id, period=period)
        columns = ["campaign", "sent", "replies", "opt_outs", "opt_out_rate"]
        rows = [[c.campaign, c.sent, c.replies, c.opt_outs, round(c.rate, 4)] for c in campaigns]
    elif group_by is GroupBy.FAMILY:
        families = reports.auto_opt_outs_by_family(session, account_id=account_id, period=period)
        columns, rows = ["family", "auto_opt_outs"], [[f.name, f.count] for f in families]
    else:
        columns, rows = _quality_table(session, account_id, period, group_by)
    return Table(group_by, period, columns, rows)


QUALITY_COLUMNS = ["auto_opt_outs", "opted_back_in", "kept_after_review", "kept", "share_undone"]


def _quality_table(
    session: Session, account_id: int, period: Period, group_by: GroupBy
) -> tuple[list[str], list[list[Value]]]:
    """Return the quality of the period's auto opt-outs, in all or per day or week."""
    if group_by is GroupBy.QUALITY:
        quality = reports.auto_opt_out_quality(session, account_id=account_id, period=period)
        return QUALITY_COLUMNS, [_quality_cells(quality)]
    spans = reports.auto_opt_out_quality_over_time(session, account_id=account_id, period=period)
    rows = [[q.first.isoformat(), q.last.isoformat(), *_quality_cells(q)] for q in spans]
    return ["from", "to", *QUALITY_COLUMNS], rows


def _quality_cells(q: reports.Quality) -> list[Value]:
    share = None if q.share_undone is None else round(q.share_undone, 4)
    return [q.auto_opt_outs, q.opted_back_in, q.kept_after_review, q.kept, share]
