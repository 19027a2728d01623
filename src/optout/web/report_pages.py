"""The Reports page: where the account's opt-outs came from over a period, and CSV files.

The period is the last 7, 30 (the default) or 90 days up to today, or two dates. Each
chart comes with a table of the same figures, which is also a CSV download.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session

from optout.exceptions import InvalidInput
from optout.services import reports
from optout.services.report_tables import GroupBy, report_table
from optout.services.reports import Period
from optout.store.tables import Account
from optout.web import labels, report_charts
from optout.web.auth import CurrentAccount, CurrentUser, DbSession
from optout.web.rendering import PageNotFound, PageRoute, flash, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)

LAST_DAYS = (7, 30, 90)
FromDay = Annotated[str | None, Query(alias="from")]
ToDay = Annotated[str | None, Query(alias="to")]


def _period(request: Request, days: str | None, first: str | None, last: str | None) -> Period:
    """Return the period asked for; bad dates are explained and the last 30 days shown."""
    today = datetime.now(UTC).date()
    if first or last:
        try:
            return Period.of(first=_date(first, "from"), last=_date(last, "to"), today=today)
        except InvalidInput as error:
            flash(request, error.message, "error")
    return Period(today - timedelta(days=_last_days(days) - 1), today)


def _last_days(days: str | None) -> int:
    """Return the number of days asked for, 30 unless it is one the page offers."""
    offered = {str(count): count for count in LAST_DAYS}
    return offered.get(days or "", 30)


def _date(value: str | None, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise InvalidInput(f"{field}: {value!r} is not a date (YYYY-MM-DD)", field=field) from error


def _figures(session: Session, account: Account, period: Period) -> dict[str, Any]:
    days = reports.opt_outs_by_day(session, account_id=account.id, period=period)
    campaigns = reports.opt_outs_by_campaign(session, account_id=account.id, period=period)
    families = labels.family_counts(
        reports.auto_opt_outs_by_family(session, account_id=account.id, period=period)
    )
    quality = reports.auto_opt_out_quality(session, account_id=account.id, period=period)
    spans = reports.auto_opt_out_quality_over_time(session, account_id=account.id, period=period)
    unit = reports.quality_unit(period)
    return {
        "days": days,
        "campaigns": campaigns,
        "families": families,
        "quality": quality,
        "quality_spans": spans,
        "quality_unit": unit,
        "quality_chart": report_charts.quality_chart(spans, unit)
        if quality.auto_opt_outs
        else None,
        "sources": [s for s in reports.OPT_OUT_SOURCES if any(d.opt_outs[s] for d in days)],
        "day_chart": report_charts.day_chart(days),
        "campaign_chart": report_charts.campaign_chart(campaigns) if campaigns else None,
        "family_chart": report_charts.family_chart(families) if families else None,
    }


@router.get("/reports")
def report_page(
    request: Request,
    session: DbSession,
    user: CurrentUser,
    account: CurrentAccount,
    days: str | None = None,
    first: FromDay = None,
    last: ToDay = None,
) -> Response:
    """Show the period's opt-outs by day and source, campaign, reason, and their quality."""
    period = _period(request, days, first, last)
    chosen = None if first or last else _last_days(days)
    return render(
        request,
        "reports.html",
        user=user,
        account=account,
        period=period,
        chosen=chosen,
        last_days=LAST_DAYS,
        query=f"from={period.first}&to={period.last}",
        **_figures(session, account, period),
    )


@router.get("/reports/{group_by}.csv")
def report_csv(
    request: Request,
    session: DbSession,
    account: CurrentAccount,
    group_by: str,
    first: FromDay = None,
    last: ToDay = None,
) -> Response:
    """Download one of the page's tables as CSV."""
    try:
        table_name = GroupBy(group_by)
    except ValueError as error:
        raise PageNotFound() from error
    period = _period(request, None, first, last)
    table = report_table(session, account_id=account.id, period=period, group_by=table_name)
    headers = {"Content-Disposition": f'attachment; filename="{table.filename}"'}
    return StreamingResponse(iter(list(table.csv_lines())), media_type="text/csv", headers=headers)
