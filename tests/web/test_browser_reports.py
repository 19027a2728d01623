"""The Reports page in headless Chromium: period switching, charts, campaign links, phone."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy.orm import Session
from tests.report_dataset import SPRING, seed_reports

from optout.store.tables import Account

pytestmark = pytest.mark.browser

TODAY = datetime.now(UTC).date()


@pytest.fixture
def reported_site(site, web_detector):
    with site.session_factory.begin() as session:
        account = Session.get_one(session, Account, site.clinic.account_id)
        seed_reports(session, account=account, detector=web_detector)
    return site


def test_the_reports_page_switches_period_and_opens_a_campaign(
    page, reported_site, sign_in, screenshot
):
    site = reported_site
    sign_in(page, site, site.clinic.email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Reports").click()
    expect(page.get_by_role("heading", name="Reports", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Last 30 days")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("img", name=re.compile("opt-outs per day"))).to_be_visible()
    campaigns = page.get_by_role("region", name="Opt-outs per campaign")
    expect(campaigns.get_by_role("row", name=re.compile("spring"))).to_contain_text("75.0%")
    quality = page.get_by_role("region", name="Auto opt-out quality")
    # The site's own two auto opt-outs and the dataset's two: one undone, one kept on review.
    expect(quality.get_by_role("definition")).to_have_text(["4", "1", "1", "25.0%"])
    expect(quality.get_by_role("img", name=re.compile("quality per week"))).to_be_visible()

    page.get_by_role("link", name="Last 7 days").click()
    expect(page).to_have_url(re.compile(r"days=7"))
    expect(page.get_by_role("link", name="Last 7 days")).to_have_attribute("aria-current", "page")
    page.get_by_text("Table of opt-outs per day").click()
    days = page.get_by_role("region", name="Opt-outs per day")
    expect(days.get_by_role("row")).to_have_count(8)  # header + 7 days
    three_days_ago = TODAY - timedelta(days=3)
    row = days.get_by_role("row", name=re.compile(three_days_ago.strftime("%b %d, %Y")))
    expect(row).to_contain_text("1")
    page.get_by_text("Table of auto opt-out quality per day").click()
    per_day = page.get_by_role("region", name="Auto opt-out quality per day")
    expect(per_day.get_by_role("row")).to_have_count(8)
    today = per_day.get_by_role("row", name=re.compile(TODAY.strftime("%b %d, %Y")))
    expect(today.get_by_role("cell")).to_have_text(["4", "1", "1", "25.0%", "75.0%"])
    quiet = per_day.get_by_role("row", name=re.compile(three_days_ago.strftime("%b %d, %Y")))
    expect(quiet.get_by_role("cell")).to_contain_text(["0", "0", "0", "none", "none"])

    page.get_by_label("From", exact=True).fill(three_days_ago.isoformat())
    page.get_by_label("To", exact=True).fill(three_days_ago.isoformat())
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_text("No text with a campaign was sent in this period")).to_be_visible()
    expect(page.get_by_role("link", name="Last 7 days")).not_to_have_attribute(
        "aria-current", "page"
    )

    page.get_by_role("link", name="Last 30 days").click()
    screenshot(page, "reports")
    page.get_by_role("link", name="spring").click()
    expect(page).to_have_url(re.compile(r"/conversations\?campaign=spring"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("spring")
    listed = page.get_by_role("list", name=re.compile("Conversations in"))
    expect(listed.get_by_role("listitem")).to_have_count(len(SPRING))


def test_the_reports_page_fits_a_phone(browser, reported_site, screenshot):
    site = reported_site
    context = browser.new_context(viewport={"width": 375, "height": 740}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{site.url}/login")
    page.get_by_label("Email").fill(site.clinic.email)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/conversations")
    page.goto(f"{site.url}/reports")
    chart = page.get_by_role("img", name=re.compile("opt-out rate per campaign"))
    expect(chart).to_be_visible()
    assert chart.bounding_box()["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(page, "reports-phone")
    context.close()


def test_an_account_without_campaigns_sees_its_own_figures_only(page, reported_site, sign_in):
    site = reported_site
    sign_in(page, site, site.dental.email)
    page.goto(f"{site.url}/reports?days=abc")  # a period the page does not offer: 30 days
    expect(page.get_by_role("link", name="Last 30 days")).to_have_attribute("aria-current", "page")
    expect(page.get_by_text("No text with a campaign was sent in this period")).to_be_visible()
    quality = page.get_by_role("region", name="Auto opt-out quality")
    expect(quality.get_by_role("definition")).to_have_text(["1", "0", "0", "0.0%"])
    response = page.request.get(f"{site.url}/reports/campaign.csv")
    assert response.text() == "campaign,sent,replies,opt_outs,opt_out_rate\n"
