"""GET /v1/reports/opt-outs: the report's tables as JSON and CSV, per account."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from tests.report_dataset import seed_auto_history, seed_reports

from optout.store.tables import Account

TODAY = datetime.now(UTC).date()


@pytest.fixture
def seeded(app, tenant, detector):
    with app.state.session_factory() as session, session.begin():
        account = session.scalars(select(Account).where(Account.slug == tenant.slug)).one()
        seed_reports(session, account=account, detector=detector)


def _report(client, tenant, **params) -> dict:
    response = client.get("/v1/reports/opt-outs", params=params, headers=tenant.headers)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.usefixtures("seeded")
def test_days_default_to_the_last_30(client, tenant):
    report = _report(client, tenant)
    assert (report["from"], report["to"]) == (str(TODAY - timedelta(days=29)), str(TODAY))
    assert report["columns"] == [
        "day", "keyword", "auto", "manual", "import", "contact", "opt_outs", "opt_ins",
    ]  # fmt: skip
    today = report["rows"][-1]
    assert today == {
        "day": str(TODAY), "keyword": 1, "auto": 2, "manual": 1, "import": 0, "contact": 0,
        "opt_outs": 4, "opt_ins": 2,
    }  # fmt: skip
    assert sum(row["import"] for row in report["rows"]) == 1


@pytest.mark.usefixtures("seeded")
def test_each_grouping(client, tenant):
    campaigns = _report(client, tenant, group_by="campaign")["rows"]
    assert campaigns[0] == {
        "campaign": "spring", "sent": 4, "replies": 5, "opt_outs": 3, "opt_out_rate": 0.75,
    }  # fmt: skip
    families = _report(client, tenant, group_by="family")["rows"]
    assert {row["family"] for row in families} == {"wrong number", "remove from list"}
    sources = _report(client, tenant, group_by="source")["rows"]
    assert {row["source"]: row["opt_outs"] for row in sources}["auto"] == 2
    quality = _report(client, tenant, group_by="quality")["rows"]
    assert quality == [
        {"auto_opt_outs": 2, "opted_back_in": 1, "kept_after_review": 1, "kept": 1,
         "share_undone": 0.5},
    ]  # fmt: skip


@pytest.fixture
def history(app, tenant):
    with app.state.session_factory() as session, session.begin():
        account = session.scalars(select(Account).where(Account.slug == tenant.slug)).one()
        seed_auto_history(session, account=account)


@pytest.mark.usefixtures("seeded", "history")
def test_quality_over_time_per_week_and_per_day(client, tenant):
    weeks = _report(client, tenant, group_by="quality_over_time")
    assert weeks["columns"] == [
        "from", "to", "auto_opt_outs", "opted_back_in", "kept_after_review", "kept",
        "share_undone",
    ]  # fmt: skip
    rows = weeks["rows"]
    assert (rows[0]["from"], rows[-1]["to"]) == (weeks["from"], weeks["to"])
    assert 5 <= len(rows) <= 6  # 30 days, Monday to Sunday
    nine_days_ago = str(TODAY - timedelta(days=9))
    (week,) = [row for row in rows if row["from"] <= nine_days_ago <= row["to"]]
    assert (week["auto_opt_outs"], week["opted_back_in"], week["kept_after_review"]) == (2, 1, 1)
    assert week["share_undone"] == 0.5
    assert {row["share_undone"] for row in rows if not row["auto_opt_outs"]} <= {None}
    params = {"group_by": "quality_over_time", "from": str(TODAY - timedelta(days=6))}
    days = _report(client, tenant, **params)["rows"]
    assert [row["from"] for row in days] == [row["to"] for row in days]
    assert len(days) == 7
    assert days[-1] | {"from": None, "to": None} == {
        "from": None, "to": None, "auto_opt_outs": 2, "opted_back_in": 1,
        "kept_after_review": 1, "kept": 1, "share_undone": 0.5,
    }  # fmt: skip


@pytest.mark.usefixtures("seeded", "history")
def test_quality_over_time_downloads_as_csv(client, tenant):
    params = {"group_by": "quality_over_time", "from": str(TODAY - timedelta(days=1))}
    response = client.get("/v1/reports/opt-outs.csv", params=params, headers=tenant.headers)
    rows = list(csv.reader(io.StringIO(response.text)))
    yesterday, today = str(TODAY - timedelta(days=1)), str(TODAY)
    assert rows == [
        ["from", "to", "auto_opt_outs", "opted_back_in", "kept_after_review", "kept",
         "share_undone"],
        [yesterday, yesterday, "0", "0", "0", "0", ""],
        [today, today, "2", "1", "1", "1", "0.5"],
    ]  # fmt: skip


@pytest.mark.usefixtures("seeded")
def test_a_table_downloads_as_csv(client, tenant):
    params = {"group_by": "campaign", "from": str(TODAY), "to": str(TODAY)}
    response = client.get("/v1/reports/opt-outs.csv", params=params, headers=tenant.headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert f"opt-outs-by-campaign-{TODAY}-{TODAY}.csv" in response.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[:2] == [
        ["campaign", "sent", "replies", "opt_outs", "opt_out_rate"],
        ["spring", "4", "5", "3", "0.75"],
    ]


@pytest.mark.usefixtures("seeded")
def test_another_account_sees_nothing(client, other_tenant):
    report = _report(client, other_tenant)
    assert sum(row["opt_outs"] for row in report["rows"]) == 0
    assert _report(client, other_tenant, group_by="campaign")["rows"] == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-12-07", "to": "2026-12-01"}, "from"),
        ({"from": "2020-01-01", "to": "2026-01-01"}, "from"),
        ({"from": "yesterday"}, "from"),
        ({"group_by": "weekday"}, "group_by"),
    ],
)
def test_bad_parameters_are_named(client, tenant, params, field):
    response = client.get("/v1/reports/opt-outs", params=params, headers=tenant.headers)
    assert response.status_code == 422
    assert response.json()["error"]["field"] == field


def test_a_key_is_needed(client):
    assert client.get("/v1/reports/opt-outs").status_code == 401
