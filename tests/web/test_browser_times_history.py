"""A thread's times and history in words, in headless Chromium."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from optout.services.inbound import InboundMessage, receive_inbound
from optout.store.tables import Account, utcnow
from optout.web import labels

pytestmark = pytest.mark.browser

LATE = "+12025550141"
SENDER = "+12025550100"


def test_a_late_opt_out_shows_when_the_reply_came_and_when_it_was_applied(
    page, site, web_detector, sign_in, screenshot
):
    with site.session_factory.begin() as session:
        account = session.get_one(Account, site.clinic.account_id)
        received = utcnow() - timedelta(hours=8)  # the provider delivered it late
        inbound = InboundMessage(LATE, SENDER, "please stop texting me", "late-1", received)
        receive_inbound(
            session, account=account, detector=web_detector, inbound=inbound, channel="test"
        )
    sign_in(page, site, site.clinic.email)
    page.get_by_role("searchbox", name="Number or words").fill(LATE)
    page.get_by_role("button", name="Search").click()
    page.locator("li.conversation a.open").first.click()
    status = page.locator(".status-line")
    expect(status).to_contain_text("Opted out automatically")
    expect(status).to_contain_text(re.compile(r"Reply received .+; opt-out applied .+\."))
    expect(page.get_by_role("list", name="Messages")).to_contain_text("Received")
    screenshot(page, "thread-late-opt-out")
    page.goto(f"{site.url}/opt-outs?q={LATE.lstrip('+')}")
    expect(page.get_by_role("columnheader", name="Opted out")).to_be_visible()
    row = page.get_by_role("row", name=re.compile(r"\+1 202-555-0141"))
    expect(row).to_contain_text("reply received")
    page.goto(f"{site.url}/opt-outs?q=2025550113")  # applied as it came: one time only
    row = page.get_by_role("row", name=re.compile(r"\+1 202-555-0113"))
    expect(row).not_to_contain_text("reply received")


def test_history_is_in_words_after_opting_back_in(page, site, sign_in, screenshot):
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/conversations?folder=auto")
    page.get_by_role("button", name="Conversation actions for +1 202-555-0114").first.click()
    page.get_by_role("menuitem", name="Opt back in").click()
    page.get_by_role("dialog").get_by_role("button", name="Opt in").click()
    expect(page.get_by_role("status")).to_contain_text("opted back in")
    page.goto(f"{site.url}/conversations/{site.clinic.conversations['+12025550114']}?folder=all")
    page.get_by_text(re.compile(r"Opt-out history")).click()
    history = page.locator(".history li")
    expect(history.nth(0)).to_contain_text("Opted out automatically by the detector")
    expect(history.nth(1)).to_contain_text(
        re.compile(
            r"Opted back in by alice@maple\.test, .+ — undid the auto opt-out of "
            r"‘wrong number, nobody named Sam here’"
        )
    )
    expect(page.locator(".history")).not_to_contain_text("user:")
    screenshot(page, "thread-history-in-words")
    page.set_viewport_size({"width": 375, "height": 812})
    screenshot(page, "phone-thread-history-in-words")


@pytest.mark.parametrize(
    ("actor", "words"),
    [
        ("user:dana@school.org", "dana@school.org"),
        ("import:list.csv", "the import of list.csv"),
        ("auto-detector", "the detector"),
        ("contact", "the contact"),
        ("api-key:oo_ab12", "the API"),
    ],
)
def test_every_actor_is_named_in_words(actor, words):
    assert labels.actor(actor) == words
