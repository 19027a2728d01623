"""Report figures over a known dataset, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from tests.report_dataset import seed_auto_history, seed_reports

from optout.domain import EventSource
from optout.exceptions import InvalidInput
from optout.services import reports
from optout.services.reports import Period

TODAY = datetime.now(UTC).date()
WEEK = Period(TODAY - timedelta(days=6), TODAY)


@pytest.fixture
def seeded(db_session, account, detector):
    seed_reports(db_session, account=account, detector=detector)
    return {"session": db_session, "account_id": account.id}


def test_opt_outs_per_day_by_source_with_opt_ins(seeded):
    days = {row.day: row for row in reports.opt_outs_by_day(**seeded, period=WEEK)}
    assert list(days) == WEEK.days
    today = days[TODAY]
    assert (today.opt_outs[EventSource.KEYWORD], today.opt_outs[EventSource.AUTO]) == (1, 2)
    assert (today.opt_outs[EventSource.MANUAL], today.opt_ins) == (1, 2)
    imported = days[TODAY - timedelta(days=3)]
    assert (imported.total, imported.opt_outs[EventSource.IMPORT]) == (1, 1)
    assert sum(row.total for row in days.values()) == 5


def test_opt_outs_by_source(seeded):
    rows = {row.name: row.count for row in reports.opt_outs_by_source(**seeded, period=WEEK)}
    assert rows == {"keyword": 1, "auto": 2, "manual": 1, "import": 1, "contact": 0}


def test_campaigns_highest_opt_out_rate_first(seeded):
    rows = reports.opt_outs_by_campaign(**seeded, period=WEEK)
    figures = [(r.campaign, r.sent, r.replies, r.opt_outs) for r in rows]
    assert figures == [("spring", 4, 5, 3), ("winter", 2, 1, 0)]
    assert rows[0].rate == 0.75


def test_auto_opt_outs_by_family(seeded):
    rows = reports.auto_opt_outs_by_family(**seeded, period=WEEK)
    assert {(r.name, r.count) for r in rows} == {("wrong number", 1), ("remove from list", 1)}


def test_auto_opt_out_quality_counts_what_the_account_holder_undid_or_kept(seeded):
    quality = reports.auto_opt_out_quality(**seeded, period=WEEK)
    assert (quality.auto_opt_outs, quality.opted_back_in, quality.kept) == (2, 1, 1)
    assert (quality.kept_after_review, quality.share_undone) == (1, 0.5)


@pytest.fixture
def history(seeded, account):
    seed_auto_history(seeded["session"], account=account)
    return seeded


def _span_of(rows: list[reports.Quality], day: date) -> reports.Quality:
    (row,) = [row for row in rows if row.first <= day <= row.last]
    return row


def test_quality_over_a_month_is_shown_per_week(history):
    month = Period(TODAY - timedelta(days=29), TODAY)
    rows = reports.auto_opt_out_quality_over_time(**history, period=month)
    assert (rows[0].first, rows[-1].last) == (month.first, month.last)
    assert all(row.first.weekday() == 0 for row in rows[1:])
    assert all(row.last.weekday() == 6 for row in rows[:-1])
    figures = {
        days: _span_of(rows, TODAY - timedelta(days=days)) for days in (0, 9, 16)
    }  # three different weeks: the dataset's, and the history's two
    outcomes = {
        d: (q.auto_opt_outs, q.opted_back_in, q.kept_after_review) for d, q in figures.items()
    }
    assert outcomes == {0: (2, 1, 1), 9: (2, 1, 1), 16: (2, 1, 0)}
    assert figures[16].share_undone == 0.5
    others = [row for row in rows if row not in figures.values()]
    assert all(row.auto_opt_outs == 0 and row.share_undone is None for row in others)
    total = reports.auto_opt_out_quality(**history, period=month)
    assert (total.auto_opt_outs, total.opted_back_in, total.kept_after_review) == (6, 3, 2)


def test_quality_over_a_fortnight_is_shown_per_day(history):
    fortnight = Period(TODAY - timedelta(days=13), TODAY)
    rows = reports.auto_opt_out_quality_over_time(**history, period=fortnight)
    assert [(row.first, row.last) for row in rows] == [(d, d) for d in fortnight.days]
    nine_days_ago = rows[-10]
    assert (nine_days_ago.first, nine_days_ago.auto_opt_outs) == (TODAY - timedelta(days=9), 2)
    assert sum(row.auto_opt_outs for row in rows) == 4


def test_a_period_before_the_data_is_empty(seeded):
    earlier = Period(TODAY - timedelta(days=30), TODAY - timedelta(days=4))
    assert sum(row.total for row in reports.opt_outs_by_day(**seeded, period=earlier)) == 0
    assert reports.opt_outs_by_campaign(**seeded, period=earlier) == []
    assert reports.auto_opt_out_quality(**seeded, period=earlier).auto_opt_outs == 0


@pytest.mark.usefixtures("seeded")
def test_another_account_sees_none_of_it(db_session):
    from optout.services.accounts import create_account

    other, _key = create_account(db_session, name="Other")
    scope = {"session": db_session, "account_id": other.id, "period": WEEK}
    assert sum(row.total for row in reports.opt_outs_by_day(**scope)) == 0
    assert reports.opt_outs_by_campaign(**scope) == []


def test_a_period_is_checked():
    with pytest.raises(InvalidInput, match="starts after it ends"):
        Period.of(first=TODAY, last=TODAY - timedelta(days=1), today=TODAY)
    with pytest.raises(InvalidInput, match="at most 366 days"):
        Period.of(first=TODAY - timedelta(days=400), last=None, today=TODAY)
    assert Period.of(first=None, last=None, today=TODAY).first == TODAY - timedelta(days=29)


def test_a_campaign_lists_the_conversations_it_texted(seeded):
    from tests.report_dataset import SPRING

    from optout.services.conversation_search import Filters
    from optout.services.conversations import Folder, list_conversations

    page = list_conversations(
        seeded["session"],
        account_id=seeded["account_id"],
        folder=Folder.ALL,
        filters=Filters(campaign="spring"),
    )
    assert sorted(row.number for row in page.rows) == SPRING
