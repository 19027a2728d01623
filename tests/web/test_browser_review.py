"""Needs review and reviewing auto opt-outs in headless Chromium, at desktop and phone sizes."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from optout.services.inbound import InboundMessage, receive_inbound
from optout.store.tables import Account, MessageReview, utcnow

SENDER = "+12025550100"

pytestmark = pytest.mark.browser

LONG_NUMBER = "+12025550131"
UNSURE_NUMBER = "+12025550132"
LONG = (
    "Hi, I got your message about the flu clinic but I have moved to another state and I "
    "do not need these reminders any more, so please remove me from your list. Thank you "
    "for all the help over the years, the staff were always lovely to my kids."
)
UNSURE = "these texts are a lot"


@pytest.fixture
def lookalikes(site, web_detector):
    """Add two replies that look like opt-outs but were not applied to the clinic."""
    with site.session_factory.begin() as session:
        account = session.get_one(Account, site.clinic.account_id)
        for index, (number, body) in enumerate([(LONG_NUMBER, LONG), (UNSURE_NUMBER, UNSURE)]):
            at = utcnow() + timedelta(seconds=index + 1)
            inbound = InboundMessage(number, SENDER, body, f"look-{index}", at)
            receive_inbound(
                session, account=account, detector=web_detector, inbound=inbound, channel="test"
            )
    return site


def _folder(page, name):
    return page.get_by_role("list", name="Folders").get_by_role("link", name=re.compile(name))


def _verdicts(site):
    with site.session_factory() as session:
        rows = session.scalars(select(MessageReview).order_by(MessageReview.id)).all()
        return [(row.outcome, row.actor) for row in rows]


def test_needs_review_shows_why_and_both_actions_take_replies_out(
    page, lookalikes, sign_in, screenshot
):
    site = lookalikes
    sign_in(page, site, site.clinic.email)
    expect(_folder(page, "Needs review")).to_contain_text("2")
    _folder(page, "Needs review").click()
    expect(page.get_by_role("heading", name="Needs review", level=1)).to_be_visible()
    items = page.get_by_role("list", name="Replies to review").get_by_role("listitem")
    expect(items).to_have_count(2)
    long_item = items.filter(has_text="+1 202-555-0131")
    expect(long_item.locator("mark")).to_have_text(re.compile("remove me", re.I))
    expect(long_item).to_contain_text("over 200 characters")
    expect(items.filter(has_text="+1 202-555-0132")).to_contain_text("the detector was unsure")
    screenshot(page, "needs-review")
    page.set_viewport_size({"width": 375, "height": 812})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "phone-needs-review")
    page.set_viewport_size({"width": 1280, "height": 820})

    page.get_by_role("button", name="Opt out +1 202-555-0131").click()
    expect(page.get_by_role("status")).to_contain_text("1 number opted out.")
    expect(items).to_have_count(1)
    assert site.contact(site.clinic, LONG_NUMBER).status == "opted_out"
    event = site.last_event(site.clinic, LONG_NUMBER)
    assert (event.type, event.source, event.actor) == ("opt_out", "manual", "user:alice@maple.test")

    page.get_by_role("checkbox", name="Select the reply from +1 202-555-0132").check()
    page.get_by_role("button", name="Mark selected not an opt-out").click()
    expect(page.get_by_role("status")).to_contain_text("1 reply marked not an opt-out.")
    expect(page.get_by_role("list", name="Replies to review")).to_contain_text("Nothing to review")
    expect(_folder(page, "Needs review").locator(".count")).to_be_hidden()
    assert site.contact(site.clinic, UNSURE_NUMBER).status == "active"
    assert _verdicts(site) == [
        ("opted_out", "user:alice@maple.test"),
        ("not_an_opt_out", "user:alice@maple.test"),
    ]


def test_keep_opted_out_clears_the_badge_and_bulk_opt_back_in_asks_first(
    page, site, sign_in, screenshot
):
    sign_in(page, site, site.clinic.email)
    expect(_folder(page, "Auto Opt-Out")).to_contain_text("2")
    _folder(page, "Auto Opt-Out").click()
    page.get_by_role("button", name="Keep +1 202-555-0114 opted out").click()
    expect(page.get_by_role("status")).to_contain_text("1 auto opt-out kept.")
    expect(_folder(page, "Auto Opt-Out")).to_contain_text("1")
    kept = page.locator("li.conversation", has_text="+1 202-555-0114")
    expect(kept).to_contain_text("Reviewed")
    expect(kept.get_by_role("button", name=re.compile("^Keep"))).to_have_count(0)
    assert site.contact(site.clinic, "+12025550114").status == "opted_out"
    screenshot(page, "auto-opt-out-reviewed")
    page.set_viewport_size({"width": 375, "height": 812})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "phone-auto-opt-out-reviewed")
    page.set_viewport_size({"width": 1280, "height": 820})

    page.get_by_role("checkbox", name="Select +1 202-555-0113").check()
    page.get_by_role("button", name="Keep selected opted out").click()
    expect(page.get_by_role("status")).to_contain_text("1 auto opt-out kept.")
    expect(_folder(page, "Auto Opt-Out").locator(".count")).to_be_hidden()

    page.get_by_role("checkbox", name="Select +1 202-555-0113").check()
    page.get_by_role("checkbox", name="Select +1 202-555-0114").check()
    page.get_by_role("button", name="Opt selected back in…").click()
    dialog = page.get_by_role("dialog", name="Opt the selected numbers back in?")
    expect(dialog).to_contain_text("100% sure")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    assert site.contact(site.clinic, "+12025550113").status == "opted_out"
    page.get_by_role("button", name="Opt selected back in…").click()
    dialog.get_by_role("button", name="Opt in").click()
    expect(page.get_by_role("status")).to_contain_text("2 numbers opted back in")
    expect(page.locator(".precision")).to_have_text(
        "Your team undid 2 of 2 auto opt-outs: 0% were right."
    )
    assert site.contact(site.clinic, "+12025550113").status == "active"
    assert site.contact(site.clinic, "+12025550114").status == "active"
    assert [outcome for outcome, _ in _verdicts(site)] == [
        "kept",
        "kept",
        "opted_back_in",
        "opted_back_in",
    ]
