"""``GET /v1/reports/opt-outs``: where the account's opt-outs came from over a period."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from optout.api.deps import AccountDep, SessionDep
from optout.services.report_tables import GroupBy, Table, report_table
from optout.services.reports import Period

router = APIRouter(prefix="/v1/reports", tags=["reports"])

From = Annotated[
    date | None, Query(alias="from", description="First day (UTC), included; 29 days before `to`.")
]
To = Annotated[
    date | None, Query(alias="to", description="Last day (UTC), included; today by default.")
]
Group = Annotated[
    GroupBy,
    Query(
        description=(
            "The table: one row per day, source, campaign or family; `quality` in all, or "
            "`quality_over_time` per day (periods up to 14 days) or per week (Monday to Sunday)."
        )
    ),
]


def _table(
    session: Any, account_id: int, first: date | None, last: date | None, group: GroupBy
) -> Table:
    period = Period.of(first=first, last=last, today=datetime.now(UTC).date())
    return report_table(session, account_id=account_id, period=period, group_by=group)


@router.get("/opt-outs")
def get_opt_out_report(
    account: AccountDep,
    session: SessionDep,
    first: From = None,
    last: To = None,
    group_by: Group = GroupBy.DAY,
) -> dict[str, Any]:
    """Return the period's opt-outs grouped by day, source, campaign or family (or quality).

    ``{from, to, group_by, columns, rows: [{column: value}]}``; rates and shares are
    fractions. Campaign rows count the texts sent in the period and the replies and
    opt-outs received in it that answered one of them, the highest opt-out rate first.
    Quality counts the auto opt-outs made, those the account holder opted back in, those
    kept after review (and not undone since), those not undone (``kept``) and the share
    undone (null without auto opt-outs): one minus it is the measured precision.
    ``quality_over_time`` gives the same per day or week, each row's ``from`` and ``to``.
    """
    table = _table(session, account.id, first, last, group_by)
    return {
        "from": table.period.first.isoformat(),
        "to": table.period.last.isoformat(),
        "group_by": table.group_by.value,
        "columns": table.columns,
        "rows": table.records(),
    }


@router.get(
    "/opt-outs.csv",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}}, "description": "The same table as CSV."}},
)
def get_opt_out_report_csv(
    account: AccountDep,
    session: SessionDep,
    first: From = None,
    last: To = None,
    group_by: Group = GroupBy.DAY,
) -> StreamingResponse:
    """Download the same table as ``GET /v1/reports/opt-outs`` as CSV."""
    table = _table(session, account.id, first, last, group_by)
    headers = {"Content-Disposition": f'attachment; filename="{table.filename}"'}
    return StreamingResponse(iter(list(table.csv_lines())), media_type="text/csv", headers=headers)
